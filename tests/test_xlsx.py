"""`--format xlsx -o FILE.xlsx` (issue 13 item 4): every sheet opened back with openpyxl —
the title row, the headers, the values (names, real dates, numbers), the colours of the
Article 4 results and report states, the frozen header, the print setup; never over a file
without --force; -o required with xlsx and refused without it."""

from __future__ import annotations

import datetime as dt
import json
import os

import openpyxl
import pytest

from dukcli.render import xlsx

D = dt.date
GREEN, RED, AMBER, GREY = (tone[0] for tone in (xlsx.TONES["good"], xlsx.TONES["bad"], xlsx.TONES["pending"],
                                                xlsx.TONES["muted"]))
VISITS = [("nguyen-thi-lan", "cb-so-tai-chinh", "2019-04-05", "meeting"),
          ("nguyen-thi-lan", "cb-so-tai-chinh", "2019-05-06", "work"),
          ("nguyen-thi-lan", "cb-so-tai-chinh", "2019-06-05", "meeting"),
          ("tran-van-binh", "db-so-y-te", "2019-04-10", "work")]


@pytest.fixture
def folder(make_folder):
    files = {f"visits/{d[:4]}/{d[5:7]}/{d}-{i}.yaml": f"person: {p}\nunit: {u}\ndate: {d}\n{s}: {{}}\n"
             for i, (p, u, d, s) in enumerate(VISITS)}
    files["submissions.yaml"] = "- person: nguyen-thi-lan\n  period: 2019Q2\n  date: 2019-06-28\n"
    return make_folder(files)


def run_xlsx(duk, folder, tmp_path, args, name="out.xlsx"):
    target = tmp_path / name
    r = duk([*args, "--format", "xlsx", "-o", str(target)], data=folder)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert "Đã ghi" in r.stderr and name in r.stderr
    return openpyxl.load_workbook(target)


def values(ws, row: int) -> list:
    out = [c.value for c in ws[row]]
    while out and out[-1] is None:
        out.pop()
    return out


def fill(cell) -> str:
    return cell.fill.start_color.rgb[-6:] if cell.fill.fill_type == "solid" else ""


def assert_printable(ws, header_row: int):
    assert ws.freeze_panes == f"A{header_row + 1}"
    assert all(c.font.bold for c in ws[header_row] if c.value is not None)
    assert ws.cell(row=1, column=1).font.bold
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == f"${header_row}:${header_row}"


def width(ws, letter: str) -> float:
    return ws.column_dimensions[letter].width


# --- each command ---------------------------------------------------------------------------

def test_quota_two_sheets_with_results_coloured(duk, folder, tmp_path):
    wb = run_xlsx(duk, folder, tmp_path, ["quota", "2019Q2", "--as-of", "2019-07-01"])
    assert wb.sheetnames == ["Phụ trách", "Theo dõi"]
    pt, td = wb["Phụ trách"], wb["Theo dõi"]
    title = "Kết quả thực hiện Điều 4 — Quý II năm 2019 (tính đến ngày 01/07/2019)"
    assert pt["A1"].value == td["A1"].value == title
    assert pt["A2"].value == "Ủy viên Ban Thường vụ phụ trách (tối thiểu theo năm)"
    assert td["A2"].value == "Cán bộ, chuyên viên theo dõi (tối thiểu mỗi tháng, mỗi đơn vị)"
    assert values(pt, 3) == ["TT", "Họ và tên", "Trong kỳ", "Lũy kế năm", "Cần đến hết kỳ", "Chỉ tiêu năm", "Kết quả"]
    assert values(pt, 4) == [1, "Trần Văn Bình", 1, 1, 3, 5, "Chậm tiến độ"]
    assert fill(pt["G4"]) == RED
    assert values(td, 3) == ["TT", "Họ và tên", "Đơn vị", "T4", "T5", "T6", "Số tháng đạt", "Số tháng phải đi",
                             "Số lần trong kỳ", "Kết quả"]
    assert values(td, 4) == [1, "Nguyễn Thị Lan", "Chi bộ Sở Tài chính", "✓ 1", "✓ 1", "✓ 1", 3, 3, 3, "Đạt"]
    assert values(td, 5) == [2, "Nguyễn Thị Lan", "Đảng bộ Sở Y tế", "✗ 0", "✗ 0", "✗ 0", 0, 3, 0, "Chưa đạt"]
    assert fill(td["J4"]) == GREEN and td["J4"].font.color.rgb.endswith("006100")  # Đạt
    assert fill(td["J5"]) == RED  # Chưa đạt
    assert fill(td["D4"]) == GREEN and fill(td["D5"]) == RED  # the months too
    assert td.cell(row=4, column=7).data_type == "n"  # numbers as numbers
    # the legend and the totals under the last table, across its width
    assert td["A7"].value.startswith("Ký hiệu mỗi tháng: ✓ đạt")
    assert td["A8"].value == "Tổng cộng 3 dòng: 1 đạt/đúng tiến độ, 2 chưa đạt/chậm tiến độ, 0 đang thực hiện."
    assert "A8:J8" in {str(r) for r in td.merged_cells.ranges}
    for ws in (pt, td):
        assert_printable(ws, 3)
    assert width(td, "B") >= len("Nguyễn Thị Lan") + 2 and width(td, "C") >= len("Chi bộ Sở Tài chính") + 2
    assert width(td, "A") < width(td, "B")


