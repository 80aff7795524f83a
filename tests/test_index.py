"""The index in .duk/index.sqlite (issue "speed at a province's scale", SPEC §9): a command reads
the years it reports on, not the history; one changed file costs one row; the index never
changes an answer — corrupt, deleted mid-run, shared by two processes, or carried in from
another folder.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import age
from dukcli.store.cache import stat_key
from dukcli.store import index as index_mod
from dukcli.store import loader, refresh

REPO = Path(__file__).resolve().parent.parent
W2019 = refresh.Window.of(dt.date(2019, 1, 1), dt.date(2019, 12, 31))


def visit(day: str, person: str = "nguyen-thi-lan", unit: str = "cb-so-tai-chinh") -> str:
    return f"person: {person}\nunit: {unit}\ndate: {day}\nmeeting:\n  conduct: Điều hành tốt.\n"


FILES = {
    "visits/2018/11/a.yaml": visit("2018-11-05", unit="db-so-y-te"),
    "visits/2018/12/b.yaml": visit("2018-12-05"),
    "visits/2019/05/c.yaml": visit("2019-05-14"),
    "visits/2019/06/d.yaml": visit("2019-06-05", unit="db-so-y-te"),
}


def settle(root: Path) -> None:
    """Date every folder back too: a folder changed in the last seconds is listed every time
    (its stat could not yet tell a later change apart)."""
    for folder, dirs, _ in os.walk(root):
        for d in dirs:
            if not d.startswith("."):
                age(Path(folder, d))


@pytest.fixture
def listed(monkeypatch):
    """The folders under visits/ listed file by file, in order."""
    seen: list[str] = []
    real = refresh.tree

    def counting(root, folder, kind_of):
        if folder.startswith("visits"):
            seen.append(folder)
        return real(root, folder, kind_of)

    monkeypatch.setattr(refresh, "tree", counting)
    return seen


def folder_of(make_folder, files=FILES) -> Path:
    root = make_folder(files)
    settle(root)
    return root


def files_of(ds) -> list[str]:
    return [v.file for v in ds.visits]


def test_a_year_is_loaded_without_the_other_years(make_folder, parses, listed):
    root = folder_of(make_folder)
    loader.load(root)  # the first run builds the whole index
    parses.clear()
    listed.clear()
    ds, diags = loader.load(root, W2019)
    assert files_of(ds) == ["visits/2019/05/c.yaml", "visits/2019/06/d.yaml"]
    assert parses == [] and diags == []
    assert listed == ["visits/2019/05", "visits/2019/06"]  # 2018's folders: only their own stat


def test_the_same_year_alone_gives_the_same_answer(make_folder):
    whole = folder_of(make_folder)
    alone = folder_of(make_folder, {k: v for k, v in FILES.items() if k.startswith("visits/2019")})
    loader.load(whole)
    a, _ = loader.checked(whole, dt.date(2019, 12, 31), W2019)
    b, _ = loader.checked(alone, dt.date(2019, 12, 31), W2019)
    assert a.visits == b.visits and a.assignments == b.assignments


def test_one_new_file_is_the_only_one_parsed(make_folder, parses, listed):
    root = folder_of(make_folder)
    loader.load(root)
    (root / "visits/2019/06/e.yaml").write_text(visit("2019-06-20"), encoding="utf-8")
    age(root / "visits/2019/06/e.yaml")
    parses.clear()
    ds, _ = loader.load(root, W2019)
    assert parses == ["visits/2019/06/e.yaml"]
    assert "visits/2019/06/e.yaml" in files_of(ds)
    parses.clear()
    loader.load(root, W2019)
    assert parses == []


def test_a_visit_filed_under_another_month_belongs_to_the_year_of_its_date(make_folder):
    """A year's rows are read once by month folder (Index.read_ahead); a visit whose folder is
    not its date's is still found by its date, and only there."""
    files = {**FILES, "visits/2018/12/early.yaml": visit("2019-01-03"),
             "visits/2019/03/late.yaml": visit("2018-12-30")}
    root = folder_of(make_folder, files)
    loader.load(root)
    in_2019 = files_of(loader.load(root, W2019)[0])
    in_2018 = files_of(loader.load(root, refresh.Window.of(dt.date(2018, 1, 1), dt.date(2018, 12, 31)))[0])
    assert in_2019 == ["visits/2018/12/early.yaml", "visits/2019/05/c.yaml", "visits/2019/06/d.yaml"]
    assert in_2018 == ["visits/2018/11/a.yaml", "visits/2018/12/b.yaml", "visits/2019/03/late.yaml"]


def test_rows_written_during_the_load_are_the_ones_returned(make_folder):
    """The rows read ahead are older than what the load itself writes: a file edited (moved to
    another month by its date), added or removed is returned as it now is."""
    root = folder_of(make_folder)
    loader.load(root)
    (root / "visits/2019/05/c.yaml").write_text(visit("2019-07-01"), encoding="utf-8")
    (root / "visits/2019/06/d.yaml").unlink()
    (root / "visits/2019/06/e.yaml").write_text(visit("2019-06-20"), encoding="utf-8")
    for rel in ("visits/2019/05/c.yaml", "visits/2019/06/e.yaml"):
        age(root / rel, 600)
    ds, _ = loader.load(root, W2019)
    assert [(v.file, v.date.isoformat()) for v in ds.visits] == [
        ("visits/2019/06/e.yaml", "2019-06-20"), ("visits/2019/05/c.yaml", "2019-07-01")]
    person = refresh.Window.of(dt.date(2019, 1, 1), dt.date(2019, 12, 31), person="nguyen-thi-lan")
    assert files_of(loader.load(root, person)[0]) == ["visits/2019/06/e.yaml", "visits/2019/05/c.yaml"]


