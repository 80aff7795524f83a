"""duk template export/check and the shared Word helpers (dukcli.render.word)."""

from __future__ import annotations

import pytest

from conftest import make_template

from dukcli.render import word
from dukcli.resources import template
from dukcli.rules import report


def test_export_copies_the_shipped_templates_and_never_overwrites(duk, tmp_path):
    target = tmp_path / "mau"
    result = duk(["template", "export", str(target)], data=None)
    assert result.exit_code == 0, result.stderr
    assert (target / "report.docx").read_bytes() == template("report.docx").read_bytes()
    assert "Đã chép" in result.stdout
    (target / "report.docx").write_bytes(b"ban da sua")
    again = duk(["template", "export", str(target)], data=None)
    assert (target / "report.docx").read_bytes() == b"ban da sua"
    assert "không ghi đè" in again.stderr
    assert again.exit_code == 1 and "không chép được mẫu nào" in again.stderr
    shipped = {p.name for p in template("report.docx").parent.glob("*.docx")}
    assert {p.name for p in target.iterdir()} == shipped


def test_check_accepts_the_shipped_and_an_exported_template(duk, tmp_path):
    result = duk(["template", "check", str(template("report.docx"))], data=None)
    assert result.exit_code == 0, result.stderr
    assert "Mẫu hợp lệ" in result.stdout
    duk(["template", "export", str(tmp_path)], data=None)
    assert duk(["template", "check", str(tmp_path / "report.docx")], data=None).exit_code == 0


def test_check_names_an_unknown_variable_and_its_paragraph(duk, tmp_path):
    path = make_template(tmp_path / "mau.docx", ["Họ và tên: {{ person.name }}", "Ghi chú: {{ foo }} hết"])
    result = duk(["template", "check", str(path)], data=None)
    assert result.exit_code == 1
    assert "biến không biết 'foo'" in result.stderr
    assert "đoạn 2 «Ghi chú: {{ foo }} hết»" in result.stderr
    assert "có 1 lỗi" in result.stderr


def test_check_names_an_unknown_field(duk, tmp_path):
    path = make_template(tmp_path / "mau.docx", ["Mở đầu", "Tên: {{ person.ten }}"])
    result = duk(["template", "check", str(path)], data=None)
    assert result.exit_code == 1
    assert "không có trường 'ten'" in result.stderr and "đoạn 2 «Tên: {{ person.ten }}»" in result.stderr


@pytest.mark.parametrize("line, words", [
    ("Tên: {{ person.ten }}", "không có trường 'ten'"),
    ("{% endif %}", "thẻ 'endif' không hợp lệ hoặc không có thẻ mở tương ứng"),
    ("{% lamgi %}", "thẻ 'lamgi' không hợp lệ"),
    ("{{ person.name person.id }}", "thẻ viết sai"),
])
def test_check_speaks_only_vietnamese(duk, tmp_path, line, words):
    """jinja2's English ("'dict object' has no attribute", "Encountered unknown tag") never
    reaches the clerk."""
    path = make_template(tmp_path / "mau.docx", ["Mở đầu", line])
    result = duk(["template", "check", str(path)], data=None)
    assert result.exit_code == 1
    assert words in result.stderr
    for english in ("object", "attribute", "Encountered", "unknown tag", "expected", "undefined", "token"):
        assert english not in result.stderr, result.stderr


def test_check_finds_a_broken_tag_in_a_table_cell(duk, tmp_path):
    path = make_template(tmp_path / "mau.docx", ["Mở đầu {{ person.name }}"],
                         cell_lines=["Ô bảng", "{% for %}", "{{ x }}", "{% endfor %}"])
    result = duk(["template", "check", str(path)], data=None)
    assert result.exit_code == 1
    assert "đoạn 3 «{% for %}»" in result.stderr and "thẻ viết sai" in result.stderr


def test_check_finds_an_unclosed_loop(duk, tmp_path):
    path = make_template(tmp_path / "mau.docx", ["{%p for para in work.visits %}", "{{ para }}"])
    result = duk(["template", "check", str(path)], data=None)
    assert result.exit_code == 1
    assert "đoạn 1 «{%p for para in work.visits %}»" in result.stderr and "chưa được đóng" in result.stderr


