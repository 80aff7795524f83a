"""Finding the data folder (SPEC §2) and `duk init`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import git

from dukcli.store import loader
from dukcli.store.locate import NoDataFolder, find


@pytest.fixture(autouse=True)
def no_env(monkeypatch):
    monkeypatch.delenv("DUK_DATA", raising=False)


def marked(make_folder, person_id: str) -> Path:
    """A valid folder whose check output names `person_id`, so a test can tell folders apart."""
    return make_folder({"visits/2019/05/a.yaml": f"person: {person_id}\nunit: cb-so-tai-chinh\ndate: 2019-05-14\nwork: {{}}\n"})


def which(duk, **kw) -> str:
    """The person id of the unknown-person error: which marked folder duk found."""
    result = duk(["check", "-f", "json"], **kw)
    assert result.exit_code == 1, result.stderr
    return json.loads(result.stdout)[0]["message"].split("'")[1]


# --- locate.find -------------------------------------------------------------------------

def test_explicit_folder_wins(make_folder, monkeypatch):
    a, b = make_folder(), make_folder()
    monkeypatch.setenv("DUK_DATA", str(b))
    monkeypatch.chdir(b)
    assert find(str(a)) == a.resolve()


def test_env_var_comes_next(make_folder, monkeypatch):
    a, b = make_folder(), make_folder()
    monkeypatch.setenv("DUK_DATA", str(a))
    monkeypatch.chdir(b)
    assert find(None) == a.resolve()


def test_walks_up_from_the_current_folder(make_folder, monkeypatch):
    folder = make_folder({"visits/2019/05/a.yaml": "person: x\n"})
    monkeypatch.chdir(folder / "visits" / "2019" / "05")
    assert find(None) == folder.resolve()


def test_a_parent_whose_data_child_holds_duk_yaml(make_folder, tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    (repo / "src" / "deep").mkdir(parents=True)
    shutil.copytree(make_folder(), repo / "data")
    monkeypatch.chdir(repo / "src" / "deep")
    assert find(None) == (repo / "data").resolve()
    monkeypatch.chdir(repo)
    assert find(None) == (repo / "data").resolve()


def test_the_nearest_folder_wins(make_folder, tmp_path, monkeypatch):
    outer = tmp_path / "outer"
    shutil.copytree(make_folder(), outer / "data")
    inner = outer / "work" / "inner"
    shutil.copytree(make_folder(), inner)
    monkeypatch.chdir(inner)
    assert find(None) == inner.resolve()


def test_a_folder_named_duk_yaml_is_not_a_marker(tmp_path, monkeypatch):
    (tmp_path / "x" / "duk.yaml").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "x")
    with pytest.raises(NoDataFolder):
        find(None)


def test_nothing_found_says_duk_init(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(NoDataFolder) as e:
        find(None)
    assert "duk init" in str(e.value)
    assert "không tìm thấy thư mục dữ liệu" in str(e.value)


@pytest.mark.parametrize("source", ["--data", "DUK_DATA"])
def test_an_explicit_folder_without_duk_yaml_is_refused(source, tmp_path, monkeypatch):
    if source == "DUK_DATA":
        monkeypatch.setenv("DUK_DATA", str(tmp_path))
    with pytest.raises(NoDataFolder) as e:
        find(str(tmp_path) if source == "--data" else None)
    assert source in str(e.value) and "duk init" in str(e.value)


# --- through the command line --------------------------------------------------------------

def test_cli_order_data_then_env_then_cwd(make_folder, duk, monkeypatch):
    a, b, c = (marked(make_folder, p) for p in ("tu-data", "tu-bien", "tu-thu-muc"))
    monkeypatch.chdir(c / "visits")
    assert which(duk) == "tu-thu-muc"
    assert which(duk, env={"DUK_DATA": str(b)}) == "tu-bien"
    assert which(duk, data=a, env={"DUK_DATA": str(b)}) == "tu-data"


def test_cli_without_a_folder_exits_1_with_the_init_hint(tmp_path, duk, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = duk(["check"], env={"DUK_DATA": None})
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Lỗi: không tìm thấy thư mục dữ liệu")
    assert "duk init" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_data_pointing_nowhere(tmp_path, duk):
    result = duk(["check"], data=tmp_path / "khong-co")
    assert result.exit_code == 1
    assert "không có tệp duk.yaml" in result.stderr and "duk init" in result.stderr


# --- duk init ------------------------------------------------------------------------------

INIT_FILES = {"duk.yaml", "units.yaml", "people.yaml", "assignments.yaml", ".gitignore"}


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(folder).parts}


def test_init_makes_a_folder_a_clerk_can_start_from(tmp_path, duk):
    folder = tmp_path / "du-lieu"
    result = duk(["init", str(folder)])
    assert result.exit_code == 0, result.stderr
    assert "Đã tạo thư mục dữ liệu" in result.stdout and "duk check" in result.stdout
    assert INIT_FILES <= {p.name for p in folder.iterdir()}
    assert (folder / "visits").is_dir() and (folder / "submissions").is_dir()
    assert not (folder / "submissions.yaml").exists()  # the old single list (SPEC §2): new folders use submissions/
    assert ".duk" in (folder / ".gitignore").read_text(encoding="utf-8")
    assert (folder / ".duk" / ".gitignore").read_text(encoding="utf-8").strip() == "*"


def test_init_duk_yaml_is_commented_in_vietnamese_and_loads(tmp_path, duk):
    folder = tmp_path / "du-lieu"
    duk(["init", str(folder)])
    text = (folder / "duk.yaml").read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) >= 8
    for key in ("organization", "parent", "name", "short", "place", "regulation", "quota", "per-year",
                "per-month", "report", "due-day"):
        assert f"{key}:" in text
    assert "BẮT BUỘC" in text and "Điều 4" in text
    ds, diags = loader.load(folder)
    # the '...' to fill in are said, as warnings (SPEC §5 placeholder)
    assert [(d.code, d.severity) for d in diags] == [("placeholder", "warning")] * 3
    assert ds.config.placeholders == ("organization.parent", "organization.name", "organization.place")
    assert (ds.config.per_year, ds.config.per_month, ds.config.due_day) == (5, 1, 30)
    assert ds.config.regulation.startswith("Quy định số 08-QĐ/ĐUK")


@pytest.mark.parametrize("name, example", [("units.yaml", "type: dang-bo-co-so"), ("people.yaml", "name: Nguyễn Thị Lan"),
                                           ("assignments.yaml", "role: theo-doi")])
def test_init_lists_are_empty_with_a_commented_example(name, example, tmp_path, duk):
    folder = tmp_path / "du-lieu"
    duk(["init", str(folder)])
    text = (folder / name).read_text(encoding="utf-8")
    assert f"# {example}" in text.replace("#   ", "# ")
    ds, diags = loader.load(folder)
    assert {d.code for d in diags} == {"placeholder"}
    assert (ds.units, ds.people, ds.assignments, ds.submissions) == ({}, {}, [], [])


def test_check_passes_on_a_new_folder(tmp_path, duk):
    folder = tmp_path / "du-lieu"
    duk(["init", str(folder)])
    result = duk(["check"], data=folder)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "duk.yaml:6: cảnh báo [placeholder]: 'organization.parent' vẫn còn '...' do duk init ghi sẵn: hãy điền "
        "nội dung thật (báo cáo và tổng hợp không in tiêu đề còn '...')",
        "duk.yaml:8: cảnh báo [placeholder]: 'organization.name' vẫn còn '...' do duk init ghi sẵn: hãy điền "
        "nội dung thật (báo cáo và tổng hợp không in tiêu đề còn '...')",
        "duk.yaml:12: cảnh báo [placeholder]: 'organization.place' vẫn còn '...' do duk init ghi sẵn: hãy điền "
        "nội dung thật (báo cáo và tổng hợp không in tiêu đề còn '...')"]


def test_report_and_summary_refuse_a_header_with_placeholders(tmp_path, duk):
    folder = tmp_path / "du-lieu"
    duk(["init", str(folder)])
    for args in (["summary", "-p", "2019Q2", "-o", str(tmp_path / "th.docx")],):
        r = duk(args, data=folder)
        assert r.exit_code == 1
        assert ("duk.yaml còn '...' chưa điền ở organization.parent, organization.name, organization.place"
                in r.stderr)
    assert not (tmp_path / "th.docx").exists()


def test_init_makes_a_git_repository_with_one_commit(tmp_path, duk):
    assert shutil.which("git"), "git is expected on the test machine"
    folder = tmp_path / "du-lieu"
    result = duk(["init", str(folder)])
    assert "Kho git đã được tạo" in result.stdout
    assert git(folder, "rev-list", "--count", "HEAD").strip() == "1"
    assert git(folder, "log", "--format=%s").strip() == "Khởi tạo thư mục dữ liệu duk"
    committed = set(git(folder, "ls-files").split())
    assert {"duk.yaml", "units.yaml", "people.yaml", "assignments.yaml", ".gitignore", "submissions/.gitkeep"} <= committed
    assert not any(path.startswith(".duk") for path in committed)
    duk(["check"], data=folder)
    assert git(folder, "status", "--porcelain", "--untracked-files=all") == ""


def test_init_without_git_still_makes_the_folder(tmp_path, duk, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    folder = tmp_path / "du-lieu"
    result = duk(["init", str(folder)])
    assert result.exit_code == 0
    assert "Không tạo kho git" in result.stdout
    assert not (folder / ".git").exists()
    assert (folder / "duk.yaml").is_file()


def test_init_refuses_an_existing_data_folder_and_changes_nothing(make_folder, duk):
    folder = make_folder({"visits/2019/05/a.yaml": "person: nguyen-thi-lan\n"})
    before = tree(folder)
    result = duk(["init", str(folder)])
    assert result.exit_code == 1
    assert "đã là thư mục dữ liệu" in result.stderr and "không ghi đè" in result.stderr
    assert tree(folder) == before
    assert not (folder / ".git").exists()


def test_init_in_a_folder_with_other_files_keeps_them(tmp_path, duk):
    folder = tmp_path / "du-lieu"
    folder.mkdir()
    (folder / "units.yaml").write_text("- id: db-so-y-te\n  name: Đảng bộ Sở Y tế\n  type: dang-bo-co-so\n", encoding="utf-8")
    (folder / "ghi-chu.txt").write_text("của tôi", encoding="utf-8")
    assert duk(["init", str(folder)]).exit_code == 0
    assert (folder / "units.yaml").read_text(encoding="utf-8").startswith("- id: db-so-y-te")
    assert (folder / "ghi-chu.txt").read_text(encoding="utf-8") == "của tôi"
    assert list(loader.load(folder)[0].units) == ["db-so-y-te"]


def test_init_on_a_file_is_refused(tmp_path, duk):
    path = tmp_path / "tep.txt"
    path.write_text("x", encoding="utf-8")
    result = duk(["init", str(path)])
    assert result.exit_code == 1
    assert "là một tệp" in result.stderr
    assert path.read_text(encoding="utf-8") == "x"


def test_init_needs_a_folder_argument(duk):
    result = duk(["init"])
    assert result.exit_code == 2
    assert "Thiếu đối số" in result.stderr
