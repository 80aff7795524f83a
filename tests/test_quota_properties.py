"""Property tests of Article 4: states add up, and a visit never lowers a count."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from dukcli import model as m
from dukcli.periods import Period
from dukcli.rules.quota import PhuTrachRow, TheoDoiRow, compute

UNITS = [m.Unit("u1", "Chi bộ Một", "chi-bo-co-so"),
         m.Unit("u2", "Đảng bộ Hai", "dang-bo-co-so", start=dt.date(2019, 3, 10)),
         m.Unit("u3", "Chi bộ Ba", "chi-bo-truc-thuoc", parent="u2", start=dt.date(2019, 3, 10))]
PEOPLE = [m.Person("p1", "Nguyễn Văn An"), m.Person("p2", "Lê Thị Bình"), m.Person("p3", "Trần Văn Cường")]

days = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2019, 12, 31))
periods = st.one_of(
    st.integers(1, 4).map(lambda q: Period("Q", 2019, q)),
    st.integers(1, 12).map(lambda mo: Period("M", 2019, mo)),
    st.sampled_from([Period("H1", 2019, 0), Period("9M", 2019, 0), Period("Y", 2019, 0)]),
)


@st.composite
def assignment(draw, person: str, role: str):
    start = draw(st.one_of(st.none(), days))
    end = draw(st.one_of(st.none(), days))
    if start and end and start > end:
        start, end = end, start
    units = draw(st.lists(st.sampled_from(["u1", "u2"]), min_size=1, max_size=2, unique=True))
    return m.Assignment(person, role, tuple(units), start, end)


@st.composite
def dataset(draw):
    assignments = [draw(assignment("p1", "theo-doi")), draw(assignment("p2", "theo-doi")),
                   draw(assignment("p3", "phu-trach"))]
    visits = draw(st.lists(st.builds(lambda p, u, d: m.Visit(p, u, d, meeting={}),
                                     st.sampled_from(["p1", "p2", "p3"]), st.sampled_from(["u1", "u2", "u3"]), days),
                           max_size=25))
    config = m.Config(per_year=draw(st.integers(1, 12)), per_month=draw(st.integers(1, 3)))
    return m.Dataset.build(config, UNITS, PEOPLE, assignments, visits, [])


@settings(max_examples=150, deadline=None)
@given(dataset(), periods, days)
def test_month_states_add_up(ds, period, as_of):
    for row in compute(ds, period, as_of).rows:
        if isinstance(row, TheoDoiRow):
            states = [s.state for s in row.months]
            assert row.required == states.count("met") + states.count("missed") + states.count("pending")
            assert row.met == states.count("met")
            assert row.visits == sum(s.visits for s in row.months)
            assert len(row.months) == len(period.months())
            if row.required == 0:
                assert row.status == "khong-ap-dung"
        else:
            assert row.visits <= row.visits_ytd
            assert row.expected <= row.target_year


def _counts(result) -> dict:
    out = {}
    for r in result.rows:
        if isinstance(r, TheoDoiRow):
            out[(r.person, r.unit)] = (r.visits, r.met, tuple(s.visits for s in r.months))
        elif isinstance(r, PhuTrachRow):
            out[(r.person, None)] = (r.visits, r.visits_ytd)
    return out


@settings(max_examples=150, deadline=None)
@given(dataset(), periods, days, st.sampled_from(["p1", "p2", "p3"]), st.sampled_from(["u1", "u2", "u3"]), days)
def test_adding_a_visit_never_lowers_a_count(ds, period, as_of, person, unit, day):
    before = _counts(compute(ds, period, as_of))
    more = m.Dataset.build(ds.config, UNITS, PEOPLE, ds.assignments, ds.visits + [m.Visit(person, unit, day, work={})], [])
    after = _counts(compute(more, period, as_of))
    assert before.keys() == after.keys()
    for key, old in before.items():
        new = after[key]
        assert all(_ge(n, o) for n, o in zip(new, old)), (key, old, new)


def _ge(new, old) -> bool:
    if isinstance(new, tuple):
        return all(a >= b for a, b in zip(new, old))
    return new >= old


@st.composite
def changed_visits(draw, ds):
    """ds's visits with some people's visits redrawn, and those people (whose rows may change)."""
    persons = set(draw(st.lists(st.sampled_from(["p1", "p2", "p3"]), max_size=3)))
    redrawn = draw(st.lists(st.builds(lambda p, u, d: m.Visit(p, u, d, meeting={}),
                                      st.sampled_from(sorted(persons) or ["p1"]), st.sampled_from(["u1", "u2", "u3"]),
                                      days), max_size=10)) if persons else []
    kept = [v for v in ds.visits if v.person not in persons]
    return sorted([*kept, *redrawn], key=lambda v: v.date), persons


@settings(max_examples=300, deadline=None)
@given(st.data(), dataset(), periods, days)
def test_a_table_merged_for_the_people_whose_visits_changed_is_the_whole_table(data, ds, period, as_of):
    """rules/quota.merged: the kept table of before, with the rows of the people whose visits
    changed computed for them alone (from their visits alone), equals the table computed whole."""
    from dukcli.rules.quota import merged

    visits, persons = data.draw(changed_visits(ds))
    after = m.Dataset.build(ds.config, ds.unit_list, ds.person_list, ds.assignments, visits, [])
    theirs = m.Dataset.build(ds.config, ds.unit_list, ds.person_list, ds.assignments,
                             [v for v in visits if v.person in persons], [])
    fresh = compute(theirs, period, as_of, persons=persons)
    assert merged(compute(ds, period, as_of), fresh, persons) == compute(after, period, as_of)


@settings(max_examples=150, deadline=None)
@given(st.data(), dataset(), days)
def test_a_scorecard_merged_for_the_people_whose_visits_changed_is_the_whole_scorecard(data, ds, as_of):
    """rules/scorecard.merged, as rules/quota.merged: the rows of the people whose visits
    changed made for them alone, the others kept, in the lists' order."""
    from dukcli.rules import scorecard as yearly

    visits, persons = data.draw(changed_visits(ds))
    after = m.Dataset.build(ds.config, ds.unit_list, ds.person_list, ds.assignments, visits, [])
    theirs = m.Dataset.build(ds.config, ds.unit_list, ds.person_list, ds.assignments,
                             [v for v in visits if v.person in persons], [])
    fresh = yearly.scorecard(theirs, 2019, as_of, persons=persons)
    assert yearly.merged(after, yearly.scorecard(ds, 2019, as_of), fresh, persons) == \
        yearly.scorecard(after, 2019, as_of)
