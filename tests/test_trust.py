"""SPEC §6, the attacks of the "Trust" issue, each reproduced: a data folder from someone else
may hold links, FIFOs, devices, conflict markers, a stale git lock, a deleted .duk mid-run.

Whatever could hang or eat memory runs in a real subprocess with a time and memory limit, so
that a regression fails the test instead of stopping the suite.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import age, git

REPO = Path(__file__).resolve().parent.parent
TODAY = "2019-12-31"
LAN_TC = "visits/2019/05/2019-05-14-nguyen-thi-lan-cb-so-tai-chinh.yaml"
VISIT = "person: nguyen-thi-lan\nunit: cb-so-tai-chinh\ndate: {day}\nwork: {{}}\n"


def _limits():
    # 1 GB of address space: reading /dev/zero "whole" would fail here instead of eating the machine.
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def real(args: list[str], root: Path, timeout: float = 60, today: str = TODAY, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "DUK_TODAY": today, "PYTHONPATH": str(REPO), "DUK_INTERACTIVE": "0"}
    env.pop("DUK_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "dukcli", "--data", str(root), *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, cwd=str(root), timeout=timeout,
                          preexec_fn=_limits, **kw)


def no_traceback(r) -> None:
    assert "Traceback" not in r.stderr and "Lỗi nội bộ" not in r.stderr, r.stderr


# --- files that are not regular files --------------------------------------------------------

def test_a_link_to_dev_zero_is_not_regular_in_seconds(make_folder):
    root = make_folder({"visits/2019/12/a.yaml": VISIT.format(day="2019-12-02")})
    (root / "visits/2019/12/z.yaml").symlink_to("/dev/zero")
    started = time.monotonic()
    r = real(["check"], root, timeout=30)
    assert time.monotonic() - started < 30
    assert r.returncode == 1
    assert "visits/2019/12/z.yaml:0: lỗi [not-regular]: đây là liên kết tượng trưng (symlink)" in r.stdout
    no_traceback(r)


@pytest.mark.parametrize("rel", ["visits/2019/12/f.yaml", "units.yaml", "submissions/2019Q2/a.yaml"])
def test_a_fifo_never_hangs_a_command(make_folder, rel):
    root = make_folder({"units.yaml": None} if rel == "units.yaml" else {})
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(root / rel)
    r = real(["check"], root, timeout=30)
    assert r.returncode == 1
    assert f"{rel}:0: lỗi [not-regular]: đây là ống dẫn (FIFO)" in r.stdout
    no_traceback(r)
    for args in (["quota", "-p", "2019Q2"], ["visits", "-p", "2019Q2"]):
        r = real(args, root, timeout=30)
        assert r.returncode == 1 and "[not-regular]" in r.stderr
        no_traceback(r)


@pytest.mark.parametrize("name", ["cache.pickle", "checked.pickle", "diagnostics.pickle"])
def test_a_fifo_in_dot_duk_is_ignored(make_folder, name):
    root = make_folder({"visits/2019/05/a.yaml": VISIT.format(day="2019-05-14")})
    (root / ".duk").mkdir()
    os.mkfifo(root / ".duk" / name)
    r = real(["quota", "-p", "2019Q2", "-f", "json"], root, timeout=30)
    assert r.returncode == 0, r.stderr
    assert '"nguyen-thi-lan"' in r.stdout
    assert real(["check"], root, timeout=30).returncode == 0


def test_a_symlink_loop_is_not_regular(make_folder):
    root = make_folder({})
    (root / "visits/2019/05").mkdir(parents=True)
    (root / "visits/2019/05/a.yaml").symlink_to("b.yaml")
    (root / "visits/2019/05/b.yaml").symlink_to("a.yaml")
    r = real(["check"], root, timeout=30)
    assert r.returncode == 1
    assert "visits/2019/05/a.yaml:0: lỗi [not-regular]" in r.stdout
    assert "visits/2019/05/b.yaml:0: lỗi [not-regular]" in r.stdout
    no_traceback(r)


def test_a_link_to_a_secret_is_never_read_nor_quoted(make_folder, tmp_path):
    secret = tmp_path / "shadow"
    secret.write_text("root:$6$MAT-KHAU-BI-MAT:19000:0:99999:7:::\n")
    root = make_folder({"people.yaml": None})
    (root / "people.yaml").symlink_to(secret)
    (root / "visits/2019/05").mkdir(parents=True)
    (root / "visits/2019/05/x.yaml").symlink_to(secret)
    r = real(["check", "--format", "json"], root, timeout=30)
    assert r.returncode == 1
    assert "MAT-KHAU-BI-MAT" not in r.stdout + r.stderr
    assert '"code": "not-regular"' in r.stdout


def test_a_linked_visits_folder_is_not_followed(make_folder, tmp_path):
    outside = tmp_path / "ngoai"
    (outside / "2019/05").mkdir(parents=True)
    (outside / "2019/05/a.yaml").write_text(VISIT.format(day="2019-05-14"), encoding="utf-8")
    root = make_folder({})
    (root / "visits").symlink_to(outside)
    r = real(["check"], root, timeout=30)
    assert r.returncode == 1
    assert "visits:0: lỗi [not-regular]: đây là liên kết tượng trưng" in r.stdout


def test_a_linked_month_folder_is_not_followed(make_folder, tmp_path):
    outside = tmp_path / "ngoai"
    outside.mkdir()
    (outside / "a.yaml").write_text(VISIT.format(day="2019-05-14"), encoding="utf-8")
    root = make_folder({})
    (root / "visits/2019").mkdir(parents=True)
    (root / "visits/2019/05").symlink_to(outside)
    r = real(["check"], root, timeout=30)
    assert r.returncode == 1
    assert "visits/2019/05:0: lỗi [not-regular]" in r.stdout
    assert "a.yaml" not in r.stdout


def test_a_month_folder_swapped_for_a_link_after_its_listing_is_not_read_through(make_folder, tmp_path):
    """The parse opens each month folder once (never through a link) and its files by name in
    it: a folder swapped for a link between the listing and the parse gives "cannot be read",
    never the other folder's files, and a file swapped for a link gives not-regular."""
    from dukcli.store import loader

    outside = tmp_path / "ngoai"
    outside.mkdir()
    (outside / "a.yaml").write_text("person: ke-la\nunit: ngoai\ndate: 2019-05-14\nwork:\n  situation: BI-MAT\n",
                                    encoding="utf-8")
    root = make_folder({"visits/2019/05/a.yaml": VISIT.format(day="2019-05-14"),
                        "visits/2019/06/b.yaml": VISIT.format(day="2019-06-14"),
                        "visits/2019/06/c.yaml": VISIT.format(day="2019-06-15")})
    jobs = [(rel, (root / rel).stat().st_size) for rel in
            ("visits/2019/05/a.yaml", "visits/2019/06/b.yaml", "visits/2019/06/c.yaml")]
    listed = loader._parse_chunk(str(root), None, jobs)
    assert [r[:3] for r in listed] == [("nguyen-thi-lan", "cb-so-tai-chinh", "2019-05-14"),
                                       ("nguyen-thi-lan", "cb-so-tai-chinh", "2019-06-14"),
                                       ("nguyen-thi-lan", "cb-so-tai-chinh", "2019-06-15")]
    os.rename(root / "visits/2019/05", tmp_path / "cu")
    (root / "visits/2019/05").symlink_to(outside)  # after the listing, before the parse
    (root / "visits/2019/06/c.yaml").unlink()
    (root / "visits/2019/06/c.yaml").symlink_to(outside / "a.yaml")
    rows = loader._parse_chunk(str(root), None, jobs)
    assert "BI-MAT" not in repr(rows) and "ke-la" not in repr(rows)
    assert [r[:3] for r in rows] == [(None, None, None), ("nguyen-thi-lan", "cb-so-tai-chinh", "2019-06-14"),
                                     (None, None, None)]
    assert '"yaml-syntax"' in rows[0][8] and '"not-regular"' in rows[2][8]
    assert "liên kết" in rows[0][8] + rows[2][8]


