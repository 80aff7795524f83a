"""duk summary, issue 14: part V as analysis of the grassroots' proposals (recurring issues,
open past 30 days, answered in the period), the base committees' feedback (Article 5.2), the
verbatim annex after the signature, and the bodies of duk.yaml that sign; read back with
python-docx."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from dukcli.periods import Period
from dukcli.rules import summary
from dukcli.store.loader import checked
from dukcli.store.refresh import Window

REPO = Path(__file__).resolve().parent.parent
SO_TAY = ("Đề nghị Đảng ủy Khối sớm hướng dẫn sử dụng Sổ tay đảng viên điện tử",
          "Chi bộ kiến nghị cấp trên quan tâm hướng dẫn việc sử dụng Sổ tay đảng viên điện tử cho đảng viên",
          "Đề nghị hướng dẫn cài đặt và sử dụng Sổ tay đảng viên điện tử")
FUNDS = "Đề nghị bổ sung kinh phí hoạt động cho chi bộ <trực thuộc> & đoàn thể"
VOICE = {
    "visits/2019/04/2019-04-05-nguyen-thi-lan-cb-so-tai-chinh.yaml": f"""\
        person: nguyen-thi-lan
        unit: cb-so-tai-chinh
        date: 2019-04-05
        work:
          difficulties: Thiếu tài liệu sinh hoạt chuyên đề
          proposals: {SO_TAY[0]}
        """,
    "visits/2019/05/2019-05-10-nguyen-thi-lan-db-so-y-te.yaml": f"""\
        person: nguyen-thi-lan
        unit: db-so-y-te
        date: 2019-05-10
        meeting:
          requests: {SO_TAY[1]}
          proposals: "{FUNDS}"
          rating: kha
        """,
    "visits/2019/06/2019-06-12-tran-van-binh-cb-phong-nghiep-vu-y.yaml": f"""\
        person: tran-van-binh
        unit: cb-phong-nghiep-vu-y
        date: 2019-06-12
        work:
          proposals: {SO_TAY[2]}
        """,
    "responses/2019/2019-04-20-chuyen.yaml": """\
        item: 2019/04/2019-04-05-nguyen-thi-lan-cb-so-tai-chinh#work.proposals
        date: 2019-04-20
        status: da-chuyen
        by: Ban Tổ chức Đảng ủy Khối
        text: Chuyển Văn phòng Đảng ủy Khối
        """,
    "responses/2019/2019-06-20-tra-loi.yaml": """\
        item: 2019/05/2019-05-10-nguyen-thi-lan-db-so-y-te#meeting.proposals
        date: 2019-06-20
        status: da-tra-loi
        by: Ban Tổ chức Đảng ủy Khối
        text: Đã đề nghị Sở Y tế bố trí kinh phí trong dự toán năm 2020.
        """,
    "feedback/2019/2019-06-25-cb-so-tai-chinh-nguyen-thi-lan.yaml": """\
        unit: cb-so-tai-chinh
        person: nguyen-thi-lan
        date: 2019-06-25
        kind: nhan-xet
        rating: kha
        by: Bí thư Chi bộ Sở Tài chính
        text: |
          Đồng chí dự sinh hoạt đều đặn.
          Đề nghị trao đổi với chi ủy trước buổi sinh hoạt.
        """,
    "feedback/2019/2019-06-26-db-so-y-te-phan-cong.yaml": """\
        unit: db-so-y-te
        person: null
        date: 2019-06-26
        kind: gop-y-phan-cong
        by: Bí thư Đảng ủy Sở Y tế
        text: Đề nghị phân công thêm cán bộ theo dõi các chi bộ trực thuộc.
        """,
}
HEADINGS = ("V- NHỮNG VẤN ĐỀ CẦN QUAN TÂM, PHÁT SINH Ở CƠ SỞ", "1- Những vấn đề nhiều cơ sở cùng nêu",
            "2- Những kiến nghị quá 30 ngày chưa được trả lời",
            "3- Những kiến nghị đã được trả lời, giải quyết trong kỳ",
            "VI- Ý KIẾN NHẬN XÉT CỦA CẤP ỦY CƠ SỞ (ĐIỀU 5.2)", "1- Nhận xét, đánh giá các đồng chí được phân công",
            "2- Góp ý về việc phân công phụ trách, theo dõi", "PHỤ LỤC")


def texts_of(path) -> list[str]:
    """Every paragraph, body and table cells, in reading order (python-docx itself)."""
    from dukcli.render.word import read_paragraphs

    return read_paragraphs(path)


def rows_of(path) -> list[list[str]]:
    document = docx.Document(str(path))
    return [[c.text for c in row.cells] for t in document.tables for row in t.rows]


def write(duk, root, tmp_path, *extra, period="2019Q2", name="th.docx"):
    out = tmp_path / name
    r = duk(["summary", "-p", period, "--as-of", "2019-07-05", "--date", "2019-07-05", "-o", str(out), *extra],
            data=root, today="2019-07-10")
    assert r.exit_code == 0, r.stderr
    return out


@pytest.fixture
def written(duk, make_folder, tmp_path):
    return write(duk, make_folder(VOICE), tmp_path)


def test_every_section_heading_in_order_the_annex_after_the_signature(written):
    texts = texts_of(written)
    at = [texts.index(h) for h in HEADINGS]
    assert at == sorted(at)
    assert at[-2] < texts.index("T/M BAN TỔ CHỨC") < texts.index("TRƯỞNG BAN") < at[-1]
    assert texts[at[-1] + 2] == ("(Kèm theo Báo cáo kết quả đi công tác cơ sở và dự sinh hoạt chi bộ quý II năm "
                                 "2019; ghi nguyên văn theo báo cáo của các đồng chí đi cơ sở)")
    annex = texts[at[-1]:]
    # the verbatim list by unit: a chi bộ trực thuộc under its đảng bộ, its name in the entry
    assert annex[annex.index("Đảng bộ Sở Y tế") + 1] == (
        "Ngày 10/05/2019, đồng chí Nguyễn Thị Lan – Nội dung chi bộ đề nghị cấp ủy cấp trên quan tâm lãnh đạo:")
    assert "Ngày 12/06/2019, đồng chí Trần Văn Bình (Chi bộ Phòng Nghiệp vụ Y) – Kiến nghị, đề xuất với Ban " \
           "Thường vụ (qua đi công tác cơ sở):" in annex
    assert "Thiếu tài liệu sinh hoạt chuyên đề" in annex


def test_every_proposal_text_literally(written):
    whole = "\n".join(texts_of(written))
    for text in (*SO_TAY, FUNDS):
        assert text in whole  # < and & untouched


def test_the_count_and_the_recurring_issue_with_its_three_units(written):
    texts = texts_of(written)
    assert ("Trong kỳ, các đồng chí đi cơ sở ghi nhận 4 kiến nghị, đề xuất của cơ sở; đến cuối kỳ đã trả lời, "
            "giải quyết 1/4, còn 3 chưa trả lời (trong đó 2 kiến nghị quá 30 ngày).") in texts
    i = texts.index("1- Những vấn đề nhiều cơ sở cùng nêu")
    # three wordings, one issue: the most common wording (a tie: the earliest), then its units
    assert texts[i + 1:i + 3] == [
        f"1. {SO_TAY[0]}",
        "3 lượt, 3 đơn vị cùng nêu: Chi bộ Phòng Nghiệp vụ Y (Đảng bộ Sở Y tế), Chi bộ Sở Tài chính, Đảng bộ Sở Y tế."]
    assert texts[i + 3] == "2- Những kiến nghị quá 30 ngày chưa được trả lời"  # one unit's request is no group


def test_open_past_30_days_oldest_first_with_who_raised_them(written):
    rows = rows_of(written)
    head = ["TT", "Ngày", "Đơn vị", "Đồng chí ghi nhận", "Nội dung kiến nghị", "Số ngày"]
    assert head in rows
    i = rows.index(head)
    # as of 30/06 (the period's end): forwarded is still open; 12/06 is 18 days old: not yet listed
    assert rows[i + 1:i + 3] == [
        ["1", "05/04/2019", "Chi bộ Sở Tài chính", "Nguyễn Thị Lan", SO_TAY[0], "86"],
        ["2", "10/05/2019", "Đảng bộ Sở Y tế", "Nguyễn Thị Lan", SO_TAY[1], "51"]]
    assert all(SO_TAY[2] not in r for r in rows)


def test_answered_in_the_period_with_the_answer(written):
    texts = texts_of(written)
    i = texts.index("3- Những kiến nghị đã được trả lời, giải quyết trong kỳ")
    assert texts[i + 1:i + 3] == [
        "Đã trả lời ngày 20/06/2019, Ban Tổ chức Đảng ủy Khối: Đã đề nghị Sở Y tế bố trí kinh phí trong dự toán năm 2020.",
        f"- {FUNDS} – Đảng bộ Sở Y tế (10/05/2019)."]


def test_the_base_committees_feedback(written):
    texts = texts_of(written)
    i = texts.index("1- Nhận xét, đánh giá các đồng chí được phân công")
    assert texts[i + 1:i + 5] == [
        "Đồng chí Nguyễn Thị Lan: 1 ý kiến nhận xét; xếp loại: Khá 1.",
        "Bí thư Chi bộ Sở Tài chính, ngày 25/06/2019 (xếp loại Khá):",  # the signer names the unit already
        "Đồng chí dự sinh hoạt đều đặn.", "Đề nghị trao đổi với chi ủy trước buổi sinh hoạt."]
    i = texts.index("2- Góp ý về việc phân công phụ trách, theo dõi")
    assert texts[i + 1:i + 3] == ["Đảng bộ Sở Y tế, Bí thư Đảng ủy Sở Y tế, ngày 26/06/2019:",
                                  "Đề nghị phân công thêm cán bộ theo dõi các chi bộ trực thuộc."]


def test_empty_sections_say_so(duk, make_folder, tmp_path):
    out = write(duk, make_folder(), tmp_path)
    texts = texts_of(out)
    for heading in (*HEADINGS[1:4], *HEADINGS[5:7]):
        assert texts[texts.index(heading) + 1] == "Không có.", heading
    assert "Trong kỳ, các đồng chí đi cơ sở ghi nhận 0 kiến nghị, đề xuất của cơ sở; đến cuối kỳ đã trả lời, " \
           "giải quyết 0/0, còn 0 chưa trả lời (trong đó 0 kiến nghị quá 30 ngày)." in texts


# --- duk.yaml bodies --------------------------------------------------------------------------

BODIES = """\
    organization:
      parent: ĐẢNG BỘ TỈNH HÒA BÌNH
      name: ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH
      short: ĐUK
      place: Hòa Bình
    bodies:
      ban-to-chuc:
        sign-for: KT. TRƯỞNG BAN
        sign-title: PHÓ TRƯỞNG BAN
      uy-ban-kiem-tra:
        name: ỦY BAN KIỂM TRA ĐẢNG ỦY KHỐI
        short: UBKTĐUK
    """


def test_the_summary_is_signed_as_bodies_says(duk, make_folder, tmp_path):
    out = write(duk, make_folder({**VOICE, "duk.yaml": BODIES}), tmp_path)
    texts = texts_of(out)
    assert "KT. TRƯỞNG BAN" in texts and "PHÓ TRƯỞNG BAN" in texts
    assert "T/M BAN TỔ CHỨC" not in texts and "TRƯỞNG BAN" not in texts


def test_bodies_defaults_and_given_keys(make_folder):
    from dukcli import model as m

    ds, _ = checked(make_folder(), dt.date(2019, 7, 10))
    assert ds.config.organisation == m.Body("BAN TỔ CHỨC", "BTC", "T/M BAN TỔ CHỨC", "TRƯỞNG BAN")
    assert ds.config.inspection == m.Body("ỦY BAN KIỂM TRA", "UBKT", "T/M ỦY BAN KIỂM TRA", "CHỦ NHIỆM")
    ds, _ = checked(make_folder({"duk.yaml": BODIES}), dt.date(2019, 7, 10))
    assert ds.config.organisation == m.Body("BAN TỔ CHỨC", "BTC", "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")
    assert ds.config.inspection == m.Body("ỦY BAN KIỂM TRA ĐẢNG ỦY KHỐI", "UBKTĐUK", "T/M ỦY BAN KIỂM TRA", "CHỦ NHIỆM")


@pytest.mark.parametrize("body,lines", [
    ("bodies:\n  ban-to-chuc: {nam: BAN TC}\n  ban-khac: {}\n", [
        "duk.yaml:3: lỗi [schema]: khóa lạ 'nam' trong bodies.ban-to-chuc (các khóa được dùng: name, short, "
        "sign-for, sign-title)",
        "duk.yaml:4: lỗi [schema]: khóa lạ 'ban-khac' trong bodies (các khóa được dùng: ban-to-chuc, "
        "uy-ban-kiem-tra)"]),
    ("bodies: BAN TỔ CHỨC\n", ["duk.yaml:2: lỗi [schema]: bodies phải là một bảng khóa: giá trị"]),
    ("bodies:\n  uy-ban-kiem-tra: [a]\n", ["duk.yaml:3: lỗi [schema]: bodies.uy-ban-kiem-tra phải là một bảng "
                                          "khóa: giá trị"]),
    ("bodies:\n  uy-ban-kiem-tra: {sign-for: \"T/M\\nUBKT\"}\n", [
        "duk.yaml:3: lỗi [schema]: 'sign-for' phải nằm trên một dòng"]),
])
def test_bodies_schema_errors(duk, make_folder, body, lines):
    root = make_folder({"duk.yaml": "organization: {name: ĐẢNG ỦY KHỐI}\n" + body})
    r = duk(["check"], data=root)
    assert r.exit_code == 1
    for line in lines:
        assert line in r.stdout.splitlines(), (line, r.stdout)


def test_init_writes_bodies_commented(duk, tmp_path):
    from dukcli import model as m

    folder = tmp_path / "moi"
    assert duk(["init", str(folder), "--name", "ĐẢNG ỦY KHỐI", "--parent", "ĐẢNG BỘ TỈNH", "--place", "Hòa Bình"],
               data=None).exit_code == 0
    text = (folder / "duk.yaml").read_text(encoding="utf-8")
    block = text[text.index("# bodies:"):].splitlines()
    assert block == ["# bodies:", "#   ban-to-chuc:", "#     name: BAN TỔ CHỨC", "#     short: BTC",
                     "#     sign-for: T/M BAN TỔ CHỨC", "#     sign-title: TRƯỞNG BAN", "#   uy-ban-kiem-tra:",
                     "#     name: ỦY BAN KIỂM TRA", "#     short: UBKT", "#     sign-for: T/M ỦY BAN KIỂM TRA",
                     "#     sign-title: CHỦ NHIỆM"]
    ds, diags = checked(folder, dt.date(2019, 7, 10))
    assert not [d for d in diags if d.severity == "error"]
    assert (ds.config.organisation, ds.config.inspection) == (m.ORGANISATION, m.INSPECTION)
    # uncommented as written, the lines say exactly the defaults
    uncommented = text.replace("# bodies:", "bodies:").replace("\n#   ", "\n  ")
    (folder / "duk.yaml").write_text(uncommented, encoding="utf-8")
    ds, diags = checked(folder, dt.date(2019, 7, 10))
    assert not [d for d in diags if d.severity == "error"]
    assert (ds.config.organisation, ds.config.inspection) == (m.ORGANISATION, m.INSPECTION)


# --- the sample data/ -------------------------------------------------------------------------

def test_the_sample_data_fills_every_new_section():
    ds, diags = checked(REPO / "data", dt.date(2020, 1, 10), Window.of(dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
                        with_proposals=True)
    assert not [d for d in diags if d.severity == "error"]
    ctx = summary.voice(ds, Period("Y", 2019, 0), dt.date(2019, 12, 31))
    assert ctx["recurring"] and ctx["open_rows"] and ctx["answered"]
    so_tay = [g for g in ctx["recurring"] if "Sổ tay đảng viên điện tử" in g["head"]]
    assert [g["units"] for g in so_tay] == [
        "3 lượt, 3 đơn vị cùng nêu: Chi bộ Kho bạc Nhà nước tỉnh, Chi bộ Sở Công Thương, "
        "Chi bộ Sở Tài nguyên và Môi trường."]
    people, comments = summary.feedback(ds, summary.period_feedback(ds, Period("Y", 2019, 0), dt.date(2019, 12, 31)))
    assert len(people) == 6 and len(comments) == 2
