"""The loader and its index in .duk/: warm runs re-parse nothing, the index never changes an answer."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from dukcli.rules.validate import ordered, validate
from dukcli.store import loader

TODAY = __import__("datetime").date(2019, 12, 31)


def visit(day: str, person: str = "nguyen-thi-lan", unit: str = "cb-so-tai-chinh") -> str:
    return f"person: {person}\nunit: {unit}\ndate: {day}\nmeeting:\n  conduct: Điều hành tốt.\n  rating: tot\n"


FILES = {
    "visits/2019/05/a.yaml": visit("2019-05-14"),
    "visits/2019/06/b.yaml": visit("2019-06-05", unit="db-so-y-te"),
    "visits/2019/07/c.yaml": visit("2019-07-05", person="tran-van-binh"),
    "visits/2019/08/bad.yaml": "person: nguyen-thi-lan\nunit: [oops\n",
    "submissions.yaml": "- person: nguyen-thi-lan\n  period: 2019Q2\n  date: 2019-06-27\n",
}
N_FILES = 5 + 4  # duk.yaml, units, people, assignments, submissions + four visits


def answer(folder: Path):
    """Everything the loader and the checks say about a folder, comparable with ==."""
    ds, diags = loader.load(folder)
    return ds, ordered(diags + validate(ds, TODAY))


def bump_mtime(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))


def test_cold_run_parses_every_file_once(make_folder, parses):
    loader.load(make_folder(FILES))
    assert sorted(parses) == sorted(["duk.yaml", "units.yaml", "people.yaml", "assignments.yaml",
                                     "submissions.yaml", *(k for k in FILES if k.startswith("visits/"))])
    assert len(parses) == N_FILES


def test_warm_run_parses_nothing_and_answers_the_same(make_folder, parses):
    folder = make_folder(FILES)
    cold = answer(folder)
    parses.clear()
    warm = answer(folder)
    assert parses == []
    assert warm == cold
    assert len(warm[0].visits) == 3
    assert [(d.file, d.code) for d in warm[1]] == [("visits/2019/08/bad.yaml", "yaml-syntax")]


def test_touching_one_file_reparses_only_that_file(make_folder, parses):
    folder = make_folder(FILES)
    cold = answer(folder)
    bump_mtime(folder / "visits/2019/06/b.yaml")
    parses.clear()
    assert answer(folder) == cold
    assert parses == ["visits/2019/06/b.yaml"]


def test_changing_one_file_reparses_it_and_the_answer_follows(make_folder, parses):
    folder = make_folder(FILES)
    answer(folder)
    path = folder / "visits/2019/05/a.yaml"
    path.write_text(visit("2019-05-21") + "work: {}\n", encoding="utf-8")
    parses.clear()
    ds, _ = answer(folder)
    assert parses == ["visits/2019/05/a.yaml"]
    first = ds.visits[0]
    assert (first.file, first.date.isoformat(), first.work) == ("visits/2019/05/a.yaml", "2019-05-21", {})


def test_changing_a_list_file_reparses_only_it(make_folder, parses):
    folder = make_folder(FILES)
    answer(folder)
    people = folder / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8").replace("Nguyễn Thị Lan", "Nguyễn Thị Lan Anh"),
                      encoding="utf-8")
    parses.clear()
    ds, _ = answer(folder)
    assert parses == ["people.yaml"]
    assert ds.people["nguyen-thi-lan"].name == "Nguyễn Thị Lan Anh"


def test_fixing_a_broken_file_clears_its_error(make_folder):
    folder = make_folder(FILES)
    assert answer(folder)[1]
    (folder / "visits/2019/08/bad.yaml").write_text(visit("2019-08-06"), encoding="utf-8")
    ds, diags = answer(folder)
    assert diags == []
    assert len(ds.visits) == 4


def test_new_and_deleted_files_are_seen(make_folder, parses):
    folder = make_folder(FILES)
    answer(folder)
    (folder / "visits/2019/07/c.yaml").unlink()
    (folder / "visits/2019/09").mkdir()
    (folder / "visits/2019/09/d.yaml").write_text(visit("2019-09-09"), encoding="utf-8")
    parses.clear()
    ds, _ = answer(folder)
    assert parses == ["visits/2019/09/d.yaml"]
    assert [v.file for v in ds.visits] == ["visits/2019/05/a.yaml", "visits/2019/06/b.yaml", "visits/2019/09/d.yaml"]


def test_deleting_the_cache_changes_no_answer(make_folder, parses):
    folder = make_folder(FILES)
    first = answer(folder)
    shutil.rmtree(folder / ".duk")
    parses.clear()
    assert answer(folder) == first
    assert len(parses) == N_FILES
    assert (folder / ".duk" / "index.sqlite").is_file()


def _truncated(folder: Path) -> bytes:
    return (folder / ".duk" / "index.sqlite").read_bytes()[:5000]


@pytest.mark.parametrize("garbage", [b"\x00\xffgarbage\x80\x81" * 100, b"", b"SQLite format 3\x00" + b"\xff" * 200,
                                     b"not a database at all", _truncated])
def test_a_corrupt_index_is_rebuilt_silently(garbage, make_folder, parses, duk):
    folder = make_folder(FILES)
    first = answer(folder)
    garbage = garbage(folder) if callable(garbage) else garbage
    (folder / ".duk" / "index.sqlite").write_bytes(garbage)
    parses.clear()
    assert answer(folder) == first
    assert len(parses) == N_FILES
    parses.clear()
    assert answer(folder) == first
    assert parses == []  # rebuilt and used again
    (folder / ".duk" / "index.sqlite").write_bytes(garbage)
    result = duk(["check"], data=folder)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [line for line in result.stdout.splitlines() if "bad.yaml" in line]
    assert "Traceback" not in result.stdout + result.stderr and "sqlite" not in result.stderr.lower()


class _Planted:
    """What a hostile folder could carry in its index's pickled values: unpickling it calls os.mkdir."""

    def __init__(self, path: str):
        self.path = path

    def __reduce__(self):
        return (os.mkdir, (self.path,))