# --- writes through links ----------------------------------------------------------------------

def test_log_visit_never_writes_through_a_linked_year_folder(repo, tmp_path):
    outside = tmp_path / "ngoai"
    outside.mkdir()
    root = repo()
    (root / "visits").mkdir(exist_ok=True)
    (root / "visits/2019").symlink_to(outside)
    r = real(["log-visit", "--person", "lan", "--unit", "tai chinh", "--date", "2019-05-14", "--work"], root)
    assert r.returncode == 1
    assert "'visits/2019' là liên kết tượng trưng (symlink); duk không ghi qua liên kết" in r.stderr
    assert "Không có gì được ghi" in r.stderr
    assert list(outside.rglob("*")) == []
    no_traceback(r)


def test_submit_never_writes_through_a_linked_submissions_folder(repo, tmp_path):
    outside = tmp_path / "ngoai"
    outside.mkdir()
    root = repo()
    (root / "submissions").symlink_to(outside)
    r = real(["submit", "--person", "lan", "-p", "2019Q2", "--date", "2019-06-27"], root)
    assert r.returncode == 1
    assert "'submissions' là liên kết tượng trưng (symlink)" in r.stderr
    assert list(outside.rglob("*")) == []


def test_a_linked_dot_duk_receives_nothing(make_folder, tmp_path):
    outside = tmp_path / "ngoai"
    outside.mkdir()
    root = make_folder({"visits/2019/05/a.yaml": VISIT.format(day="2019-05-14")})
    (root / ".duk").symlink_to(outside)
    for args in (["check"], ["quota", "-p", "2019Q2"],
                 ["log-visit", "--person", "lan", "--unit", "tai chinh", "--date", "2019-06-03", "--work"]):
        r = real(args, root)
        assert r.returncode == 0, r.stderr
    assert list(outside.iterdir()) == []


