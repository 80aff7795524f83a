"""Build templates/summary.docx, the compiled report of Article 6.2, and
templates/summary_ubkt.docx, the Inspection Committee's report of Article 6.3
(run: python3 scripts/make_summary_template.py).

Same Party-document form as the individual report (scripts/make_templates.py, whose page
set-up and building blocks are reused): A4, Times New Roman in every font slot, the
committee's header with the number line left blank, BÁO CÁO and its subtitle, then the five
sections and the signature of the body. The template only loops over the context built by
dukcli/rules/summary.py; a clerk may restyle or reword it in Word.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import make_templates  # noqa: E402
from make_templates import TEXT_WIDTH_MM, borderless_table, cell_paragraphs, centred, loop, para, setup  # noqa: E402

TABLE_PT = 12
# The proposals open past 30 days, in both reports: the date column wide enough for
# "04/03/2019" on one line at 12 pt.
OPEN_COLUMNS = [("TT", "no", 10), ("Ngày", "date", 25), ("Đơn vị", "unit", 36),
                ("Đồng chí ghi nhận", "name", 28), ("Nội dung kiến nghị", "text", 52), ("Số ngày", "age", 14)]


def header(doc) -> None:
    """The individual report's header (kept in step with it), plus the number line under the
    issuing body: a committee's report carries a number, left blank for the clerk."""
    make_templates.header(doc)
    left = doc.tables[-1].rows[0].cells[0]
    centred(left, "{{ number }}")


def title(doc) -> None:
    centred(doc, "{{ title }}", size=16, bold=True, before=18)
    centred(doc, "{{ subtitle }}", bold=True, after=18)


def heading(doc, text: str) -> None:
    para(doc, text, bold=True, keep=True, before=6)


def _cell(cell, text: str, bold: bool = False, align=WD_ALIGN_PARAGRAPH.LEFT) -> None:
    cell_paragraphs(cell)
    p = para(cell, text, size=TABLE_PT, bold=bold, align=align, indent=False, after=0)
    p.paragraph_format.line_spacing = 1.0