def test_a_planted_cache_is_never_executed(make_folder, parses, tmp_path, duk):
    import pickle

    import sqlite3

    folder = make_folder(FILES)
    first = answer(folder)
    sentinel = tmp_path / "da-chay"
    db = sqlite3.connect(folder / ".duk" / "index.sqlite")
    with db:  # every kept list file and answer now unpickles into os.mkdir
        db.execute("UPDATE record SET value=?", (pickle.dumps(_Planted(str(sentinel))),))
        db.execute("UPDATE answer SET value=?", (pickle.dumps(_Planted(str(sentinel))),))
    db.close()
    parses.clear()
    assert answer(folder) == first
    assert not sentinel.exists()
    assert sorted(parses) == ["assignments.yaml", "duk.yaml", "people.yaml", "submissions.yaml", "units.yaml"]
    assert duk(["check"], data=folder).exit_code == 1
    assert not sentinel.exists()


def test_a_planted_trigger_or_view_makes_the_index_rebuilt(make_folder, parses, tmp_path):
    """SQL in the schema of a folder's index (a trigger, a view) is never kept: the index is
    made again, so nothing of the stranger's schema runs."""
    import sqlite3

    folder = make_folder(FILES)
    first = answer(folder)
    db = sqlite3.connect(folder / ".duk" / "index.sqlite")
    with db:
        db.execute("CREATE TABLE spy(x)")
        db.execute("CREATE TRIGGER t AFTER INSERT ON visit BEGIN INSERT INTO spy VALUES (new.rel); END")
    db.close()
    parses.clear()
    assert answer(folder) == first
    assert len(parses) == N_FILES
    db = sqlite3.connect(folder / ".duk" / "index.sqlite")
    names = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
    db.close()
    assert "spy" not in names and "t" not in names