def test_quota_in_progress_is_amber(duk, folder, tmp_path):
    wb = run_xlsx(duk, folder, tmp_path, ["quota", "2019Q2", "--as-of", "2019-05-20"])
    td = wb["Theo dõi"]
    assert values(td, 4) == [1, "Nguyễn Thị Lan", "Chi bộ Sở Tài chính", "✓ 1", "✓ 1", "… 0", 2, 3, 2,
                             "Đang thực hiện"]
    assert fill(td["J4"]) == AMBER and fill(td["F4"]) == AMBER


def test_visits_dates_are_real_dates(duk, folder, tmp_path):
    wb = run_xlsx(duk, folder, tmp_path, ["visits", "2019Q2"])
    ws = wb["Chuyến đi"]
    assert ws["A1"].value == "Các chuyến đi cơ sở — Quý II năm 2019"
    assert values(ws, 2) == ["TT", "Ngày", "Người đi", "Đơn vị", "Nội dung", "Xếp loại sinh hoạt", "Tính Điều 4",
                             "Tệp"]
    assert values(ws, 3) == [1, dt.datetime(2019, 4, 5), "Nguyễn Thị Lan", "Chi bộ Sở Tài chính", "sinh hoạt", None,
                             "có", "visits/2019/04/2019-04-05-0.yaml"]
    assert [ws.cell(row=r, column=3).value for r in range(3, 7)] == [
        "Nguyễn Thị Lan", "Trần Văn Bình", "Nguyễn Thị Lan", "Nguyễn Thị Lan"]
    assert values(ws, 4)[3:5] == ["Đảng bộ Sở Y tế", "công tác"]
    for r in range(3, 7):
        cell = ws.cell(row=r, column=2)
        assert cell.is_date and cell.number_format == "DD/MM/YYYY"
    assert [ws.cell(row=r, column=2).value.date() for r in range(3, 7)] == [
        D(2019, 4, 5), D(2019, 4, 10), D(2019, 5, 6), D(2019, 6, 5)]
    assert ws["A8"].value == "4 chuyến đi; 4 được tính theo Điều 4."
    assert_printable(ws, 2)


def test_status_report_states_coloured(duk, folder, tmp_path):
    wb = run_xlsx(duk, folder, tmp_path, ["status", "2019Q2", "--as-of", "2019-07-20"])
    ws = wb["Báo cáo quý"]
    assert ws["A1"].value == "Báo cáo cá nhân Quý II năm 2019 — hạn nộp 30/06/2019 (tính đến ngày 20/07/2019)"
    assert values(ws, 2) == ["TT", "Họ và tên", "Ngày nhận", "Tình trạng", "Số ngày trễ"]
    assert values(ws, 3) == [1, "Trần Văn Bình", None, "Chưa nộp (quá hạn 20 ngày)", 20]
    assert values(ws, 4) == [2, "Nguyễn Thị Lan", dt.datetime(2019, 6, 28), "Đúng hạn", 0]
    assert ws["C4"].is_date and ws["C4"].number_format == "DD/MM/YYYY"
    assert fill(ws["D3"]) == RED and fill(ws["D4"]) == GREEN
    assert ws["A6"].value == "Đúng hạn: 1, trễ hạn: 0, chưa nộp: 1 (tổng 2 người phải báo cáo)."
    assert_printable(ws, 2)


