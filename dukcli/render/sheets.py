"""The Excel sheets of visits, quota, status, scorecard and agenda: the same answers their
terminal tables show, as render/xlsx.Sheet (real dates, numbers, coloured results)."""

from __future__ import annotations

from dukcli import model as m
from dukcli import words
from dukcli.render.xlsx import (OVERALL_TONES, REPORT_TONES, STATE_TONES, STATUS_TONES, Column, Sheet, Tone,
                                numbered)
from dukcli.words import feedback as FW
from dukcli.words import output as W
from dukcli.words import sheets as S


def visits(period, rows) -> Sheet:
    columns, body = numbered(
        (Column(W.DATE, "date"), Column(W.VISITOR), Column(W.UNIT), Column(W.CONTENTS), Column(S.RATING),
         Column(W.COUNTS), Column(W.FILE)),
        [[r.visit.date, r.name, r.unit_name, ", ".join(words.PARTS[p] for p in r.visit.parts),
          m.RATINGS.get(r.visit.rating, "") if r.visit.rating else None,
          W.YES if r.counts else Tone(W.NO, "pending"), r.visit.file] for r in rows])
    notes = (W.visits_total(len(rows), sum(1 for r in rows if r.counts)),) if rows else ()
    return Sheet(S.VISITS_SHEET, W.visits_title(period.label), columns, body, notes=notes, empty=W.NO_VISITS)


def _month(state) -> Tone:
    mark = words.MONTH_MARKS[state.state]
    text = f"{mark} {state.visits}" if state.state != "not-required" or state.visits else mark
    return Tone(text, STATE_TONES[state.state])


def quota(result) -> list[Sheet]:
    from dukcli.render.quota_table import totals_line
    from dukcli.rules.quota import PhuTrachRow, TheoDoiRow

    title = f"{W.quota_title(result.period.label)} {W.as_of(result.as_of)}"
    pt = [r for r in result.rows if isinstance(r, PhuTrachRow)]
    td = [r for r in result.rows if isinstance(r, TheoDoiRow)]
    out = []
    if pt or not td:
        columns, body = numbered(
            (Column(W.NAME), Column(W.IN_PERIOD, "number"), Column(W.YEAR_TO_DATE, "number"),
             Column(words.EXPECTED_BY_END, "number"), Column(W.YEAR_TARGET, "number"), Column(W.RESULT)),
            [[r.name, r.visits, r.visits_ytd, r.expected, r.target_year,
              Tone(words.STATUS[r.status], STATUS_TONES[r.status])] for r in pt])
        out.append(Sheet(S.PHU_TRACH_SHEET, title, columns, body, lines=(W.PHU_TRACH_TITLE,),
                         empty=W.NOBODY_IN_PERIOD))
    if td:
        months = result.period.months()
        columns, body = numbered(
            (Column(W.NAME), Column(W.UNIT), *(Column(f"T{mo}") for _, mo in months),
             Column(W.MONTHS_MET, "number"), Column(words.MONTHS_REQUIRED, "number"),
             Column(S.VISITS_IN_PERIOD, "number"), Column(W.RESULT)),
            [[r.name, r.unit_name, *(_month(s) for s in r.months), r.met, r.required, r.visits,
              Tone(words.STATUS[r.status], STATUS_TONES[r.status])] for r in td])
        out.append(Sheet(S.THEO_DOI_SHEET, title, columns, body, lines=(W.THEO_DOI_TITLE,)))
    notes = (S.QUOTA_LEGEND, totals_line(result)) if result.rows else ()
    last = out[-1]
    out[-1] = Sheet(last.name, last.title, last.columns, last.rows, last.lines, notes, last.empty)
    return out


def status(st) -> Sheet:
    from dukcli.rules.deadline import report_state, report_word

    columns, body = numbered(
        (Column(W.NAME), Column(W.RECEIVED, "date"), Column(W.REPORT_STATE), Column(S.DAYS_LATE, "number")),
        [[r.name, r.received, Tone(report_word(r), REPORT_TONES[report_state(r)]), r.days_late] for r in st.rows])
    title = f"{W.status_title(st.period.label)} — {W.due_on(st.due)} {W.as_of(st.as_of)}"
    notes = (W.status_totals(st.count("dung-han"), st.count("tre-han"), st.count("chua-nop"), len(st.rows)),)
    return Sheet(S.STATUS_SHEET, title, columns, body, notes=notes if st.rows else (), empty=W.NOBODY_IN_QUARTER)


