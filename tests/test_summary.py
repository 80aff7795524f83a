"""duk summary: the compiled report of Article 6.2/6.3, written as .docx and read back with
python-docx (paragraphs and tables): every grassroots note of the period, none from outside."""

from __future__ import annotations

import datetime as dt

import docx
import pytest

from dukcli.periods import Period
from dukcli.rules import summary
from dukcli.store.loader import load, with_notes

IN_MAY = """\
    person: nguyen-thi-lan
    unit: cb-so-tai-chinh
    date: 2019-05-05
    work:
      situation: Tình hình ổn định (không thuộc phần tổng hợp)
      difficulties: |
        Thiếu cán bộ <chuyên trách> & kinh phí
        Dòng thứ hai {{ ten_bien }} {% if x %}
      proposals: Đề nghị mở lớp tập huấn nghiệp vụ
    meeting:
      lessons: Cần chuẩn bị dự thảo nghị quyết sớm hơn
      requests: Chi bộ đề nghị hướng dẫn sinh hoạt chuyên đề
      proposals: Kiến nghị bổ sung biên chế
      rating: kha
    """
IN_JUNE = """\
    person: tran-van-binh
    unit: cb-phong-nghiep-vu-y
    date: 2019-06-12
    meeting:
      requests: Đề nghị Đảng ủy Khối quan tâm công tác phát triển đảng viên
    """
IN_MARCH = """\
    person: nguyen-thi-lan
    unit: cb-so-tai-chinh
    date: 2019-03-05
    work:
      difficulties: Ghi chú tháng Ba không được xuất hiện
    """
IN_JULY = """\
    person: nguyen-thi-lan
    unit: db-so-y-te
    date: 2019-07-02
    meeting:
      lessons: Ghi chú tháng Bảy không được xuất hiện
    """
FILES = {
    "visits/2019/05/a.yaml": IN_MAY,
    "visits/2019/06/b.yaml": IN_JUNE,
    "visits/2019/03/c.yaml": IN_MARCH,
    "visits/2019/07/d.yaml": IN_JULY,
    "submissions.yaml": "- {person: nguyen-thi-lan, period: 2019Q2, date: 2019-06-30}\n",
}
NOTES_IN = [
    "Thiếu cán bộ <chuyên trách> & kinh phí",
    "Dòng thứ hai {{ ten_bien }} {% if x %}",
    "Đề nghị mở lớp tập huấn nghiệp vụ",
    "Cần chuẩn bị dự thảo nghị quyết sớm hơn",
    "Chi bộ đề nghị hướng dẫn sinh hoạt chuyên đề",
    "Kiến nghị bổ sung biên chế",
    "Đề nghị Đảng ủy Khối quan tâm công tác phát triển đảng viên",
]
NOTES_OUT = ["Ghi chú tháng Ba không được xuất hiện", "Ghi chú tháng Bảy không được xuất hiện"]


def paragraphs(path) -> list[str]:
    """Body paragraphs and every table cell's paragraphs, read with python-docx itself."""
    document = docx.Document(str(path))
    out = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                out.extend(p.text for p in cell.paragraphs)
    return out


def table_rows(path) -> list[list[str]]:
    document = docx.Document(str(path))
    return [[c.text for c in row.cells] for t in document.tables for row in t.rows]


@pytest.fixture
def written(duk, make_folder, tmp_path):
    root = make_folder(FILES)
    out = tmp_path / "tong-hop.docx"
    r = duk(["summary", "-p", "2019Q2", "--as-of", "2019-07-05", "--date", "2019-07-05", "-o", str(out)],
            data=root, today="2019-07-10")
    assert r.exit_code == 0, r.stderr
    assert "Đã ghi báo cáo tổng hợp Quý II năm 2019" in r.stdout
    return out


