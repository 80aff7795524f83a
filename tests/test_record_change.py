"""record.change_files: several files written as one change and one commit, refused when a
file is no longer what the change was judged on."""

from __future__ import annotations

import pytest

from conftest import git
from dukcli.store import record


def test_two_files_one_commit_and_nothing_else(repo):
    root = repo()
    (root / "ghi-chu.txt").write_text("của người dùng\n", encoding="utf-8")  # not ours: never committed
    units = (root / "units.yaml").read_text(encoding="utf-8")
    people = (root / "people.yaml").read_text(encoding="utf-8")
    saved = record.change_files(root, [record.Change("units.yaml", units, units + "# một\n"),
                                       record.Change("people.yaml", people, people + "# hai\n")], "Sửa: hai tệp")
    assert all(s.committed for s in saved)
    assert git(root, "show", "--name-only", "--format=%s", "HEAD").split() == ["Sửa:", "hai", "tệp", "people.yaml",
                                                                              "units.yaml"]
    assert git(root, "status", "--porcelain").strip() == "?? ghi-chu.txt"


def test_a_file_changed_meanwhile_refuses_the_whole_change(repo):
    root = repo()
    units = (root / "units.yaml").read_text(encoding="utf-8")
    people = (root / "people.yaml").read_text(encoding="utf-8")
    (root / "people.yaml").write_text(people + "# sửa tay\n", encoding="utf-8")
    with pytest.raises(record.RecordError) as e:
        record.change_files(root, [record.Change("units.yaml", units, units + "# một\n"),
                                   record.Change("people.yaml", people, people + "# hai\n")], "Sửa")
    assert "people.yaml đã thay đổi" in e.value.message and "không có gì được ghi" in e.value.message
    assert (root / "units.yaml").read_text(encoding="utf-8") == units


def test_a_removal_is_committed(repo):
    root = repo({"visits/2019/05/a.yaml": "person: nguyen-thi-lan\nunit: cb-so-tai-chinh\ndate: 2019-05-14\nwork: {}\n"})
    text = (root / "visits/2019/05/a.yaml").read_text(encoding="utf-8")
    saved = record.change_files(root, [record.Change("visits/2019/05/a.yaml", text, None)], "Xóa: a")
    assert saved[0].committed and not (root / "visits/2019/05/a.yaml").exists()
    assert git(root, "status", "--porcelain").strip() == ""
