"""duk report: the Article 6.1 individual report, read back from the written .docx."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from conftest import age, make_template

from dukcli.render.word import paragraphs
from dukcli.rules.report import TITLES

UNITS = """\
    - id: cb-so-tai-chinh
      name: Chi bộ Sở Tài chính
      type: chi-bo-co-so
      meeting-day: 5
    - id: db-so-y-te
      name: Đảng bộ Sở Y tế
      type: dang-bo-co-so
    - id: cb-phong-nghiep-vu-y
      name: Chi bộ Phòng Nghiệp vụ Y
      type: chi-bo-truc-thuoc
      parent: db-so-y-te
    - id: cb-so-xay-dung
      name: Chi bộ Sở Xây dựng
      type: chi-bo-co-so
    """

PEOPLE = """\
    - id: nguyen-thi-lan
      name: Nguyễn Thị Lan
      position: Chuyên viên Ban Tổ chức
      department: Ban Tổ chức Đảng ủy Khối
    - id: tran-van-binh
      name: Trần Văn Bình
      position: Phó Bí thư Đảng ủy Khối
      department: Thường trực Đảng ủy Khối
    - id: le-van-cuong
      name: Lê Văn Cường
      position: Chuyên viên Văn phòng
      department: Văn phòng Đảng ủy Khối
    """

VISITS = {
    "visits/2019/04/a.yaml": """\
        person: nguyen-thi-lan
        unit: cb-so-tai-chinh
        date: 2019-04-05
        work:
          situation: |
            Chi bộ duy trì nền nếp sinh hoạt.

            Phát triển đảng viên còn chậm.
          difficulties: Thiếu cán bộ kiêm nhiệm.
        meeting:
          preparation: Dự thảo nghị quyết gửi trước.
          conduct: Bí thư điều hành tốt; 8/10 ý kiến <phát biểu> & góp ý.
          rating: tot
        """,
    "visits/2019/05/b.yaml": """\
        person: nguyen-thi-lan
        unit: cb-phong-nghiep-vu-y
        date: 2019-05-14
        meeting:
          feasibility: Nghị quyết sát thực tế.
          lessons: |
            Ghi biên bản {{ x }} và {% if %} đúng như gõ, cả {_{ này.
          requests: Đề nghị hướng dẫn sinh hoạt chuyên đề.
          rating: kha
        """,
    "visits/2019/06/c.yaml": """\
        person: nguyen-thi-lan
        unit: db-so-y-te
        date: 2019-06-10
        work:
          proposals: Quan tâm bồi dưỡng cấp ủy viên mới.
        """,
    "visits/2019/06/d.yaml": """\
        person: nguyen-thi-lan
        unit: cb-so-xay-dung
        date: 2019-06-20
        work: {}
        """,
    "visits/2019/03/e.yaml": """\
        person: nguyen-thi-lan
        unit: cb-so-tai-chinh
        date: 2019-03-05
        meeting:
          lessons: Ngoài kỳ, quý I.
        """,
    "visits/2019/07/f.yaml": """\
        person: nguyen-thi-lan
        unit: cb-so-tai-chinh
        date: 2019-07-05
        work:
          situation: Ngoài kỳ, quý III.
        """,
    "visits/2019/05/g.yaml": """\
        person: tran-van-binh
        unit: cb-so-tai-chinh
        date: 2019-05-20
        work:
          situation: Ghi chú của đồng chí Bình.
        """,
}

LAN_Q2 = {
    "I.1": ["05/04/2019, Chi bộ Sở Tài chính",
            "10/06/2019, Đảng bộ Sở Y tế",
            "20/06/2019, Chi bộ Sở Xây dựng (không thuộc đơn vị được phân công)"],
    "I.2": ["05/04/2019, Chi bộ Sở Tài chính: Chi bộ duy trì nền nếp sinh hoạt.",
            "Phát triển đảng viên còn chậm."],
    "I.3": ["05/04/2019, Chi bộ Sở Tài chính: Thiếu cán bộ kiêm nhiệm."],
    "I.4": ["10/06/2019, Đảng bộ Sở Y tế: Quan tâm bồi dưỡng cấp ủy viên mới."],
    "II.1": ["05/04/2019, Chi bộ Sở Tài chính (xếp loại: Tốt)",
             "14/05/2019, Chi bộ Phòng Nghiệp vụ Y (xếp loại: Khá)"],
    "II.2": ["05/04/2019, Chi bộ Sở Tài chính: Dự thảo nghị quyết gửi trước."],
    "II.3": ["05/04/2019, Chi bộ Sở Tài chính: Bí thư điều hành tốt; 8/10 ý kiến <phát biểu> & góp ý."],
    "II.4": ["14/05/2019, Chi bộ Phòng Nghiệp vụ Y: Nghị quyết sát thực tế."],
    "II.5": ["14/05/2019, Chi bộ Phòng Nghiệp vụ Y: Ghi biên bản {{ x }} và {% if %} đúng như gõ, cả {_{ này."],
    "II.6": ["14/05/2019, Chi bộ Phòng Nghiệp vụ Y: Đề nghị hướng dẫn sinh hoạt chuyên đề."],
    "II.7": ["Không có."],
}

ITEM_KEYS = ["I.1", "I.2", "I.3", "I.4", "II.1", "II.2", "II.3", "II.4", "II.5", "II.6", "II.7"]


@pytest.fixture
def folder(make_folder):
    return make_folder({"units.yaml": UNITS, "people.yaml": PEOPLE, **VISITS})


def texts(path) -> list[str]:
    return [p.text for p in paragraphs(docx.Document(str(path)))]


def items_of(path) -> dict[str, list[str]]:
    """The non-empty paragraphs under each of the eleven item titles."""
    by_title = {TITLES[k]: k for k in ITEM_KEYS}
    stops = {TITLES["I"], TITLES["II"], "NGƯỜI BÁO CÁO"}
    found: dict[str, list[str]] = {}
    current = None
    for text in texts(path):
        if text in by_title:
            current = by_title[text]
            found[current] = []
        elif text in stops:
            current = None
        elif current and text.strip():
            found[current].append(text)
    return found


def report(duk, folder, tmp_path, *args, name="lan.docx"):
    out = tmp_path / name
    result = duk(["report", "--person", "lan", "-p", "2019Q2", "--date", "28/06/2019", "-o", str(out), *args],
                 data=folder)
    return result, out


def test_header_title_person_and_opening(duk, folder, tmp_path):
    result, out = report(duk, folder, tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "Đã ghi" in result.stdout
    t = [x for x in texts(out) if x.strip()]  # the page-number header reads as an empty paragraph
    assert t[:5] == ["ĐẢNG BỘ TỈNH HÒA BÌNH", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "*",
                     "ĐẢNG CỘNG SẢN VIỆT NAM", "Hòa Bình, ngày 28 tháng 6 năm 2019"]
    assert t[5:8] == ["BÁO CÁO", "Kết quả đi công tác cơ sở và dự sinh hoạt chi bộ", "(Quý II năm 2019)"]
    assert t[8:12] == [
        "Họ và tên: Nguyễn Thị Lan",
        "Chức vụ: Chuyên viên Ban Tổ chức",
        "Bộ phận công tác: Ban Tổ chức Đảng ủy Khối",
        "Thực hiện Quy định số 08-QĐ/ĐUK ngày 25/4/2019 của Ban Thường vụ Đảng ủy Khối, tôi báo cáo "
        "kết quả đi công tác cơ sở và dự sinh hoạt chi bộ quý II năm 2019 như sau:",
    ]
    assert t[-3:] == ["NGƯỜI BÁO CÁO", "(Ký, ghi rõ họ và tên)", "Nguyễn Thị Lan"]


def test_all_eleven_titles_once_and_in_order(duk, folder, tmp_path):
    _, out = report(duk, folder, tmp_path)
    t = texts(out)
    order = [TITLES[k] for k in ["I", "I.1", "I.2", "I.3", "I.4", "II", "II.1", "II.2", "II.3", "II.4",
                                 "II.5", "II.6", "II.7"]]
    for title in order:
        assert t.count(title) == 1, title
    assert [t.index(x) for x in order] == sorted(t.index(x) for x in order)
    assert TITLES["II.7"] == "7- Những kiến nghị, đề xuất với Ban Thường vụ Đảng ủy khối"


def test_items_hold_exactly_the_visits_of_the_period(duk, folder, tmp_path):
    _, out = report(duk, folder, tmp_path)
    assert items_of(out) == LAN_Q2
    whole = "\n".join(texts(out))
    for outside in ("05/03/2019", "Ngoài kỳ", "05/07/2019", "đồng chí Bình", "20/05/2019"):
        assert outside not in whole
    # each visit of the period is listed once in I.1 or II.1 as the sections say
    assert whole.count("14/05/2019, Chi bộ Phòng Nghiệp vụ Y (xếp loại: Khá)") == 1
    assert whole.count("20/06/2019, Chi bộ Sở Xây dựng") == 1


def test_data_text_is_literal(duk, folder, tmp_path):
    _, out = report(duk, folder, tmp_path)
    t = texts(out)
    assert "05/04/2019, Chi bộ Sở Tài chính: Bí thư điều hành tốt; 8/10 ý kiến <phát biểu> & góp ý." in t
    assert "14/05/2019, Chi bộ Phòng Nghiệp vụ Y: Ghi biên bản {{ x }} và {% if %} đúng như gõ, cả {_{ này." in t


def test_nothing_in_the_period_gives_khong_co_everywhere(duk, folder, tmp_path):
    out = tmp_path / "lan.docx"  # assigned in Q4, no visit then
    result = duk(["report", "--person", "lan", "-p", "2019Q4", "-o", str(out)], data=folder)
    assert result.exit_code == 0, result.stderr
    assert items_of(out) == {k: ["Không có."] for k in ITEM_KEYS}


def test_page_and_fonts(duk, folder, tmp_path):
    _, out = report(duk, folder, tmp_path)
    d = docx.Document(str(out))
    s = d.sections[0]
    assert abs(s.page_width - Mm(210)) < Mm(0.5) and abs(s.page_height - Mm(297)) < Mm(0.5)
    assert [round(x / Mm(1)) for x in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)] == [20, 20, 30, 15]
    fonts = d.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert {slot: fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == \
        dict.fromkeys(("ascii", "hAnsi", "eastAsia", "cs"), "Times New Roman")
    default = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    dfonts = default.find(qn("w:rFonts"))
    assert all(dfonts.get(qn(f"w:{slot}")) == "Times New Roman" for slot in ("ascii", "hAnsi", "eastAsia", "cs"))
    assert not [a for a in dfonts.attrib if "heme" in a]  # no theme font overriding them
    assert d.styles["Normal"].font.size.pt == 14
    assert s.different_first_page_header_footer  # page numbers from page 2 on
    assert 'w:instr="PAGE"' in s.header._element.xml


def test_header_formatting(duk, folder, tmp_path):
    _, out = report(duk, folder, tmp_path)
    d = docx.Document(str(out))
    by_text = {p.text: p for p in paragraphs(d)}
    dcs = by_text["ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert dcs.runs[0].bold and dcs.runs[0].font.size.pt == 15
    assert dcs._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")).get(qn("w:val")) == "single"
    assert by_text["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"].runs[0].bold
    assert not by_text["ĐẢNG BỘ TỈNH HÒA BÌNH"].runs[0].bold
    assert by_text["Hòa Bình, ngày 28 tháng 6 năm 2019"].runs[0].italic
    assert by_text["BÁO CÁO"].runs[0].bold and by_text["BÁO CÁO"].runs[0].font.size.pt == 16
    assert by_text["(Ký, ghi rõ họ và tên)"].runs[0].italic
    header = d.tables[0]
    assert header.rows[0].cells[1].paragraphs[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"


def test_other_periods_and_default_name(duk, folder, tmp_path):
    for args, label, phrase, name in [
        (["-p", "2019H1"], "(6 tháng đầu năm 2019)", "6 tháng đầu năm 2019", "bao-cao-2019-H1-nguyen-thi-lan.docx"),
        (["-p", "2019-9M"], "(9 tháng đầu năm 2019)", "9 tháng đầu năm 2019", "bao-cao-2019-9M-nguyen-thi-lan.docx"),
        (["-p", "2019"], "(Năm 2019)", "năm 2019", "bao-cao-2019-nguyen-thi-lan.docx"),
        (["-q", "2", "-y", "2019"], "(Quý II năm 2019)", "quý II năm 2019", "bao-cao-2019-Q2-nguyen-thi-lan.docx"),
    ]:
        result = duk(["report", "--person", "nguyen-thi-lan", *args, "--out-dir", str(tmp_path)], data=folder)
        assert result.exit_code == 0, result.stderr
        t = texts(tmp_path / name)
        assert label in t
        assert any(x.endswith(f"dự sinh hoạt chi bộ {phrase} như sau:") for x in t)
    year = items_of(tmp_path / "bao-cao-2019-nguyen-thi-lan.docx")
    assert year["I.2"][-1] == "05/07/2019, Chi bộ Sở Tài chính: Ngoài kỳ, quý III."
    h1 = items_of(tmp_path / "bao-cao-2019-H1-nguyen-thi-lan.docx")
    assert h1["II.5"][0] == "05/03/2019, Chi bộ Sở Tài chính: Ngoài kỳ, quý I."


def test_all_writes_one_file_per_assigned_person(duk, folder, tmp_path):
    result = duk(["report", "--all", "-p", "2019Q2", "--out-dir", str(tmp_path / "out")], data=folder)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "bao-cao-2019-Q2-nguyen-thi-lan.docx", "bao-cao-2019-Q2-tran-van-binh.docx"]
    binh = items_of(tmp_path / "out" / "bao-cao-2019-Q2-tran-van-binh.docx")
    assert binh["I.1"] == ["20/05/2019, Chi bộ Sở Tài chính"]
    assert binh["I.2"] == ["20/05/2019, Chi bộ Sở Tài chính: Ghi chú của đồng chí Bình."]


def test_never_overwrites_without_force(duk, folder, tmp_path):
    result, out = report(duk, folder, tmp_path)
    assert result.exit_code == 0
    out.write_bytes(b"ban cua van thu")
    again, _ = report(duk, folder, tmp_path)
    assert again.exit_code == 1
    assert "không ghi đè" in again.stderr and "--force" in again.stderr
    assert out.read_bytes() == b"ban cua van thu"
    forced, _ = report(duk, folder, tmp_path, "--force")
    assert forced.exit_code == 0
    assert "(Quý II năm 2019)" in texts(out)


def test_all_refuses_when_any_file_exists(duk, folder, tmp_path):
    (tmp_path / "bao-cao-2019-Q2-tran-van-binh.docx").write_bytes(b"x")
    result = duk(["report", "--all", "-p", "2019Q2", "--out-dir", str(tmp_path)], data=folder)
    assert result.exit_code == 1
    assert not (tmp_path / "bao-cao-2019-Q2-nguyen-thi-lan.docx").exists()


def test_usage_errors(duk, folder, tmp_path):
    assert duk(["report", "-p", "2019Q2"], data=folder).exit_code == 2
    assert duk(["report", "--all", "--person", "lan"], data=folder).exit_code == 2
    assert duk(["report", "--person", "lan", "--date", "31/02/2019"], data=folder).exit_code == 2


def test_unknown_or_ambiguous_person(duk, folder, tmp_path):
    result = duk(["report", "--person", "khong-co-ai", "-o", str(tmp_path / "x.docx")], data=folder)
    assert result.exit_code == 1 and "không tìm thấy người" in result.stderr
    result = duk(["report", "--person", "van", "-o", str(tmp_path / "x.docx")], data=folder)
    assert result.exit_code == 1 and "khớp với nhiều người" in result.stderr
    assert not (tmp_path / "x.docx").exists()


def test_refuses_while_the_folder_has_errors(duk, make_folder, tmp_path):
    bad = make_folder({"visits/2019/05/x.yaml": "person: ai-do\nunit: cb-so-tai-chinh\ndate: 2019-05-01\nwork: {}\n"})
    result = duk(["report", "--person", "lan", "-o", str(tmp_path / "x.docx")], data=bad)
    assert result.exit_code == 1
    assert "unknown-person" in result.stderr and "duk check" in result.stderr
    assert not (tmp_path / "x.docx").exists()


def test_data_folder_template_overrides_and_option_picks_another(duk, folder, tmp_path):
    own = ["MẪU CỦA VĂN PHÒNG {{ person.name }}", "{%p for para in items['I.1'] %}", "{{ para }}",
           "{%p endfor %}"]
    for key in ITEM_KEYS[1:]:
        own += [f"{{%p for para in items['{key}'] %}}", "{{ para }}", "{%p endfor %}"]
    (folder / "templates").mkdir()
    make_template(folder / "templates" / "report.docx", own)
    result, out = report(duk, folder, tmp_path)
    assert result.exit_code == 0, result.stderr
    assert texts(out)[0] == "MẪU CỦA VĂN PHÒNG Nguyễn Thị Lan"  # the clerk's own form, no header
    other = make_template(tmp_path / "khac.docx", ["MẪU KHÁC {{ person.name }}"] + own[1:])
    result, out = report(duk, folder, tmp_path, "--template", str(other), name="khac-out.docx")
    assert result.exit_code == 0, result.stderr
    assert texts(out)[0] == "MẪU KHÁC Nguyễn Thị Lan"


def test_a_broken_template_leaves_no_file(duk, folder, tmp_path):
    broken = make_template(tmp_path / "hong.docx", ["{{ person.ten }}"])
    outdir = tmp_path / "out"
    outdir.mkdir()
    result = duk(["report", "--person", "lan", "--template", str(broken), "-o", str(outdir / "x.docx")], data=folder)
    assert result.exit_code == 1
    assert "ten" in result.stderr and "duk template check" in result.stderr
    assert list(outdir.iterdir()) == []


def test_a_file_that_fails_the_read_back_is_an_error(duk, folder, tmp_path):
    # renders fine but drops the items: the check after writing must catch it
    thin = make_template(tmp_path / "thieu.docx", ["Họ và tên: {{ person.name }}"])
    outdir = tmp_path / "out"
    outdir.mkdir()
    result = duk(["report", "--person", "lan", "-p", "2019Q2", "--template", str(thin), "-o", str(outdir / "x.docx")],
                 data=folder)
    assert result.exit_code == 1
    assert "không đạt khi đọc lại" in result.stderr and "thiếu nội dung" in result.stderr
    assert list(outdir.iterdir()) == []


def test_a_report_for_someone_with_nothing_in_the_period_is_refused(duk, make_folder, tmp_path):
    people = "- id: le-van-cuong\n  name: Lê Văn Cường\n- id: nguyen-thi-lan\n  name: Nguyễn Thị Lan\n" \
             "- id: tran-van-binh\n  name: Trần Văn Bình\n"
    root = make_folder({"people.yaml": people})
    out = tmp_path / "bc.docx"
    r = duk(["report", "--person", "cuong", "-p", "2019Q2", "-o", str(out)], data=root)
    assert r.exit_code == 1
    assert "Lê Văn Cường không có phân công nào và không có chuyến đi nào trong Quý II năm 2019" in r.stderr
    assert not out.exists()


def test_quota_as_of_before_the_period_says_so(duk, make_folder):
    r = duk(["quota", "-p", "2019Q3", "--as-of", "2019-06-30", "-f", "json"], data=make_folder({}))
    assert r.exit_code == 0
    assert ("Cảnh báo: ngày tính 30/06/2019 trước khi Quý III năm 2019 bắt đầu (01/07/2019): chưa tháng nào "
            "đến hạn") in r.stderr


def settled(root):
    """Every file and folder dated back: a file of the last seconds keeps nothing in the index."""
    for path in [root, *root.rglob("*")]:
        age(path)
    return root


@pytest.fixture
def windows_read(monkeypatch):
    """The person of every window whose visit rows a load read (None: everyone's)."""
    from dukcli.store import refresh

    seen: list = []
    real = refresh.rows_for
    monkeypatch.setattr(refresh, "rows_for", lambda index, window: seen.append(window.person) or real(index, window))
    return seen


def test_one_persons_report_reads_that_persons_visits_once_the_years_checks_are_kept(duk, folder, tmp_path,
                                                                                    windows_read):
    """The first report loads the year (and keeps its checks); the next reads only Lan's rows,
    with the year's diagnostics taken from the kept checks, and writes the same document."""
    line = ["report", "--person", "lan", "-p", "2019Q2", "--date", "05/07/2019", "--force"]
    first = duk([*line, "-o", str(tmp_path / "a.docx")], data=settled(folder))
    assert first.exit_code == 0 and windows_read == [None]
    again = duk([*line, "-o", str(tmp_path / "b.docx")], data=folder)
    assert again.exit_code == 0 and windows_read == [None, "nguyen-thi-lan"]
    # The same warnings, word for word: the second run says it has shown them before.
    assert "[not-assigned]" in first.stderr and "1 cảnh báo (đã báo ở lần chạy trước)" in again.stderr
    assert texts(tmp_path / "a.docx") == texts(tmp_path / "b.docx")


def test_an_error_in_another_persons_file_still_refuses_one_persons_report(duk, folder, tmp_path, windows_read):
    """A visit by an unknown person may be Lan's with a misspelt id: her report must not pass
    over it, kept checks or not."""
    line = ["report", "--person", "lan", "-p", "2019Q2", "-o", str(tmp_path / "x.docx"), "--force"]
    assert duk(line, data=settled(folder)).exit_code == 0
    assert duk(line, data=folder).exit_code == 0 and windows_read[-1] == "nguyen-thi-lan"
    bad = folder / "visits/2019/05/x.yaml"
    bad.write_text("person: nguyen-thi-lna\nunit: cb-so-tai-chinh\ndate: 2019-05-01\nwork: {}\n", encoding="utf-8")
    result = duk(line, data=folder)
    assert result.exit_code == 1 and "unknown-person" in result.stderr and "visits/2019/05/x.yaml" in result.stderr


def test_one_persons_report_after_a_new_visit_reads_only_the_changed_and_her_visits(duk, folder, tmp_path,
                                                                                   windows_read):
    """After a new visit (Bình's, or hers), the year's checks are brought up to date for the
    people whose visits changed (store/partial), not made again from every row: her report
    reads her rows only, and writes the document a folder without an index writes."""
    import shutil

    line = ["report", "--person", "lan", "-p", "2019Q2", "--date", "05/07/2019", "--force"]
    assert duk([*line, "-o", str(tmp_path / "a.docx")], data=settled(folder)).exit_code == 0
    assert windows_read == [None]
    for n, person in enumerate(["tran-van-binh", "nguyen-thi-lan"]):
        path = folder / f"visits/2019/06/new{n}.yaml"
        path.write_text(f"person: {person}\nunit: cb-so-tai-chinh\ndate: 2019-06-2{n}\nwork:\n  situation: Tốt.\n",
                        encoding="utf-8")
        if n:  # the second once settled (the lists keep their stat keys: touching them is a change)
            age(path)
            age(path.parent)
        windows_read.clear()
        got = duk([*line, "-o", str(tmp_path / f"b{n}.docx")], data=folder)
        assert got.exit_code == 0 and windows_read == ["nguyen-thi-lan"], got.stderr
        copy = tmp_path / f"fresh{n}"
        shutil.copytree(folder, copy, ignore=shutil.ignore_patterns(".duk"))
        assert duk([*line, "-o", str(tmp_path / f"c{n}.docx")], data=copy).exit_code == 0
        assert texts(tmp_path / f"b{n}.docx") == texts(tmp_path / f"c{n}.docx")
    assert "Tốt." in " ".join(texts(tmp_path / "b1.docx"))