def test_every_note_of_the_period_each_line_a_paragraph(written):
    texts = paragraphs(written)
    for note in NOTES_IN:
        assert note in texts  # a whole paragraph, literal (< & {{ }} {% %} untouched)
    for note in NOTES_OUT:
        assert not any(note in t for t in texts)
    assert not any("Tình hình ổn định" in t for t in texts)  # assessments stay in the individual reports
    # grouped by grassroots organisation (Vietnamese order), a chi bộ trực thuộc under its
    # đảng bộ with its name in the entry, each entry dated and signed
    assert "Chi bộ Phòng Nghiệp vụ Y (Đảng bộ Sở Y tế)" not in texts
    i_db = texts.index("Đảng bộ Sở Y tế")
    i_tc = texts.index("Chi bộ Sở Tài chính")
    assert i_tc < i_db
    assert texts[i_db + 1] == ("Ngày 12/06/2019, đồng chí Trần Văn Bình (Chi bộ Phòng Nghiệp vụ Y) – Nội dung chi bộ "
                               "đề nghị cấp ủy cấp trên quan tâm lãnh đạo:")
    assert texts[i_tc + 1] == "Ngày 05/05/2019, đồng chí Nguyễn Thị Lan – Khó khăn, vướng mắc của cơ sở:"
    assert texts[i_tc + 2: i_tc + 4] == NOTES_IN[:2]


