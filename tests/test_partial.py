"""store/partial: after visit files change, `duk quota` brings its kept table up to date for the
people whose visits changed, and its answer and diagnostics are always those of the same folder
without an index (SPEC §9: after one new visit, the next command is as fast as a warm one)."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
from pathlib import Path

import pytest

from conftest import age
from dukcli.rules.validate import ordered
from dukcli.store import loader, partial, refresh

QUOTA = ["quota", "-p", "2019", "--as-of", "2019-12-31", "-f", "json"]
NAME = "quota 2019-01-01 2019-12-31 | 2019-12-31"
DAY = dt.date(2019, 12, 31)
YEAR = refresh.Window.of(dt.date(2019, 1, 1), dt.date(2019, 12, 31))
PEOPLE = ["nguyen-thi-lan", "tran-van-binh"]
UNITS = ["cb-so-tai-chinh", "db-so-y-te", "cb-phong-nghiep-vu-y"]


def visit(day: str, person: str, unit: str) -> str:
    return f"person: {person}\nunit: {unit}\ndate: {day}\nmeeting:\n  conduct: Điều hành tốt.\n"


def settle(root: Path) -> None:
    """Date back the visit files and folders (the lists keep their stat keys: touching them is a
    change of its own)."""
    for where, dirs, files in os.walk(root / "visits"):
        for name in [*dirs, *files]:
            if not name.startswith("."):
                age(Path(where, name), 600)


@pytest.fixture
def folder(make_folder):
    rng = random.Random(7)
    files = {}
    for n in range(40):
        day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(365))
        files[f"visits/2019/{day.month:02d}/v{n}.yaml"] = visit(day.isoformat(), rng.choice(PEOPLE), rng.choice(UNITS))
    files["visits/2018/12/old.yaml"] = visit("2018-12-03", PEOPLE[0], UNITS[0])
    root = make_folder(files)
    settle(root)
    age(root / "visits", 600)
    return root


@pytest.fixture
def seen(monkeypatch):
    """What each load did: "whole" when it read the window's rows, else the people brought up
    to date (a frozenset)."""
    what: list = []
    real_rows, real_by_person = refresh.rows_for, partial.by_person

    def rows_for(index, window):
        what.append("whole")
        return real_rows(index, window)

    def by_person(*args):
        found = real_by_person(*args)
        if found is not None:
            what.append(found.persons)
        return found

    monkeypatch.setattr(refresh, "rows_for", rows_for)
    monkeypatch.setattr(partial, "by_person", by_person)
    return what


def without_index(root: Path) -> Path:
    dest = root.with_name(f"{root.name}-fresh{random.random():.9f}")
    shutil.copytree(root, dest, ignore=shutil.ignore_patterns(".duk"))
    return dest


def same_as_fresh(duk, root: Path) -> None:
    """quota's output and exit, and the window's diagnostics, equal a copy's without .duk/."""
    copy = without_index(root)
    got, expected = duk(QUOTA, data=root), duk(QUOTA, data=copy)
    assert (got.exit_code, got.stdout) == (expected.exit_code, expected.stdout)
    mine = loader.checked(root, DAY, YEAR, want=(NAME,), mergeable=True)[1]
    theirs = loader.checked(copy, DAY, YEAR)[1]
    assert [(d.file, d.line, d.code, d.message) for d in ordered(mine)] == \
        [(d.file, d.line, d.code, d.message) for d in ordered(theirs)]


def test_each_change_is_brought_up_to_date_for_its_people_only(folder, duk, seen):
    """Twelve random changes (a visit added, removed, given to the other person, moved within
    its month), some checked at once (a file too recent to trust: nothing is kept), some once
    settled: each answer equals a fresh folder's, the year's rows are read whole only the first
    time, and only the people of the files changed since the table was kept are computed again."""
    rng = random.Random(11)
    assert duk(QUOTA, data=folder).exit_code == 0 and seen == ["whole"]
    since: set = set()
    unsettled: list = []
    for step in range(12):
        files = sorted((folder / "visits/2019").rglob("*.yaml"))
        path = rng.choice(files)
        text = path.read_text(encoding="utf-8")
        person = text.split("\n")[0].removeprefix("person: ")
        kind = rng.choice(["add", "remove", "person", "day"])
        day = dt.date(2019, rng.randrange(1, 13), rng.randrange(1, 29))
        other = PEOPLE[1 - PEOPLE.index(person)]
        if kind == "add":
            path = folder / f"visits/2019/{day.month:02d}/new{step}.yaml"
            path.parent.mkdir(exist_ok=True)
            path.write_text(visit(day.isoformat(), other, rng.choice(UNITS)), encoding="utf-8")
            touched = {other}
        elif kind == "remove":
            path.unlink()
            touched = {person}
        elif kind == "person":
            path.write_text(text.replace(person, other), encoding="utf-8")
            touched = {person, other}
        else:
            month = path.parent.name
            path.write_text(text.replace(text.split("\n")[2], f"date: 2019-{month}-{rng.randrange(1, 29):02d}"),
                            encoding="utf-8")
            touched = {person}
        since |= touched  # since the table was last kept: a file too recent to trust keeps nothing
        unsettled += [path, path.parent]
        if step % 3:  # dated back: the files changed since the last time, and their folders
            for changed in unsettled:
                if changed.exists():
                    age(changed, 600)
            unsettled = []
        seen.clear()
        got = duk(QUOTA, data=folder)
        assert got.exit_code == 0 and seen and "whole" not in seen, (step, kind, seen)
        assert all(people <= since for people in seen), (step, kind, seen, since)
        if step % 3:
            since = set()
        same_as_fresh(duk, folder)


