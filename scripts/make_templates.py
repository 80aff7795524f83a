"""Build the Word templates shipped in templates/ (run: python3 scripts/make_templates.py).

The templates are ordinary .docx files with docxtpl tags; a clerk can change them in Word
(`duk template export DIR`, edit, `duk template check FILE`). This script only lays out the
form once, as Hướng dẫn 36-HD/VPTW describes a Party document: A4, margins 20/20/30/15 mm,
Times New Roman in every font slot, two-column borderless header, justified body with a
first-line indent, signature block on the right.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dukcli.rules.report import MEETING_ITEMS, TITLES, WORK_ITEMS  # noqa: E402

FONT = "Times New Roman"
BODY_PT = 14
TEXT_WIDTH_MM = 210 - 30 - 15
# The header table is wider than the text (centred, 5 mm into each margin) so that
# "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH" (88 mm at 14 pt bold) fits on one line on the left and
# "Hòa Bình, ngày 28 tháng 12 năm 2019" (77 mm at 14 pt italic) on the right.
HEADER_LEFT_MM, HEADER_RIGHT_MM = 93, 82
# The rule under ĐẢNG CỘNG SẢN VIỆT NAM (73 mm at 15 pt bold) as long as the words.
RULE_INDENT_MM = 2.5
SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")


# --- document-wide settings ------------------------------------------------------------------

def _fonts(rpr) -> None:
    """Times New Roman in all four slots; theme fonts removed (they would win otherwise)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme") or attr.endswith("theme"):
            del fonts.attrib[attr]
    for slot in SLOTS:
        fonts.set(qn(slot), FONT)