def test_party_document_form(written):
    texts = paragraphs(written)
    for line in ("ĐẢNG BỘ TỈNH HÒA BÌNH", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "*", "Số        -BC/ĐUK",
                 "ĐẢNG CỘNG SẢN VIỆT NAM", "Hòa Bình, ngày 05 tháng 7 năm 2019", "BÁO CÁO",
                 "Kết quả đi công tác cơ sở và dự sinh hoạt chi bộ quý II năm 2019",
                 "T/M BAN TỔ CHỨC", "I- TÌNH HÌNH CHUNG", "V- NHỮNG VẤN ĐỀ CẦN QUAN TÂM, PHÁT SINH Ở CƠ SỞ"):
        assert line in texts, line
    assert not any("{{" in t and "ten_bien" not in t for t in texts)  # no template tag left
    document = docx.Document(str(written))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (30, 15)
    fonts = document.styles["Normal"].element.rPr.rFonts
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert fonts.get(f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{slot}") == \
            "Times New Roman"


def test_figures_and_tables(written):
    texts = paragraphs(written)
    assert ("Tổng số chuyến đi cơ sở trong kỳ: 2, trong đó 1 lượt đi công tác cơ sở "
            "và 2 lượt dự sinh hoạt chi bộ (1 chuyến có cả hai phần nên được tính ở cả hai).") in texts
    assert "Đánh giá chất lượng các buổi sinh hoạt chi bộ được dự: Khá 1." in texts
    rows = table_rows(written)
    assert ["Tháng 5/2019", "1", "1", "1"] in rows and ["Cộng", "2", "1", "2"] in rows
    # Article 4: Bình 1 visit in Q2 (the cell counts for the đảng bộ), 1 this year, 3 expected
    assert ["1", "Trần Văn Bình", "1", "1", "3", "5", "Chậm tiến độ"] in rows
    assert ["1", "Nguyễn Thị Lan", "Chi bộ Sở Tài chính", "1", "1/3", "Chưa đạt"] in rows
    assert ["2", "Nguyễn Thị Lan", "Đảng bộ Sở Y tế", "0", "0/3", "Chưa đạt"] in rows
    # reports: Lan on the due day, Bình missing and overdue as of 5 July
    assert ["1", "Trần Văn Bình", "Quý II năm 2019", "", "Chưa nộp (quá hạn 5 ngày)"] in rows
    assert ["2", "Nguyễn Thị Lan", "Quý II năm 2019", "30/06/2019", "Đúng hạn"] in rows
    assert ("Quý II năm 2019 (hạn nộp 30/06/2019): 2 đồng chí phải báo cáo; đúng hạn 1, trễ hạn 0, "
            "chưa nộp 1.") in texts
    assert ("Đồng chí Nguyễn Thị Lan – Đảng bộ Sở Y tế: không đi cơ sở tháng 4/2019, 5/2019, 6/2019 "
            "(đạt 0/3 tháng).") in texts
    # the Y tế đảng bộ was reached through its cell in June: no unit went unvisited
    i = texts.index("III- TỔ CHỨC CƠ SỞ ĐẢNG CHƯA CÓ ĐỒNG CHÍ NÀO ĐẾN TRONG KỲ")
    assert texts[i + 1] == "Không có."


def test_never_overwrites_without_force(duk, make_folder, tmp_path):
    root = make_folder(FILES)
    out = tmp_path / "bao-cao.docx"
    out.write_bytes(b"clerk's edited file")
    args = ["summary", "-p", "2019Q2", "-o", str(out)]
    r = duk(args, data=root, today="2019-07-10")
    assert r.exit_code == 1 and "--force" in r.stderr
    assert out.read_bytes() == b"clerk's edited file"
    assert duk([*args, "--force"], data=root, today="2019-07-10").exit_code == 0
    assert "BÁO CÁO" in paragraphs(out)


def test_the_document_is_dated_as_of_the_day_asked(duk, make_folder, tmp_path):
    """SPEC §5: --date, else the --as-of day, else today (a past period asked with --as-of is
    not dated today)."""
    root = make_folder(FILES)
    out = tmp_path / "th.docx"
    assert duk(["summary", "-p", "2019Q2", "--as-of", "2019-07-05", "-o", str(out)], data=root,
               today="2019-11-20").exit_code == 0
    texts = paragraphs(out)
    assert any("ngày 05 tháng 7 năm 2019" in t for t in texts)
    assert not any("ngày 20 tháng 11 năm 2019" in t for t in texts)
    assert duk(["summary", "-p", "2019Q2", "-o", str(out), "--force"], data=root, today="2019-11-20").exit_code == 0
    assert any("ngày 20 tháng 11 năm 2019" in t for t in paragraphs(out))


def test_default_name_and_refusal_on_errors(duk, make_folder, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    root = make_folder(FILES)
    assert duk(["summary", "-p", "2019H1"], data=root, today="2019-07-10").exit_code == 0
    assert (tmp_path / "tong-hop-2019-H1.docx").is_file()
    bad = make_folder({**FILES, "visits/2019/05/e.yaml": "person: ai-do\nunit: cb-so-tai-chinh\n"
                                                        "date: 2019-05-06\nwork: {}\n"})
    r = duk(["summary", "-p", "2019Q2"], data=bad, today="2019-07-10")
    assert r.exit_code == 1 and "duk check" in r.stderr
    assert not (tmp_path / "tong-hop-2019-Q2.docx").exists()


# --- the context, pure ---------------------------------------------------------------------

def context(make_folder, period: Period, as_of=dt.date(2019, 7, 5)) -> dict:
    folder = make_folder(FILES)
    ds, diags = load(folder)
    assert not [d for d in diags if d.severity == "error"]
    ds = with_notes(folder, ds, period.start, period.end)  # the loader keeps no note texts
    return summary.context(ds, period, as_of, as_of)


def test_context_visits_after_as_of_are_ignored(make_folder):
    ctx = context(make_folder, Period("Q", 2019, 2), as_of=dt.date(2019, 6, 1))
    lines = [line for g in ctx["notes"] for e in g["entries"] for line in e["lines"]]
    assert "Đề nghị Đảng ủy Khối quan tâm công tác phát triển đảng viên" not in lines
    assert ctx["unvisited"] == ["Đảng bộ Sở Y tế (phụ trách: Trần Văn Bình; theo dõi: Nguyễn Thị Lan)."]


def test_a_visit_entered_twice_counts_once_in_the_figures(make_folder):
    folder = make_folder({**FILES, "visits/2019/05/a-lan-nua.yaml": IN_MAY})
    ds, _ = load(folder)
    ctx = summary.context(ds, Period("Q", 2019, 2), dt.date(2019, 7, 5), dt.date(2019, 7, 5))
    assert ctx["figures"][2].startswith("Tổng số chuyến đi cơ sở trong kỳ: 2, trong đó 1 lượt đi công tác cơ sở")
    assert ctx["months_total"] == {"month": "Cộng", "visits": "2", "work": "1", "meeting": "2"}


def test_context_report_lines_by_period(make_folder):
    year = context(make_folder, Period("Y", 2019, 0), as_of=dt.date(2019, 7, 5))
    assert [line.split(" (")[0] for line in year["report_lines"]] == [
        "Quý I năm 2019", "Quý II năm 2019", "Quý III năm 2019", "Quý IV năm 2019"]
    assert "(hạn nộp 30/09/2019 (chưa đến hạn))" in year["report_lines"][2]
    month = context(make_folder, Period("M", 2019, 5))
    assert month["report_lines"] == ["Kỳ báo cáo không trọn một quý nên chưa xét việc nộp báo cáo quý."]
    assert month["report_rows"] == []
    assert [g["unit"] for g in month["notes"]] == ["Chi bộ Sở Tài chính"]


def test_sample_context_renders_with_the_shipped_template(tmp_path):
    from dukcli.render import word
    from dukcli.resources import template

    assert word.check_template(template("summary.docx"), summary.sample_context()) == []