def test_status_not_yet_due_is_grey(duk, folder, tmp_path):
    wb = run_xlsx(duk, folder, tmp_path, ["status", "2019Q2", "--as-of", "2019-06-20"])
    ws = wb["Báo cáo quý"]
    assert values(ws, 3) == [1, "Trần Văn Bình", None, "Chưa nộp", 0]
    assert fill(ws["D3"]) == GREY


def test_scorecard(duk, folder, tmp_path):
    wb = run_xlsx(duk, folder, tmp_path, ["scorecard", "--year", "2019"])
    ws = wb["Đánh giá năm"]
    assert ws["A1"].value == ("Đánh giá năm 2019: đi cơ sở (Điều 4) và báo cáo quý (Điều 6.1) "
                              "(tính đến ngày 31/12/2019)")
    assert values(ws, 2) == ["TT", "Họ và tên", "Vai trò", "Điều 4", "Kết quả Điều 4", "Quý I", "Quý II", "Quý III",
                             "Quý IV", "Đánh giá năm", "Ý kiến cơ sở"]
    assert values(ws, 3) == [1, "Trần Văn Bình", "Ủy viên Ban Thường vụ phụ trách", "1/5 lần", "Đang thực hiện",
                             "Chưa nộp", "Chưa nộp", "Chưa nộp", "Chưa nộp", "Chưa hoàn thành", "0"]
    assert values(ws, 4) == [2, "Nguyễn Thị Lan", "Cán bộ, chuyên viên theo dõi", "3/24 tháng (3 lần)", "Chưa đạt",
                             "Chưa nộp", "Đúng hạn", "Chưa nộp", "Chưa nộp", "Chưa hoàn thành", "0"]
    assert [fill(ws[c]) for c in ("E3", "E4", "F4", "G4", "J4")] == [AMBER, RED, RED, GREEN, RED]
    assert ws["A6"].value.startswith("Điều 4: số tháng đạt/số tháng phải đi")
    assert_printable(ws, 2)


def test_agenda_four_sheets(duk, folder, tmp_path):
    wb = run_xlsx(duk, folder, tmp_path, ["agenda", "--as-of", "2019-05-20"])
    assert wb.sheetnames == ["Chưa đi cơ sở", "Chậm tiến độ", "Báo cáo đến hạn", "Đề xuất quá hạn"]
    due, behind, reports, proposals = (wb[n] for n in wb.sheetnames)
    assert proposals["A2"].value == "4. Đề xuất, kiến nghị chưa trả lời, chưa giải quyết quá 30 ngày"
    assert proposals["A4"].value == "Không có."
    assert due["A1"].value == behind["A1"].value == "Việc cần làm tính đến ngày 20/05/2019"
    assert due["A2"].value == "1. Chưa đi cơ sở trong tháng 5/2019 (còn 11 ngày)"
    assert values(due, 3) == ["TT", "Họ và tên", "Đơn vị", "Ngày sinh hoạt", "Còn lại (ngày)"]
    assert values(due, 4) == [1, "Nguyễn Thị Lan", "Đảng bộ Sở Y tế", None, 11]
    assert values(behind, 4) == [1, "Trần Văn Bình", 1, 3, 5]
    assert reports["A2"].value == "3. Báo cáo quý sắp đến hạn, chưa nộp"
    assert reports["A4"].value == "Không có."
    for ws in (due, behind, reports, proposals):
        assert_printable(ws, 3)


