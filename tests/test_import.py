"""duk import FILE --kind people|units|assignments (issue 13): the example sheets into an empty
`duk init` folder, CSV with BOM and semicolons, English headings, a bad row said as FILE:ROW
with nothing written, --dry-run; and the pure row mapping (rules/importing)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import git
from dukcli import model as m
from dukcli.rules import importing

EXAMPLES = Path(__file__).resolve().parent.parent / "templates" / "examples"


@pytest.fixture
def folder(tmp_path, duk):
    root = tmp_path / "data"
    assert duk(["init", str(root)]).exit_code == 0
    return root


def commits(root) -> list[str]:
    return git(root, "log", "--format=%s").splitlines()


def test_the_example_sheets_into_an_empty_folder(folder, duk):
    for name, kind in (("nguoi", "people"), ("don-vi", "units"), ("phan-cong", "assignments")):
        r = duk(["import", str(EXAMPLES / f"{name}.xlsx"), "--kind", kind, "--yes"], data=folder)
        assert r.exit_code == 0, r.output
    assert commits(folder)[:3] == ["Nhập 6 phân công từ phan-cong.xlsx", "Nhập 5 đơn vị từ don-vi.xlsx",
                                   "Nhập 4 người từ nguoi.xlsx"]
    assert git(folder, "status", "--porcelain") == ""
    r = duk(["check"], data=folder)
    assert r.exit_code == 0, r.output
    assert "Có 0 lỗi" in r.output
    units = (folder / "units.yaml").read_text(encoding="utf-8")
    assert ("- id: chi-bo-van-phong-so-y-te\n  name: Chi bộ Văn phòng Sở Y tế\n  type: chi-bo-truc-thuoc\n"
            "  parent: dang-bo-so-y-te\n  meeting-day: 6\n") in units
    assert "  meeting-day: 15\n  from: 2019-07-01\n" in units
    assignments = (folder / "assignments.yaml").read_text(encoding="utf-8")
    assert ("- person: bui-van-thang\n  role: phu-trach\n  units: [chi-bo-so-tai-chinh, dang-bo-so-y-te]\n"
            "  from: 2019-02-25\n  basis: Nghị quyết số 13-NQ/ĐUK ngày 25/02/2019\n") in assignments
    people = (folder / "people.yaml").read_text(encoding="utf-8")
    assert "- id: dinh-thi-hanh\n  name: Đinh Thị Hạnh\n" in people


def test_csv_with_bom_and_semicolons(folder, duk, tmp_path):
    sheet = tmp_path / "nguoi.csv"
    sheet.write_bytes("\ufeffMã;HỌ VÀ TÊN;Chức vụ;Bộ phận\r\n;Nguyễn Thị Lan;Chuyên viên;Ban Tổ chức\r\n"
                      "lan;Lê Thị Lan;;\r\n".encode("utf-8"))
    r = duk(["import", str(sheet), "--kind", "people", "--yes"], data=folder)
    assert r.exit_code == 0, r.output
    text = (folder / "people.yaml").read_text(encoding="utf-8")
    assert text.endswith("\n- id: nguyen-thi-lan\n  name: Nguyễn Thị Lan\n  position: Chuyên viên\n"
                         "  department: Ban Tổ chức\n\n- id: lan\n  name: Lê Thị Lan\n")
    assert commits(folder)[0] == "Nhập 2 người từ nguoi.csv"


def test_english_headings_and_text_dates(folder, duk, tmp_path):
    people = tmp_path / "p.csv"
    people.write_text("name,id\nNguyễn Thị Lan,lan\n", encoding="utf-8")
    units = tmp_path / "u.csv"
    units.write_text("type,name,meeting-day,from\nchi-bo-co-so,Chi bộ Sở Tài chính,5,01/03/2019\n", encoding="utf-8")
    assignments = tmp_path / "a.csv"
    assignments.write_text('person,role,units,from,to,basis\nlan,theo-doi,"tai chinh",2019-03-01,31/12/2019,TB 80\n',
                           encoding="utf-8")
    for sheet, kind in ((people, "people"), (units, "units"), (assignments, "assignments")):
        r = duk(["import", str(sheet), "--kind", kind, "--yes"], data=folder)
        assert r.exit_code == 0, r.output
    assert (folder / "units.yaml").read_text(encoding="utf-8").endswith(
        "- id: chi-bo-so-tai-chinh\n  name: Chi bộ Sở Tài chính\n  type: chi-bo-co-so\n  meeting-day: 5\n"
        "  from: 2019-03-01\n")
    assert (folder / "assignments.yaml").read_text(encoding="utf-8").endswith(
        "- person: lan\n  role: theo-doi\n  units: [chi-bo-so-tai-chinh]\n  from: 2019-03-01\n  to: 2019-12-31\n"
        "  basis: TB 80\n")
    assert duk(["check"], data=folder).exit_code == 0


def test_a_bad_row_is_said_with_its_row_and_nothing_is_written(folder, duk, tmp_path):
    before = (folder / "units.yaml").read_bytes()
    sheet = tmp_path / "dv.csv"
    sheet.write_text("Tên,Loại,Ngày sinh hoạt,Từ ngày\n\nChi bộ A,chi bộ cơ sở,5,\nChi bộ B,chi bộ xã,5,\n"
                     "Chi bộ C,chi-bo-co-so,40,\nChi bộ D,chi-bo-co-so,1,31/02/2019\n", encoding="utf-8")
    r = duk(["import", str(sheet), "--kind", "units", "--yes"], data=folder)
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        f"{sheet}:4: loại đơn vị 'chi bộ xã' không rõ; dùng một trong: chi-bo-co-so (chi bộ cơ sở); "
        "dang-bo-co-so (đảng bộ cơ sở); chi-bo-truc-thuoc (chi bộ trực thuộc)",
        f"{sheet}:5: ngày sinh hoạt '40' phải là số từ 1 đến 31",
        f"{sheet}:6: 'Từ ngày': '31/02/2019' không phải ngày (DD/MM/YYYY hoặc YYYY-MM-DD)",
        "Lỗi: 3 dòng có vấn đề; không có gì được ghi",
    ]
    assert (folder / "units.yaml").read_bytes() == before
    assert len(commits(folder)) == 1


def test_an_unknown_person_and_a_missing_column(folder, duk, tmp_path):
    sheet = tmp_path / "pc.csv"
    sheet.write_text("Họ và tên,Vai trò,Đơn vị,Từ ngày\nAi Đó,theo-doi,X,2019-01-01\n", encoding="utf-8")
    r = duk(["import", str(sheet), "--kind", "assignments"], data=folder)
    assert r.exit_code == 1
    assert r.stderr.startswith(f"{sheet}:2: 'Người': ")
    sheet.write_text("Họ và tên,Ghi chú\nA,b\n", encoding="utf-8")
    r = duk(["import", str(sheet), "--kind", "people"], data=folder)
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0] == f"{sheet}:1: cột 'Ghi chú' không rõ là gì; bỏ cột đó đi hoặc đổi tiêu đề"


def test_dry_run_shows_the_diff_and_writes_nothing(folder, duk):
    before = (folder / "people.yaml").read_bytes()
    r = duk(["import", str(EXAMPLES / "nguoi.xlsx"), "--kind", "people", "--dry-run"], data=folder)
    assert r.exit_code == 0
    assert "+- id: bui-van-thang" in r.stdout
    assert "Chạy thử (--dry-run): không có gì được ghi." in r.stdout
    assert (folder / "people.yaml").read_bytes() == before
    assert len(commits(folder)) == 1


def test_kind_is_required_and_a_missing_file_is_said(folder, duk, tmp_path):
    r = duk(["import", str(EXAMPLES / "nguoi.xlsx")], data=folder)
    assert r.exit_code == 2 and "--kind" in r.stderr
    r = duk(["import", str(tmp_path / "khong.csv"), "--kind", "people"], data=folder)
    assert r.exit_code == 1 and "không đọc được khong.csv" in r.stderr
    r = duk(["import", str(EXAMPLES / "nguoi.xlsx"), "--kind", "people", "--sheet", "X"], data=folder)
    assert r.exit_code == 1 and "--sheet: không có trang tính 'X' (có: Người)" in r.stderr


def test_rows_map_to_records():
    ds = m.Dataset.build(m.Config(), [], [], [], [], [])
    result = importing.map_rows("people", [(1, ["Họ tên", "MÃ"]), (2, ["Trần Văn Bình", None]),
                                           (3, ["Trần Văn Bình", None])], ds)
    assert result.problems == []
    assert [r["id"] for r in result.records] == ["tran-van-binh", "tran-van-binh-2"]
    assert importing.parse_day(dt.datetime(2019, 2, 25, 0, 0)) == dt.date(2019, 2, 25)
    assert importing.parse_day("5/7/2019") == dt.date(2019, 7, 5)
    with pytest.raises(ValueError):
        importing.parse_day("2019/07/05")


def test_sheet_rows_keep_their_numbers(tmp_path):
    import openpyxl

    from dukcli.store.sheet_read import read_rows

    book = openpyxl.Workbook()
    book.active["B2"] = "Họ và tên"
    book.active["B5"] = "Lan"
    book.save(tmp_path / "g.xlsx")
    rows = read_rows(tmp_path / "g.xlsx")
    assert [(n, cells) for n, cells in rows if any(cells)] == [(2, [None, "Họ và tên"]), (5, [None, "Lan"])]