def test_a_file_added_to_an_old_month_by_hand_is_seen(make_folder, parses, duk):
    """The month folder's own stat changes when a file is added to it: listed again, even
    outside the window asked; and the year it belongs to sees it at once."""
    root = folder_of(make_folder)
    loader.load(root)
    (root / "visits/2018/11/z.yaml").write_text(visit("2018-11-20"), encoding="utf-8")
    age(root / "visits/2018/11/z.yaml")
    parses.clear()
    loader.load(root, W2019)
    assert parses == ["visits/2018/11/z.yaml"]
    ds, _ = loader.load(root, refresh.Window.of(dt.date(2018, 1, 1), dt.date(2018, 12, 31)))
    assert "visits/2018/11/z.yaml" in files_of(ds)
    result = duk(["visits", "-p", "2018", "-f", "json"], data=root)
    assert result.exit_code == 0 and "visits/2018/11/z.yaml" in result.stdout


def test_an_edit_in_place_outside_the_window_is_seen_by_its_year_and_by_check(make_folder, duk):
    root = folder_of(make_folder)
    assert duk(["check"], data=root).exit_code == 0
    path = root / "visits/2018/12/b.yaml"
    path.write_text(visit("2018-12-05", person="ai-do"), encoding="utf-8")  # the folder's stat is unchanged
    age(path, 600)
    assert duk(["quota", "-p", "2019", "-f", "json"], data=root).exit_code == 0
    year = duk(["quota", "-p", "2018", "-f", "json"], data=root)
    assert year.exit_code == 1 and "[unknown-person]" in year.stderr
    check = duk(["check"], data=root)
    assert check.exit_code == 1 and "visits/2018/12/b.yaml:1: lỗi [unknown-person]" in check.stdout


def test_errors_outside_the_years_asked_are_one_line(make_folder, duk):
    """SPEC §9: a report refuses on errors in the records it uses; others are counted."""
    root = folder_of(make_folder, {**FILES, "visits/2018/12/hong.yaml": "person: [\n"})
    first = duk(["check"], data=root)
    assert first.exit_code == 1
    result = duk(["quota", "-p", "2019", "-f", "json"], data=root)
    assert result.exit_code == 0
    assert result.stderr == "Cảnh báo: thư mục dữ liệu đang có 1 lỗi ở chỗ khác (xem: duk check).\n"
    refused = duk(["quota", "-p", "2018", "-f", "json"], data=root)
    assert refused.exit_code == 1 and "visits/2018/12/hong.yaml:2: lỗi [yaml-syntax]" in refused.stderr


def test_a_cross_record_error_outside_the_window_is_counted_too(make_folder, duk):
    root = folder_of(make_folder, {**FILES, "visits/2018/12/x.yaml": visit("2018-12-07", unit="khong-co")})
    result = duk(["quota", "-p", "2019", "-f", "json"], data=root)
    assert result.exit_code == 0
    assert result.stderr == "Cảnh báo: thư mục dữ liệu đang có 1 lỗi ở chỗ khác (xem: duk check).\n"


def test_the_index_breaking_while_read_gives_the_answer_from_the_files(make_folder, monkeypatch):
    """.duk/ deleted or the index corrupted between two of its queries: the load starts again
    from the files (with an index in memory), never answers with half the rows."""
    from dukcli.store import index

    root = folder_of(make_folder)
    expected = files_of(loader.load(root, W2019)[0])
    real = index.Index.window_rows  # the second query of a windowed load (read_ahead the first)
    calls = []

    def breaking(self, *args):
        calls.append(1)
        if len(calls) == 1:
            raise index.Broken("database disk image is malformed")
        return real(self, *args)

    monkeypatch.setattr(index.Index, "window_rows", breaking)
    assert files_of(loader.load(root, W2019)[0]) == expected
    assert len(calls) == 2


def test_deleting_the_index_between_commands_changes_no_answer(make_folder, duk):
    root = folder_of(make_folder)
    first = duk(["quota", "-p", "2019", "-f", "json"], data=root)
    (root / ".duk" / "index.sqlite").unlink()
    again = duk(["quota", "-p", "2019", "-f", "json"], data=root)
    assert (again.exit_code, again.stdout) == (first.exit_code, first.stdout)


def test_an_index_carried_in_from_another_folder_is_not_believed(make_folder):
    """A zip or a copy brings .duk/ along: same names, sizes and mtimes, other contents. The
    inode and ctime in each row's key differ, so every file is read again."""
    a = folder_of(make_folder)
    loader.load(a)
    b = folder_of(make_folder, {**FILES, "visits/2019/05/c.yaml": visit("2019-05-15")})  # same size
    shutil.copytree(a / ".duk", b / ".duk", dirs_exist_ok=True)
    st = (a / "visits/2019/05/c.yaml").stat()
    os.utime(b / "visits/2019/05/c.yaml", ns=(st.st_atime_ns, st.st_mtime_ns))
    ds, _ = loader.load(b, W2019)
    assert [v.date.day for v in ds.visits if v.file.endswith("c.yaml")] == [15]


