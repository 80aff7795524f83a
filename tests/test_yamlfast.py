"""The fast path of yamltext.load (libyaml's composer and a walk over its nodes) answers exactly
as the event builder does — same values, types, lines, same errors — or declines."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dukcli import yamltext
from dukcli.yamltext import LList, LMap, YamlError

DATA = Path(__file__).resolve().parent.parent / "data"
PROPERTY = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def shape(value):
    """Everything a caller can see: types, values, order, the line of every part."""
    if isinstance(value, LMap):
        return ("map", value.line, [(k, value.lines[k], shape(v)) for k, v in value.items()], len(value.lines))
    if isinstance(value, LList):
        return ("seq", value.line, list(value.lines), [shape(v) for v in value])
    return (type(value).__name__, value)


def outcome(read, text):
    try:
        return ("ok", shape(read(text)))
    except YamlError as e:
        return ("error", e.line, e.message, e.code)


def fast(text):
    """The fast path's own answer, or None when it declines."""
    try:
        return ("ok", shape(yamltext._fast(text)))
    except yamltext.Decline:
        return None


def assert_same(text):
    slow = outcome(yamltext.load_events, text)
    quick = fast(text)
    assert quick is None or quick == slow, text
    assert outcome(yamltext.load, text) == slow, text
    return quick


# --- texts of the shapes duk's files have -------------------------------------------------------

KEYS = ["person", "unit", "date", "work", "meeting", "situation", "difficulties", "proposals",
        "preparation", "rating", "id", "name", "nội dung", "Ghi chú", "a b", "k-1", "Ngu\u0303yê\u0303n"]
ODD_KEYS = ["1", "05", "0x1F", "yes", "No", "null", "~", "true", "1.5", "2019-05-14", "person", "<<", "=", ""]
PLAIN = ["nguyen-thi-lan", "cb-so-tai-chinh", "2019-05-14", "2019-5-4", "2019-05-14 10:30:00",
         "14/05/2019", "05", "0", "-1", "+7", "1_000", "0x1F", "0o17", "0b101", "017", "0x", "1e3",
         "1.5", ".inf", "-.INF", ".nan", "yes", "No", "ON", "off", "y", "n", "True", "FALSE", "null",
         "Null", "~", "tot", "kha", "Nguyễn Thị Lan", "Chi bộ Sở Tài chính; 33 đảng viên", "a #b",
         "x:y", "100%", "café", "Ngu\u0303yê\u0303n", "1:20", "190:20:30", "0.5e-3"]
WORDS = ["Chi bộ", "hoạt động", "ổn định", "đảng viên", "Nghị quyết", "sinh hoạt", "Đề nghị",
         "33", "2019", "ngày 13/3/2019", "“trích”", "—", "%", "'", '"', "\\", ":", "#", "-", ",",
         "Ngu\u0303yê\u0303n", "tab\there", "~", "@", "`", "|", ">", ".", "…"]


@st.composite
def sentence(draw) -> str:
    return " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8)))


@st.composite
def scalar(draw, indent: int) -> tuple[str, list[str]]:
    """(text after "key:", extra lines) for one scalar in one of YAML's styles."""
    style = draw(st.sampled_from(["plain", "plain", "double", "single", "literal", "folded", "empty"]))
    pad = " " * (indent + 2)
    if style == "plain":
        return " " + draw(st.sampled_from(PLAIN)), []
    if style == "double":
        escape = st.sampled_from(["\\n", "\\t", '\\"', "\\\\", "\\u1EA1", "\\x41", "\\/", "\\ ", "\\\n"])
        parts = draw(st.lists(st.one_of(sentence(), escape), min_size=0, max_size=5))
        return ' "' + "".join(parts).replace('"', "'").replace("'\\", "\\").replace('\\"', '\\"') + '"', []
    if style == "single":
        body = draw(sentence()).replace("'", "''")
        return f" '{body}'", []
    if style == "empty":
        return draw(st.sampled_from(["", " ", " ''", ' ""', " ~"])), []
    head = "|" if style == "literal" else ">"
    head += draw(st.sampled_from(["", "-", "+", "2"]))
    body = [pad + draw(sentence()) for _ in range(draw(st.integers(1, 3)))]
    if draw(st.booleans()):
        body.insert(1, "")
    return " " + head, body


