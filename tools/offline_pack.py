"""What `invoke offline-pack --lang L` does: one language of a built hub as a ZIM file for Kiwix.

The glue of `hub_offline.zim`: it reads the settings (the language table, SITENAME, SITEURL), the
language's interface catalog (the pack's description is the hub's tagline in that language), and
writes `<name>_<code>.zim`. The site must have been built first, with the same settings.
"""

from __future__ import annotations

import datetime
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE / "plugins"))

TAGLINE = "Child Protection Hub for South-East Europe"  # as theme/templates/base.html shows it


def main(lang: str, site: str, target: str, settings_file: str, online: str) -> Path:
    from hub_build.settings import read_file
    from hub_i18n import catalogs
    from hub_languages.model import LanguageTable
    from hub_offline.zim import PackError, PackInfo, iso639_3, write_pack

    settings = read_file(settings_file)
    languages = LanguageTable.from_settings(settings)
    if lang not in languages.codes:
        raise SystemExit(f"offline-pack: --lang {lang!r} is not a language of {settings_file}: "
                         f"use one of {', '.join(languages.codes)}")
    language = languages[lang]
    found, _ = catalogs.load(Path(settings["THEME"]) / "translations", languages)
    sitename = settings.get("SITENAME", "Hub")
    name = f"{re.sub(r'[^a-z0-9]+', '-', sitename.lower()).strip('-') or 'hub'}_{lang}"
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date() if epoch
            else datetime.date.today())
    try:
        info = PackInfo(name=name, title=f"{sitename} ({language.name})"[:30],
                        description=found[lang].gettext(TAGLINE)[:80], language=iso639_3(language.locale),
                        creator=sitename, publisher=sitename, date=when,
                        illustration=(Path(settings["THEME"]) / "static" / "img" / "icon-48.png").read_bytes())
        path = Path(target or "packs") / f"{name}.zim"
        counts = write_pack(Path(site), language.prefix, path, info, settings.get("SITEURL", ""), online)
    except PackError as error:
        raise SystemExit(f"offline-pack: {error}") from None
    print(f"offline-pack: {path}: {counts['pages']} pages and {counts['files']} files of {language.name} "
          f"({path.stat().st_size:,} bytes), with a full-text index")
    return path
