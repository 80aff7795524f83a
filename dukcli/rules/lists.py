"""A change to the list files judged as `check` would judge them (SPEC §5, "Keeping the
records by command"): each text parsed, then the checks across the lists. The visits are not
read (an entry never loads the history, SPEC §9): what a change does to them — a visit to a
unit now closed — `check` says afterwards, as a warning or an error of its own.
"""

from __future__ import annotations

from dukcli import codes
from dukcli import model as m
from dukcli import schema, yamltext
from dukcli.rules import validate

PARSERS = {
    "units.yaml": schema.parse_units,
    "people.yaml": schema.parse_people,
    "assignments.yaml": schema.parse_assignments,
}
LIST_CHECKS = (validate.duplicate_ids, validate.unit_parents, validate.assignment_refs,
               validate.assignment_overlaps)


def parse(rel: str, text: str) -> tuple[list, list[m.Diagnostic]]:
    """One list file's records and its diagnostics (never raises on bad text)."""
    sink = schema.Sink(rel)
    try:
        doc = yamltext.load(text)
    except yamltext.YamlError as e:
        sink.add(e.line, codes.get(e.code), e.message)
        return [], sink.diags
    return PARSERS[rel](sink, doc) or [], sink.diags


def judge(texts: dict[str, str], config: m.Config, today) -> tuple[m.Dataset, list[m.Diagnostic]]:
    """The lists as they would be (texts: rel -> text of units, people and assignments), and
    every diagnostic check would give them."""
    records, diags = {}, []
    for rel in PARSERS:
        records[rel], found = parse(rel, texts[rel])
        diags += found
    ds = m.Dataset.build(config, records["units.yaml"], records["people.yaml"], records["assignments.yaml"], [], [])
    for check in LIST_CHECKS:
        diags += check(ds, today)
    return ds, validate.ordered(diags)
