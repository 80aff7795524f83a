"""Reading YAML safely: line numbers, NFC, dates, encodings, and files written to hurt."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dukcli import yamltext
from dukcli.store import loader
from dukcli.yamltext import LList, LMap, YamlError

VISIT = ("person: nguyen-thi-lan\nunit: cb-so-tai-chinh\ndate: {date}\n"
         "work:\n  situation: Chi bộ hoạt động ổn định.\n")


def check_json(duk, folder) -> tuple[int, list[tuple]]:
    result = duk(["check", "--format", "json"], data=folder)
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, [(d["file"], d["line"], d["code"], d["message"]) for d in json.loads(result.stdout)]


def only_error(duk, folder) -> tuple:
    code, diags = check_json(duk, folder)
    assert code == 1
    assert len(diags) == 1, diags
    return diags[0]


# --- the loader itself ---------------------------------------------------------------------

def test_lines_of_keys_and_items():
    doc = yamltext.load("- id: a\n  name: A\n\n- id: b\n  name: B\n  tags:\n    - x\n    - y\n")
    assert isinstance(doc, LList)
    assert doc.line == 1 and doc.lines == [1, 4]
    second = doc[1]
    assert isinstance(second, LMap)
    assert second.line == 4
    assert second.lines == {"id": 4, "name": 5, "tags": 6}
    assert second["tags"].lines == [7, 8]


def test_scalars_stay_text_except_null_bool_int():
    doc = yamltext.load("a: 2019-05-14\nb: 05\nc: ~\nd: yes\ne: 1.5\nf: '7'\ng: 0x1F\nh:\n")
    assert doc == {"a": "2019-05-14", "b": 5, "c": None, "d": True, "e": "1.5", "f": "7", "g": 31, "h": None}


def test_empty_text_is_none():
    assert yamltext.load("") is None
    assert yamltext.load("# chỉ có chú thích\n") is None


def test_nfd_text_comes_out_nfc():
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Lan")
    assert nfd != "Nguyễn Thị Lan"
    doc = yamltext.load(f"name: {nfd}\n{nfd}: x\n")
    assert doc["name"] == "Nguyễn Thị Lan"
    assert "Nguyễn Thị Lan" in doc


def test_nfd_name_in_people_file_loads_nfc(make_folder):
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Lan")
    folder = make_folder({"people.yaml": f"- id: nguyen-thi-lan\n  name: {nfd}\n- id: tran-van-binh\n  name: Trần Văn Bình\n"})
    ds, diags = loader.load(folder)
    assert diags == []
    assert ds.people["nguyen-thi-lan"].name == "Nguyễn Thị Lan"
    assert unicodedata.is_normalized("NFC", ds.people["nguyen-thi-lan"].name)


def test_duplicate_key_is_refused_at_its_line():
    with pytest.raises(YamlError) as e:
        yamltext.load("a: 1\nb: 2\na: 3\n")
    assert (e.value.line, e.value.code) == (3, "schema")
    assert "bị lặp lại" in e.value.message


# --- hostile files ---------------------------------------------------------------------------

def laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        refs = ", ".join(f"*a{i - 1}" for _ in range(9))
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused():
    with pytest.raises(YamlError) as e:
        yamltext.load(laughs())
    assert e.value.code == "schema"
    assert "bí danh (alias) mở rộng ra quá nhiều mục" in e.value.message


def test_too_many_items_without_aliases_is_said_plainly():
    with pytest.raises(YamlError) as e:
        yamltext.load("- a\n" * (yamltext.MAX_NODES + 1))
    assert e.value.code == "schema"
    assert "quá nhiều mục" in e.value.message and "bí danh" not in e.value.message


def test_a_few_aliases_are_fine():
    doc = yamltext.load("a: &x [1, 2]\nb: *x\n")
    assert doc == {"a": [1, 2], "b": [1, 2]}


@pytest.mark.parametrize("text", ["person: &a [*a]\n", "&a {x: *a}\n", "a: &a\n  b: *a\n"])
def test_recursive_alias_is_refused(text):
    with pytest.raises(YamlError) as e:
        yamltext.load(text)
    assert e.value.code == "schema"
    assert "tự tham chiếu" in e.value.message


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['touch PWNED']",
                                 "!!python/object/new:os.system [echo]", "!!python/name:os.system",
                                 "!!binary aGVsbG8=", "!custom x", "!!set {a, b}", "!!omap [a: 1]"])
def test_foreign_tags_are_refused_never_executed(tag, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(YamlError) as e:
        yamltext.load(f"person: {tag}\n")
    assert e.value.code == "schema"
    assert "thẻ YAML không được phép" in e.value.message
    assert not (tmp_path / "PWNED").exists()


def test_huge_string_is_refused():
    with pytest.raises(YamlError) as e:
        yamltext.load("work:\n  situation: " + "x" * 5_000_000 + "\n")
    assert e.value.code == "schema"
    assert "quá lớn" in e.value.message


@pytest.mark.parametrize("depth", [50, 100_000, 1_000_000])
def test_deep_flow_nesting_is_refused(depth):
    with pytest.raises(YamlError) as e:
        yamltext.load("work: " + "[" * depth + "]" * depth + "\n")
    assert e.value.code == "schema"
    assert "lồng quá sâu" in e.value.message


def test_deep_block_nesting_is_refused_at_the_line_where_it_gets_too_deep():
    text = "".join("  " * i + f"k{i}:\n" for i in range(200))
    with pytest.raises(YamlError) as e:
        yamltext.load(text)
    assert e.value.line == yamltext.MAX_DEPTH + 1
    assert "lồng quá sâu" in e.value.message


def test_nesting_within_the_limit_is_fine():
    assert yamltext.load("a: " + "[" * 30 + "]" * 30 + "\n")["a"] is not None


@pytest.mark.parametrize("name, text, line, code, word", [
    ("bomb", laughs(), 6, "schema", "bí danh"),
    ("python", "person: !!python/object/apply:os.system ['touch PWNED']\n", 1, "schema", "thẻ YAML"),
    ("recursive", "person: nguyen-thi-lan\nunit: &u [*u]\n", 2, "schema", "tự tham chiếu"),
    ("huge", "person: nguyen-thi-lan\nwork:\n  situation: " + "ơ" * 2_500_000 + "\n", 1, "schema", "quá lớn"),
    ("deep", "work: " + "{a: " * 200_000 + "x" + "}" * 200_000 + "\n", 1, "schema", "lồng quá sâu"),
], ids=["bomb", "python", "recursive", "huge", "deep"])
def test_hostile_visit_files_through_check(name, text, line, code, word, make_folder, duk, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = make_folder({"visits/2019/05/bad.yaml": text, "visits/2019/05/good.yaml": VISIT.format(date="2019-05-14")})
    assert only_error(duk, folder)[:3] == ("visits/2019/05/bad.yaml", line, code)
    assert word in only_error(duk, folder)[3]
    assert not (tmp_path / "PWNED").exists()


# --- encodings and control characters -------------------------------------------------------

def test_utf8_bom_is_accepted(make_folder, duk):
    folder = make_folder({})
    path = folder / "visits/2019/05/a.yaml"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xef\xbb\xbf" + VISIT.format(date="2019-05-14").encode("utf-8"))
    assert check_json(duk, folder) == (0, [])


def test_crlf_line_ends_are_accepted(make_folder, duk):
    folder = make_folder({})
    path = folder / "visits/2019/05/a.yaml"
    path.parent.mkdir(parents=True)
    path.write_bytes(VISIT.format(date="2019-05-14").replace("\n", "\r\n").encode("utf-8"))
    assert check_json(duk, folder) == (0, [])
    visit, _ = loader.read_visit(folder, "visits/2019/05/a.yaml")
    assert visit.work == {"situation": "Chi bộ hoạt động ổn định."}


def test_latin1_bytes_are_a_vietnamese_error_at_their_line(make_folder, duk):
    folder = make_folder({})
    path = folder / "visits/2019/05/a.yaml"
    path.parent.mkdir(parents=True)
    latin1 = "  difficulties: Thi\xeau kinh ph\xed\n".encode("latin-1")  # "Thiêu kinh phí" saved as Latin-1
    path.write_bytes(VISIT.format(date="2019-05-14").encode("utf-8") + latin1)
    file, line, code, message = only_error(duk, folder)
    assert (file, line, code) == ("visits/2019/05/a.yaml", 6, "yaml-syntax")
    assert "UTF-8" in message and "không phải mã" in message


def test_raw_control_character_is_bad_text_at_its_line_and_column(make_folder, duk):
    folder = make_folder({"visits/2019/05/a.yaml": VISIT.format(date="2019-05-14") + "  difficulties: Thiếu\x07 kinh phí\n"})
    assert only_error(duk, folder)[:3] == ("visits/2019/05/a.yaml", 6, "bad-text")
    assert "U+0007" in only_error(duk, folder)[3] and "cột 22" in only_error(duk, folder)[3]


def test_tabs_and_newlines_in_text_are_fine(make_folder):
    folder = make_folder({"visits/2019/05/a.yaml": VISIT.format(date="2019-05-14")
                          + '  difficulties: "Một\\tHai"\n  proposals: |\n    Dòng một.\n    Dòng hai.\n'})
    ds, diags = loader.load(folder)
    assert diags == []
    ds = loader.with_notes(folder, ds, ds.visits[0].date, ds.visits[0].date)  # the cache keeps no notes
    assert ds.visits[0].work["difficulties"] == "Một\tHai"
    assert ds.visits[0].work["proposals"] == "Dòng một.\nDòng hai."


# --- dates and keys ------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["2019-05-14", "14/05/2019", "14/5/2019", "2019-5-14", "'2019-05-14'"])
def test_both_date_forms(text, make_folder):
    folder = make_folder({"visits/2019/05/a.yaml": VISIT.format(date=text)})
    ds, diags = loader.load(folder)
    assert diags == []
    assert ds.visits[0].date.isoformat() == "2019-05-14"


@pytest.mark.parametrize("text, words", [("31/02/2019", "không có thật"), ("2019-02-30", "không có thật"),
                                         ("05/14/2019", "không có thật"), ("14.05.2019", "DD/MM/YYYY"),
                                         ("hôm nay", "DD/MM/YYYY")])
def test_bad_dates(text, words, make_folder, duk):
    folder = make_folder({"visits/2019/05/a.yaml": VISIT.format(date=text)})
    file, line, code, message = only_error(duk, folder)
    assert (file, line, code) == ("visits/2019/05/a.yaml", 3, "bad-date")
    assert words in message


def test_unknown_keys_are_errors_everywhere(make_folder, duk):
    folder = make_folder({
        "duk.yaml": "organization:\n  name: ĐẢNG ỦY KHỐI\n  adress: Hòa Bình\n",
        "people.yaml": "- id: nguyen-thi-lan\n  name: Nguyễn Thị Lan\n- id: tran-van-binh\n  name: Trần Văn Bình\n  phone: '0912'\n",
        "visits/2019/05/a.yaml": VISIT.format(date="2019-05-14") + "meeting:\n  rating: tot\n  note: x\n",
    })
    code, diags = check_json(duk, folder)
    assert code == 1
    assert [(f, line, c) for f, line, c, _ in diags] == [
        ("duk.yaml", 3, "schema"), ("people.yaml", 5, "schema"), ("visits/2019/05/a.yaml", 8, "schema")]
    assert all("khóa lạ" in message for *_, message in diags)


# --- dump/load round trip --------------------------------------------------------------------

SAFE_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs"), whitelist_characters="\n\t"), max_size=60)
KEYS = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=20).filter(
    lambda k: k != "<<")
VALUES = st.one_of(SAFE_TEXT, st.integers(-10**6, 10**6), st.none(), st.booleans(), st.lists(SAFE_TEXT, max_size=4))


def nfc_all(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc_all(v) for v in value]
    if isinstance(value, dict):
        return {nfc_all(k): nfc_all(v) for k, v in value.items()}
    return value


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, st.one_of(VALUES, st.dictionaries(KEYS, VALUES, max_size=4)), max_size=8))
def test_dump_then_load_gives_the_same_data(data):
    data = {unicodedata.normalize("NFC", k): v for k, v in data.items()}
    assert yamltext.load(yamltext.dump(data)) == nfc_all(data) or data == {}


def test_dump_writes_multiline_text_as_a_block_and_vietnamese_unescaped():
    text = yamltext.dump({"person": "nguyen-thi-lan", "work": {"situation": "Dòng một.\nDòng hai."}})
    assert text == "person: nguyen-thi-lan\nwork:\n  situation: |-\n    Dòng một.\n    Dòng hai.\n"
