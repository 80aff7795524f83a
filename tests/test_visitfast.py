"""visitfast.read against the general reader (yamltext.load + schema.parse_visit): whatever it
reads, it reads exactly as the general path does, and it reads only files the general path takes
without a word; the common shapes are read by it, not declined."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dukcli import model as m
from dukcli import schema, text, visitfast, yamltext
from dukcli.rules.entry import to_mapping
from dukcli.store import loader

DATA = Path(__file__).resolve().parent.parent / "data"
PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FILE = "visits/2019/05/2019-05-14-nguyen-thi-lan-cb-so-tai-chinh.yaml"


def general(body: str):
    sink = schema.Sink(FILE)
    try:
        doc = yamltext.load(body)
    except yamltext.YamlError:
        return None, ["yaml"]
    return schema.parse_visit(sink, doc), sink.diags


def assert_agrees(body: str) -> m.Visit | None:
    quick = visitfast.read(body, FILE)
    slow, diags = general(body)
    if yamltext.plain_bytes(body.encode("utf-8")):  # the loader's shortcut reads it alike
        assert yamltext.line_readable(body, plain=True) == yamltext.line_readable(body), body
        also = visitfast.read(body, FILE, plain=True)
        assert also == quick and (also is None or dict(also.lines) == dict(quick.lines)), body
    if quick is not None:
        assert not diags, body
        assert quick == slow, body
        assert dict(quick.lines) == dict(slow.lines) and quick.line == slow.line, body
    return quick


# --- texts of a visit's shape, and near it ------------------------------------------------------

GOOD_IDS = ["nguyen-thi-lan", "cb-so-tai-chinh", "x-1"]
IDS = ["nguyen-thi-lan", "cb-so-tai-chinh", "a", "x-1", "2019-05-14", "123", "0x1f", "yes", "null", "~",
       "Nguyen", "a_b", "a--b", "'nguyen-thi-lan'", '"cb-so-tai-chinh"', "a" * 65, "|", "-", ""]
DATES = ["2019-05-14", "2019-5-4", "14/05/2019", "2019-02-30", "20190514", "2019-05-14 10:30:00",
         "'2019-05-14'", "hôm nay", "~", ""]
WORDS = ["Chi bộ", "ổn định", "đảng viên", "Đề nghị", "33", "2019", "“trích”", "—", ",", ".", "…", "(a)",
         "Ngu\u0303yê\u0303n", "-", "%", "'", "ngày 13/3/2019;"]
NOISE = ['"', "\\", ":", "#", "~", "@", "`", "|", ">", "?", "&", "*", "a: b", "- x"]
VALUES = ["tot", "kha", "trung-binh", "kem", "gioi", "yes", "12", "0x1F", "null", "~", "''", '""', "1.5",
          "true", "2019-05-14", "a: b", "- a", "[a]", "{a: 1}", "&x a", "*x", "!!str a", "a # b", "'it''s'"]


@st.composite
def sentence(draw) -> str:
    words = WORDS + NOISE if draw(st.integers(0, 5)) == 0 else WORDS
    return " ".join(draw(st.lists(st.sampled_from(words), min_size=1, max_size=8)))


@st.composite
def value(draw, indent: int, clean: bool) -> list[str]:
    """The text after "key:" and the lines of its block, in one of the styles a clerk or duk
    writes; clean: only what the schema takes."""
    styles = ["plain", "plain", "double", "double", "single", "literal", "literal"] + ([] if clean else ["odd", "empty"])
    style = draw(st.sampled_from(styles))
    if style == "plain":
        return [" " + (draw(sentence()).lstrip("-?:,[]{}#&*!|>'\"%@` ") or "x")]
    if style == "double":
        parts = draw(st.lists(st.one_of(sentence(), st.sampled_from(["\\n", "\\t", '\\"', "\\\\", "\\x41"])),
                              max_size=4))
        return [' "' + "".join(parts).replace('"', "'").replace("'\\", "\\") + '"']
    if style == "single":
        return [" '" + draw(sentence()).replace("'", "''") + "'"]
    if style == "odd":
        return [" " + draw(st.sampled_from(VALUES))]  # a value the schema may refuse or read oddly
    if style == "empty":
        return [draw(st.sampled_from(["", " ", " ''", " ~"]))]
    pad = " " * (indent + (2 if clean else draw(st.sampled_from([2] * 8 + [4, 1]))))
    body = [pad + draw(sentence()) for _ in range(draw(st.integers(1, 3)))]
    if draw(st.booleans()):
        body.insert(1, "")
    if draw(st.integers(0, 4)) == 0:
        body.append("")
    heads = ["|", "|-"] if clean else ["|", "|-", "|+", "|2", ">"]
    return [" " + draw(st.sampled_from(heads))] + body


@st.composite
def section(draw, name: str, clean: bool) -> list[str]:
    fields = list(m.WORK_FIELDS) if name == "work" else list(m.MEETING_FIELDS) + ["rating"]
    odd = ["other", "Rating"] if not clean and draw(st.integers(0, 4)) == 0 else []
    chosen = draw(st.lists(st.sampled_from(fields + odd), max_size=5, unique=clean))
    lines = [name + ":" + ("" if clean else draw(st.sampled_from([""] * 12 + [" ", " ''", " x"])))]
    for field in chosen:
        pad = "  " if clean else draw(st.sampled_from(["  "] * 20 + ["   ", " ", "    "]))
        given = draw(value(len(pad), clean))
        if field == "rating" and (clean or draw(st.booleans())):
            given = [" " + draw(st.sampled_from(["tot", "kha", "trung-binh", "kem"] + ([] if clean else ["gioi"])))]
        lines.append(pad + field + ":" + given[0])
        lines.extend(given[1:])
    return lines


@st.composite
def visit_text(draw) -> str:
    """A visit in duk's shape, two times in three clean (nothing the schema would say), else
    with odd values, keys, indentation and lines."""
    clean = draw(st.integers(0, 2)) > 0
    ids, dates = (GOOD_IDS, DATES[:3]) if clean else (IDS, DATES)
    top = [f"person: {draw(st.sampled_from(ids))}", f"unit: {draw(st.sampled_from(ids))}",
           f"date: {draw(st.sampled_from(dates))}"]
    if draw(st.integers(0, 3)) == 0:
        top = draw(st.permutations(top))
    if not clean and draw(st.integers(0, 9)) == 0:
        del top[draw(st.integers(0, 2))]
    parts = draw(st.lists(st.sampled_from(["work", "meeting"]), min_size=1 if clean else 0, max_size=2,
                          unique=clean))
    lines = list(top)
    for name in parts:
        lines.extend(draw(section(name, clean)))
    if draw(st.integers(0, 5)) == 0:
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(["", "  "] if clean else
                                                                            ["# note", "extra: 1", "---", "- a"])))
    if not clean and draw(st.integers(0, 5)) == 0 and len(lines) > 3:
        lines.append(lines[draw(st.integers(0, len(lines) - 1))])  # a key twice
    return "\n".join(lines) + draw(st.sampled_from(["\n", "\n", "\n", "", "\n\n"]))


@st.composite
def damaged(draw) -> str:
    body = draw(visit_text())
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(body)))
        if draw(st.booleans()) and at < len(body):
            body = body[:at] + body[at + 1:]
        else:
            body = body[:at] + draw(st.sampled_from(list(" :-|'\"\n\t\r#&") + ["\x01", "\ufeff", "  ", "\u2028"])) + body[at:]
    return body


@PROPERTY
@given(visit_text())
def test_visit_texts_read_the_same_or_are_declined(body):
    assert_agrees(body)


@PROPERTY
@given(damaged())
def test_damaged_visit_texts_read_the_same_or_are_declined(body):
    assert_agrees(body)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="personuitdawkmg:- \n|'\"~1#", max_size=80))
def test_any_text_near_the_keys_reads_the_same_or_is_declined(body):
    assert_agrees(body)


# --- what it must read -------------------------------------------------------------------------

WRITTEN = """person: nguyen-thi-lan
unit: cb-so-tai-chinh
date: 2019-05-14
work:
  situation: "Tình hình ổn định; 33 đảng viên."
  difficulties: Thiếu cán bộ
  proposals: 'Đề nghị: hướng dẫn'
