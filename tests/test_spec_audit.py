"""SPEC conformance: one test per promise that an audit found broken (then fixed)."""

from __future__ import annotations

import json


def test_submission_period_without_year_is_refused(make_folder, duk):
    # SPEC §2: a submission's period is a quarter such as 2019Q2. A bare "Q2" in the file
    # would silently mean a different quarter every year it is read.
    folder = make_folder({"submissions.yaml": "- person: nguyen-thi-lan\n  period: Q2\n  date: 2019-06-27\n"})
    r = duk(["check", "--format", "json"], data=folder)
    assert r.exit_code == 1
    diags = json.loads(r.stdout)
    assert [(d["file"], d["line"], d["severity"], d["code"]) for d in diags] == [
        ("submissions.yaml", 2, "error", "schema")]
    assert "2019Q2" in diags[0]["message"]