def test_an_index_from_another_version_is_ignored(make_folder, parses, monkeypatch):
    from dukcli.store import index

    folder = make_folder(FILES)
    answer(folder)
    monkeypatch.setattr(index, "VERSION", "other")
    parses.clear()
    answer(folder)
    assert len(parses) == N_FILES


def test_cache_folder_ignores_itself(make_folder):
    folder = make_folder(FILES)
    answer(folder)
    assert (folder / ".duk" / ".gitignore").read_text(encoding="utf-8").strip() == "*"


def test_git_status_shows_nothing_from_the_cache(make_folder, duk):
    folder = make_folder(FILES)
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@x"}

    def git(*args):
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, env=env, check=True)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "dữ liệu")
    assert duk(["check"], data=folder).exit_code == 1  # builds .duk/ with its index
    assert (folder / ".duk" / "index.sqlite").is_file()
    assert git("status", "--porcelain", "--untracked-files=all").stdout == ""


def test_a_cache_that_cannot_be_written_still_answers(make_folder, parses):
    """.duk being a plain file (root ignores chmod, so this is the portable way to forbid it)."""
    folder = make_folder(FILES)
    first = answer(folder)
    shutil.rmtree(folder / ".duk")
    (folder / ".duk").write_text("không phải thư mục", encoding="utf-8")
    for _ in range(2):
        parses.clear()
        assert answer(folder) == first
        assert len(parses) == N_FILES


def test_records_remember_file_and_lines(make_folder):
    folder = make_folder(FILES)
    ds, _ = loader.load(folder)
    v = next(v for v in ds.visits if v.file == "visits/2019/05/a.yaml")
    assert v.line == 1
    # The loaded record keeps its top-level lines; the notes (and their lines) come with with_notes.
    assert v.lines == {"person": 1, "unit": 2, "date": 3, "meeting": 4, "meeting.rating": 6}
    full = loader.with_notes(folder, ds, v.date, v.date)
    v = next(v for v in full.visits if v.file == "visits/2019/05/a.yaml")
    assert v.lines == {"person": 1, "unit": 2, "date": 3, "meeting": 4, "meeting.conduct": 5, "meeting.rating": 6}
    unit = ds.units["cb-phong-nghiep-vu-y"]
    assert (unit.file, unit.line, unit.lines["parent"]) == ("units.yaml", 8, 11)
    a = ds.assignments[1]
    assert (a.file, a.line, a.lines["units"]) == ("assignments.yaml", 6, 8)
    s = ds.submissions[0]
    assert (s.file, s.line, s.period) == ("submissions.yaml", 1, "2019Q2")


def test_files_outside_visits_and_hidden_files_are_ignored(make_folder, parses):
    folder = make_folder({**FILES, "notes.yaml": "this: [is not read\n", "visits/2019/05/.a.yaml.swp": "x: [\n",
                          "visits/2019/05/readme.txt": "không phải YAML", "visits/.git-like/x.yaml": "x: [\n"})
    ds, diags = loader.load(folder)
    assert len(parses) == N_FILES
    # readme.txt is not read, but check says so (SPEC §5 stray-file) instead of staying silent.
    assert [(d.file, d.code, d.severity) for d in diags] == [("visits/2019/05/readme.txt", "stray-file", "warning"),
                                                             ("visits/2019/08/bad.yaml", "yaml-syntax", "error")]


def test_visits_come_without_notes_until_asked_for(make_folder):
    """The cache keeps no note texts (speed); with_notes reads them for the days asked."""
    import datetime as dt

    from dukcli.store.loader import load, with_notes

    folder = make_folder({
        "visits/2019/05/a.yaml": "person: nguyen-thi-lan\nunit: cb-so-tai-chinh\ndate: 2019-05-14\n"
                                 "work:\n  situation: Ổn định.\nmeeting:\n  lessons: Rút kinh nghiệm.\n  rating: kha\n",
        "visits/2019/06/b.yaml": "person: nguyen-thi-lan\nunit: db-so-y-te\ndate: 2019-06-03\nwork:\n  proposals: Đề xuất.\n"})
    for _ in range(2):  # cold, then warm from the cache: the same answer
        ds, diags = load(folder)
        assert diags == []
        assert [(v.work, v.meeting, v.rating) for v in ds.visits] == [({}, {}, "kha"), ({}, None, None)]
        full = with_notes(folder, ds, dt.date(2019, 5, 1), dt.date(2019, 5, 31))
        assert full.visits[0].work == {"situation": "Ổn định."}
        assert full.visits[0].meeting == {"lessons": "Rút kinh nghiệm."}
        assert full.visits[1].work == {}