def test_two_processes_building_the_index_at_once_agree(make_folder):
    """Four `duk visits` started together on a folder without an index: SQLite's lock keeps
    the index whole, and all four print the same answer."""
    root = folder_of(make_folder, {**FILES, **{f"visits/2019/0{m}/n{i}.yaml": visit(f"2019-0{m}-{10 + i}")
                                               for m in range(1, 10) for i in range(5)}})
    env = {**os.environ, "DUK_TODAY": "2019-12-31", "PYTHONPATH": str(REPO)}
    procs = [subprocess.Popen([sys.executable, "-m", "dukcli", "--data", str(root), "visits", "-p", "2019",
                               "-f", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
             for _ in range(4)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], [e.decode() for _, e in outs]
    assert len({o for o, _ in outs}) == 1 and outs[0][0].count(b'"file"') == 47
    db = sqlite3.connect(root / ".duk" / "index.sqlite")
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT count(*) FROM visit").fetchone() == (49,)
    db.close()


def test_log_visit_reads_one_month_and_the_lists(make_folder, duk, parses, listed):
    """An entry never loads the history (SPEC §9): the lists and the month of the visit."""
    root = folder_of(make_folder)
    loader.load(root)
    parses.clear()
    listed.clear()
    result = duk(["log-visit", "--person", "lan", "--unit", "tai chinh", "--date", "2019-06-20", "--work",
                  "--no-commit"], data=root)
    assert result.exit_code == 0, result.stderr
    assert set(listed) == {"visits/2019/06"}  # to judge, under the lock, and for the progress line
    new = [p for p in parses if p.startswith("visits/")]
    assert new == [f for f in new if f.startswith("visits/2019/06/2019-06-20-")]


def test_check_in_small_batches_says_what_check_in_one_says(make_folder, duk, monkeypatch):
    """check writes parsed files to the index a batch at a time and judges the visits a month
    at a time (bounded memory on a million files); the answer is the same as in one piece."""
    files = {**FILES, "visits/2018/12/hong.yaml": "person: [\n",
             "visits/2019/06/x.yaml": visit("2019-06-05", unit="khong-co"),
             "visits/2019/06/twin.yaml": visit("2019-06-05", unit="db-so-y-te")}
    one = duk(["check"], data=folder_of(make_folder, files))
    monkeypatch.setattr(refresh, "BATCH", 2)
    monkeypatch.setattr(loader, "PARALLEL_FROM", 2)
    batched = duk(["check"], data=folder_of(make_folder, files))
    assert (batched.exit_code, batched.stdout) == (one.exit_code, one.stdout)
    assert "[duplicate-visit]" in one.stdout and "[unknown-unit]" in one.stdout and "[yaml-syntax]" in one.stdout


def test_the_workers_that_parsed_judge_the_months_and_say_what_this_process_would(make_folder, duk, monkeypatch):
    """A first check parses in a pool; the same workers then judge the visits a month at a time,
    reading their months from the index, while this process writes each month's counts."""
    files = {**FILES, "visits/2019/06/x.yaml": visit("2019-06-05", unit="khong-co"),
             "visits/2019/06/twin.yaml": visit("2019-06-05", unit="db-so-y-te")}
    here = duk(["check"], data=folder_of(make_folder, files))
    main, judge = os.getpid(), loader._judge_rows

    def in_workers_only(*args):
        assert os.getpid() != main, "a month judged in this process"
        return judge(*args)

    monkeypatch.setattr(loader, "PARALLEL_FROM", 2)
    monkeypatch.setattr(loader, "_judge_rows", in_workers_only)
    root = folder_of(make_folder, files)
    pooled = duk(["check"], data=root)
    assert (pooled.exit_code, pooled.stdout) == (here.exit_code, here.stdout)
    assert "[duplicate-visit]" in here.stdout and "[unknown-unit]" in here.stdout
    with sqlite3.connect(root / ".duk" / "index.sqlite") as db:  # the counts were written
        assert db.execute("SELECT rel, cross FROM visit WHERE cross > 0").fetchall() == [
            ("visits/2019/06/x.yaml", 1)]
        assert db.execute("SELECT count(*) FROM visit WHERE lists IS NULL").fetchone() == (0,)


def test_a_worker_that_cannot_read_the_index_leaves_the_months_to_this_process(make_folder, duk, monkeypatch):
    from dukcli.store import index as index_mod

    files = {**FILES, "visits/2019/06/x.yaml": visit("2019-06-05", unit="khong-co")}
    here = duk(["check"], data=folder_of(make_folder, files))

    def unreadable(path, made):
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(loader, "PARALLEL_FROM", 2)
    monkeypatch.setattr(index_mod, "reader", unreadable)
    pooled = duk(["check"], data=folder_of(make_folder, files))
    assert (pooled.exit_code, pooled.stdout) == (here.exit_code, here.stdout)
    assert "[unknown-unit]" in here.stdout


def test_a_worker_reads_only_the_index_this_process_opened(make_folder, duk, monkeypatch):
    """The workers open the index by its path: one made again there meanwhile (another duk,
    .duk/ cleared) has another mark, is refused, and the months are judged here instead."""
    from dukcli.store import index as index_mod

    root = folder_of(make_folder)
    first = index_mod.Index(root)
    path, made = first.file(), first.made()
    first.close()
    assert path and made and index_mod.reader(path, made).execute("SELECT 1").fetchone() == (1,)
    index_mod.discard(root)
    again = index_mod.Index(root)
    assert again.file() == path and again.made() not in (None, made)
    again.close()
    with pytest.raises(index_mod.Broken):
        index_mod.reader(path, made)
    files = {**FILES, "visits/2019/06/x.yaml": visit("2019-06-05", unit="khong-co")}
    here = duk(["check"], data=folder_of(make_folder, files))
    monkeypatch.setattr(loader, "PARALLEL_FROM", 2)
    monkeypatch.setattr(index_mod.Index, "made", lambda self: "another")
    pooled = duk(["check"], data=folder_of(make_folder, files))
    assert (pooled.exit_code, pooled.stdout) == (here.exit_code, here.stdout)
    assert "[unknown-unit]" in here.stdout


def test_a_run_killed_between_batches_leaves_no_folder_trusted_without_its_rows(make_folder, monkeypatch):
    """While the workers parse the next batch, the previous one is written: a month folder's key
    goes into the index with its files' rows, never before, so a run killed in between cannot
    leave a folder the next run trusts (and skips) whose files were never indexed."""
    import sqlite3

    root = folder_of(make_folder)
    loader.load(root)  # so that the check below is not a first one (that one leaves no index at all)
    for month in ("07", "08"):
        (root / f"visits/2019/{month}").mkdir()
        (root / f"visits/2019/{month}/n.yaml").write_text(visit(f"2019-{month}-05"), encoding="utf-8")
        age(root / f"visits/2019/{month}/n.yaml")
    settle(root)
    monkeypatch.setattr(refresh, "BATCH", 1)
    real, flushes = loader._flush, []

    def dying(index, changes):
        real(index, changes)
        flushes.append(sorted(changes))
        if len(flushes) == 1:
            raise KeyboardInterrupt  # killed after the first batch was written

    monkeypatch.setattr(loader, "_flush", dying)
    with pytest.raises(KeyboardInterrupt):
        loader.check_all(root, dt.date(2019, 12, 31))
    db = sqlite3.connect(root / ".duk" / "index.sqlite")
    folders = {path for (path,) in db.execute("SELECT path FROM folder")}
    rows = {rel for (rel,) in db.execute("SELECT rel FROM visit")}
    assert folders and all(any(rel.startswith(f + "/") for rel in rows) for f in folders)
    assert len(folders) < 6  # the run was cut short: not every month is there
    monkeypatch.setattr(loader, "_flush", real)
    assert files_of(loader.load(root)[0]) == sorted([*FILES, "visits/2019/07/n.yaml", "visits/2019/08/n.yaml"])


def test_a_visit_row_keeps_its_top_lines_and_proposals_with_their_keys():
    from dukcli import schema, yamltext
    from dukcli.rules.proposals import item_id, short_key

    rel = "visits/2019/05/a.yaml"
    text = ("person: nguyen-thi-lan\nunit: cb-so-tai-chinh\ndate: 2019-05-14\nwork:\n  situation: Ổn định.\n"
            "  proposals: Đề nghị A.\nmeeting:\n  conduct: Tốt.\n  proposals: Đề nghị B.\n  rating: kha\n")
    parsed = schema.parse_visit(schema.Sink(rel), yamltext.load(text))
    assert index_mod.row_tail(rel, parsed, []) == (
        "nguyen-thi-lan", "cb-so-tai-chinh", "2019-05-14", 1, 1, "kha", 1, "1,2,3,4,7,10", None, 0, 0, None,
        '[["work.proposals", 6, "Đề nghị A."], ["meeting.proposals", 9, "Đề nghị B."]]',
        short_key(item_id(rel, "work.proposals")), None, short_key(item_id(rel, "meeting.proposals")))
    assert index_mod.row_tail(rel, None, [])[:9] == (None,) * 9


# --- a first check builds the rows' secondary indexes once, after the rows (index.defer) -------

def index_state(root: Path) -> tuple[set[str], tuple | None, int]:
    """(the index's own indexes, its 'filling' mark, its visit rows)."""
    db = sqlite3.connect(root / ".duk" / "index.sqlite")
    try:
        names = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='index' "
                                          "AND name NOT LIKE 'sqlite_%'")}
        return (names, db.execute("SELECT value FROM meta WHERE key='filling'").fetchone(),
                db.execute("SELECT count(*) FROM visit").fetchone()[0])
    finally:
        db.close()