def test_agenda_meeting_days_are_dates(duk, make_folder, tmp_path):
    folder = make_folder()  # cb-so-tai-chinh meets on the 5th
    wb = run_xlsx(duk, folder, tmp_path, ["agenda", "--as-of", "2019-05-03"])
    ws = wb["Chưa đi cơ sở"]
    rows = {ws.cell(row=r, column=3).value: ws.cell(row=r, column=4) for r in (4, 5)}
    assert rows["Chi bộ Sở Tài chính"].value == dt.datetime(2019, 5, 5)
    assert rows["Chi bộ Sở Tài chính"].number_format == "DD/MM/YYYY"
    assert rows["Đảng bộ Sở Y tế"].value is None
    assert fill(rows["Chi bộ Sở Tài chính"]) == ""  # still to come
    assert ws["A7"].value is None  # so no note about past meetings
    wb = run_xlsx(duk, folder, tmp_path, ["agenda", "--as-of", "2019-05-06"], "later.xlsx")
    ws = wb["Chưa đi cơ sở"]
    assert fill(ws["D4"]) == GREY and ws["D4"].value == dt.datetime(2019, 5, 5)
    assert ws["A7"].value == "Ngày sinh hoạt tô xám: buổi sinh hoạt của tháng này đã qua."


# --- writing --------------------------------------------------------------------------------

def test_never_over_a_file_without_force(duk, folder, tmp_path):
    target = tmp_path / "q.xlsx"
    target.write_bytes(b"not mine")
    args = ["quota", "2019Q2", "-f", "xlsx", "-o", str(target)]
    r = duk(args, data=folder)
    assert r.exit_code == 1
    assert r.stderr.strip() == f"Lỗi: tệp '{target}' đã có; dùng --force để ghi đè"
    assert target.read_bytes() == b"not mine"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".duk-")) == []
    r = duk([*args, "--force"], data=folder)
    assert r.exit_code == 0, r.stderr
    assert openpyxl.load_workbook(target).sheetnames == ["Phụ trách", "Theo dõi"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".duk-")] == []


def test_agenda_force_is_shared_with_ics(duk, folder, tmp_path):
    target = tmp_path / "a.xlsx"
    args = ["agenda", "--as-of", "2019-05-20", "-f", "xlsx", "-o", str(target)]
    assert duk(args, data=folder).exit_code == 0
    r = duk(args, data=folder)
    assert r.exit_code == 1 and "--force" in r.stderr
    assert duk([*args, "--force"], data=folder).exit_code == 0


def test_a_folder_as_output_gets_the_default_name(duk, folder, tmp_path):
    r = duk(["status", "2019Q2", "--as-of", "2019-07-20", "-f", "xlsx", "-o", str(tmp_path)], data=folder)
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "bao-cao-quy-2019-Q2.xlsx").is_file()


@pytest.mark.parametrize("command", [["visits", "2019Q2"], ["quota", "2019Q2"], ["status", "2019Q2"],
                                     ["scorecard", "--year", "2019"], ["agenda"]])
def test_xlsx_needs_o(duk, folder, tmp_path, command):
    r = duk([*command, "--format", "xlsx"], data=folder)
    assert r.exit_code == 2
    assert "--format xlsx cần -o TỆP.xlsx" in r.stderr
    assert r.stdout == ""


@pytest.mark.parametrize("command", [["visits", "2019Q2"], ["quota", "2019Q2"], ["scorecard", "--year", "2019"]])
def test_o_without_xlsx_is_a_usage_error(duk, folder, tmp_path, command):
    r = duk([*command, "-o", str(tmp_path / "x.xlsx")], data=folder)
    assert r.exit_code == 2
    assert "-o chỉ dùng với --format xlsx" in r.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_o_is_checked_as_every_output(duk, folder, tmp_path):
    r = duk(["visits", "-f", "xlsx", "-o", str(tmp_path / "x.csv")], data=folder)
    assert r.exit_code == 2 and "đuôi .xlsx" in r.stderr
    r = duk(["visits", "-f", "xlsx", "-o", str(folder / "visits" / "x.xlsx")], data=folder)
    assert r.exit_code == 2 and "visits/" in r.stderr
    assert not (folder / "visits" / "x.xlsx").exists()


def test_the_other_formats_are_unchanged(duk, folder):
    """json and csv still print on stdout, -o absent."""
    r = duk(["status", "2019Q2", "--as-of", "2019-07-20", "-f", "json"], data=folder)
    assert r.exit_code == 0 and json.loads(r.stdout)["rows"][1]["status"] == "dung-han"
    r = duk(["status", "2019Q2", "--as-of", "2019-07-20", "-f", "csv"], data=folder)
    assert r.stdout.splitlines()[0] == "\ufeffHọ và tên,Mã người,Ngày nhận,Tình trạng,Số ngày trễ"