def test_check_straightens_words_curly_quotes(duk, tmp_path):
    path = make_template(tmp_path / "mau.docx", ["{%p for para in items[“I.1”] %}", "{{ para }}", "{%p endfor %}"])
    result = duk(["template", "check", str(path)], data=None)
    assert result.exit_code == 0, result.stderr


def test_check_refuses_what_is_not_a_word_file(duk, tmp_path):
    path = tmp_path / "mau.docx"
    path.write_text("không phải docx", encoding="utf-8")
    result = duk(["template", "check", str(path)], data=None)
    assert result.exit_code == 1 and "không mở được tệp Word" in result.stderr
    assert duk(["template", "check", str(tmp_path / "khong-co.docx")], data=None).exit_code == 1
    assert duk(["template", "check", str(path), "--kind", "la"], data=None).exit_code == 2


def test_clean_text_drops_control_characters_and_newlines():
    assert word.clean_text("a\x00b\x0bc\x1fd\ud800e\nf\tg") == "abcde f\tg"
    assert word.clean_text("Tho\u0302n") == "Thôn"  # NFC


def test_sanitise_walks_the_context():
    assert word.sanitise({"a": ["x\x01y", ("z\x7f",)], "n": 3, "b": None}) == {"a": ["xy", ["z"]], "n": 3, "b": None}


def test_an_unprintable_character_never_reaches_the_file(tmp_path):
    ctx = report.sample_context()
    ctx["person"]["name"] = "Nguyễn\x0b Văn\x00 Mẫu"
    ctx["items"]["I.1"] = ctx["work"]["visits"] = ["14/05/2019, Chi bộ\x1b mẫu <&> {{ y }}"]
    out = tmp_path / "r.docx"
    word.write_checked(template("report.docx"), ctx, out, ["Nguyễn Văn Mẫu", "14/05/2019, Chi bộ mẫu <&> {{ y }}"])
    text = word.read_paragraphs(out)
    assert "Họ và tên: Nguyễn Văn Mẫu" in text
    assert "14/05/2019, Chi bộ mẫu <&> {{ y }}" in text


def test_verify_allows_braces_from_the_data_but_not_left_tags(tmp_path):
    path = make_template(tmp_path / "a.docx", ["Ghi chú {{ của người dùng }}", "{{ person.name }}"])
    problems = word.verify(path, ["Ghi chú {{ của người dùng }}"])
    assert problems == ["còn sót thẻ mẫu trong đoạn: «{{ person.name }}»"]
    assert word.verify(path, ["Ghi chú {{ của người dùng }}", "{{ person.name }}"]) == []
    assert word.verify(path, ["không có"])[0] == "thiếu nội dung: «không có»"


def test_write_checked_never_overwrites_and_cleans_up(tmp_path):
    ctx = report.sample_context()
    out = tmp_path / "r.docx"
    out.write_bytes(b"cu")
    try:
        word.write_checked(template("report.docx"), ctx, out, report.expected_texts(ctx))
    except FileExistsError:
        pass
    else:
        raise AssertionError("overwrote an existing file")
    assert out.read_bytes() == b"cu"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.docx"]
    word.write_checked(template("report.docx"), ctx, out, report.expected_texts(ctx), overwrite=True)
    assert "Họ và tên: Nguyễn Văn Mẫu" in word.read_paragraphs(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.docx"]


def test_check_finds_a_row_tag_outside_a_table(duk, tmp_path):
    path = make_template(tmp_path / "mau.docx", ["{%tr for para in work.visits %}", "{{ para }}", "{%tr endfor %}"])
    result = duk(["template", "check", str(path)], data=None)
    assert result.exit_code == 1
    assert "đoạn 1 «{%tr for para in work.visits %}»: thẻ {%tr … %} đặt sai chỗ" in result.stderr


def test_check_knows_the_summary_template(duk):
    result = duk(["template", "check", str(template("summary.docx"))], data=None)
    assert result.exit_code == 0, result.stderr