def visit_rows(root: Path) -> list[tuple]:
    db = sqlite3.connect(root / ".duk" / "index.sqlite")
    try:
        return db.execute("SELECT * FROM visit ORDER BY rel").fetchall()
    finally:
        db.close()


WITH_ERRORS = {**FILES, "visits/2018/12/hong.yaml": "person: [\n",
               "visits/2019/05/x.yaml": visit("2019-05-20", unit="khong-co")}


def test_a_first_check_writes_its_rows_before_the_deferred_indexes_and_says_the_same(make_folder, duk,
                                                                                        monkeypatch):
    root = folder_of(make_folder, WITH_ERRORS)
    real, during = loader._flush, []

    def watching(index, changes):
        real(index, changes)
        during.append(index_state(root))

    monkeypatch.setattr(loader, "_flush", watching)
    cold = duk(["check"], data=root)
    assert during and all(names.isdisjoint(index_mod.DEFERRED) and "visit_area" in names
                          and filling[0].split()[0] == str(os.getpid()) for names, filling, _ in during)
    names, filling, rows = index_state(root)
    assert names == set(index_mod._INDEXES) and filling is None and rows == 6
    judged = visit_rows(root)
    assert [(r[0], r[13]) for r in judged if r[13]] == [("visits/2019/05/x.yaml", 1)]  # the unknown unit
    # The same folder, its index made row by row by another command first: the same words.
    (root / ".duk" / "index.sqlite").unlink()
    assert duk(["visits", "-p", "2019", "-f", "json"], data=root).exit_code == 1
    assert index_mod.Index(root).defer() is False  # rows there already: nothing dropped
    assert index_state(root)[0] == set(index_mod._INDEXES)
    during.clear()
    again = duk(["check"], data=root)
    assert all(names == set(index_mod._INDEXES) for names, _, _ in during)
    assert (again.exit_code, again.stdout, again.stderr) == (cold.exit_code, cold.stdout, cold.stderr)
    assert [r[:3] + r[12:] for r in visit_rows(root)] == [r[:3] + r[12:] for r in judged]  # counts and lists
    assert cold.exit_code == 1 and "hong.yaml:2" in cold.stdout + cold.stderr and "khong-co" in cold.stdout + cold.stderr


def test_while_a_first_check_fills_the_index_other_commands_read_the_files(make_folder, duk):
    """A first check writes every visit as judged without error and corrects the few with one
    after judging their month: meanwhile (its process named in meta) another command answers
    from the files, never from those rows; once that process is gone unfinished, the next
    command makes the index again."""
    root = folder_of(make_folder, WITH_ERRORS)
    before = duk(["quota", "-p", "2019", "-f", "json"], data=root)
    (root / ".duk" / "index.sqlite").unlink()
    index = index_mod.Index(root)
    assert index.defer() is True  # as a first check does; this process plays it, alive
    rel = "visits/2019/05/x.yaml"  # its unit is unknown: written as judged without error, not yet corrected
    index.pending_visits.append((rel, "visits/2019/05", index_mod.skey(stat_key(os.lstat(root / rel))),
                                 *index_mod.row_tail(rel, loader.read_visit(root, rel)[0], [],
                                                     loader.lists(root).lists_digest)))
    index.save()
    index.close()
    alive = duk(["quota", "-p", "2019", "-f", "json"], data=root)
    assert (alive.exit_code, alive.stdout, alive.stderr) == (before.exit_code, before.stdout, before.stderr)
    names, filling, rows = index_state(root)
    assert (names, filling[0].split()[0], rows) == (_INDEXES_DURING_FILL, str(os.getpid()), 1)  # untouched
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    db = sqlite3.connect(root / ".duk" / "index.sqlite")
    with db:
        db.execute("UPDATE meta SET value=? WHERE key='filling'", (f"{gone.pid} {int(time.time())}",))
    db.close()
    after = duk(["quota", "-p", "2019", "-f", "json"], data=root)
    assert (after.exit_code, after.stdout, after.stderr) == (before.exit_code, before.stdout, before.stderr)
    names, filling, rows = index_state(root)
    assert names == set(index_mod._INDEXES) and filling is None
    db = sqlite3.connect(root / ".duk" / "index.sqlite")
    assert db.execute("SELECT cross FROM visit WHERE rel=?", (rel,)).fetchone() == (1,)
    db.close()