@st.composite
def mapping(draw, indent: int = 0, depth: int = 0) -> list[str]:
    lines = []
    pad = " " * indent
    for n, key in enumerate(draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=6, unique=True))):
        if n and draw(st.integers(0, 9)) == 0:
            lines.append(pad + "# " + draw(sentence()))
        if draw(st.integers(0, 19)) == 0:  # now and then a key YAML reads as a number, a null, twice…
            key = draw(st.sampled_from(ODD_KEYS))
        if draw(st.integers(0, 7)) == 0:
            key = draw(st.sampled_from(['"' + key + '"', "'" + key + "'"]))
        kind = draw(st.sampled_from(["scalar"] * 4 + (["map", "seq"] if depth < 3 else [])))
        if kind == "map":
            lines.append(f"{pad}{key}:")
            lines.extend(draw(mapping(indent + 2, depth + 1)))
        elif kind == "seq":
            lines.append(f"{pad}{key}:")
            inner = pad + ("  " if draw(st.booleans()) else "")
            for _ in range(draw(st.integers(0, 3))):
                if draw(st.booleans()):
                    item, extra = draw(scalar(len(inner)))
                    lines.append(f"{inner}-{item}")
                    lines.extend(extra)
                else:
                    sub = draw(mapping(len(inner) + 2, depth + 1))
                    lines.append(f"{inner}- {sub[0].lstrip()}")
                    lines.extend(sub[1:])
        else:
            value, extra = draw(scalar(indent))
            comment = " # " + draw(sentence()) if draw(st.integers(0, 9)) == 0 and not extra else ""
            lines.append(f"{pad}{key}:{value}{comment}")
            lines.extend(extra)
    return lines


@st.composite
def document(draw) -> str:
    top = draw(st.sampled_from(["map", "map", "map", "seq"]))
    if top == "map":
        lines = draw(mapping())
    else:
        lines = []
        for _ in range(draw(st.integers(1, 3))):
            sub = draw(mapping(2, 1))
            lines.append("- " + sub[0].lstrip())
            lines.extend(sub[1:])
    if draw(st.integers(0, 5)) == 0:
        lines.insert(0, "---")
    if draw(st.integers(0, 9)) == 0:
        lines.insert(0, "# " + draw(sentence()))
    end = draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))
    return end.join(lines) + (end if draw(st.booleans()) else "")


@st.composite
def damaged(draw) -> str:
    """A document with a few characters put in, taken out or swapped: mostly not YAML any more."""
    text = draw(document())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        what = draw(st.sampled_from(["insert", "insert", "delete"]))
        if what == "insert":
            text = text[:at] + draw(st.sampled_from(list("&*![]{}?-:#|>'\"\t\r\n ,%@`") + ["- -", "<<", "---", "="])) + text[at:]
        else:
            text = text[:at] + text[at + 1:]
    return text


@PROPERTY
@given(document())
def test_documents_of_duks_shapes_read_the_same(text):
    assert_same(text)


@PROPERTY
@given(damaged())
def test_damaged_documents_read_the_same_or_are_declined(text):
    assert_same(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80))