# --- writing (store/write.py) ----------------------------------------------------------------

def test_create_new_never_overwrites(tmp_path):
    from dukcli.store import write

    path = tmp_path / "visits" / "2019" / "05" / "a.yaml"
    write.create_new(path, "person: nguyễn\n")
    with pytest.raises(FileExistsError):
        write.create_new(path, "khác\n")
    assert path.read_text(encoding="utf-8") == "person: nguyễn\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["a.yaml"]  # no temp file left behind
    second = write.create_unique(path.parent, "a", "hai\n")
    assert second.name == "a-2.yaml" and second.read_text(encoding="utf-8") == "hai\n"


def test_create_new_without_hard_links(tmp_path, monkeypatch):
    """A FAT/exFAT USB stick refuses os.link; the file is still written, still never over another."""
    from dukcli.store import write

    def no_links(src, dst):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    path = tmp_path / "a.yaml"
    write.create_new(path, "một\n")
    assert path.read_text(encoding="utf-8") == "một\n"
    with pytest.raises(FileExistsError):
        write.create_new(path, "hai\n")
    assert path.read_text(encoding="utf-8") == "một\n"
    assert write.create_unique(tmp_path, "a", "hai\n").name == "a-2.yaml"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-2.yaml", "a.yaml"]


def test_a_same_size_edit_within_one_mtime_tick_is_still_seen(make_folder):
    """A file written seconds ago is not cached, so an edit that keeps its size and mtime
    (possible on coarse filesystems) cannot hide behind a stale entry."""
    import os

    from dukcli.store.loader import load

    folder = make_folder({})
    path = folder / "visits/2019/05/a.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("person: nguyen-thi-lan\nunit: cb-so-tai-chinh\ndate: 2019-05-14\nwork: {}\n", encoding="utf-8")
    st = path.stat()
    assert [v.date.day for v in load(folder)[0].visits] == [14]
    path.write_text("person: nguyen-thi-lan\nunit: cb-so-tai-chinh\ndate: 2019-05-15\nwork: {}\n", encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
    assert [v.date.day for v in load(folder)[0].visits] == [15]


def test_an_oversized_visit_file_is_refused_without_being_read(make_folder, monkeypatch):
    from dukcli import yamltext
    from dukcli.store import loader

    folder = make_folder({"visits/2019/05/a.yaml": "person: nguyen-thi-lan\n"})
    monkeypatch.setattr(yamltext, "MAX_FILE_BYTES", 10)
    real = loader.Path.read_bytes

    def guarded(self):
        assert "visits" not in str(self), "an oversized visit file was read"
        return real(self)

    monkeypatch.setattr(loader.Path, "read_bytes", guarded)
    ds, diags = loader.load(folder)
    assert [(d.file, d.line, d.code) for d in diags if d.file.startswith("visits")] == [
        ("visits/2019/05/a.yaml", 1, "schema")]


def _answers(folder: Path) -> set[str]:
    import sqlite3

    db = sqlite3.connect(folder / ".duk" / "index.sqlite")
    try:
        return {name for (name,) in db.execute("SELECT name FROM answer")}
    finally:
        db.close()


def test_the_saved_cross_checks_follow_every_change_and_the_day(make_folder, duk):
    """duk check reuses its cross-checks for an unchanged folder; any edit or another day
    makes it check again."""
    from conftest import age

    visit = "person: {who}\nunit: cb-so-tai-chinh\ndate: 2019-05-14\nwork: {{}}\n"
    folder = make_folder({"visits/2019/05/a.yaml": visit.format(who="nguyen-thi-lan")})
    for _ in range(2):
        result = duk(["check", "--format", "json"], data=folder, today="2019-12-31")
        assert (result.exit_code, result.stdout.strip()) == (0, "[]")
    assert "check" in _answers(folder)
    path = folder / "visits/2019/05/a.yaml"
    path.write_text(visit.format(who="ai-do-xa-la"), encoding="utf-8")
    age(path, 600)
    result = duk(["check"], data=folder, today="2019-12-31")
    assert result.exit_code == 1 and "[unknown-person]" in result.stdout
    path.write_text(visit.format(who="nguyen-thi-lan"), encoding="utf-8")
    age(path, 300)
    assert duk(["check"], data=folder, today="2019-12-31").exit_code == 0
    earlier = duk(["check"], data=folder, today="2019-05-01")
    assert earlier.exit_code == 1 and "[future-date]" in earlier.stdout


def test_a_large_first_load_parses_in_parallel_with_the_same_answer(make_folder, monkeypatch):
    """Above PARALLEL_FROM missing files the parse runs in a process pool; the answer,
    diagnostics included, is the one of a serial parse."""
    import shutil

    from dukcli.store import loader as ld

    visit = "person: nguyen-thi-lan\nunit: {unit}\ndate: 2019-{m:02d}-{d:02d}\nmeeting:\n  lessons: Ghi chú {i}.\n"
    files = {f"visits/2019/{m:02d}/{i}.yaml": visit.format(unit="cb-so-tai-chinh" if i % 3 else "khong-co", m=m,
                                                            d=1 + i % 28, i=i)
             for i in range(60) for m in (1 + i % 12,)}
    files["visits/2019/01/hong.yaml"] = "person: [\n"
    folder = make_folder(files)
    monkeypatch.setattr(ld, "PARALLEL_FROM", 10**9)
    serial = answer(folder)
    shutil.rmtree(folder / ".duk")
    monkeypatch.setattr(ld, "PARALLEL_FROM", 5)
    parallel = answer(folder)
    assert parallel == serial
    assert len(serial[0].visits) == 60
    assert {d.code for d in serial[1]} >= {"yaml-syntax", "unknown-unit"}


def test_a_visit_that_cannot_be_read_is_an_error_not_a_silent_gap(make_folder, duk):
    folder = make_folder({})
    (folder / "visits/2019/05").mkdir(parents=True)
    (folder / "visits/2019/05/mat.yaml").symlink_to(folder / "khong-ton-tai.yaml")
    result = duk(["check"], data=folder)
    assert result.exit_code == 1
    # A link is never followed (SPEC §6), dangling or not.
    assert result.stdout.startswith("visits/2019/05/mat.yaml:0: lỗi [not-regular]: đây là liên kết tượng trưng")


def test_an_unreadable_visit_is_an_error_not_a_silent_gap(make_folder, duk, monkeypatch):
    import errno

    from dukcli.store import safefs

    folder = make_folder({"visits/2019/05/kin.yaml": "person: nguyen-thi-lan\n"})
    real = safefs.read_bytes

    def denied(path, limit=safefs.MAX_READ, dir_fd=None):  # chmod 000 does not stop root, who runs CI
        if str(path).endswith("kin.yaml"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, limit, dir_fd)

    monkeypatch.setattr(safefs, "read_bytes", denied)
    result = duk(["check"], data=folder)
    assert result.exit_code == 1
    assert result.stdout.startswith("visits/2019/05/kin.yaml:1: lỗi [yaml-syntax]: không đọc được tệp: "
                                    "không có quyền truy cập")


def test_visits_as_a_file_is_an_error(make_folder, duk):
    folder = make_folder({"visits": "person: nguyen-thi-lan\n"})
    result = duk(["check"], data=folder)
    assert result.exit_code == 1
    assert "visits:1: lỗi [schema]: 'visits' phải là thư mục" in result.stdout


def test_an_unchanged_folder_is_checked_again_without_loading(make_folder, duk, monkeypatch):
    """The second `duk check` of the day answers from .duk/ after listing the files; any
    change to a file makes it load and check again."""
    from conftest import age

    folder = make_folder({"visits/2019/05/a.yaml": "person: ai-do\nunit: cb-so-tai-chinh\ndate: 2019-05-14\nwork: {}\n"})
    first = duk(["check"], data=folder)
    assert first.exit_code == 1 and "[unknown-person]" in first.stdout

    def no_load(*args, **kwargs):
        raise AssertionError("judged again although nothing changed")

    from dukcli.rules import validate

    monkeypatch.setattr(validate, "validate", no_load)
    monkeypatch.setattr(loader, "expand", no_load)
    again = duk(["check"], data=folder)
    assert (again.exit_code, again.stdout) == (first.exit_code, first.stdout)
    monkeypatch.undo()
    path = folder / "visits/2019/05/a.yaml"
    path.write_text("person: nguyen-thi-lan\nunit: cb-so-tai-chinh\ndate: 2019-05-14\nwork: {}\n", encoding="utf-8")
    age(path, 100)
    fixed = duk(["check"], data=folder)
    assert (fixed.exit_code, fixed.stdout) == (0, "")
    assert duk(["check"], data=folder, today="2019-05-01").exit_code == 1  # another day: checked again


def test_one_command_reads_each_list_file_once_and_sees_a_change(make_folder, monkeypatch):
    """Inside cache.sharing() (every duk command) a second load takes the list files it has read
    already, unless one changed on disk; outside it every load asks the index."""
    from dukcli.store import cache
    from dukcli.store.index import Index

    folder = make_folder(FILES)
    loader.load(folder)  # the index holds the lists
    for name in ("duk.yaml", "units.yaml", "people.yaml", "assignments.yaml"):
        os.utime(folder / name, ns=(1, 1_000_000_000))  # settled: kept in the index and in the memo
    asked: list[str] = []
    real = Index.record
    monkeypatch.setattr(Index, "record", lambda self, rel, key: asked.append(rel) or real(self, rel, key))
    with cache.sharing():
        first, _ = loader.load(folder)
        n = len(asked)
        again, _ = loader.load(folder)
        assert len(asked) == n and again == first  # nothing asked the second time
        (folder / "people.yaml").write_text("- id: moi\n  name: Người Mới\n", encoding="utf-8")
        os.utime(folder / "people.yaml", ns=(1, 2_000_000_000))
        changed, _ = loader.load(folder)
    assert asked[n:] == ["people.yaml"] and list(changed.people) == ["moi"]
    loader.load(folder)
    assert len(asked) > n + 1  # outside sharing(): the index again


def test_a_file_is_read_whole_whatever_its_size_and_never_past_the_cap(tmp_path, monkeypatch):
    """safefs.read_bytes asks for the size the file has first: a file longer than its stat said
    (growing meanwhile) is still read whole, and one past the cap is refused however it got there."""
    from dukcli.store import safefs

    for size in (0, 1, 1000, 65536, 65537, 200_000):
        path = tmp_path / f"f{size}.yaml"
        data = bytes(i % 251 for i in range(size))
        path.write_bytes(data)
        assert safefs.read_bytes(path, 300_000) == data
    path = tmp_path / "cap.yaml"
    path.write_bytes(b"x" * 100)
    assert safefs.read_bytes(path, 100) == b"x" * 100
    with pytest.raises(safefs.TooLarge):
        safefs.read_bytes(path, 99)
    real = os.fstat

    def stale(fd):  # the size as it was a moment before: 10 bytes
        st = real(fd)
        return os.stat_result((st.st_mode, *st[1:6], 10, *st[7:]))

    monkeypatch.setattr(safefs.os, "fstat", stale)
    assert safefs.read_bytes(tmp_path / "f200000.yaml", 300_000) == bytes(i % 251 for i in range(200_000))
    with pytest.raises(safefs.TooLarge):
        safefs.read_bytes(tmp_path / "f200000.yaml", 150_000)
