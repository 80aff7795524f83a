"""From `duk init` to a year's quota and a quarter's report through duk commands only (issue 13,
"done when"): the test writes no YAML; every change is one commit and the tree ends clean."""

from __future__ import annotations

import json

from docx import Document

from conftest import git


def run(duk, args, data, today="2019-12-31"):
    result = duk(args, data=data, today=today, env={"DUK_INTERACTIVE": "0"})
    assert result.exit_code == 0, (args, result.stdout, result.stderr)
    return result


def test_a_year_kept_by_command_only(duk, tmp_path):
    root = tmp_path / "du-lieu"
    assert duk(["init", str(root), "--name", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "--parent", "ĐẢNG BỘ TỈNH HÒA BÌNH",
                "--place", "Hòa Bình"]).exit_code == 0
    changes = [
        ["person", "add", "--name", "Nguyễn Thị Lan", "--position", "Chuyên viên Ban Tổ chức", "--yes"],
        ["person", "add", "--name", "Bùi Văn Thắng", "--position", "Ủy viên Ban Thường vụ", "--yes"],
        ["unit", "add", "--name", "Chi bộ Sở Tài chính", "--type", "chi-bo-co-so", "--meeting-day", "5", "--yes"],
        ["unit", "add", "--name", "Đảng bộ Sở Y tế", "--type", "dang-bo-co-so", "--meeting-day", "10", "--yes"],
        ["assign", "--person", "lan", "--role", "theo-doi", "--units", "tai chinh,y te", "--from", "01/01/2019",
         "--basis", "Thông báo số 80-TB/ĐUK", "--yes"],
        ["assign", "--person", "thang", "--role", "phu-trach", "--units", "tai chinh,y te", "--from", "01/01/2019",
         "--basis", "Nghị quyết số 13-NQ/ĐUK", "--yes"],
    ]
    for args in changes:
        run(duk, args, root)
    for month in range(1, 13):  # Lan at both units every month; Thắng five times in the year
        for unit in ("tai chinh", "y te"):
            run(duk, ["log-visit", "--person", "lan", "--unit", unit, "--date", f"{month * 2:02d}/{month:02d}/2019",
                      "--meeting", "--conduct", f"Chi bộ sinh hoạt đúng kỳ tháng {month}."], root)
    for month in (2, 4, 6, 9, 11):
        run(duk, ["log-visit", "--person", "thang", "--unit", "tai chinh", "--date", f"20/{month:02d}/2019",
                  "--work", "--situation", "Nắm tình hình cơ sở."], root)
    run(duk, ["submit", "--person", "lan", "-p", "2019Q2", "--date", "28/06/2019"], root)
    visits_logged = 12 * 2 + 5

    quota = json.loads(run(duk, ["quota", "-p", "2019", "--as-of", "2019-12-31", "-f", "json"], root).stdout)
    rows = {(r["person"], r.get("unit")): r for r in quota["rows"]}
    assert {r["status"] for (p, _), r in rows.items() if p == "nguyen-thi-lan"} == {"dat"}
    member = rows[("bui-van-thang", None)]  # the year ends after 31/12: on time, not yet "Đạt"
    assert (member["visits_ytd"], member["target_year"], member["status"]) == (5, 5, "dung-tien-do")

    report = tmp_path / "bao-cao.docx"
    run(duk, ["report", "--person", "lan", "-p", "2019Q2", "--date", "28/06/2019", "-o", str(report)], root)
    text = "\n".join(p.text for p in Document(report).paragraphs)
    assert "Nguyễn Thị Lan" in text and "Chi bộ sinh hoạt đúng kỳ tháng 5." in text

    assert git(root, "status", "--porcelain", "--untracked-files=all").strip() == ""
    commits = git(root, "log", "--format=%s").splitlines()
    assert len(commits) == 1 + len(changes) + visits_logged + 1  # init, the lists, the visits, the submission
    checked = run(duk, ["check"], root)
    assert checked.stdout == "" and "Dữ liệu hợp lệ: không có lỗi, không có cảnh báo." in checked.stderr