def test_any_text_reads_the_same(text):
    assert_same(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab:- \n#'\"|>~1.\t\r", max_size=60))
def test_yaml_punctuation_reads_the_same(text):
    assert_same(text)


def test_most_documents_take_the_fast_path():
    """The property above would also pass if everything were declined."""
    taken = [fast(t) is not None for t in _samples()]
    assert sum(taken) > 0.95 * len(taken)


def _samples():
    return [p.read_text(encoding="utf-8") for p in sorted(DATA.rglob("*.yaml")) if p.name != "assignments.yaml"]


def test_the_sample_folder_reads_the_same():
    files = sorted(DATA.rglob("*.yaml"))
    assert len(files) > 100
    for path in files:
        assert_same(path.read_text(encoding="utf-8"))


def test_a_visit_as_duk_writes_it_takes_the_fast_path():
    text = yamltext.dump({"person": "nguyen-thi-lan", "unit": "cb-so-tai-chinh", "date": "2019-05-14",
                          "work": {"situation": "Chi bộ hoạt động ổn định.\nĐảng viên: 33.",
                                   "proposals": "Đề nghị “tập huấn”: 2 lần/năm"},
                          "meeting": {"rating": "tot", "conduct": "\\ và \" và '"}})
    got = fast(text)
    assert got is not None and got == outcome(yamltext.load_events, text)
    doc = yamltext.load(text)
    assert doc.lines == {"person": 1, "unit": 2, "date": 3, "work": 4, "meeting": 9}
    assert doc["work"].line == 5 and doc["work"].lines == {"situation": 5, "proposals": 8}
    assert doc["work"]["situation"] == "Chi bộ hoạt động ổn định.\nĐảng viên: 33."


def test_values_types_and_lines_on_the_fast_path():
    text = ("a: 2019-05-14\nb: 05\nc: ~\nd: yes\ne: 1.5\nf: '7'\ng: 0x1F\nh:\n"
            "i:\n  - x\n  -\n    k: 1\n1: one\nyes: true\n~: nothing\n")
    assert fast(text) is not None
    doc = yamltext.load(text)
    assert doc == {"a": "2019-05-14", "b": 5, "c": None, "d": True, "e": "1.5", "f": "7", "g": 31, "h": None,
                   "i": ["x", {"k": 1}], "1": "one", "True": True, "": "nothing"}
    assert doc["i"].lines == [10, 12] and doc["i"][1].line == 12
    assert list(doc.lines.values()) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 14, 15]


def test_crlf_and_nfd_on_the_fast_path():
    text = "name: Ngu\u0303yê\u0303n\r\nnote: |\r\n  dòng 1\r\n  dòng 2\r\n"
    assert fast(text) is not None
    doc = yamltext.load(text)
    assert doc == {"name": "Ngũyễn", "note": "dòng 1\ndòng 2\n"}
    assert doc.lines == {"name": 1, "note": 2}


# --- each reason to decline, and what load says then ---------------------------------------------

DECLINED = {
    "anchor": "a: &x 1\nb: 2\n",
    "alias": "a: &x 1\nb: *x\n",
    "alias to itself": "a: &x\n  b: *x\n",
    "undefined alias": "a: *nowhere\n",
    "tag": "a: !!str 5\n",
    "python tag": "a: !!python/object/apply:os.system ['true']\n",
    "local tag": "a: !mine x\n",
    "flow sequence": "a: [1, 2]\n",
    "flow mapping": "a: {b: 1}\n",
    "merge key": "base:\n  x: 1\nother:\n  <<: 1\n",
    "quoted merge key": "'<<': 1\n",
    "merge value": "a: <<\n",
    "value tag": "a: =\n",
    "duplicate key": "a: 1\nb: 2\na: 3\n",
    "duplicate key after conversion": "1: a\n'1': b\n",
    "duplicate empty key": "~: a\n'': b\n",
    "nested sequence": "a:\n  - - x\n",
    "nested sequence with a tab": "-\t- x\n",
    "explicit key": "? a\n: b\n",
    "question mark in text": "a: Vì sao?\n",
    "mapping as a key": "? {a: 1}\n: b\n",
    "second document": "a: 1\n---\nb: 2\n",
    "document end then more": "a: 1\n...\nb: 2\n",
    "syntax error": "a: 'chưa đóng\n",
    "tab indentation": "a:\n\tb: 1\n",
    "bad indentation": "a:\n  b: 1\n c: 2\n",
    "control character": "a: x\x07y\n",
    "too large for the fast path": "a: " + "x" * yamltext.FAST_MAX_CHARS + "\n",
}


@pytest.mark.parametrize("text", DECLINED.values(), ids=DECLINED.keys())
def test_declined_and_read_as_before(text):
    assert fast(text) is None
    assert_same(text)