# --- the lock holds when .duk is deleted -------------------------------------------------------

PEOPLE = "".join(f"- id: nguoi-{i:02d}\n  name: Người Số {i:02d}\n" for i in range(24))


def test_submissions_survive_dot_duk_deleted_mid_run(repo):
    """24 real `duk submit` at once while .duk/ is deleted again and again: every
    acknowledged submission is in its own file and its own commit, nothing mixed."""
    root = repo({"people.yaml": PEOPLE, "assignments.yaml": "[]\n"})
    before = int(git(root, "rev-list", "--count", "HEAD"))
    stop = threading.Event()

    def vandal():
        import shutil

        while not stop.is_set():
            shutil.rmtree(root / ".duk", ignore_errors=True)
            time.sleep(0.005)

    thread = threading.Thread(target=vandal)
    thread.start()
    env = {**os.environ, "DUK_TODAY": "2019-07-05", "PYTHONPATH": str(REPO), "DUK_INTERACTIVE": "0"}
    try:
        procs = [subprocess.Popen([sys.executable, "-m", "dukcli", "--data", str(root), "submit", "--person",
                                   f"nguoi-{i:02d}", "-p", "2019Q2", "--date", "2019-06-27"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=str(root))
                 for i in range(24)]
        results = [p.communicate(timeout=300) for p in procs]
    finally:
        stop.set()
        thread.join()
    acknowledged = [i for i, (p, (out, err)) in enumerate(zip(procs, results))
                    if p.returncode == 0 and "Đã lưu vào git" in out.decode()]
    assert len(acknowledged) == 24, [err.decode() for _, err in results]
    assert int(git(root, "rev-list", "--count", "HEAD")) == before + 24
    for sha in git(root, "log", "-24", "--format=%H").split():
        changed = git(root, "show", "--name-only", "--format=", sha).split()
        assert len(changed) == 1 and changed[0].startswith("submissions/2019Q2/nguoi-")
        person = changed[0].rsplit("/", 1)[1][:-5]
        assert git(root, "show", f"{sha}:{changed[0]}").startswith(f"person: {person}\n")
    assert git(root, "status", "--porcelain").strip() == ""


def test_two_clones_that_each_record_a_submission_merge_without_conflict(repo, tmp_path, duk):
    origin = repo()
    other = tmp_path / "van-phong-2"
    subprocess.run(["git", "clone", "-q", str(origin), str(other)], check=True)
    for root, person in ((origin, "lan"), (other, "binh")):
        r = duk(["submit", "--person", person, "-p", "2019Q2", "--date", "2019-06-27"], data=root)
        assert r.exit_code == 0, r.stderr
    git(other, "-c", "user.name=t", "-c", "user.email=t@x", "pull", "-q", "--no-rebase", "--no-edit", str(origin))
    assert sorted(p.name for p in (other / "submissions/2019Q2").iterdir()) == ["nguyen-thi-lan.yaml",
                                                                                  "tran-van-binh.yaml"]
    assert duk(["check"], data=other).exit_code == 0


# --- the cache never lies ----------------------------------------------------------------------

def test_a_same_size_edit_with_the_mtime_put_back_is_seen(make_folder, duk):
    path_rel = "visits/2019/05/a.yaml"
    root = make_folder({path_rel: VISIT.format(day="2019-05-14")})
    path = root / path_rel
    age(path, 3600)
    first = duk(["visits", "-p", "2019", "-f", "csv"], data=root)
    assert "14/05/2019" in first.stdout or "2019-05-14" in first.stdout
    st = path.stat()
    path.write_text(VISIT.format(day="2019-05-15"), encoding="utf-8")  # same length
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # touch -r: the mtime put back
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
    again = duk(["visits", "-p", "2019", "-f", "csv"], data=root)
    assert ("15/05/2019" in again.stdout or "2019-05-15" in again.stdout), again.stdout
    assert "14/05/2019" not in again.stdout and "2019-05-14" not in again.stdout


# --- git ---------------------------------------------------------------------------------------

def test_conflict_markers_are_merge_conflict_at_the_first_marker(make_folder, duk):
    units = ("- id: cb-so-tai-chinh\n  name: Chi bộ Sở Tài chính\n  type: chi-bo-co-so\n"
             "<<<<<<< HEAD\n  meeting-day: 5\n=======\n  meeting-day: 6\n>>>>>>> van-phong-2\n")
    root = make_folder({"units.yaml": units})
    r = duk(["check"], data=root)
    assert r.exit_code == 1
    assert r.stdout.startswith("units.yaml:4: lỗi [merge-conflict]: tệp còn dấu xung đột của git")
    assert "thiếu dấu hai chấm" not in r.stdout
    assert "unknown-unit" not in r.stdout  # the echoes of an unreadable units.yaml are left out


def test_conflict_markers_in_a_visit(make_folder, duk):
    text = "person: nguyen-thi-lan\nunit: cb-so-tai-chinh\n<<<<<<< HEAD\ndate: 2019-05-14\n=======\n" \
           "date: 2019-05-15\n>>>>>>> abc123\nwork: {}\n"
    root = make_folder({"visits/2019/05/a.yaml": text})
    r = duk(["check", "--format", "json"], data=root)
    assert r.exit_code == 1
    assert '"line": 3' in r.stdout and '"code": "merge-conflict"' in r.stdout


@pytest.mark.parametrize("marker, words", [("MERGE_HEAD", "đang gộp nhánh (merge) dở dang"),
                                           ("rebase-merge", "đang rebase dở dang"),
                                           ("CHERRY_PICK_HEAD", "đang cherry-pick dở dang")])
def test_no_write_in_the_middle_of_a_merge_or_rebase(repo, duk, marker, words):
    root = repo()
    head = git(root, "rev-parse", "HEAD").strip()
    target = root / ".git" / marker
    if marker == "rebase-merge":
        target.mkdir()
    else:
        target.write_text(head + "\n")
    for args in (["log-visit", "--person", "lan", "--unit", "tai chinh", "--date", "2019-05-14", "--work"],
                 ["submit", "--person", "lan", "-p", "2019Q2", "--date", "2019-06-27"]):
        r = duk(args, data=root)
        assert r.exit_code == 1
        assert words in r.stderr and "Không có gì được ghi" in r.stderr
    assert not (root / "visits").exists() or list((root / "visits").rglob("*.yaml")) == []
    assert not (root / "submissions").exists()
    assert git(root, "status", "--porcelain", "--untracked-files=all").strip() == ""


def test_a_stale_index_lock_is_named_with_its_command_and_kept(repo, duk):
    root = repo()
    stale = root / ".git" / "index.lock"
    stale.write_text("")
    r = duk(["log-visit", "--person", "lan", "--unit", "tai chinh", "--date", "2019-05-14", "--work"], data=root)
    assert r.exit_code == 1
    assert f"xóa nó bằng: rm '{stale}'" in r.stderr
    assert "Không có gì được ghi" in r.stderr
    assert stale.exists()  # never removed silently
    assert not (root / LAN_TC).exists()
    # --no-commit needs no index: the visit is written
    r = duk(["log-visit", "--person", "lan", "--unit", "tai chinh", "--date", "2019-05-14", "--work",
             "--no-commit"], data=root)
    assert r.exit_code == 0, r.stderr
    assert (root / LAN_TC).exists()


def test_log_visit_never_commits_the_users_edit_of_another_file(repo, duk):
    root = repo()
    with open(root / "units.yaml", "a", encoding="utf-8") as fh:
        fh.write("# ghi chú riêng\n")
    git(root, "add", "units.yaml")
    with open(root / "people.yaml", "a", encoding="utf-8") as fh:
        fh.write("# ghi chú riêng\n")
    r = duk(["log-visit", "--person", "lan", "--unit", "tai chinh", "--date", "2019-05-14", "--work"], data=root)
    assert r.exit_code == 0, r.stderr
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == [LAN_TC]
    assert sorted(git(root, "status", "--porcelain").splitlines()) == [" M people.yaml", "M  units.yaml"]


# --- leftovers of killed runs ------------------------------------------------------------------

def test_a_temporary_file_of_a_killed_run_is_reported_then_removed(repo, duk):
    root = repo()
    month = root / "visits/2019/05"
    month.mkdir(parents=True)
    (month / ".duk-abc123.tmp").write_text(VISIT.format(day="2019-05-20"), encoding="utf-8")
    r = duk(["check"], data=root)
    assert r.exit_code == 0
    assert r.stdout.startswith("visits/2019/05/.duk-abc123.tmp:0: cảnh báo [stray-file]: tệp tạm do một lệnh duk")
    r = duk(["log-visit", "--person", "lan", "--unit", "tai chinh", "--date", "2019-05-14", "--work"], data=root)
    assert r.exit_code == 0, r.stderr
    assert sorted(p.name for p in month.iterdir()) == [LAN_TC.rsplit("/", 1)[1]]


@pytest.mark.parametrize("name", ["a.YAML", "b.yml", "c.yaml.txt", "d.yaml.bak", "ghi-chu.txt"])
def test_files_duk_does_not_read_are_stray(make_folder, duk, name):
    root = make_folder({f"visits/2019/05/{name}": VISIT.format(day="2019-05-14")})
    r = duk(["check"], data=root)
    assert r.exit_code == 0
    assert r.stdout.startswith(f"visits/2019/05/{name}:0: cảnh báo [stray-file]: duk không đọc tệp này")


# --- Ctrl-C tells the truth --------------------------------------------------------------------

def test_ctrl_c_at_any_moment_says_what_was_written(repo):
    """SIGINT at 30 moments (0 to 0.87 s) of a `duk log-visit`: whatever the moment, the message matches the
    folder (a written visit is never reported as "nothing written"), and no traceback."""
    import signal

    env = {**os.environ, "DUK_TODAY": TODAY, "PYTHONPATH": str(REPO), "DUK_INTERACTIVE": "0"}
    lies, outcomes = [], []
    for i, delay in enumerate([0.03 * k for k in range(30)]):
        root = repo()
        before = int(git(root, "rev-list", "--count", "HEAD"))
        p = subprocess.Popen([sys.executable, "-m", "dukcli", "--data", str(root), "log-visit", "--person", "lan",
                              "--unit", "tai chinh", "--date", "2019-05-14", "--work"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=str(root))
        time.sleep(delay)
        p.send_signal(signal.SIGINT)
        out, err = (s.decode() for s in p.communicate(timeout=60))
        written = (root / LAN_TC).exists()
        committed = int(git(root, "rev-list", "--count", "HEAD")) == before + 1
        if "init_import_site" in err or p.returncode == -signal.SIGINT:
            # The signal came while the interpreter itself was starting (its site module) or
            # tearing down after duk's last line: CPython's own doing, out of any package's
            # reach. Then either nothing was written, or the run had said all it did.
            assert not written or ("Đã ghi chuyến đi vào" in out and "Đã lưu vào git" in out), (out, err)
            continue
        assert "Traceback" not in err, err
        assert p.returncode in (0, 130), (p.returncode, err)
        if p.returncode == 130:
            said_nothing = "không có gì được ghi" in err
            if said_nothing == written or (written and ("đã lưu vào git" in err) != committed):
                lies.append((delay, written, committed, err))
        else:
            assert written and committed
        outcomes.append((p.returncode, written))
    assert lies == []
    assert len(outcomes) >= 10  # most runs reached duk (not all ended in the interpreter's start-up)


@pytest.mark.parametrize("command, name", [(["report", "--person", "lan", "-p", "2019Q2"], "report.docx"),
                                           (["summary", "-p", "2019Q2"], "summary.docx")])
def test_a_linked_word_template_in_the_data_folder_is_never_opened(make_folder, duk, tmp_path, command, name):
    secret = tmp_path / "bi-mat.docx"
    secret.write_bytes(b"PK-noi-dung-bi-mat")
    root = make_folder({})
    (root / "templates").mkdir()
    (root / "templates" / name).symlink_to(secret)
    out = tmp_path / "ra.docx"
    r = duk([*command, "-o", str(out)], data=root)
    assert r.exit_code == 1
    assert f"mẫu templates/{name} của thư mục dữ liệu là liên kết tượng trưng (symlink)" in r.stderr
    assert not out.exists()