_INDEXES_DURING_FILL = {"visit_area"}


def test_a_first_check_in_memory_that_stops_leaves_the_folder_index_another_fills(make_folder, monkeypatch):
    """A check opening an index that another first check is filling works in memory; stopped,
    it discards only its own index, never the file the other one is filling."""
    root = folder_of(make_folder, WITH_ERRORS)
    index = index_mod.Index(root)
    assert index.defer() is True  # the other first check: this process, alive
    index.close()
    real = loader._flush

    def dying(index, changes):
        real(index, changes)
        raise KeyboardInterrupt

    monkeypatch.setattr(loader, "_flush", dying)
    with pytest.raises(KeyboardInterrupt):
        loader.check_all(root, dt.date(2019, 12, 31))
    names, filling, rows = index_state(root)
    assert (names, filling[0].split()[0], rows) == (_INDEXES_DURING_FILL, str(os.getpid()), 0)


@pytest.mark.parametrize("system", ["posix", "nt"])
def test_a_filling_mark_lives_six_hours_at_most(monkeypatch, system):
    """Even a live process's number (this one's) does not make a mark older than six hours
    alive: an index copied in mid-check from another machine would keep every command off it.
    Where a process cannot be asked after (os.kill(pid, 0) is no question on Windows), the age
    alone decides."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")
    now, me = int(time.time()), os.getpid()
    monkeypatch.setattr(index_mod.os, "name", system)
    for value, expected in [(f"{me} {now - 60}", "alive"), (f"{me} {now - 7 * 3600}", "gone"),
                            (f"{me} {now + 24 * 3600}", "gone"), (f"{me}", "gone"), ("x y", "gone")]:
        db.execute("INSERT OR REPLACE INTO meta VALUES ('filling', ?)", (value,))
        assert index_mod._filler(db) == expected, value


def test_a_first_check_stopped_midway_leaves_no_index(make_folder, duk, monkeypatch):
    root = folder_of(make_folder, WITH_ERRORS)
    monkeypatch.setattr(refresh, "BATCH", 1)
    real = loader._flush

    def dying(index, changes):
        real(index, changes)
        raise KeyboardInterrupt  # killed after the first batch was written

    monkeypatch.setattr(loader, "_flush", dying)
    with pytest.raises(KeyboardInterrupt):
        loader.check_all(root, dt.date(2019, 12, 31))
    assert not (root / ".duk" / "index.sqlite").exists()
    monkeypatch.setattr(loader, "_flush", real)
    first = duk(["check"], data=root)
    assert first.exit_code == 1 and "khong-co" in first.stdout


@pytest.mark.parametrize("change", ["DROP INDEX visit_area", "CREATE INDEX extra ON visit(unit)",
                                    "DROP INDEX visit_date; CREATE INDEX visit_date ON visit(unit)"])
def test_an_index_missing_more_than_the_deferred_indexes_is_made_again(make_folder, change):
    """Only the deferred indexes, exactly as duk writes them, may be missing: anything else is
    another version's or a planted file, made again from the files."""
    root = folder_of(make_folder)
    loader.load(root)
    db = sqlite3.connect(root / ".duk" / "index.sqlite")
    db.executescript(change)
    db.close()
    index_mod.Index(root).close()
    assert index_state(root) == (set(index_mod._INDEXES), None, 0)


# --- listing in child processes (store/prelist.py) ---------------------------------------------

@pytest.fixture
def prelisting(monkeypatch):
    """Every windowed load lists its month folders in child processes, whatever its size."""
    from dukcli.store import prelist

    if not prelist.possible():
        pytest.skip("fork in a single-threaded process is the only case prelist handles")
    monkeypatch.setattr(prelist, "PRELIST_FROM", 0)
    return prelist


def no_child_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_a_window_listed_by_children_gives_the_answer_listed_here(make_folder, prelisting, parses, listed):
    files = {**FILES, "visits/2019/06/e.yaml": visit("2019-06-20"), "visits/2019/07/notes.txt": "x\n",
             "visits/2019/08/bad.yaml": "person: [\n"}
    root = folder_of(make_folder, files)
    here = folder_of(make_folder, files)
    loader.load(here)
    loader.load(root)
    (root / "visits/2019/06/f.yaml").write_text(visit("2019-06-21"), encoding="utf-8")
    (here / "visits/2019/06/f.yaml").write_text(visit("2019-06-21"), encoding="utf-8")
    for folder in (root, here):
        age(folder / "visits/2019/06/f.yaml", 600)
    prelisting.PRELIST_FROM = 10 ** 9
    expected = loader.checked(here, dt.date(2019, 12, 31), W2019)
    prelisting.PRELIST_FROM = 0
    parses.clear()
    listed.clear()
    got = loader.checked(root, dt.date(2019, 12, 31), W2019)
    assert parses == ["visits/2019/06/f.yaml"]  # the children's listing found the new file
    assert listed == []  # and this process listed no month folder itself
    assert files_of(got[0]) == files_of(expected[0])
    assert [(d.file, d.line, d.code) for d in got[1]] == [(d.file, d.line, d.code) for d in expected[1]]
    assert {d.code for d in got[1]} >= {"stray-file", "yaml-syntax"}
    assert no_child_left()


