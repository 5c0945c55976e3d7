"""No input, however broken, ends in a Python traceback (issue 16).

hypothesis generates content trees (tests/fuzz_content.py): front matter across every field kind,
bodies, attachments and vocabularies full of random Unicode, control characters, extreme numbers and
dates, nesting and long values. Each is built in-process over the previous output: the build either
succeeds with every accepted item published, or stops with the hub's problem lines and leaves the
previous output byte-identical. `invoke fuzz --examples N` runs the same property longer.
"""

import os

from hypothesis import HealthCheck, given, settings

import fuzz_content

EXAMPLES = int(os.environ.get("HUB_FUZZ_EXAMPLES", "200"))
RAN = {"examples": 0, "built": 0, "refused": 0}


def test_every_build_succeeds_whole_or_fails_with_problem_lines(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795262400")
    work = tmp_path_factory.mktemp("fuzz")

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(fuzz_content.content_tree())
    def property_holds(files):
        outcome = fuzz_content.check(files, work)
        RAN["examples"] += 1
        RAN["built" if outcome.ok else "refused"] += 1

    property_holds()
    assert RAN["built"] > 0 and RAN["refused"] > 0, RAN  # both ways out were exercised
    report = os.environ.get("HUB_FUZZ_REPORT")
    if report:
        with open(report, "w", encoding="utf-8") as out:
            out.write(f"{RAN['examples']} {RAN['built']} {RAN['refused']}\n")