def test_what_the_event_builder_says_of_declined_texts():
    said = {name: outcome(yamltext.load, text) for name, text in DECLINED.items()}
    assert said["alias"] == ("ok", shape(yamltext.load_events("a: 1\nb: 1\n")))
    assert said["flow sequence"][0] == "ok"
    assert said["tag"] == ("ok", ("map", 1, [("a", 1, ("str", "5"))], 1))
    assert said["question mark in text"] == ("ok", ("map", 1, [("a", 1, ("str", "Vì sao?"))], 1))
    for name in ("duplicate key", "duplicate key after conversion", "duplicate empty key", "merge key",
                 "quoted merge key", "python tag", "local tag", "value tag", "alias to itself",
                 "second document", "syntax error", "control character", "mapping as a key"):
        assert said[name][0] == "error", name
    assert said["duplicate key"][1] == 3 and said["second document"][1] == 2


def test_too_deep_by_indentation_is_declined_and_refused():
    """41 mappings one in another: the walk declines, the event builder names the depth."""
    text = "".join(" " * i + "k:\n" for i in range(45)) + " " * 45 + "k: 1\n"
    assert fast(text) is None
    with pytest.raises(YamlError) as e:
        yamltext.load(text)
    assert e.value.line == 41 and e.value.message == yamltext._TOO_DEEP


def test_forty_levels_are_read_on_the_fast_path():
    text = "".join(" " * i + "k:\n" for i in range(39)) + " " * 39 + "k: 1\n"
    assert fast(text) is not None
    assert_same(text)


def test_the_deepest_text_the_fast_path_composes_stays_shallow():
    """Just under FAST_MAX_CHARS, block nesting reaches a few hundred levels at most: the C
    composer's recursion is safe, and the walk declines past MAX_DEPTH."""
    lines, size, level = [], 0, 0
    while size + level + 3 < yamltext.FAST_MAX_CHARS:
        lines.append(" " * level + "k:\n")
        size += level + 3
        level += 1
    text = "".join(lines)
    assert len(text) <= yamltext.FAST_MAX_CHARS and 300 < level < 1000
    assert fast(text) is None
    with pytest.raises(YamlError) as e:
        yamltext.load(text)
    assert e.value.message == yamltext._TOO_DEEP


def test_no_text_under_the_fast_limit_holds_max_nodes():
    assert yamltext.FAST_MAX_CHARS < yamltext.MAX_NODES


def test_a_nesting_chain_on_one_line_never_reaches_the_composer():
    text = "- " * 40_000 + "x\n"
    assert len(text) <= yamltext.FAST_MAX_CHARS
    assert fast(text) is None
    with pytest.raises(YamlError):
        yamltext.load(text)


def test_empty_and_comment_only_texts():
    for text in ("", "\n", "# chỉ có chú thích\n", "---\n", "--- # x\n"):
        assert fast(text) == ("ok", ("NoneType", None))
        assert_same(text)


def test_the_remembered_tags_are_the_resolvers():
    import yaml

    resolver = yaml.resolver.Resolver()
    loader = yamltext._FastLoader("")
    node = yaml.nodes.ScalarNode
    for value in PLAIN + KEYS + ODD_KEYS + ["x" * 65, "2019-05-14"]:
        for implicit in ((True, False), (False, True), (True, True)):
            for _ in range(2):  # the second time from memory
                assert loader.resolve(node, value, implicit) == resolver.resolve(node, value, implicit), value
    for kind in (yaml.nodes.MappingNode, yaml.nodes.SequenceNode):
        assert loader.resolve(kind, None, True) == resolver.resolve(kind, None, True)
    loader.dispose()


# --- the line reader (yamltext._lines): what duk writes, read without libyaml's composer --------

def by_lines(text):
    """The line reader's own answer, or None when it declines."""
    try:
        return ("ok", shape(yamltext._lines(text)))
    except yamltext.Decline:
        return None


def assert_lines_same(text):
    quick = by_lines(text)
    assert quick is None or quick == outcome(yamltext.load_events, text), text
    return quick


@PROPERTY
@given(document())
def test_the_line_reader_reads_documents_as_the_event_builder(text):
    assert_lines_same(text)


