"""Sorting text the way each language's readers expect: ICU's collation (CLDR's rules for each
language) through PyICU. Serbian Cyrillic puts Ђ after Д and Ј after И; Croatian, Bosnian and
Serbian Latin put Č, Ć after C, Dž, Đ after D, Lj, Nj after L, N, and Š, Ž after S, Z; Romanian,
Albanian, Bulgarian and Ukrainian their own letters likewise. Python's own order (code points) puts
every one of those after Z or Я, so every list of labels or titles a reader sees sorts through here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import icu


@cache
def collator(locale: str) -> icu.Collator:
    """The collator of a Babel locale name (sr, sr_Latn, hr...), made once per process: it holds
    nothing but ICU's rules for that locale, the same in every build."""
    return icu.Collator.createInstance(icu.Locale(locale))


def sort_key(locale: str) -> Callable[[str], bytes]:
    """A key function that orders text as `locale` does (ties between cases and accents are
    decided by ICU's tertiary strength, so the order is total and the same on every machine)."""
    return collator(locale).getSortKey


def icu_version() -> str:
    """The ICU library collation runs on (the system's: PyICU is built against it)."""
    return icu.ICU_VERSION