def test_a_new_visit_with_an_error_refuses_as_a_fresh_folder_does(folder, duk, seen):
    assert duk(QUOTA, data=folder).exit_code == 0
    (folder / "visits/2019/06/bad.yaml").write_text(visit("2019-06-11", "khong-co-ai", UNITS[0]), encoding="utf-8")
    settle(folder)
    seen.clear()
    got = duk(QUOTA, data=folder)
    assert got.exit_code == 1 and "unknown-person" in got.stderr and "whole" not in seen
    same_as_fresh(duk, folder)


def test_a_same_day_visit_is_warned_as_in_a_fresh_folder_and_no_longer_once_removed(folder, duk, seen):
    assert duk(QUOTA, data=folder).exit_code == 0
    first = sorted((folder / "visits/2019/05").glob("*.yaml"))[0]
    (folder / "visits/2019/05/twice.yaml").write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    settle(folder)
    seen.clear()
    assert duk(QUOTA, data=folder).exit_code == 0 and "whole" not in seen
    mine = loader.checked(folder, DAY, YEAR, want=(NAME,), mergeable=True)[1]
    assert [d for d in mine if d.code == "duplicate-visit" and d.file.startswith("visits/2019/05/")]
    same_as_fresh(duk, folder)
    twin = first.read_text(encoding="utf-8").split("\n")[0].removeprefix("person: ")
    other = PEOPLE[1 - PEOPLE.index(twin)]
    (folder / "visits/2019/05/other.yaml").write_text(visit("2019-05-30", other, UNITS[0]), encoding="utf-8")
    age(folder / "visits/2019/05/other.yaml", 600)
    age(folder / "visits/2019/05", 600)
    seen.clear()
    assert duk(QUOTA, data=folder).exit_code == 0 and seen == [frozenset({other})]
    mine = loader.checked(folder, DAY, YEAR, want=(NAME,), mergeable=True)[1]
    assert [d for d in mine if d.code == "duplicate-visit" and d.file.startswith("visits/2019/05/")]  # still said
    same_as_fresh(duk, folder)
    (folder / "visits/2019/05/twice.yaml").unlink()  # the warning goes with it
    age(folder / "visits/2019/05", 600)
    seen.clear()
    assert duk(QUOTA, data=folder).exit_code == 0 and "whole" not in seen
    mine = loader.checked(folder, DAY, YEAR, want=(NAME,), mergeable=True)[1]
    assert not [d for d in mine if d.code == "duplicate-visit" and d.file.startswith("visits/2019/05/")]
    same_as_fresh(duk, folder)


@pytest.mark.parametrize("change", ["list", "misfiled", "outside", "another day"])
def test_what_is_not_one_persons_visits_computes_the_table_whole(change, folder, duk, seen):
    """A list file, a visit filed in another month's folder or outside the year's folders, or
    another day: the kept table is not brought up to date but computed again from every row."""
    assert duk(QUOTA, data=folder).exit_code == 0
    today = "2019-12-31"
    if change == "list":
        people = folder / "people.yaml"
        people.write_text(people.read_text(encoding="utf-8").replace("Nguyễn Thị Lan", "Nguyễn Thị Lân"),
                          encoding="utf-8")
    elif change == "misfiled":
        (folder / "visits/2019/06/late.yaml").write_text(visit("2019-07-02", PEOPLE[0], UNITS[0]), encoding="utf-8")
    elif change == "outside":
        (folder / "visits/2018/12/late.yaml").write_text(visit("2019-01-02", PEOPLE[0], UNITS[0]), encoding="utf-8")
    else:
        today = "2020-01-02"
        (folder / "visits/2019/06/more.yaml").write_text(visit("2019-06-02", PEOPLE[0], UNITS[0]), encoding="utf-8")
    settle(folder)
    seen.clear()
    got = duk(QUOTA, data=folder, today=today)
    assert got.exit_code == 0 and seen == ["whole"]
    assert got.stdout == duk(QUOTA, data=without_index(folder), today=today).stdout


@pytest.mark.parametrize("line", [["status", "-p", "2019Q2", "--as-of", "2019-07-20", "-f", "json"],
                                  ["scorecard", "-y", "2019", "--as-of", "2020-01-20", "-f", "json"]])
def test_status_and_scorecard_are_brought_up_to_date_the_same_way(line, folder, duk, seen):
    """status looks at no visit (its kept answer stands as it is); the scorecard's rows of a
    person are made again from that person's visits (rules/scorecard.merged)."""
    assert duk(line, data=folder).exit_code == 0 and seen == ["whole"]
    for n, person in enumerate(PEOPLE):
        path = folder / f"visits/2019/0{n + 4}/more{n}.yaml"
        path.write_text(visit(f"2019-0{n + 4}-1{n}", person, UNITS[0]), encoding="utf-8")
        age(path, 600)
        age(path.parent, 600)
        seen.clear()
        got = duk(line, data=folder)
        assert got.exit_code == 0 and seen == [frozenset({person})]
        assert got.stdout == duk(line, data=without_index(folder)).stdout