meeting:
  preparation: |-
    Chuẩn bị chu đáo.

    Nghị quyết gửi trước 2 ngày.
  conduct: |
    Điều hành tốt.
  requests: Chi bộ đề nghị cấp trên
  proposals: Đề nghị rút kinh nghiệm
  rating: kha
"""


def test_the_shape_duk_writes_is_read_here_and_equals_the_general_path():
    quick = assert_agrees(WRITTEN)
    assert quick is not None
    assert quick.work == {"situation": "Tình hình ổn định; 33 đảng viên.", "difficulties": "Thiếu cán bộ",
                          "proposals": "Đề nghị: hướng dẫn"}
    assert quick.meeting["preparation"] == "Chuẩn bị chu đáo.\n\nNghị quyết gửi trước 2 ngày."
    assert quick.meeting["conduct"] == "Điều hành tốt."
    assert quick.rating == "kha" and "rating" not in quick.meeting
    assert quick.date == dt.date(2019, 5, 14) and quick.line == 1
    assert dict(quick.lines) == {"person": 1, "unit": 2, "date": 3, "work": 4, "work.situation": 5,
                                 "work.difficulties": 6, "work.proposals": 7, "meeting": 8,
                                 "meeting.preparation": 9, "meeting.conduct": 13, "meeting.requests": 15,
                                 "meeting.proposals": 16, "meeting.rating": 17}


def test_a_visit_as_log_visit_writes_it_is_read_here():
    notes = {"work": {"situation": "Dòng một.\nDòng hai: có dấu hai chấm.", "proposals": "Đề nghị A"},
             "meeting": {"conduct": "Tốt", "rating": "tot"}}
    body = yamltext.dump(to_mapping("nguyen-thi-lan", "cb-so-tai-chinh", dt.date(2019, 5, 14), notes))
    quick = assert_agrees(body)
    assert quick is not None, body
    assert quick.work["situation"] == "Dòng một.\nDòng hai: có dấu hai chấm."


def test_every_sample_visit_is_read_here_as_the_general_path_reads_it():
    files = sorted((DATA / "visits").rglob("*.yaml"))
    read_here = [f for f in files if assert_agrees(f.read_text(encoding="utf-8-sig")) is not None]
    assert files and len(read_here) == len(files)


@pytest.mark.parametrize("body", [
    WRITTEN.replace("rating: kha", "rating: gioi"),                 # a rating not in the list: warned
    WRITTEN.replace("person: nguyen-thi-lan", "person: Nguyen"),   # a bad id
    WRITTEN.replace("date: 2019-05-14", "date: 2019-02-30"),       # no such day
    WRITTEN.replace("  difficulties: Thiếu cán bộ\n", "  difficulty: Thiếu cán bộ\n"),  # an unknown field
    WRITTEN.replace("unit: cb-so-tai-chinh\n", ""),                 # a required key missing
    WRITTEN.replace("  rating: kha", "  rating: |\n    kha\n    tot"),  # a rating over two lines
    WRITTEN + "extra: 1\n",                                          # an unknown top-level key
    WRITTEN.replace("Thiếu cán bộ", '"Thi\\x01u"'),                   # a control character, escaped
    "person: a\nunit: b\ndate: 2019-05-14\n",                       # no part
    WRITTEN.replace("Thiếu cán bộ", "yes"),                          # a boolean where text goes
    WRITTEN.replace("  difficulties: Thiếu cán bộ\n", "  difficulties: A\n  difficulties: B\n"),  # a field twice
    WRITTEN.replace("unit: cb-so-tai-chinh\n", "unit: cb-so-tai-chinh\nunit: cb-so-tai-chinh\n"),  # a key twice
], ids=["rating", "bad-id", "no-day", "unknown-field", "missing", "rating-lines", "unknown-key",
        "control", "no-part", "boolean", "field-twice", "key-twice"])
def test_a_file_with_something_to_say_is_declined_and_the_general_path_says_it(body):
    assert visitfast.read(body, FILE) is None
    _, diags = general(body)
    assert diags


def test_declined_shapes_are_read_by_the_general_path_alike():
    other = WRITTEN.replace("work:\n  situation", "work:\n    situation").replace("\n  difficulties", "\n    difficulties") \
        .replace("\n  proposals: 'Đề", "\n    proposals: 'Đề")
    assert visitfast.read(other, FILE) is None  # another indentation: declined, not misread
    slow, diags = general(other)
    assert not diags and slow.work["difficulties"] == "Thiếu cán bộ"


def test_no_control_character_the_schema_refuses_passes_the_line_reader():
    """visitfast skips the schema's per-value control check (text_problem controls=False):
    yamltext.line_readable must refuse every character text.BAD_CHARS names, and the line
    reader's escapes must make none of them."""
    refused = [c for c in map(chr, range(0x10000)) if text.BAD_CHARS.match(c)]
    assert len(refused) > 60
    for c in refused:
        assert not yamltext.line_readable(f"a: b{c}c\n"), repr(c)
    for escape, made in [("\\n", "\n"), ("\\t", "\t"), ('\\"', '"'), ("\\\\", "\\"), ("\\/", "/"), ("\\ ", " ")]:
        assert yamltext.one_line(f'"a{escape}b"') == f"a{made}b"
        assert not text.BAD_CHARS.search(made)
    with pytest.raises(yamltext.Decline):
        yamltext.one_line('"a\\x01b"')


