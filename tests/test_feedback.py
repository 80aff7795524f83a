"""duk feedback (Article 5.2, SPEC §7): `add` judged as check would and written once, committed;
the listing in every format; the request form read back; the scorecard's column."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from dukcli import model as m
from dukcli.periods import Period
from dukcli.rules import feedback as F

from conftest import git

TODAY = "2019-12-31"
LAN = ["--unit", "db-so-y-te", "--person", "lan", "--date", "10/12/2019", "--kind", "nhan-xet"]


def added(duk, root, *args, today=TODAY):
    return duk(["feedback", "add", *args], data=root, today=today)


def commits(root) -> int:
    return len(git(root, "log", "--oneline").splitlines())


# --- duk feedback add ---------------------------------------------------------------------

def test_add_writes_the_file_of_the_spec_and_commits_only_it(duk, repo):
    root = repo()
    before = commits(root)
    r = added(duk, root, *LAN, "--rating", "tot", "--by", "Bí thư Đảng ủy Sở Y tế",
              "--text", "Đồng chí thường xuyên dự sinh hoạt,\nhướng dẫn nghiệp vụ sát thực tế.")
    assert r.exit_code == 0, r.stderr
    rel = "feedback/2019/2019-12-10-db-so-y-te-nguyen-thi-lan.yaml"
    assert (root / rel).read_text(encoding="utf-8") == (
        "unit: db-so-y-te\n"
        "person: nguyen-thi-lan\n"
        "date: 2019-12-10\n"
        "kind: nhan-xet\n"
        "rating: tot\n"
        "by: Bí thư Đảng ủy Sở Y tế\n"
        "text: |-\n"
        "  Đồng chí thường xuyên dự sinh hoạt,\n"
        "  hướng dẫn nghiệp vụ sát thực tế.\n")
    assert r.stdout == (f"Đã ghi ý kiến của Đảng bộ Sở Y tế (nhận xét, đánh giá — Nguyễn Thị Lan, ngày 10/12/2019) "
                        f"vào {rel}\n"
                        "Đã lưu vào git: Ý kiến của Đảng bộ Sở Y tế ngày 10/12/2019 về Nguyễn Thị Lan\n")
    assert commits(root) == before + 1
    assert git(root, "show", "--name-only", "--format=%s", "HEAD").split("\n")[:3] == [
        "Ý kiến của Đảng bộ Sở Y tế ngày 10/12/2019 về Nguyễn Thị Lan", "", rel]
    assert git(root, "status", "--porcelain") == ""
    # what was written is exactly what check accepts
    assert duk(["check"], data=root, today=TODAY).exit_code == 0


def test_a_second_statement_the_same_day_gets_a_suffix_never_overwrites(duk, repo):
    root = repo()
    assert added(duk, root, *LAN, "--text", "Lần một.").exit_code == 0
    first = (root / "feedback/2019/2019-12-10-db-so-y-te-nguyen-thi-lan.yaml").read_bytes()
    r = added(duk, root, *LAN, "--rating", "kha", "--text", "Lần hai.")
    assert r.exit_code == 0, r.stderr
    assert "feedback/2019/2019-12-10-db-so-y-te-nguyen-thi-lan-2.yaml" in r.stdout
    assert (root / "feedback/2019/2019-12-10-db-so-y-te-nguyen-thi-lan.yaml").read_bytes() == first
    assert "rating: kha\n" in (root / "feedback/2019/2019-12-10-db-so-y-te-nguyen-thi-lan-2.yaml").read_text("utf-8")
    r = added(duk, root, *LAN, "--text", "Lần ba.")
    assert "-nguyen-thi-lan-3.yaml" in r.stdout


def test_a_comment_on_the_assignment_names_no_person(duk, repo):
    root = repo()
    r = added(duk, root, "--unit", "tai chinh", "--date", "2019-12-11", "--kind", "gop-y-phan-cong",
              "--text", "  Đề nghị phân công thêm một cán bộ theo dõi.  ", "--no-commit")
    assert r.exit_code == 0, r.stderr
    rel = "feedback/2019/2019-12-11-cb-so-tai-chinh.yaml"
    assert (root / rel).read_text(encoding="utf-8") == (
        "unit: cb-so-tai-chinh\ndate: 2019-12-11\nkind: gop-y-phan-cong\n"
        "text: Đề nghị phân công thêm một cán bộ theo dõi.\n")
    assert r.stdout == ("Đã ghi ý kiến của Chi bộ Sở Tài chính (góp ý về việc phân công, ngày 11/12/2019) "
                        f"vào {rel}\n")
    assert git(root, "status", "--porcelain") == f"?? {rel.split('/')[0]}/\n"  # --no-commit


REFUSALS = [
    (["--unit", "khong-co", "--person", "lan", "--date", "10/12/2019", "--kind", "nhan-xet", "--text", "x"], 1,
     "Lỗi: --unit: không tìm thấy đơn vị 'khong-co'."),
    (["--unit", "db-so-y-te", "--person", "ai-do", "--date", "10/12/2019", "--kind", "nhan-xet", "--text", "x"], 1,
     "Lỗi: --person: không tìm thấy người 'ai-do'."),
    ([*LAN[:5], "10/01/2020", *LAN[6:], "--text", "x"], 1,
     "Lỗi: --date: ngày 10/01/2020 còn ở tương lai (hôm nay là 31/12/2019)"),
    (["--unit", "db-so-y-te", "--date", "10/12/2019", "--kind", "nhan-xet", "--text", "x"], 2,
     "Lỗi cách dùng: --person: ý kiến loại nhan-xet (nhận xét, đánh giá) phải nói về một cán bộ; cho --person, "
     "hoặc dùng --kind gop-y-phan-cong để góp ý về việc phân công"),
    ([*LAN[:7], "tot", "--text", "x"], 2,
     "Lỗi cách dùng: Giá trị không hợp lệ cho '--kind': 'tot' không thuộc các giá trị 'nhan-xet', "
     "'gop-y-phan-cong'."),
    ([*LAN, "--rating", "gioi", "--text", "x"], 2,
     "Lỗi cách dùng: Giá trị không hợp lệ cho '--rating': 'gioi' không thuộc các giá trị 'tot', 'kha', "
     "'trung-binh', 'kem'."),
    (LAN[:6] + ["--text", "x"], 2, "Lỗi cách dùng: Thiếu tùy chọn '--kind'."),
    ([*LAN, "--text", "   "], 1, "Lỗi: --text: ý kiến của cấp ủy cơ sở: khóa bắt buộc 'text' chưa có giá trị"),
    ([*LAN, "--text", "a\x01b"], 1, "Lỗi: --text: 'text' chứa ký tự điều khiển không được phép (mã U+0001)"),
    ([*LAN, "--by", "dòng một\ndòng hai", "--text", "x"], 1, "Lỗi: --by: 'by' phải nằm trên một dòng"),
    ([*LAN[:5], "32/12/2019", *LAN[6:], "--text", "x"], 2, "Lỗi: --date: ngày '32/12/2019' không có thật"),
]


@pytest.mark.parametrize("args,code,message", REFUSALS, ids=[m[:40] for _, _, m in REFUSALS])
def test_every_refusal_names_the_option_and_writes_nothing(duk, repo, args, code, message):
    root = repo()
    before = commits(root)
    r = added(duk, root, *args)
    assert r.exit_code == code, r.stderr
    assert r.stderr.splitlines()[0] == message
    assert r.stdout == ""
    assert not (root / "feedback").exists()
    assert commits(root) == before and git(root, "status", "--porcelain") == ""


# --- duk feedback (the listing) -------------------------------------------------------------

STATEMENTS = {
    "feedback/2019/2019-12-10-db-so-y-te-nguyen-thi-lan.yaml":
        "unit: db-so-y-te\nperson: nguyen-thi-lan\ndate: 2019-12-10\nkind: nhan-xet\nrating: tot\n"
        "by: Bí thư Đảng ủy Sở Y tế\ntext: Sâu sát cơ sở.\n",
    "feedback/2019/2019-11-20-cb-phong-nghiep-vu-y-nguyen-thi-lan.yaml":
        "unit: cb-phong-nghiep-vu-y\nperson: nguyen-thi-lan\ndate: 2019-11-20\nkind: nhan-xet\nrating: kha\n"
        "text: Dự đủ các buổi sinh hoạt.\n",
    "feedback/2019/2019-12-11-cb-so-tai-chinh.yaml":
        "unit: cb-so-tai-chinh\ndate: 2019-12-11\nkind: gop-y-phan-cong\ntext: Đề nghị thêm một cán bộ.\n",
    "feedback/2019/2019-06-11-cb-so-tai-chinh-tran-van-binh.yaml":
        "unit: cb-so-tai-chinh\nperson: tran-van-binh\ndate: 2019-06-11\nkind: nhan-xet\ntext: Chỉ đạo sát.\n",
}


def test_listing_json_is_the_period_s_statements_oldest_first(duk, make_folder):
    root = make_folder(STATEMENTS)
    r = duk(["feedback", "2019Q4", "--format", "json"], data=root, today=TODAY)
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["period"]["code"] == "2019Q4"
    assert out["feedback"] == [
        {"date": "2019-11-20", "unit": "cb-phong-nghiep-vu-y", "unit_name": "Chi bộ Phòng Nghiệp vụ Y",
         "person": "nguyen-thi-lan", "name": "Nguyễn Thị Lan", "kind": "nhan-xet", "rating": "kha", "by": None,
         "text": "Dự đủ các buổi sinh hoạt.",
         "file": "feedback/2019/2019-11-20-cb-phong-nghiep-vu-y-nguyen-thi-lan.yaml"},
        {"date": "2019-12-10", "unit": "db-so-y-te", "unit_name": "Đảng bộ Sở Y tế", "person": "nguyen-thi-lan",
         "name": "Nguyễn Thị Lan", "kind": "nhan-xet", "rating": "tot", "by": "Bí thư Đảng ủy Sở Y tế",
         "text": "Sâu sát cơ sở.", "file": "feedback/2019/2019-12-10-db-so-y-te-nguyen-thi-lan.yaml"},
        {"date": "2019-12-11", "unit": "cb-so-tai-chinh", "unit_name": "Chi bộ Sở Tài chính", "person": None,
         "name": None, "kind": "gop-y-phan-cong", "rating": None, "by": None, "text": "Đề nghị thêm một cán bộ.",
         "file": "feedback/2019/2019-12-11-cb-so-tai-chinh.yaml"}]


def test_listing_filters_by_person_and_unit(duk, make_folder):
    root = make_folder(STATEMENTS)

    def dates(*args):
        r = duk(["feedback", "-y", "2019", *args, "-f", "json"], data=root, today=TODAY)
        assert r.exit_code == 0, r.stderr
        return [f["date"] for f in json.loads(r.stdout)["feedback"]]

    assert dates() == ["2019-06-11", "2019-11-20", "2019-12-10", "2019-12-11"]
    assert dates("--person", "binh") == ["2019-06-11"]
    assert dates("--unit", "db-so-y-te") == ["2019-11-20", "2019-12-10"]  # its chi bộ trực thuộc too
    assert dates("--unit", "phong nghiep vu") == ["2019-11-20"]
    assert dates("--person", "lan", "--unit", "tai chinh") == []


def test_listing_csv_and_table(duk, make_folder):
    root = make_folder(STATEMENTS)
    r = duk(["feedback", "-p", "2019Q4", "-f", "csv"], data=root, today=TODAY)
    lines = r.stdout.splitlines()
    assert lines[0] == "\ufeffNgày,Đơn vị,Mã đơn vị,Cán bộ,Mã người,Loại ý kiến,Xếp loại,Người ký,Nội dung,Tệp"
    assert lines[2] == ("10/12/2019,Đảng bộ Sở Y tế,db-so-y-te,Nguyễn Thị Lan,nguyen-thi-lan,\"Nhận xét, đánh giá\","
                        "Tốt,Bí thư Đảng ủy Sở Y tế,Sâu sát cơ sở.,"
                        "feedback/2019/2019-12-10-db-so-y-te-nguyen-thi-lan.yaml")
    assert lines[3] == (",".join(["11/12/2019", "Chi bộ Sở Tài chính", "cb-so-tai-chinh", "", "",
                                  "Góp ý về việc phân công", "", "", "Đề nghị thêm một cán bộ.",
                                  "feedback/2019/2019-12-11-cb-so-tai-chinh.yaml"]))
    r = duk(["feedback", "-p", "2019Q4"], data=root, today=TODAY)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[0] == "Ý kiến nhận xét của cấp ủy cơ sở — Quý IV năm 2019"
    assert "(việc phân công)" in r.stdout
    assert "Tổng: 3 ý kiến của 3 cấp ủy cơ sở, 2 ý kiến nhận xét, đánh giá cán bộ." in r.stdout
    r = duk(["feedback", "-p", "2019Q1"], data=root, today=TODAY)
    assert r.stdout.splitlines()[1] == "Không có ý kiến nào của cấp ủy cơ sở trong kỳ."


def test_listing_xlsx(duk, make_folder, tmp_path):
    root = make_folder(STATEMENTS)
    target = tmp_path / "y-kien.xlsx"
    r = duk(["feedback", "-p", "2019Q4", "-f", "xlsx", "-o", str(target)], data=root, today=TODAY)
    assert r.exit_code == 0, r.stderr
    ws = openpyxl.load_workbook(target)["Ý kiến cơ sở"]
    assert ws["A1"].value == "Ý kiến nhận xét của cấp ủy cơ sở — Quý IV năm 2019"
    assert [c.value for c in ws[2]] == ["TT", "Ngày", "Đơn vị", "Cán bộ", "Loại ý kiến", "Xếp loại", "Người ký",
                                        "Nội dung", "Tệp"]
    row = [c.value for c in ws[4]]
    assert row[0] == 2 and row[1] == dt.datetime(2019, 12, 10) and row[2:6] == [
        "Đảng bộ Sở Y tế", "Nguyễn Thị Lan", "Nhận xét, đánh giá", "Tốt"]
    assert duk(["feedback", "-f", "xlsx"], data=root, today=TODAY).exit_code == 2  # -o needed


def test_listing_refuses_a_period_given_twice_and_while_errors(duk, make_folder):
    root = make_folder(STATEMENTS)
    assert duk(["feedback", "2019", "-p", "2019Q1"], data=root, today=TODAY).exit_code == 2
    bad = make_folder({"feedback/2019/x.yaml": "unit: khong-co\ndate: 2019-05-01\nkind: gop-y-phan-cong\ntext: x\n"})
    r = duk(["feedback", "-y", "2019"], data=bad, today=TODAY)
    assert r.exit_code == 1 and "feedback/2019/x.yaml:1: lỗi [unknown-unit]" in r.stderr


# --- duk feedback form ----------------------------------------------------------------------

FORM_FILES = {
    "assignments.yaml": """\
        - person: nguyen-thi-lan
          role: theo-doi
          units: [cb-so-tai-chinh, db-so-y-te]
          from: 2019-08-01
        - person: tran-van-binh
          role: phu-trach
          units: [cb-so-tai-chinh, db-so-y-te]
          from: 2019-01-01
        """,
}
for _person, _unit, _day, _parts in [("nguyen-thi-lan", "db-so-y-te", "2019-08-05", "work: {}\nmeeting: {}\n"),
                                     ("nguyen-thi-lan", "cb-phong-nghiep-vu-y", "2019-09-12", "meeting: {}\n"),
                                     ("nguyen-thi-lan", "cb-so-tai-chinh", "2019-09-05", "meeting: {}\n"),
                                     ("tran-van-binh", "db-so-y-te", "2019-07-10", "work: {}\n"),
                                     ("tran-van-binh", "db-so-y-te", "2019-05-10", "work: {}\n")]:
    FORM_FILES[f"visits/2019/{_day[5:7]}/{_day}-{_person}-{_unit}.yaml"] = \
        f"person: {_person}\nunit: {_unit}\ndate: {_day}\n{_parts}"


def read_back(path) -> list[str]:
    import docx

    from dukcli.render.word import paragraphs

    return [p.text for p in paragraphs(docx.Document(str(path)))]


def test_form_lists_each_cadre_with_their_visits_and_room_to_rate(duk, make_folder, tmp_path):
    root = make_folder(FORM_FILES)
    target = tmp_path / "phieu.docx"
    r = duk(["feedback", "form", "--unit", "y te", "-p", "2019Q3", "--date", "2019-10-02", "-o", str(target)],
            data=root, today=TODAY)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == f"Đã ghi {target} (Đảng bộ Sở Y tế, Quý III năm 2019: 2 cán bộ, 3 lượt đến đơn vị)\n"
    texts = read_back(target)
    for line in ["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "Hòa Bình, ngày 02 tháng 10 năm 2019", "PHIẾU XIN Ý KIẾN NHẬN XÉT",
                 "(Quý III năm 2019)", "Kính gửi: Cấp ủy Đảng bộ Sở Y tế",
                 "1. Đồng chí Trần Văn Bình", "Chức vụ: Phó Bí thư Đảng ủy Khối",
                 "Nhiệm vụ được phân công: Ủy viên Ban Thường vụ phụ trách",
                 "- 10/07/2019: đi công tác cơ sở",
                 "2. Đồng chí Nguyễn Thị Lan",
                 "Nhiệm vụ được phân công: Cán bộ, chuyên viên theo dõi (từ\u00a001/08/2019)",
                 "- 05/08/2019: đi công tác cơ sở và dự sinh hoạt chi bộ",
                 "- 12/09/2019: dự sinh hoạt chi bộ tại Chi bộ Phòng Nghiệp vụ Y",
                 "Nhận xét, đánh giá của cấp ủy:",
                 "□\u00a0Tốt        □\u00a0Khá        □\u00a0Trung bình        □\u00a0Kém",
                 "II. GÓP Ý VỀ VIỆC PHÂN CÔNG CÁN BỘ ĐI CƠ SỞ",
                 "T/M ĐẢNG ỦY", "BÍ THƯ", "T/M BAN TỔ CHỨC", "TRƯỞNG BAN"]:
        assert line in texts, line
    assert texts.count("Nhận xét, đánh giá của cấp ủy:") == 2
    whole = "\n".join(texts)
    assert "05/09/2019" not in whole and "10/05/2019" not in whole  # another unit; another quarter
    for word in ("Tốt", "Khá", "Trung bình", "Kém"):
        assert word in whole
    assert "Thực hiện khoản 2 Điều 5 Quy định số 08-QĐ/ĐUK ngày 25/4/2019 của Ban Thường vụ Đảng ủy Khối" in whole


def test_form_for_a_cell_with_nobody_assigned_says_so(duk, make_folder, tmp_path):
    root = make_folder(FORM_FILES)
    target = tmp_path / "phieu.docx"
    r = duk(["feedback", "form", "--unit", "tai chinh", "-p", "2019Q1", "-o", str(target)], data=root, today=TODAY)
    assert r.exit_code == 0, r.stderr
    assert "Chi bộ Sở Tài chính" in r.stdout and "1 cán bộ, 0 lượt" in r.stdout
    texts = read_back(target)
    assert "- Chưa có lần nào đến đơn vị trong kỳ." in texts
    assert "T/M CHI ỦY" in texts
    r = duk(["feedback", "form", "--unit", "phong nghiep vu", "-p", "2018Q1", "-o", str(tmp_path / "b.docx")],
            data=make_folder({}), today=TODAY)
    assert r.exit_code == 0, r.stderr
    assert r.stderr.startswith("Cảnh báo: Quý I năm 2018 không có cán bộ nào được phân công")
    assert "Trong kỳ không có cán bộ nào được phân công theo dõi, phụ trách đơn vị." in read_back(tmp_path / "b.docx")


def test_form_never_over_a_file_nor_into_the_records(duk, make_folder, tmp_path):
    root = make_folder(FORM_FILES)
    target = tmp_path / "phieu.docx"
    target.write_bytes(b"cu")
    r = duk(["feedback", "form", "--unit", "tai chinh", "-p", "2019Q3", "-o", str(target)], data=root, today=TODAY)
    assert r.exit_code == 1 and target.read_bytes() == b"cu"
    assert duk(["feedback", "form", "--unit", "tai chinh", "-p", "2019Q3", "-o", str(target), "--force"],
               data=root, today=TODAY).exit_code == 0
    r = duk(["feedback", "form", "--unit", "tai chinh", "-o", str(root / "feedback" / "x.docx")], data=root,
            today=TODAY)
    assert r.exit_code == 2 and not (root / "feedback").exists()
    r = duk(["feedback", "form", "--unit", "khong-co"], data=root, today=TODAY)
    assert r.exit_code == 1 and r.stderr == "Lỗi: --unit: không tìm thấy đơn vị 'khong-co'.\n"


def test_the_form_template_is_known_to_template_check(duk):
    from dukcli.resources import template

    r = duk(["template", "check", str(template("feedback_form.docx"))])
    assert r.exit_code == 0, r.stderr
    assert "Mẫu hợp lệ" in r.stdout


def test_sample_context_and_expected_texts():
    ctx = F.sample_context()
    assert [c["name"] for c in ctx["cadres"]] == ["Nguyễn Văn Mẫu"]
    assert ctx["cadres"][0]["visits"] == ["14/05/2019: đi công tác cơ sở và dự sinh hoạt chi bộ"]
    expected = F.form_expected(ctx)
    assert "1. Đồng chí Nguyễn Văn Mẫu" in expected and "Kính gửi: Cấp ủy Chi bộ Sở Mẫu" in expected


# --- the rules ------------------------------------------------------------------------------

def test_tally_counts_ratings_in_their_order():
    assert F.tally([]) == "0"
    assert F.tally(["kha", None, "tot"]) == "3 (Tốt 1, Khá 1)"
    assert F.tally([None]) == "1"
    assert F.tally(["kem", "kem", "trung-binh"]) == "3 (Trung bình 1, Kém 2)"


def test_role_text_shows_dates_inside_the_period():
    q3 = Period("Q", 2019, 3)
    a = m.Assignment("p", "theo-doi", ("u",), dt.date(2019, 1, 1), dt.date(2019, 8, 15))
    b = m.Assignment("p", "phu-trach", ("u",), dt.date(2019, 8, 16))
    assert F.role_text([a, b], q3) == ("Cán bộ, chuyên viên theo dõi (đến\u00a015/08/2019); "
                                       "Ủy viên Ban Thường vụ phụ trách (từ\u00a016/08/2019)")
    assert F.role_text([m.Assignment("p", "theo-doi", ("u",))], q3) == "Cán bộ, chuyên viên theo dõi"


def test_key_lines_of_a_dumped_file():
    assert F.key_lines("unit: a\ntext: |-\n  x\n  y\nby: z\n") == {1: "unit", 2: "text", 5: "by"}


# --- the scorecard's column -----------------------------------------------------------------

SCORE_FILES = {**FORM_FILES, **STATEMENTS}


def test_scorecard_shows_the_statements_received(duk, make_folder):
    root = make_folder(SCORE_FILES)
    r = duk(["scorecard", "-y", "2019"], data=root, today="2020-01-10")
    assert r.exit_code == 0, r.stderr
    header = next(line for line in r.stdout.splitlines() if "Họ và tên" in line)
    assert header.rstrip().endswith("Ý kiến cơ sở")
    lan = next(line for line in r.stdout.splitlines() if "Nguyễn Thị Lan" in line)
    assert lan.rstrip().endswith("2 (Tốt 1, Khá 1)")
    binh = next(line for line in r.stdout.splitlines() if "Trần Văn Bình" in line)
    assert binh.rstrip().endswith(" 1")  # one statement, no rating
    r = duk(["scorecard", "-y", "2019", "-f", "json"], data=root, today="2020-01-10")
    rows = {row["person"]: row for row in json.loads(r.stdout)["rows"]}
    assert [(f["date"], f["unit"], f["rating"]) for f in rows["nguyen-thi-lan"]["feedback"]] == [
        ("2019-11-20", "cb-phong-nghiep-vu-y", "kha"), ("2019-12-10", "db-so-y-te", "tot")]
    assert rows["tran-van-binh"]["feedback"][0]["text"] == "Chỉ đạo sát."
    # the CSV and the workbook carry the same column
    r = duk(["scorecard", "-y", "2019", "-f", "csv"], data=root, today="2020-01-10")
    lines = r.stdout.splitlines()
    assert lines[0].endswith(",Đánh giá năm,Ý kiến cơ sở")
    assert next(line for line in lines if "nguyen-thi-lan" in line).endswith(',"2 (Tốt 1, Khá 1)"')
    assert next(line for line in lines if "tran-van-binh" in line).endswith(",1")
    import openpyxl

    target = root.parent / "diem.xlsx"
    r = duk(["scorecard", "-y", "2019", "-f", "xlsx", "-o", str(target)], data=root, today="2020-01-10")
    assert r.exit_code == 0, r.stderr
    ws = openpyxl.load_workbook(target)["Đánh giá năm"]
    last = ws.max_column
    assert ws.cell(2, last).value == "Ý kiến cơ sở"
    assert {ws.cell(row, 2).value: ws.cell(row, last).value for row in (3, 4)} == {
        "Nguyễn Thị Lan": "2 (Tốt 1, Khá 1)", "Trần Văn Bình": "1"}
    # as of an earlier day, the later statements are not yet received
    r = duk(["scorecard", "-y", "2019", "--as-of", "2019-11-30"], data=root, today="2020-01-10")
    lan = next(line for line in r.stdout.splitlines() if "Nguyễn Thị Lan" in line)
    assert lan.rstrip().endswith("1 (Khá 1)")


def test_scorecard_without_statements_reads_as_before(duk, make_folder):
    root = make_folder(FORM_FILES)
    r = duk(["scorecard", "-y", "2019", "-f", "json"], data=root, today="2020-01-10")
    assert all("feedback" not in row for row in json.loads(r.stdout)["rows"])
    r = duk(["scorecard", "-y", "2019"], data=root, today="2020-01-10")
    lan = next(line for line in r.stdout.splitlines() if "Nguyễn Thị Lan" in line)
    assert lan.rstrip().endswith(" 0")