def scorecard(card) -> Sheet:
    quarters = [f"{card.year}Q{n}" for n in range(1, 5)]

    def report(state):
        return Tone(words.REPORTS[state], REPORT_TONES[state]) if state else Tone("—", "muted")

    def art4(r) -> str:
        return W.months_met(r.met, r.required, r.visits) if r.role == "theo-doi" else W.visits_of_target(r.visits,
                                                                                                          r.target)
    columns, body = numbered(
        (Column(W.NAME), Column(W.ROLE), Column(W.ARTICLE4), Column(words.ARTICLE4_RESULT),
         *(Column(q) for q in W.QUARTERS), Column(W.YEAR_RATING), Column(FW.SCORECARD_COLUMN)),
        [[r.name, m.ROLE_NAMES[r.role] + (W.ROLE_CHANGED if len(r.roles) > 1 else ""), art4(r),
          Tone(words.STATUS[r.status], STATUS_TONES[r.status]), *(report(r.reports[q]) for q in quarters),
          Tone(words.OVERALL[r.overall], OVERALL_TONES[r.overall]), r.said] for r in card.rows])
    return Sheet(S.SCORECARD_SHEET, f"{W.scorecard_title(card.year)} {W.as_of(card.as_of)}", columns, body,
                 notes=(W.SCORECARD_LEGEND,) if card.rows else (), empty=W.NOBODY_IN_YEAR)


def agenda(ag) -> list[Sheet]:
    from dukcli.dates import month_end
    from dukcli.rules.agenda import meeting_on

    day = ag.as_of
    title = W.agenda_title(day)
    left = (month_end(day.year, day.month) - day).days

    def meeting(r):
        on = meeting_on(r.meeting_day, day.year, day.month)
        return None if on is None else Tone(on, "muted" if on < day else None)

    due_cols, due_rows = numbered(
        (Column(W.NAME), Column(W.UNIT), Column(W.VISITS_DUE_COLUMNS[3], "date"), Column(S.DAYS_LEFT, "number")),
        [[r.name, r.unit_name, meeting(r), r.days_left] for r in ag.visits_due])
    behind_cols, behind_rows = numbered(
        (Column(W.NAME), *(Column(h, "number") for h in W.BEHIND_COLUMNS[2:])),
        [[r.name, r.visits_ytd, r.expected, r.target_year] for r in ag.behind])
    report_cols, report_rows = numbered(
        (Column(W.NAME), Column(W.REPORTS_DUE_COLUMNS[2]), Column(W.REPORTS_DUE_COLUMNS[3], "date"),
         Column(W.DAYS_LEFT)),
        [[r.name, r.period.label, r.due,
          W.days(r.days_left) if r.days_left >= 0 else Tone(W.overdue(-r.days_left), "bad")]
         for r in ag.reports_due])
    return [
        Sheet(S.VISITS_DUE_SHEET, title, due_cols, due_rows,
              lines=(W.visits_due_title(day.month, day.year) + W.days_left_in_month(left),), empty=W.NOTHING_TO_DO,
              notes=(S.PAST_MEETING,) if any(isinstance(row[3], Tone) and row[3].tone for row in due_rows) else ()),
        Sheet(S.BEHIND_SHEET, title, behind_cols, behind_rows, lines=(W.BEHIND_TITLE,), empty=W.NOTHING_TO_DO),
        Sheet(S.REPORTS_DUE_SHEET, title, report_cols, report_rows, lines=(W.REPORTS_DUE_TITLE,),
              empty=W.NOTHING_TO_DO),
        _open_proposals(title, ag.proposals_open),
    ]


def _open_proposals(title: str, rows) -> Sheet:
    """agenda's fourth section, every row (the terminal shows the oldest twenty)."""
    from dukcli.rules.proposals import OPEN_DAYS
    from dukcli.words import proposals as P

    columns, body = numbered(
        (Column(P.KEY), Column(P.DATE, "date"), Column(P.UNIT), Column(P.PERSON), Column(P.AGE, "number"),
         Column(P.TEXT)),
        [[r.key, r.proposal.date, r.unit_name, r.name, r.age, r.proposal.text] for r in rows])
    return Sheet(S.OPEN_PROPOSALS_SHEET, title, columns, body, lines=(P.open_title(OPEN_DAYS),), empty=W.NOTHING_TO_DO)