# Every literal the whole-text tests look for: _unusual's, _LINE_BREAKS, the conflict markers'.
SEARCHED = ["&", "*", "!", "[", "{", "?", "#", *yamltext._LINE_BREAKS, "<<<<<<<", ">>>>>>>", "======="]


def test_plain_bytes_holds_no_character_a_whole_text_test_looks_for():
    """yamltext.plain_bytes lets line_readable and the loader skip their searches: no single
    character they look for, nor any literal they search, may leave the bytes plain."""
    for literal in SEARCHED:
        assert not yamltext.plain_bytes(literal.encode("utf-8")), repr(literal)
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue  # a lone surrogate has no UTF-8: strict decoding never makes one
        c = chr(code)
        if yamltext.plain_bytes(c.encode("utf-8")):
            assert yamltext._CONTROL.search(c) is None and c not in SEARCHED, repr(c)
    # What it lets through: the letters, digits and punctuation of a note, the en dash included.
    assert yamltext.plain_bytes("Phòng Kế hoạch – Tài chính: 33 đảng viên (2019); “trích”, 50%.".encode())
    assert not yamltext.plain_bytes("a\u2028b".encode()) and not yamltext.plain_bytes("a\u2029b".encode())
    assert not yamltext.plain_bytes("\ufeffperson: a".encode())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab :-\n|'\"#<>=&*![{?\t\r\x01\x85\x9f–") + ["\u2028", "\u2029",
                                                                                           "\ufeff", "ể"]),
               max_size=60))