@PROPERTY
@given(damaged())
def test_the_line_reader_reads_damaged_documents_alike_or_declines(text):
    assert_lines_same(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab:- \n#'\"|>~1.\\", max_size=60))
def test_the_line_reader_on_yaml_punctuation(text):
    assert_lines_same(text)


@st.composite
def written(draw) -> str:
    """Texts of the line reader's own shape, with its edges: escapes, block scalars (| and |-)
    with blank and deeper lines, sequences at the key's indentation or deeper, nulls."""
    value = st.one_of(st.sampled_from(PLAIN), sentence(), st.sampled_from(["", "a\nb", "x\n\n  y\n", " a ", "'", '"',
                                                                           "\\", "\\n", "a\\\"b", "tab\tin"]))
    top = draw(st.dictionaries(st.sampled_from(KEYS[:10]), st.one_of(
        value, st.lists(value, max_size=3), st.dictionaries(st.sampled_from(KEYS[:10]), value, max_size=3)),
        min_size=1, max_size=5))
    text = yamltext.dump(top)
    if draw(st.booleans()):
        text = text.replace("\n- ", "\n  - ")  # sequences indented under their key
    return text + draw(st.sampled_from(["", "\n", "\n\n"]))


@settings(max_examples=400, deadline=None)
@given(written())
def test_the_line_reader_reads_what_duk_writes_as_the_event_builder(text):
    assert_lines_same(text)


LINE_EDGES = {
    "literal": ("a: |\n  one\n\n  two\n    deeper\nb: 1\n", True),
    "literal, strip": ("a: |-\n  one\n  two\n\n\nb: 1\n", True),
    "literal, last line": ("a: |\n  one", False),
    "literal, keep": ("a: |+\n  one\n\nb: 1\n", False),
    "literal, indicator": ("a: |2\n   one\nb: 1\n", False),
    "literal, blank first": ("a: |\n\n  one\nb: 1\n", False),
    "literal, spaces on an empty line": ("a: |\n  one\n     \n  two\nb: 1\n", False),
    "folded": ("a: >\n  one\n  two\n", False),
    "escapes": ('a: "x \\" y \\\\ z \\n \\/ \\t"\n', True),
    "unknown escape": ('a: "x \\u00e9"\n', False),
    "hash in a word": ("item: 2019/07/x#work.proposals\n", True),
    "comment": ("a: 1 # one\n", False),
    "sequence at the key's indentation": ("a:\n- x\n- y\nb: 1\n", True),
    "sequence deeper": ("a:\n    - x\n    - y\nb:\n", True),
    "mapping in a sequence": ("a:\n- b: 1\n", False),
    "multi-line plain": ("a: one\n  two\n", False),
    "multi-line quoted": ('a: "one\n  two"\n', False),
    "indented root": ("  a: 1\n", False),
    "sequence at the top": ("- a\n- b\n", False),
    "key read as a bool": ("yes: 1\n", False),
    "value starting with a dash": ("a: -1\n", False),
}


@pytest.mark.parametrize("text, taken", LINE_EDGES.values(), ids=LINE_EDGES.keys())
def test_the_line_reader_takes_its_shape_and_declines_the_rest(text, taken):
    assert (by_lines(text) is not None) == taken
    assert_lines_same(text)
    assert_same(text)


def test_the_line_reader_takes_the_sample_folder_and_what_duk_writes():
    """The properties above would also pass if it declined everything."""
    samples = _samples()
    assert sum(by_lines(t) is not None for t in samples) > 0.95 * len(samples)
    text = yamltext.dump({"person": "nguyen-thi-lan", "unit": "cb-so-tai-chinh", "date": "2019-05-14",
                          "work": {"situation": "Chi bộ hoạt động ổn định.\nĐảng viên: 33.",
                                   "proposals": "Đề nghị “tập huấn”: 2 lần/năm"},
                          "meeting": {"rating": "tot", "conduct": "\\ và \" và '"}})
    assert by_lines(text) == outcome(yamltext.load_events, text)
