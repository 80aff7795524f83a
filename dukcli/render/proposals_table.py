"""`duk proposals` drawn: the terminal table, CSV rows and the Excel sheet of the proposals
(rules/follow.Row) or of their groups (rules/follow.Group); and agenda's section of proposals
left open."""

from __future__ import annotations

from dukcli.dates import fmt
from dukcli.words import proposals as W
from dukcli.words import voice

# A proposal's status as a coloured cell: new waits for someone, forwarded is on its way.
STATUS_TONES = {"moi": "bad", "da-chuyen": "pending", "da-tra-loi": "good", "da-giai-quyet": "good"}
_STATUS_COLOURS = {"bad": "red", "pending": "yellow", "good": "green"}


def status_word(status: str) -> str:
    return voice.STATUSES[status]


def last_words(row) -> str:
    last = row.followed.last
    return W.last_step(status_word(last.status), last.date, last.by) if last else ""


# --- the list ---------------------------------------------------------------------------------

def csv_row(row) -> list:
    p, last = row.proposal, row.followed.last
    return [row.key, fmt(p.date), row.unit_name, row.name, voice.PROPOSAL_FIELDS[p.field], p.text,
            status_word(row.status), row.age, fmt(last.date) if last else "", (last.by or "") if last else "",
            (last.text or "") if last else "", p.id]


def print_list(title: str, rows: list, console) -> None:
    from dukcli.render.output import table

    console.print(f"[bold]{title}[/bold]")
    if not rows:
        console.print(W.NO_PROPOSALS)
        return
    t = table(*W.LIST_COLUMNS)
    for i, r in enumerate(rows, 1):
        colour = _STATUS_COLOURS[STATUS_TONES[r.status]]
        t.add_row(str(i), r.key, fmt(r.proposal.date), r.unit_name, r.name, r.proposal.text,
                  f"[{colour}]{status_word(r.status)}[/{colour}]", str(r.age), last_words(r))
    console.print(t)
    console.print(W.list_total(len(rows), sum(1 for r in rows if r.open)))


def list_sheet(title: str, rows: list):
    from dukcli.render.xlsx import Column, Sheet, Tone, numbered

    columns, body = numbered(
        (Column(W.KEY), Column(W.DATE, "date"), Column(W.UNIT), Column(W.PERSON), Column(W.FIELD), Column(W.TEXT),
         Column(W.STATUS), Column(W.AGE, "number"), Column(W.LAST_DATE, "date"), Column(W.LAST_BY),
         Column(W.LAST_TEXT), Column(W.ID)),
        [[r.key, r.proposal.date, r.unit_name, r.name, voice.PROPOSAL_FIELDS[r.proposal.field], r.proposal.text,
          Tone(status_word(r.status), STATUS_TONES[r.status]), r.age,
          r.followed.last.date if r.followed.last else None,
          r.followed.last.by if r.followed.last else None,
          r.followed.last.text if r.followed.last else None, r.proposal.id] for r in rows])
    notes = (W.list_total(len(rows), sum(1 for r in rows if r.open)),) if rows else ()
    return Sheet(W.SHEET, title, columns, body, notes=notes, empty=W.NO_PROPOSALS)


# --- the groups -------------------------------------------------------------------------------

def _units(g) -> str:
    return "; ".join(name for _, name in g.units)


def _keys(g) -> str:
    return ", ".join(r.key for r in g.rows)


def group_csv_row(g) -> list:
    return [g.wording, len(g.units), len(g.rows), _units(g), _keys(g)]


def _group_total(groups: list) -> str:
    return W.group_total(len(groups), sum(len(g.rows) for g in groups), sum(1 for g in groups if len(g.units) > 1))


def print_groups(title: str, groups: list, console) -> None:
    from dukcli.render.output import table

    console.print(f"[bold]{title}[/bold]")
    if not groups:
        console.print(W.NO_PROPOSALS)
        return
    t = table(*W.GROUP_COLUMNS)
    for i, g in enumerate(groups, 1):
        t.add_row(str(i), g.wording, str(len(g.units)), str(len(g.rows)), _units(g), _keys(g))
    console.print(t)
    console.print(_group_total(groups))


def group_sheet(title: str, groups: list):
    from dukcli.render.xlsx import Column, Sheet, numbered

    columns, body = numbered(
        (Column(W.WORDING), Column(W.UNIT_COUNT, "number"), Column(W.COUNT, "number"), Column(W.UNITS),
         Column(W.KEYS)),
        [[g.wording, len(g.units), len(g.rows), _units(g), _keys(g)] for g in groups])
    notes = (_group_total(groups),) if groups else ()
    return Sheet(W.GROUP_SHEET, title, columns, body, notes=notes, empty=W.NO_PROPOSALS)


# --- agenda's section ---------------------------------------------------------------------------

def open_rows(rows: list) -> list[tuple]:
    """agenda's rows (after its TT): key, date, unit, person, age, text."""
    return [(r.key, fmt(r.proposal.date), r.unit_name, r.name, W.age_days(r.age), r.proposal.text) for r in rows]