def test_a_child_that_fails_leaves_the_listing_to_this_process(make_folder, prelisting, monkeypatch):
    root = folder_of(make_folder)
    loader.load(root)
    parent = os.getpid()
    real = refresh.tree

    def failing_in_a_child(where, folder, kind_of):
        if os.getpid() != parent:
            raise OSError("the child cannot list")
        return real(where, folder, kind_of)

    monkeypatch.setattr(refresh, "tree", failing_in_a_child)
    (root / "visits/2019/05/g.yaml").write_text(visit("2019-05-20"), encoding="utf-8")
    age(root / "visits/2019/05/g.yaml", 600)
    assert "visits/2019/05/g.yaml" in files_of(loader.load(root, W2019)[0])
    assert no_child_left()


def test_no_child_is_forked_beside_another_thread(prelisting):
    import threading

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not prelisting.possible()
    finally:
        stop.set()
        other.join()
    assert prelisting.possible()


def test_after_one_new_visit_only_its_month_is_judged_again(make_folder, monkeypatch):
    """The visits' cross-checks are kept a month at a time: a new file in June judges June
    again, and the answer is validate()'s over the whole year, warning for warning."""
    from dukcli.rules import validate as V

    files = {**FILES, "visits/2019/06/twin.yaml": visit("2019-06-05", unit="db-so-y-te"),
             "visits/2019/05/ghost.yaml": visit("2019-05-20", person="ai-do")}
    root = folder_of(make_folder, files)
    day = dt.date(2019, 12, 31)
    loader.checked(root, day, W2019)
    judged: list[list[str]] = []
    real = V.visits

    def spy(ds, today):
        judged.append(sorted({v.date.isoformat()[:7] for v in ds.visits}))
        return real(ds, today)

    monkeypatch.setattr(V, "visits", spy)
    (root / "visits/2019/06/e.yaml").write_text(visit("2019-06-05", unit="db-so-y-te"), encoding="utf-8")
    age(root / "visits/2019/06/e.yaml", 600)
    ds, diags = loader.checked(root, day, W2019)
    assert judged == [["2019-06"]]
    monkeypatch.setattr(V, "visits", real)
    whole = V.ordered(V.validate(ds, day))
    assert [(d.file, d.line, d.code, d.message) for d in diags] == [(d.file, d.line, d.code, d.message) for d in whole]
    assert {d.code for d in diags} >= {"duplicate-visit", "unknown-person"}


def test_every_record_read_back_from_the_index_equals_the_one_parsed():
    """model._as_arguments: records are pickled as their class called with their fields, so a
    field that the constructor does not take would be lost; each list of the sample, the
    checks' diagnostics too, goes through the index's unpickler unchanged."""
    import dataclasses
    import io
    import pickle

    from dukcli import model as m
    from dukcli.store.cache import RecordsOnly

    for cls in (m.Diagnostic, m.Body, m.Config, m.Unit, m.Person, m.Assignment, m.Submission, m.Feedback,
                m.Response):
        assert list(cls.__slots__) == [f.name for f in dataclasses.fields(cls) if f.init], cls
    ds, diags = loader.load(REPO / "data", day=dt.date(2019, 12, 31))
    values = [ds.config, ds.unit_list, ds.person_list, ds.assignments, ds.submissions, ds.feedback,
              ds.responses, diags + [m.Diagnostic("a.yaml", 3, "error", "x", "y")]]
    assert all(values) and {type(r) for r in ds.submissions} == {m.Submission}
    for value in values:
        again = RecordsOnly(io.BytesIO(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))).load()
        assert again == value and type(again) is type(value)


@pytest.fixture
def rows_read(monkeypatch):
    """How many times a load read the window's visit rows."""
    calls: list[int] = []
    real = refresh.rows_for

    def counting(index, window):
        calls.append(1)
        return real(index, window)

    monkeypatch.setattr(refresh, "rows_for", counting)
    return calls


QUOTA = ["quota", "-p", "2019", "--as-of", "2019-12-31", "-f", "json"]


@pytest.mark.parametrize("line", [QUOTA, ["status", "-p", "2019Q2", "--as-of", "2019-07-20", "-f", "json"],
                                  ["scorecard", "-y", "2019", "--as-of", "2020-01-20", "-f", "json"],
                                  [*QUOTA[:-1], "table"], ["status", "-p", "2019Q2", "--as-of", "2019-07-20", "-f", "csv"],
                                  ["scorecard", "-y", "2019", "--as-of", "2020-01-20", "-f", "table"]])
def test_the_same_question_on_the_same_files_reads_no_visit(line, make_folder, duk, rows_read):
    """A kept answer (common.answer) stands for the files it was computed from: the second run
    lists the year's folders, finds each one's digest unchanged and prints the same bytes
    without reading a row."""
    root = folder_of(make_folder)
    first = duk(line, data=root)
    assert first.exit_code == 0 and rows_read == [1]
    again = duk(line, data=root)
    assert (again.exit_code, again.stdout, again.stderr) == (0, first.stdout, first.stderr)
    assert rows_read == [1]
    other_day = duk([*line[:-4], "--as-of", "2020-02-01", "-f", "json"], data=root)
    assert other_day.exit_code == 0 and rows_read == [1, 1]  # --as-of is part of the question


def test_a_same_size_edit_in_the_year_is_not_answered_from_the_kept_table(make_folder, duk):
    """The edit keeps the size and the folder's stat; only the file's ctime moves. The kept
    answer must not be given: the month's digest differs, and the table is computed again."""
    root = folder_of(make_folder)
    before = duk(QUOTA, data=root)
    path = root / "visits/2019/05/c.yaml"
    text = path.read_text(encoding="utf-8")
    edited = text.replace("2019-05-14", "2019-08-14")
    assert len(edited) == len(text)
    mtime = path.stat().st_mtime_ns
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(mtime, mtime))
    age(path, 600)
    after = duk(QUOTA, data=root)
    assert after.exit_code == 0 and after.stdout != before.stdout
    fresh = duk(QUOTA, data=_copy_without_index(root))
    assert after.stdout == fresh.stdout