def test_plain_texts_are_judged_alike_by_the_shortcut(body):
    raw = body.encode("utf-8")
    if yamltext.plain_bytes(raw):
        assert yamltext.line_readable(body, plain=True) == yamltext.line_readable(body)
        assert loader._CONFLICT.search(body) is None
        assert not any(literal in body for literal in SEARCHED)
    assert loader.parse_text(FILE, raw, schema.parse_visit, visitfast.read) == \
        loader.parse_text(FILE, raw, schema.parse_visit)


def test_a_byte_order_mark_is_read_past_and_a_bad_byte_after_it_named_on_its_line():
    raw = WRITTEN.encode("utf-8")
    assert loader.parse_text(FILE, b"\xef\xbb\xbf" + raw, schema.parse_visit, visitfast.read) == \
        loader.parse_text(FILE, raw, schema.parse_visit, visitfast.read)
    twice = loader.parse_text(FILE, b"\xef\xbb\xbf\xef\xbb\xbf" + raw, schema.parse_visit, visitfast.read)
    assert twice == loader.parse_text(FILE, raw, schema.parse_visit)  # the second one is libyaml's to skip
    _, diags = loader.parse_text(FILE, b"\xef\xbb\xbfperson: a\nunit: \xff\n", schema.parse_visit, visitfast.read)
    assert [(d.line, d.code) for d in diags] == [(2, "yaml-syntax")]


def test_the_loader_reads_visits_through_it(tmp_path, monkeypatch):
    (tmp_path / "visits").mkdir()
    (tmp_path / "visits" / "a.yaml").write_text(WRITTEN, encoding="utf-8")
    (tmp_path / "visits" / "b.yaml").write_text(WRITTEN.replace("rating: kha", "rating: gioi"), encoding="utf-8")
    seen = []
    real = visitfast.read
    monkeypatch.setattr(visitfast, "read", lambda body, rel, plain=False: seen.append((rel, real(body, rel, plain))) or seen[-1][1])
    good, good_diags = loader.read_visit(tmp_path, "visits/a.yaml")
    bad, bad_diags = loader.read_visit(tmp_path, "visits/b.yaml")
    assert [rel for rel, _ in seen] == ["visits/a.yaml", "visits/b.yaml"]
    assert seen[0][1] is good and not good_diags and good.rating == "kha"
    assert seen[1][1] is None and bad is not None and bad.rating is None
    assert [d.code for d in bad_diags] == ["schema"]