def _repeat_as_header(row) -> None:
    """The heading row repeats at the top of every page the table runs onto, and never
    stands alone at the foot of a page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "true")
        props.append(el)
    for cell in row.cells:
        for p in cell.paragraphs:
            p.paragraph_format.keep_with_next = True


def _keep_whole(row) -> None:
    """A data row (the one repeated by {%tr for %}) never splits across two pages: a long
    proposal stays with its date and unit."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def grid(doc, items: str, columns: list[tuple[str, str, float]], total: str | None = None) -> None:
    """A bordered table: a header row, one row per item ({%tr for %}), an optional total row.
    columns: (heading, field, width in mm)."""
    rows = 4 + (1 if total else 0)
    table = doc.add_table(rows=rows, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    centre = WD_ALIGN_PARAGRAPH.CENTER
    for i, (head, field, width) in enumerate(columns):
        table.columns[i].width = Mm(width)  # the grid, which LibreOffice follows
        for row in table.rows:
            row.cells[i].width = Mm(width)
        _cell(table.rows[0].cells[i], head, bold=True, align=centre)
        _cell(table.rows[2].cells[i], f"{{{{ r.{field} }}}}",
              align=WD_ALIGN_PARAGRAPH.LEFT if field in ("name", "unit", "quarter", "month", "text") else centre)
        if total:
            _cell(table.rows[4].cells[i], f"{{{{ {total}.{field} }}}}", bold=True,
                  align=WD_ALIGN_PARAGRAPH.LEFT if i == 0 else centre)
    _repeat_as_header(table.rows[0])
    _keep_whole(table.rows[2])
    # docxtpl row tags: the whole row is replaced by the tag, so one cell is enough.
    _cell(table.rows[1].cells[0], f"{{%tr for r in {items} %}}")
    _cell(table.rows[3].cells[0], "{%tr endfor %}")
    para(doc, "", after=3)


def sections(doc) -> None:
    para(doc, "{{ intro }}")

    heading(doc, "I- TÌNH HÌNH CHUNG")
    loop(doc, "figures")
    para(doc, "Số chuyến đi cơ sở theo tháng:", keep=True)
    grid(doc, "months", [("Tháng", "month", 45), ("Số chuyến đi", "visits", 40),
                         ("Đi công tác cơ sở", "work", 40), ("Dự sinh hoạt chi bộ", "meeting", 40)],
         total="months_total")

    heading(doc, "II- KẾT QUẢ THỰC HIỆN ĐỊNH KỲ ĐI CƠ SỞ, DỰ SINH HOẠT CHI BỘ (ĐIỀU 4)")
    para(doc, "1- Các đồng chí Ủy viên Ban Thường vụ (chuyên trách) phụ trách", bold=True, italic=True, keep=True)
    para(doc, "{%p if pt_rows %}")
    grid(doc, "pt_rows", [("TT", "no", 10), ("Họ và tên", "name", 45), ("Trong kỳ", "visits", 18),
                          ("Lũy kế năm", "ytd", 20), ("Cần đến hết kỳ", "expected", 22),
                          ("Chỉ tiêu năm", "target", 20), ("Kết quả", "status", 30)])
    para(doc, "{%p else %}")
    para(doc, "{{ no_notes }}")
    para(doc, "{%p endif %}")
    para(doc, "2- Các đồng chí cán bộ, chuyên viên theo dõi", bold=True, italic=True, keep=True)
    para(doc, "{%p if td_rows %}")
    grid(doc, "td_rows", [("TT", "no", 10), ("Họ và tên", "name", 40), ("Đơn vị", "unit", 55),
                          ("Số lần", "visits", 15), ("Tháng đạt", "met", 20), ("Kết quả", "status", 25)])
    para(doc, "{%p else %}")
    para(doc, "{{ no_notes }}")
    para(doc, "{%p endif %}")
    para(doc, "3- Những đồng chí chưa thực hiện đủ định kỳ", bold=True, italic=True, keep=True)
    loop(doc, "shortfalls")

    heading(doc, "III- TỔ CHỨC CƠ SỞ ĐẢNG CHƯA CÓ ĐỒNG CHÍ NÀO ĐẾN TRONG KỲ")
    loop(doc, "unvisited")

    heading(doc, "IV- VIỆC NỘP BÁO CÁO CÁ NHÂN HẰNG QUÝ (ĐIỀU 6.1)")
    loop(doc, "report_lines")
    para(doc, "{%p if report_rows %}")
    grid(doc, "report_rows", [("TT", "no", 10), ("Họ và tên", "name", 45), ("Kỳ báo cáo", "quarter", 40),
                              ("Ngày nhận", "received", 25), ("Tình trạng", "status", 45)])
    para(doc, "{%p endif %}")

    heading(doc, "V- NHỮNG VẤN ĐỀ CẦN QUAN TÂM, PHÁT SINH Ở CƠ SỞ")
    voice(doc)

    heading(doc, "VI- Ý KIẾN NHẬN XÉT CỦA CẤP ỦY CƠ SỞ (ĐIỀU 5.2)")
    feedback(doc)


def lines_of(doc, items: str, italic: bool = False) -> None:
    """Each line of a note its own paragraph."""
    para(doc, f"{{%p for line in {items} %}}")
    para(doc, "{{ line }}", italic=italic)
    para(doc, "{%p endfor %}")


def none_unless(doc, items: str) -> None:
    para(doc, f"{{%p if not {items} %}}")
    para(doc, "{{ no_notes }}")
    para(doc, "{%p endif %}")


def voice(doc) -> None:
    """Part V as analysis (SPEC §7): the count, the issues several units raised, what is still
    unanswered after 30 days, what was answered in the period; the verbatim notes go to the annex."""
    para(doc, "{{ proposals_count }}")
    para(doc, "1- Những vấn đề nhiều cơ sở cùng nêu", bold=True, italic=True, keep=True)
    para(doc, "{%p for g in recurring %}")
    para(doc, "{{ g.head }}", keep=True)
    para(doc, "{{ g.units }}", italic=True)
    para(doc, "{%p endfor %}")
    none_unless(doc, "recurring")
    para(doc, "2- Những kiến nghị quá 30 ngày chưa được trả lời", bold=True, italic=True, keep=True)
    para(doc, "{%p if open_rows %}")
    grid(doc, "open_rows", OPEN_COLUMNS)
    para(doc, "{%p else %}")
    para(doc, "{{ no_notes }}")
    para(doc, "{%p endif %}")
    para(doc, "3- Những kiến nghị đã được trả lời, giải quyết trong kỳ", bold=True, italic=True, keep=True)
    para(doc, "{%p for a in answered %}")
    para(doc, "{{ a.answer }}", italic=True, keep=True)
    para(doc, "{%p for item in a.raised %}")
    para(doc, "- {{ item }}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endfor %}")
    none_unless(doc, "answered")


def feedback(doc) -> None:
    """Article 5.2: what the base committees said of each cadre, and of the assignment."""
    para(doc, "1- Nhận xét, đánh giá các đồng chí được phân công", bold=True, italic=True, keep=True)
    para(doc, "{%p for f in feedback %}")
    para(doc, "{{ f.head }}", bold=True, keep=True)
    para(doc, "{%p for e in f.entries %}")
    para(doc, "{{ e.head }}", italic=True, keep=True)
    lines_of(doc, "e.lines")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endfor %}")
    none_unless(doc, "feedback")
    para(doc, "2- Góp ý về việc phân công phụ trách, theo dõi", bold=True, italic=True, keep=True)
    para(doc, "{%p for c in comments %}")
    para(doc, "{{ c.head }}", italic=True, keep=True)
    lines_of(doc, "c.lines")
    para(doc, "{%p endfor %}")
    none_unless(doc, "comments")