# --- the module itself ----------------------------------------------------------------------

def test_text_is_never_a_formula_and_bad_characters_go(tmp_path):
    sheet = xlsx.Sheet("Thử", "Tiêu đề", (xlsx.Column("A"), xlsx.Column("B", "number")),
                       [["=HYPERLINK(\"http://x\")", 3], ["a\x01b", None]])
    xlsx.write(tmp_path / "t.xlsx", sheet)
    ws = openpyxl.load_workbook(tmp_path / "t.xlsx")["Thử"]
    assert ws["A3"].value == "=HYPERLINK(\"http://x\")" and ws["A3"].data_type == "s"
    assert ws["A4"].value == "ab" and ws["B3"].value == 3


def test_write_is_exclusive_and_leaves_nothing(tmp_path):
    sheet = xlsx.Sheet("S", "T", (xlsx.Column("A"),), [["x"]])
    target = tmp_path / "t.xlsx"
    xlsx.write(target, sheet)
    before = target.read_bytes()
    with pytest.raises(FileExistsError):
        xlsx.write(target, xlsx.Sheet("S", "T", (xlsx.Column("A"),), [["y"]]))
    assert target.read_bytes() == before
    xlsx.write(target, xlsx.Sheet("S", "T", (xlsx.Column("A"),), [["y"]]), overwrite=True)
    assert openpyxl.load_workbook(target)["S"]["A3"].value == "y"
    assert os.listdir(tmp_path) == ["t.xlsx"]


def test_sheet_names_excel_accepts():
    taken: set[str] = set()
    assert xlsx.sheet_name("Quý I/2019: [tổng]", taken) == "Quý I 2019   tổng"
    assert xlsx.sheet_name("quý i 2019   tổng", taken) == "quý i 2019   tổng (2)"
    assert len(xlsx.sheet_name("x" * 40, taken)) == 31


def test_csv_of_a_sheet_for_listing_commands():
    """A listing command can describe its table once: the CSV comes from the same Sheet."""
    sheet = xlsx.Sheet("S", "T", (xlsx.Column("Ngày", "date"), xlsx.Column("Tên"), xlsx.Column("Kết quả")),
                       [[D(2019, 4, 5), "Lan", xlsx.Tone("Đạt", "good")], [None, "Bình", 3]])
    assert xlsx.csv_of(sheet) == (["Ngày", "Tên", "Kết quả"], [["05/04/2019", "Lan", "Đạt"], ["", "Bình", "3"]])


def every_table_command() -> list[list[str]]:
    """Every command whose --format offers xlsx (read from the app, so a new one is covered)."""
    import typer

    from dukcli.cli.main import app

    out = []

    def walk(group, prefix):
        for name, cmd in sorted(group.commands.items()):
            if hasattr(cmd, "commands"):
                walk(cmd, [*prefix, name])
            elif any("--format" in p.opts and "xlsx" in (p.metavar or "") for p in cmd.params):
                out.append([*prefix, name])
    walk(typer.main.get_command(app), [])
    return out


def test_the_table_commands_are_found():
    assert {"quota", "visits", "status", "scorecard", "agenda", "people", "units", "assignments"} <= {
        " ".join(c) for c in every_table_command()}


@pytest.mark.parametrize("command", every_table_command(), ids=" ".join)
def test_every_table_command_writes_a_sheet_that_opens(command, duk, tmp_path):
    """No table command is left without its sheet (a missing one was an internal error)."""
    import shutil
    from pathlib import Path

    data = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", data, ignore=shutil.ignore_patterns(".duk"))
    extra = {"scorecard": ["-y", "2019"]}.get(command[-1], [])
    target = tmp_path / "bang.xlsx"
    result = duk([*command, *extra, "--format", "xlsx", "-o", str(target)], data=data, today="2019-12-31")
    assert result.exit_code == 0, result.stderr
    sheet = openpyxl.load_workbook(target).worksheets[0]
    assert sheet["A1"].value and sheet.max_row >= 3