def test_a_file_added_by_hand_to_the_year_changes_the_answer(make_folder, duk, rows_read):
    root = folder_of(make_folder)
    duk(QUOTA, data=root)
    (root / "visits/2019/06/z.yaml").write_text(visit("2019-06-20"), encoding="utf-8")
    age(root / "visits/2019/06/z.yaml", 600)
    settle(root)
    after = duk(QUOTA, data=root)
    assert after.exit_code == 0 and rows_read == [1]  # brought up to date for its person (store/partial)
    assert after.stdout == duk(QUOTA, data=_copy_without_index(root)).stdout


def _copy_without_index(root: Path) -> Path:
    dest = root.with_name(root.name + "-fresh")
    shutil.copytree(root, dest, ignore=shutil.ignore_patterns(".duk"))
    return dest


def test_an_area_digest_is_the_digest_of_its_rows(make_folder):
    """index.area_digest is written in the transaction that changes an area's rows: a listing
    with the same digest holds the files the rows were made from."""
    from dukcli.store import index as index_mod

    root = folder_of(make_folder)
    loader.load(root)
    (root / "visits/2019/05/c.yaml").unlink()
    loader.load(root, W2019)
    db = sqlite3.connect(root / ".duk" / "index.sqlite")
    digests = dict(db.execute("SELECT area, digest FROM area"))
    areas = {a for (a,) in db.execute("SELECT DISTINCT area FROM visit")}
    assert set(digests) == areas and "visits/2019/05" not in digests
    for area, digest in digests.items():
        pairs = db.execute("SELECT rel, skey FROM visit WHERE area=? ORDER BY rel", (area,)).fetchall()
        assert digest == index_mod.area_digest(pairs)
        listing = refresh.tree(root, area, loader._kind)
        assert refresh._as_kept(listing, time.time_ns()) == digest


def test_visits_not_read_cannot_be_used_by_mistake():
    with pytest.raises(RuntimeError):
        len(loader.NOT_READ)
    with pytest.raises(RuntimeError):
        list(loader.NOT_READ)
    with pytest.raises(RuntimeError):
        bool(loader.NOT_READ)


def test_one_answer_is_kept_per_command_and_period(make_folder, duk):
    """--as-of is part of the question but not of the slot: asking every day of the year must
    not pile up a table a day in the index."""
    root = folder_of(make_folder)
    for day in ("2019-12-29", "2019-12-30", "2019-12-31"):
        assert duk(["quota", "-p", "2019", "--as-of", day, "-f", "json"], data=root).exit_code == 0
    assert duk(["quota", "-p", "2019Q2", "--as-of", "2019-12-31", "-f", "json"], data=root).exit_code == 0
    db = sqlite3.connect(root / ".duk" / "index.sqlite")
    names = sorted(n for (n,) in db.execute("SELECT name FROM answer WHERE name LIKE 'quota %'"))
    assert names == ["quota 2019-01-01 2019-12-31 | 2019-12-31", "quota 2019-04-01 2019-06-30 | 2019-12-31"]


def test_the_checks_of_lists_and_submissions_are_not_made_again_for_a_new_visit(make_folder, monkeypatch):
    """They look at no visit: kept under the list and record files' keys; a new visit does not
    judge the submissions again, an edited list does."""
    from dukcli.rules import validate as V

    root = folder_of(make_folder)
    day = dt.date(2019, 12, 31)
    first = loader.checked(root, day, W2019)[1]
    calls: list[int] = []
    real = V.duplicate_ids  # VALIDATORS holds the functions themselves: the one to watch is replaced there
    monkeypatch.setattr(V, "VALIDATORS", tuple(
        (lambda ds, today: calls.append(1) or real(ds, today)) if check is real else check for check in V.VALIDATORS))
    (root / "visits/2019/06/e.yaml").write_text(visit("2019-06-07"), encoding="utf-8")
    age(root / "visits/2019/06/e.yaml", 600)
    settle(root)
    assert loader.checked(root, day, W2019)[1] == first and calls == []
    people = root / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    age(people, 600)
    loader.checked(root, day, W2019)
    assert calls == [1]