def annex(doc) -> None:
    """After the signature, on a page of its own: the verbatim notes by unit, a chi bộ trực
    thuộc under its đảng bộ (what part V held before it became analysis)."""
    title = centred(doc, "PHỤ LỤC", bold=True, after=0)
    title.paragraph_format.page_break_before = True
    centred(doc, "Những vấn đề cơ sở nêu qua các chuyến đi cơ sở, dự sinh hoạt chi bộ", bold=True)
    centred(doc, "{{ annex_note }}", italic=True, after=12)
    para(doc, "{%p for g in notes %}")
    para(doc, "{{ g.unit }}", bold=True, keep=True, before=6)
    para(doc, "{%p for e in g.entries %}")
    para(doc, "{{ e.head }}", italic=True, keep=True)
    lines_of(doc, "e.lines")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endfor %}")
    none_unless(doc, "notes")


def signature(doc) -> None:
    para(doc, "", after=0)
    table = borderless_table(doc, [TEXT_WIDTH_MM - 85, 85])
    left, right = (cell_paragraphs(c) for c in table.rows[0].cells)
    p = para(left, "Nơi nhận:", size=12, bold=True, italic=True, indent=False, after=0)
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    para(left, "{%p for r in recipients %}", indent=False, after=0)
    para(left, "{{ r }}", size=11, indent=False, after=0, align=WD_ALIGN_PARAGRAPH.LEFT)
    para(left, "{%p endfor %}", indent=False, after=0)
    centred(right, "{{ signer_for }}", bold=True)
    centred(right, "{{ signer_title }}", bold=True)
    for _ in range(4):
        centred(right)


def build_summary(target: Path) -> None:
    doc = Document()
    setup(doc)
    make_templates.page_numbers(doc)  # from page 2, as Party documents are numbered
    doc.core_properties.title = "Báo cáo tổng hợp kết quả đi công tác cơ sở và dự sinh hoạt chi bộ"
    header(doc)
    title(doc)
    sections(doc)
    signature(doc)
    annex(doc)
    doc.save(str(target))


# --- the Inspection Committee's report (Article 6.3, duk summary --by ubkt) ----------------------

def ubkt_sections(doc) -> None:
    para(doc, "{{ intro }}")
    para(doc, "{{ overview }}")
    heading(doc, "I- VIỆC THỰC HIỆN ĐỊNH KỲ ĐI CƠ SỞ, DỰ SINH HOẠT CHI BỘ (ĐIỀU 4)")
    para(doc, "Những đồng chí chưa thực hiện đủ định kỳ:", italic=True, keep=True)
    loop(doc, "shortfalls")
    heading(doc, "II- VIỆC THỰC HIỆN CHẾ ĐỘ BÁO CÁO (ĐIỀU 6.1)")
    loop(doc, "report_lines")
    para(doc, "Những đồng chí nộp báo cáo trễ hạn hoặc chưa nộp:", italic=True, keep=True)
    loop(doc, "late_reports")
    heading(doc, "III- KIẾN NGHỊ QUÁ 30 NGÀY CHƯA ĐƯỢC TRẢ LỜI")
    para(doc, "{%p if open_rows %}")
    grid(doc, "open_rows", OPEN_COLUMNS)
    para(doc, "{%p else %}")
    para(doc, "{{ no_notes }}")
    para(doc, "{%p endif %}")
    heading(doc, "IV- GÓP Ý CỦA CẤP ỦY CƠ SỞ VỀ VIỆC PHÂN CÔNG (ĐIỀU 5.2)")
    para(doc, "{%p for c in comments %}")
    para(doc, "{{ c.head }}", italic=True, keep=True)
    lines_of(doc, "c.lines")
    para(doc, "{%p endfor %}")
    none_unless(doc, "comments")
    heading(doc, "V- ĐỀ XUẤT")
    para(doc, "{{ conclusion }}")


def build_ubkt(target: Path) -> None:
    doc = Document()
    setup(doc)
    make_templates.page_numbers(doc)
    doc.core_properties.title = "Báo cáo của Ủy ban Kiểm tra về việc thực hiện quy định đi cơ sở, dự sinh hoạt chi bộ"
    header(doc)
    title(doc)
    ubkt_sections(doc)
    signature(doc)
    doc.save(str(target))


def main() -> None:
    for name, build in (("summary.docx", build_summary), ("summary_ubkt.docx", build_ubkt)):
        target = ROOT / "templates" / name
        build(target)
        print(f"đã tạo {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
