"""duk proposals (SPEC §7): each proposal of a period with its key, unit, status and age as of a
day; --open, --older-than, --unit (a đảng bộ takes its chi bộ trực thuộc), --group; every format."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest

from dukcli.rules import proposals as P

TODAY = "2019-07-20"


def visit(name: str, person: str, unit: str, day: str, body: str) -> dict:
    return {f"visits/{day[:4]}/{day[5:7]}/{name}.yaml": f"person: {person}\nunit: {unit}\ndate: {day}\n{body}"}


V1 = "2019/05/2019-05-14-lan-tc"
V2 = "2019/06/2019-06-03-lan-nvy"
V3 = "2019/06/2019-06-20-binh-yte"
FEES = f"{V1}#work.proposals"
BOOKS = f"{V1}#meeting.requests"
FEES_CELL = f"{V2}#meeting.proposals"
FEES_YTE = f"{V3}#work.proposals"
KEY = {i: P.short_key(i) for i in (FEES, BOOKS, FEES_CELL, FEES_YTE)}

FILES = {
    **visit("2019-05-14-lan-tc", "nguyen-thi-lan", "cb-so-tai-chinh", "2019-05-14",
            "work:\n  situation: Ổn định.\n  proposals: Đề nghị hướng dẫn thu, nộp đảng phí.\n"
            "meeting:\n  requests: Xin tài liệu học tập chuyên đề.\n"),
    **visit("2019-06-03-lan-nvy", "nguyen-thi-lan", "cb-phong-nghiep-vu-y", "2019-06-03",
            "meeting:\n  proposals: Đề nghị Đảng ủy Khối hướng dẫn cụ thể việc thu nộp đảng phí\n"),
    **visit("2019-06-20-binh-yte", "tran-van-binh", "db-so-y-te", "2019-06-20",
            "work:\n  proposals: Kiến nghị hướng dẫn thu nộp đảng phí.\n"),
    **visit("2019-02-10-binh-tc", "tran-van-binh", "cb-so-tai-chinh", "2019-02-10",
            "work:\n  proposals: Đề nghị sửa chữa hội trường.\n"),
    "responses/2019/2019-06-20-a.yaml": f"item: {FEES}\ndate: 2019-06-20\nstatus: da-chuyen\n"
                                        "by: Ban Tổ chức\ntext: Đã chuyển Văn phòng.\n",
    "responses/2019/2019-07-01-b.yaml": f"item: {FEES}\ndate: 2019-07-01\nstatus: da-tra-loi\n"
                                        "by: Văn phòng Đảng ủy Khối\ntext: Đã gửi Hướng dẫn số 20-HD/ĐUK.\n",
    "responses/2019/2019-07-05-c.yaml": f"item: {FEES_CELL}\ndate: 2019-07-05\nstatus: da-chuyen\n"
                                        "text: Chuyển Ban Tổ chức.\n",
}


@pytest.fixture
def folder(make_folder):
    return make_folder(FILES)


def body(duk, folder, *args, today=TODAY):
    r = duk(["proposals", "-p", "2019Q2", "--format", "json", *args], data=folder, today=today)
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def brief(found) -> list[tuple]:
    return [(p["id"], p["status"], p["age"]) for p in found["proposals"]]


def test_rows_status_and_age_as_of_today(duk, folder):
    assert brief(body(duk, folder)) == [(FEES, "da-tra-loi", 67), (BOOKS, "moi", 67),
                                        (FEES_CELL, "da-chuyen", 47), (FEES_YTE, "moi", 30)]


def test_json_gives_ids_keys_and_the_full_steps(duk, folder):
    found = body(duk, folder)
    assert found["period"]["code"] == "2019Q2" and found["as_of"] == TODAY
    assert found["proposals"][0] == {
        "id": FEES, "key": KEY[FEES], "date": "2019-05-14", "unit": "cb-so-tai-chinh",
        "unit_name": "Chi bộ Sở Tài chính", "person": "nguyen-thi-lan", "name": "Nguyễn Thị Lan",
        "field": "work.proposals", "text": "Đề nghị hướng dẫn thu, nộp đảng phí.", "status": "da-tra-loi", "age": 67,
        "last": {"date": "2019-07-01", "status": "da-tra-loi", "by": "Văn phòng Đảng ủy Khối",
                 "text": "Đã gửi Hướng dẫn số 20-HD/ĐUK.", "file": "responses/2019/2019-07-01-b.yaml"},
        "steps": [{"date": "2019-06-20", "status": "da-chuyen", "by": "Ban Tổ chức", "text": "Đã chuyển Văn phòng.",
                   "file": "responses/2019/2019-06-20-a.yaml"},
                  {"date": "2019-07-01", "status": "da-tra-loi", "by": "Văn phòng Đảng ủy Khối",
                   "text": "Đã gửi Hướng dẫn số 20-HD/ĐUK.", "file": "responses/2019/2019-07-01-b.yaml"}],
        "file": "visits/2019/05/2019-05-14-lan-tc.yaml", "line": 6}
    # a chi bộ trực thuộc is shown under its own name
    assert [(p["unit"], p["unit_name"]) for p in found["proposals"][2:]] == [
        ("cb-phong-nghiep-vu-y", "Chi bộ Phòng Nghiệp vụ Y"), ("db-so-y-te", "Đảng bộ Sở Y tế")]


def test_the_period_bounds_the_list(duk, folder):
    r = duk(["proposals", "-p", "2019Q1", "-f", "json"], data=folder, today=TODAY)
    assert [(p["text"], p["status"], p["age"]) for p in json.loads(r.stdout)["proposals"]] == [
        ("Đề nghị sửa chữa hội trường.", "moi", 160)]


def test_as_of_counts_only_the_steps_made_by_then(duk, folder):
    found = body(duk, folder, "--as-of", "2019-06-25")
    assert brief(found) == [(FEES, "da-chuyen", 42), (BOOKS, "moi", 42), (FEES_CELL, "moi", 22), (FEES_YTE, "moi", 5)]
    # a proposal raised after the day did not exist yet
    assert brief(body(duk, folder, "--as-of", "2019-06-10")) == [(FEES, "moi", 27), (BOOKS, "moi", 27),
                                                                 (FEES_CELL, "moi", 7)]


def test_open_keeps_new_and_forwarded(duk, folder):
    assert brief(body(duk, folder, "--open")) == [(BOOKS, "moi", 67), (FEES_CELL, "da-chuyen", 47),
                                                  (FEES_YTE, "moi", 30)]


def test_older_than_is_strictly_more_days(duk, folder):
    assert [p["id"] for p in body(duk, folder, "--older-than", "30")["proposals"]] == [FEES, BOOKS, FEES_CELL]
    assert [p["id"] for p in body(duk, folder, "--older-than", "47", "--open")["proposals"]] == [BOOKS]


def test_unit_of_a_dang_bo_takes_its_chi_bo_truc_thuoc(duk, folder):
    assert [p["id"] for p in body(duk, folder, "--unit", "db-so-y-te")["proposals"]] == [FEES_CELL, FEES_YTE]
    assert [p["id"] for p in body(duk, folder, "--unit", "nghiep vu")["proposals"]] == [FEES_CELL]
    assert [p["id"] for p in body(duk, folder, "--unit", "tai chinh")["proposals"]] == [FEES, BOOKS]


def test_group_gathers_the_same_request_most_raised_first(duk, folder):
    found = body(duk, folder, "--group")
    assert found["groups"] == [
        {"wording": "Đề nghị hướng dẫn thu, nộp đảng phí.", "unit_count": 3, "count": 3,
         "units": [{"unit": "cb-so-tai-chinh", "unit_name": "Chi bộ Sở Tài chính"},
                   {"unit": "cb-phong-nghiep-vu-y", "unit_name": "Chi bộ Phòng Nghiệp vụ Y"},
                   {"unit": "db-so-y-te", "unit_name": "Đảng bộ Sở Y tế"}],
         "keys": [KEY[FEES], KEY[FEES_CELL], KEY[FEES_YTE]], "ids": [FEES, FEES_CELL, FEES_YTE]},
        {"wording": "Xin tài liệu học tập chuyên đề.", "unit_count": 1, "count": 1,
         "units": [{"unit": "cb-so-tai-chinh", "unit_name": "Chi bộ Sở Tài chính"}],
         "keys": [KEY[BOOKS]], "ids": [BOOKS]}]
    # the filters apply before grouping
    opened = body(duk, folder, "--group", "--open")["groups"]
    assert [(g["unit_count"], g["count"], g["ids"]) for g in opened] == [
        (2, 2, [FEES_CELL, FEES_YTE]), (1, 1, [BOOKS])]


def test_groups_by_units_before_proposals(make_folder, duk):
    # one unit asking twice for books is raised by fewer units than two asking once for fees
    root = make_folder({
        **visit("a", "nguyen-thi-lan", "cb-so-tai-chinh", "2019-05-02", "work:\n  proposals: Xin tài liệu học tập.\n"),
        **visit("b", "nguyen-thi-lan", "cb-so-tai-chinh", "2019-05-09", "work:\n  proposals: Xin tài liệu học tập.\n"),
        **visit("c", "nguyen-thi-lan", "cb-so-tai-chinh", "2019-05-16", "work:\n  proposals: Xin tài liệu học tập.\n"),
        **visit("d", "nguyen-thi-lan", "cb-so-tai-chinh", "2019-05-23", "work:\n  proposals: Hướng dẫn thu đảng phí.\n"),
        **visit("e", "tran-van-binh", "db-so-y-te", "2019-05-24", "work:\n  proposals: Hướng dẫn thu đảng phí.\n")})
    found = body(duk, root, "--group")["groups"]
    assert [(g["wording"], g["unit_count"], g["count"]) for g in found] == [
        ("Hướng dẫn thu đảng phí.", 2, 2), ("Xin tài liệu học tập.", 1, 3)]


def test_table_in_vietnamese(duk, folder):
    r = duk(["proposals", "-p", "2019Q2"], data=folder, today=TODAY, env={"COLUMNS": "250"})
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert "Đề xuất, kiến nghị của cơ sở — Quý II năm 2019 (tính đến ngày 20/07/2019)" in out
    flat = " ".join(out.split())  # the text and the last step wrap inside their cells
    assert f"1 {KEY[FEES]} 14/05/2019 Chi bộ Sở Tài chính Nguyễn Thị Lan Đề nghị hướng dẫn thu, nộp" in flat
    for cell in ("đảng phí.", "Đã trả lời 67 Đã trả lời ngày 01/07/2019", "(Văn phòng Đảng ủy Khối)",
                 f"4 {KEY[FEES_YTE]} 20/06/2019 Đảng bộ Sở Y tế Trần Văn Bình Kiến nghị hướng dẫn thu nộp", "Mới 30"):
        assert cell in flat
    assert "Tổng số: 4 đề xuất, 3 chưa trả lời hoặc chưa giải quyết." in out


def test_group_table_in_vietnamese(duk, folder):
    r = duk(["proposals", "-p", "2019Q2", "--group"], data=folder, today=TODAY, env={"COLUMNS": "250"})
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert "Đề xuất, kiến nghị của cơ sở gộp theo nội dung — Quý II năm 2019 (tính đến ngày 20/07/2019)" in out
    assert (f"1 Đề nghị hướng dẫn thu, nộp đảng phí. 3 3 Chi bộ Sở Tài chính; Chi bộ Phòng Nghiệp vụ Y; Đảng bộ Sở Y "
            f"tế {KEY[FEES]}, {KEY[FEES_CELL]}, {KEY[FEES_YTE]}") in " ".join(out.split())
    assert "Tổng số: 4 đề xuất, 2 nội dung; 1 nội dung do từ hai đơn vị trở lên nêu." in out


def test_nothing_in_the_period(duk, folder):
    r = duk(["proposals", "-p", "2019Q4"], data=folder, today="2019-12-31")
    assert r.exit_code == 0 and "Không có đề xuất nào." in r.stdout


def test_csv(duk, folder):
    r = duk(["proposals", "-p", "2019Q2", "--format", "csv"], data=folder, today=TODAY)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(r.stdout[1:])))
    assert rows[0] == ["Mã", "Ngày nêu", "Đơn vị", "Cán bộ ghi nhận", "Mục", "Nội dung", "Trạng thái", "Số ngày",
                       "Ngày xử lý", "Nơi xử lý", "Nội dung xử lý", "Mã đầy đủ"]
    assert rows[1] == [KEY[FEES], "14/05/2019", "Chi bộ Sở Tài chính", "Nguyễn Thị Lan", "Đề xuất, kiến nghị (I.4)",
                       "Đề nghị hướng dẫn thu, nộp đảng phí.", "Đã trả lời", "67", "01/07/2019",
                       "Văn phòng Đảng ủy Khối", "Đã gửi Hướng dẫn số 20-HD/ĐUK.", FEES]
    assert rows[2] == [KEY[BOOKS], "14/05/2019", "Chi bộ Sở Tài chính", "Nguyễn Thị Lan", "Đề nghị của chi bộ (II.6)",
                       "Xin tài liệu học tập chuyên đề.", "Mới", "67", "", "", "", BOOKS]
    assert len(rows) == 5
    grouped = duk(["proposals", "-p", "2019Q2", "--group", "-f", "csv"], data=folder, today=TODAY)
    rows = list(csv.reader(io.StringIO(grouped.stdout[1:])))
    assert rows == [["Nội dung (cách nêu nhiều nhất)", "Số đơn vị", "Số đề xuất", "Các đơn vị nêu", "Các mã"],
                    ["Đề nghị hướng dẫn thu, nộp đảng phí.", "3", "3",
                     "Chi bộ Sở Tài chính; Chi bộ Phòng Nghiệp vụ Y; Đảng bộ Sở Y tế",
                     f"{KEY[FEES]}, {KEY[FEES_CELL]}, {KEY[FEES_YTE]}"],
                    ["Xin tài liệu học tập chuyên đề.", "1", "1", "Chi bộ Sở Tài chính", KEY[BOOKS]]]


def values(ws, row: int) -> list:
    out = [c.value for c in ws[row]]
    while out and out[-1] is None:
        out.pop()
    return out


def test_xlsx(duk, folder, tmp_path):
    import datetime as dt

    target = tmp_path / "de-xuat.xlsx"
    r = duk(["proposals", "-p", "2019Q2", "-f", "xlsx", "-o", str(target)], data=folder, today=TODAY)
    assert r.exit_code == 0, r.stderr
    ws = openpyxl.load_workbook(target)["Đề xuất"]
    assert ws["A1"].value == "Đề xuất, kiến nghị của cơ sở — Quý II năm 2019 (tính đến ngày 20/07/2019)"
    header = next(i for i in range(1, 6) if ws.cell(i, 1).value == "TT")
    assert values(ws, header) == ["TT", "Mã", "Ngày nêu", "Đơn vị", "Cán bộ ghi nhận", "Mục", "Nội dung", "Trạng thái",
                                  "Số ngày", "Ngày xử lý", "Nơi xử lý", "Nội dung xử lý", "Mã đầy đủ"]
    first = values(ws, header + 1)
    assert first[:9] == [1, KEY[FEES], dt.datetime(2019, 5, 14), "Chi bộ Sở Tài chính", "Nguyễn Thị Lan",
                         "Đề xuất, kiến nghị (I.4)", "Đề nghị hướng dẫn thu, nộp đảng phí.", "Đã trả lời", 67]
    assert first[9:] == [dt.datetime(2019, 7, 1), "Văn phòng Đảng ủy Khối", "Đã gửi Hướng dẫn số 20-HD/ĐUK.", FEES]
    assert values(ws, header + 4)[1] == KEY[FEES_YTE]
    grouped = tmp_path / "gop.xlsx"
    r = duk(["proposals", "-p", "2019Q2", "--group", "-f", "xlsx", "-o", str(grouped)], data=folder, today=TODAY)
    assert r.exit_code == 0, r.stderr
    ws = openpyxl.load_workbook(grouped)["Đề xuất gộp"]
    header = next(i for i in range(1, 6) if ws.cell(i, 1).value == "TT")
    assert values(ws, header + 1) == [1, "Đề nghị hướng dẫn thu, nộp đảng phí.", 3, 3,
                                      "Chi bộ Sở Tài chính; Chi bộ Phòng Nghiệp vụ Y; Đảng bộ Sở Y tế",
                                      f"{KEY[FEES]}, {KEY[FEES_CELL]}, {KEY[FEES_YTE]}"]


def test_bad_options_are_usage_errors(duk, folder):
    r = duk(["proposals", "--older-than", "-1"], data=folder, today=TODAY)
    assert r.exit_code == 2 and "--older-than" in r.stderr
    r = duk(["proposals", "--unit", "khong-co"], data=folder, today=TODAY)
    assert r.exit_code == 1 and "--unit" in r.stderr


def test_refused_while_a_response_of_the_years_has_errors(duk, make_folder):
    root = make_folder({**FILES, "responses/2019/2019-07-06-x.yaml": "item: 2019/05/khong-co#work.proposals\n"
                                                                       "date: 2019-07-06\nstatus: da-chuyen\n"})
    r = duk(["proposals", "-p", "2019Q2"], data=root, today=TODAY)
    assert r.exit_code == 1
    assert "responses/2019/2019-07-06-x.yaml:1: lỗi [unknown-item]" in r.stderr