def _lang(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")


def setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = section.footer_distance = Mm(10)

    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(defaults)
    _lang(defaults)
    for size in ("w:sz", "w:szCs"):
        defaults.find(qn(size)).set(qn("w:val"), str(BODY_PT * 2))
    for fonts in styles.iter(qn("w:rFonts")):  # every style, not only Normal
        _fonts(fonts.getparent())

    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _fonts(normal.element.get_or_add_rPr())
    _lang(normal.element.get_or_add_rPr())
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = Cm(1.27)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.1
    fmt.widow_control = True

    props = doc.core_properties
    props.author = "duk"
    props.last_modified_by = "duk"
    props.title = "Báo cáo kết quả đi công tác cơ sở và dự sinh hoạt chi bộ"
    props.comments = "Mẫu docxtpl của duk; kiểm tra sau khi sửa: duk template check TỆP"


# --- building blocks -------------------------------------------------------------------------

def para(container, text: str = "", *, size: float = BODY_PT, bold: bool = False, italic: bool = False,
         align=None, indent: bool = True, after: float | None = None, before: float | None = None,
         keep: bool = False):
    """One paragraph in one run (so a docxtpl tag is never split across runs)."""
    p = container.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if size != BODY_PT:
            run.font.size = Pt(size)
    f = p.paragraph_format
    if align is not None:
        f.alignment = align
    if not indent:
        f.first_line_indent = Cm(0)
    if after is not None:
        f.space_after = Pt(after)
    if before is not None:
        f.space_before = Pt(before)
    if keep:
        f.keep_with_next = True
    return p


def centred(container, text: str = "", **kw):
    kw.setdefault("after", 0)
    return para(container, text, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, **kw)


def rule_under(p, indent_mm: float) -> None:
    """A solid rule under the paragraph, shortened by indent_mm on each side."""
    p.paragraph_format.left_indent = Mm(indent_mm)
    p.paragraph_format.right_indent = Mm(indent_mm)
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "3"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    # pBdr must come before spacing/ind/jc in CT_PPr's sequence
    anchor = next((ppr.find(qn(t)) for t in ("w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc")
                   if ppr.find(qn(t)) is not None), None)
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        ppr.append(borders)


def borderless_table(doc, widths_mm: list[float]):
    """A one-row table without borders, fixed column widths (Word and LibreOffice agree)."""
    table = doc.add_table(rows=1, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(int(sum(widths_mm) / 25.4 * 1440)))
    for column, w in zip(table.columns, widths_mm):
        column.width = Mm(w)
    for cell, w in zip(table.rows[0].cells, widths_mm):
        cell.width = Mm(w)
    row_pr = table.rows[0]._tr.get_or_add_trPr()
    row_pr.append(OxmlElement("w:cantSplit"))
    return table


def cell_paragraphs(cell):
    """A fresh cell holds one empty paragraph; remove it so add_paragraph starts clean."""
    for p in list(cell.paragraphs):
        p._p.getparent().remove(p._p)
    return cell


def loop(doc, items: str) -> None:
    """The paragraphs of one item: one body paragraph repeated by a docxtpl paragraph loop."""
    para(doc, f"{{%p for para in {items} %}}")
    para(doc, "{{ para }}")
    para(doc, "{%p endfor %}")


# --- the individual report (Article 6.1) -----------------------------------------------------

def header(doc) -> None:
    table = borderless_table(doc, [HEADER_LEFT_MM, HEADER_RIGHT_MM])
    left, right = (cell_paragraphs(c) for c in table.rows[0].cells)
    centred(left, "{{ org.parent }}")
    centred(left, "{{ org.name }}", bold=True)
    centred(left, "*")
    rule_under(centred(right, "ĐẢNG CỘNG SẢN VIỆT NAM", size=15, bold=True), RULE_INDENT_MM)
    centred(right, "{{ place_date }}", italic=True, before=10)


def title(doc) -> None:
    centred(doc, "BÁO CÁO", size=16, bold=True, before=18)
    centred(doc, "Kết quả đi công tác cơ sở và dự sinh hoạt chi bộ", bold=True)
    centred(doc, "({{ period.label }})", bold=True, after=18)


def person(doc) -> None:
    para(doc, "Họ và tên: {{ person.name }}")
    para(doc, "Chức vụ: {{ person.position }}")
    para(doc, "Bộ phận công tác: {{ person.department }}")
    para(doc, "Thực hiện {{ regulation }}, tôi báo cáo kết quả đi công tác cơ sở và dự sinh hoạt "
              "chi bộ {{ period.phrase }} như sau:")


def parts(doc) -> None:
    para(doc, TITLES["I"], bold=True, keep=True, before=6)
    para(doc, TITLES["I.1"], bold=True, italic=True, keep=True)
    loop(doc, "work.visits")
    for field, key in WORK_ITEMS.items():
        para(doc, TITLES[key], bold=True, italic=True, keep=True)
        loop(doc, f"work.{field}")
    para(doc, TITLES["II"], bold=True, keep=True, before=6)
    para(doc, TITLES["II.1"], bold=True, italic=True, keep=True)
    loop(doc, "meeting.visits")
    for field, key in MEETING_ITEMS.items():
        para(doc, TITLES[key], bold=True, italic=True, keep=True)
        loop(doc, f"meeting.{field}")


def signature(doc) -> None:
    para(doc, "", after=0)
    table = borderless_table(doc, [TEXT_WIDTH_MM - 85, 85])
    _, right = (cell_paragraphs(c) for c in table.rows[0].cells)
    centred(right, "NGƯỜI BÁO CÁO", bold=True)
    centred(right, "(Ký, ghi rõ họ và tên)", italic=True)
    for _ in range(4):
        centred(right)
    centred(right, "{{ person.name }}", bold=True)
    cell_paragraphs(table.rows[0].cells[0])
    centred(table.rows[0].cells[0])


def page_numbers(doc) -> None:
    """Page number centred at the top from page 2 on (none on the first page), as Party
    documents are numbered."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = Cm(0)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    p._p.append(field)


def build_report(target: Path) -> None:
    doc = Document()
    setup(doc)
    page_numbers(doc)
    header(doc)
    title(doc)
    person(doc)
    parts(doc)
    signature(doc)
    doc.save(str(target))


# --- the request for the base committees' view (Article 5.2) ---------------------------------

def dotted(container, count: int) -> None:
    """Lines of dots across the text width for the committee to write on (a right tab stop
    with a dot leader: the dots end at the margin whatever the font)."""
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER

    for _ in range(count):
        p = para(container, "\t", indent=False, after=0)
        p.paragraph_format.line_spacing = 1.5
        p.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)


def build_feedback_form(target: Path) -> None:
    """templates/feedback_form.docx: "Phiếu xin ý kiến nhận xét" sent to one base committee,
    each assigned cadre with their visits, room for the assessment and a rating to tick,
    room for comments on the assignment; signed by the requesting body, with room for the
    committee's signature."""
    from dukcli.words import feedback as F

    doc = Document()
    setup(doc)
    doc.core_properties.title = "Phiếu xin ý kiến nhận xét cán bộ đi công tác cơ sở"
    page_numbers(doc)
    header(doc)
    centred(doc, F.FORM_TITLE, size=16, bold=True, before=18)
    centred(doc, F.FORM_SUBTITLE, bold=True)
    centred(doc, "{{ subtitle }}", bold=True, after=12)
    centred(doc, "{{ addressee }}", after=12)
    para(doc, "{{ opening }}")
    para(doc, F.PART_CADRES, bold=True, keep=True, before=6)
    para(doc, "{%p for c in cadres %}")
    para(doc, "{{ c.heading }}", bold=True, keep=True, before=12)
    para(doc, "{%p if c.position %}")
    para(doc, "{{ c.position }}", keep=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    para(doc, "{%p endif %}")
    para(doc, "{{ c.role }}", keep=True, align=WD_ALIGN_PARAGRAPH.LEFT)  # short lines: never stretched
    para(doc, F.VISITS_HEADING, italic=True, keep=True)
    para(doc, "{%p for v in c.visits %}")
    para(doc, "- {{ v }}", keep=True, after=0)
    para(doc, "{%p endfor %}")
    para(doc, F.ASSESSMENT_PROMPT, italic=True, keep=True, before=6)
    dotted(doc, 3)
    para(doc, F.RATING_PROMPT, italic=True, keep=True, before=6, after=3)
    para(doc, "{{ ratings }}", align=WD_ALIGN_PARAGRAPH.LEFT)
    para(doc, "{%p endfor %}")
    para(doc, "{%p for line in no_cadres %}")
    para(doc, "{{ line }}")
    para(doc, "{%p endfor %}")
    para(doc, F.PART_ASSIGNMENT, bold=True, keep=True, before=18)
    para(doc, F.ASSIGNMENT_PROMPT, italic=True, keep=True)
    dotted(doc, 4)
    para(doc, F.RETURN_NOTE, italic=True, before=6)
    para(doc, "", after=0)
    table = borderless_table(doc, [TEXT_WIDTH_MM / 2, TEXT_WIDTH_MM / 2])
    left, right = (cell_paragraphs(c) for c in table.rows[0].cells)
    centred(left, "{{ reply_for }}", bold=True)
    centred(left, "{{ reply_title }}", bold=True)
    centred(left, "{{ sign_note }}", italic=True)
    centred(right, "{{ signer_for }}", bold=True)
    centred(right, "{{ signer_title }}", bold=True)
    for cell in (left, right):
        for _ in range(4):
            centred(cell)
    doc.save(str(target))


def main() -> None:
    target = ROOT / "templates" / "report.docx"
    build_report(target)
    print(f"đã tạo {target.relative_to(ROOT)}")
    form = ROOT / "templates" / "feedback_form.docx"
    build_feedback_form(form)
    print(f"đã tạo {form.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