def test_a_file_just_written_in_another_year_leaves_the_kept_answer_standing(make_folder, duk, rows_read):
    """A file of the last seconds cannot be trusted by its stat: in another year's folder it
    changes nothing of 2019's answer; in 2019's own, the kept answer is brought up to date for
    the file's person each time (store/partial), and kept only once the file has settled."""
    root = folder_of(make_folder)
    first = duk(QUOTA, data=root)
    assert duk(QUOTA, data=root).stdout == first.stdout and rows_read == [1]
    (root / "visits/2018/11/fresh.yaml").write_text(visit("2018-11-21"), encoding="utf-8")
    assert duk(QUOTA, data=root).stdout == first.stdout and rows_read == [1]
    (root / "visits/2019/06/fresh.yaml").write_text(visit("2019-06-21"), encoding="utf-8")
    expected = duk(QUOTA, data=_copy_without_index(root)).stdout
    assert expected != first.stdout and rows_read == [1, 1]
    for _ in range(2):
        assert duk(QUOTA, data=root).stdout == expected and rows_read == [1, 1]
    db = sqlite3.connect(root / ".duk" / "index.sqlite")
    kept_key = db.execute("SELECT key FROM answer WHERE name LIKE 'quota 2019-01-01 %'").fetchone()[0]
    age(root / "visits/2019/06/fresh.yaml", 600)
    settle(root)
    assert duk(QUOTA, data=root).stdout == expected and rows_read == [1, 1]
    assert db.execute("SELECT key FROM answer WHERE name LIKE 'quota 2019-01-01 %'").fetchone()[0] != kept_key


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_a_listing_of_the_year_is_kept_as_its_text(kind, make_folder, duk, rows_read):
    """duk visits keeps the period's whole JSON or CSV (common.kept_text): the same question on
    the same files writes the same bytes without reading a row; a file added by hand is in the
    next answer, which equals a fresh folder's; a listing of one person is not kept."""
    root = folder_of(make_folder)
    line = ["visits", "-p", "2019", "-f", kind]
    first = duk(line, data=root)
    assert first.exit_code == 0 and "visits/2019/05/c.yaml" in first.stdout and rows_read == [1]
    again = duk(line, data=root)
    assert (again.exit_code, again.stdout, again.stderr) == (0, first.stdout, first.stderr) and rows_read == [1]
    (root / "visits/2019/06/z.yaml").write_text(visit("2019-06-20"), encoding="utf-8")
    age(root / "visits/2019/06/z.yaml", 600)
    settle(root)
    after = duk(line, data=root)
    assert after.exit_code == 0 and "visits/2019/06/z.yaml" in after.stdout and rows_read == [1, 1]
    assert after.stdout == duk(line, data=_copy_without_index(root)).stdout
    one = [*line, "--person", "nguyen-thi-lan"]
    assert duk(one, data=root).exit_code == 0 and duk(one, data=root).exit_code == 0 and len(rows_read) == 5  # the fresh folder read once
    db = sqlite3.connect(root / ".duk" / "index.sqlite")
    assert sorted(n for (n,) in db.execute("SELECT name FROM answer WHERE name LIKE 'visits %'")) == [
        f"visits {kind} 2019-01-01 2019-12-31 | ", f"visits {kind} piece 2019-05", f"visits {kind} piece 2019-06"]


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_after_a_change_only_its_month_of_the_listing_is_made_again(kind, make_folder, duk, monkeypatch):
    """duk visits keeps each month's piece of its text under a key of what it shows: after a
    file added by hand only that month is made again, and the text is the one a fresh folder
    gives, byte for byte the one made whole; new lists make every month again."""
    from dukcli.render import visits_table

    made: list[list[str]] = []
    real = visits_table.select

    def counting(ds, period, person, unit):
        made.append(sorted({f"{v.date:%Y-%m}" for v in ds.visits}))
        return real(ds, period, person, unit)

    monkeypatch.setattr(visits_table, "select", counting)
    root = folder_of(make_folder, {**FILES, "visits/2019/05/c2.yaml": visit("2019-05-20", unit="db-so-y-te")})
    line = ["visits", "-p", "2019", "-f", kind]
    first = duk(line, data=root)
    assert first.exit_code == 0 and made == [["2019-05"], ["2019-06"]]
    (root / "visits/2019/06/z.yaml").write_text(visit("2019-06-20"), encoding="utf-8")
    age(root / "visits/2019/06/z.yaml", 600)
    settle(root)
    made.clear()
    after = duk(line, data=root)
    assert after.exit_code == 0 and "visits/2019/06/z.yaml" in after.stdout and made == [["2019-06"]]
    assert after.stdout == duk(line, data=_copy_without_index(root)).stdout
    monkeypatch.setattr(visits_table, "by_month", lambda ds, period: [])  # the text made whole, as before
    whole = root.with_name(root.name + "-whole")
    shutil.copytree(root, whole, ignore=shutil.ignore_patterns(".duk"))
    assert duk(line, data=whole).stdout == after.stdout
    monkeypatch.undo()
    monkeypatch.setattr(visits_table, "select", counting)
    people = root / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    age(people, 600)
    made.clear()
    assert duk(line, data=root).stdout == after.stdout and made == [["2019-05"], ["2019-06"]]


def test_a_damaged_piece_of_a_listing_is_made_again(make_folder, duk, monkeypatch):
    import pickle

    from dukcli.render import visits_table

    made: list[list[str]] = []
    real = visits_table.select
    monkeypatch.setattr(visits_table, "select", lambda ds, *a: made.append(
        sorted({f"{v.date:%Y-%m}" for v in ds.visits})) or real(ds, *a))
    root = folder_of(make_folder)
    line = ["visits", "-p", "2019", "-f", "json"]
    assert duk(line, data=root).exit_code == 0 and made == [["2019-05"], ["2019-06"]]
    db = sqlite3.connect(root / ".duk" / "index.sqlite")
    value = db.execute("SELECT value FROM answer WHERE name = 'visits json piece 2019-05'").fetchone()[0]
    crc, data = pickle.loads(value)
    with db:
        db.execute("UPDATE answer SET value=? WHERE name = 'visits json piece 2019-05'",
                   (pickle.dumps((crc, data[:10] + bytes([data[10] ^ 1]) + data[11:])),))
    db.close()
    (root / "visits/2019/06/z.yaml").write_text(visit("2019-06-20"), encoding="utf-8")
    age(root / "visits/2019/06/z.yaml", 600)
    settle(root)
    made.clear()
    after = duk(line, data=root)
    assert made == [["2019-05"], ["2019-06"]]
    assert after.stdout == duk(line, data=_copy_without_index(root)).stdout


def test_a_damaged_kept_text_is_made_again_not_written(make_folder, duk, rows_read):
    """A kept text whose bytes changed in the index (a bit flipped on the disk) fails its
    checksum before a byte is written: the listing is made again from the files."""
    import pickle

    root = folder_of(make_folder)
    line = ["visits", "-p", "2019", "-f", "json"]
    first = duk(line, data=root)
    assert first.exit_code == 0 and rows_read == [1]
    db = sqlite3.connect(root / ".duk" / "index.sqlite")
    name, value = db.execute("SELECT name, value FROM answer WHERE name LIKE 'visits json 2019-%'").fetchone()
    crc, data = pickle.loads(value)
    damaged = data[:20] + bytes([data[20] ^ 0x40]) + data[21:]
    with db:
        db.execute("UPDATE answer SET value=? WHERE name=?", (pickle.dumps((crc, damaged)), name))
    db.close()
    again = duk(line, data=root)
    assert (again.exit_code, again.stdout) == (0, first.stdout) and rows_read == [1, 1]
    assert duk(line, data=root).stdout == first.stdout and rows_read == [1, 1]  # kept again, whole
