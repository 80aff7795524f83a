"""The registry of check codes (dukcli/codes.py): what `duk check --explain` prints, what the
README lists, and that every diagnostic of dukcli/ names its code through it."""

from __future__ import annotations

import ast
import difflib
import json
import re
from pathlib import Path

import pytest

from dukcli import codes
from dukcli import model as m

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "dukcli"
VIETNAMESE = "ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệóòỏõọốồổỗộớờởỡợúùủũụứừửữựíìỉĩịýỳỷỹỵ"


# --- the registry ----------------------------------------------------------------------

@pytest.mark.parametrize("code", codes.ALL, ids=lambda c: c.name)
def test_every_code_is_explained_in_vietnamese(code):
    assert codes.CODES[code.name] is code
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", code.name)
    assert code.severity in (codes.ERROR, codes.WARNING)
    assert code.title.strip() and "\n" not in code.title
    assert len(code.explanation) >= 80 and "\n" not in code.explanation
    assert code.fix.strip()
    for text in (code.title, code.explanation, code.fix):
        assert any(ch in text.lower() for ch in VIETNAMESE), (code.name, text)


def test_codes_are_frozen():
    with pytest.raises(AttributeError):
        codes.SCHEMA.severity = codes.WARNING


def test_get_names_a_code_or_refuses():
    assert codes.get("schema") is codes.SCHEMA
    with pytest.raises(codes.UnknownCode):
        codes.get("shema")


def test_a_diagnostic_takes_its_severity_from_the_code():
    d = codes.diagnostic("people.yaml", 3, codes.STRAY_FILE, "…")
    assert d == m.Diagnostic("people.yaml", 3, "warning", "stray-file", "…")
    assert codes.diagnostic("a.yaml", 1, codes.SCHEMA, "…").severity == "error"


def test_a_code_is_never_named_by_a_bare_string():
    with pytest.raises(TypeError):
        codes.diagnostic("a.yaml", 1, "schema", "…")


def test_only_duplicate_visit_is_turned_into_a_refusal():
    """log-visit refuses a second visit of the same person, unit and day (rules/entry.py)."""
    assert [c.name for c in codes.ALL if c.refused_on_entry] == ["duplicate-visit"]
    d = codes.diagnostic("v.yaml", 3, codes.DUPLICATE_VISIT, "…", refusal=True)
    assert (d.severity, d.code) == ("error", "duplicate-visit")
    assert "log-visit" in codes.DUPLICATE_VISIT.explanation
    with pytest.raises(ValueError):
        codes.diagnostic("v.yaml", 3, codes.NOT_ASSIGNED, "…", refusal=True)


# --- the README ------------------------------------------------------------------------

def readme_codes() -> dict[str, str]:
    """code -> severity word, from the README's paragraph "`duk check` báo các mã: …"."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("`duk check` báo các mã:")
    paragraph = " ".join(text[start:].split("\n\n", 1)[0].split())
    out: dict[str, str] = {}
    for group, word in re.findall(r"((?:`[a-z-]+`,?\s*)+)\((lỗi|cảnh báo)\)", paragraph):
        for name in re.findall(r"`([a-z-]+)`", group):
            assert name not in out, f"{name} is listed twice"
            out[name] = word
    return out


def test_the_readme_lists_every_code_with_its_severity():
    assert readme_codes() == {c.name: c.word for c in codes.ALL}


def test_the_readme_names_explain():
    assert "duk check --explain" in (ROOT / "README.md").read_text(encoding="utf-8")


# --- duk check --explain ---------------------------------------------------------------

@pytest.mark.parametrize("code", codes.ALL, ids=lambda c: c.name)
def test_explain_every_code(code, duk, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no data folder is needed to explain a code
    result = duk(["check", "--explain", code.name])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith(f"{code.name} ({code.word}): {code.title}\n")
    assert "Cách sửa:" in out
    flat = " ".join(out.replace("`", "").split())
    for text in (code.explanation, code.fix):
        for part in text.split("\n"):
            assert " ".join(part.replace("`", "").split()) in flat, part
    assert "Traceback" not in out + result.stderr


def test_explain_as_json(duk, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = duk(["check", "--explain", "duplicate-visit", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == codes.DUPLICATE_VISIT.as_json()
    assert json.loads(result.stdout)["severity"] == "warning"


def test_explain_does_not_check_the_data(duk, make_folder):
    folder = make_folder({"people.yaml": "- id: Bad Id\n  name: X\n"})
    result = duk(["check", "--explain", "bad-id"], data=folder)
    assert result.exit_code == 0
    assert "people.yaml" not in result.stdout


@pytest.mark.parametrize("name", ["shema", "SCHEMA", "E0001", ""])
def test_explain_an_unknown_code_is_a_usage_error(name, duk, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = duk(["check", "--explain", name])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"không có mã '{name}'" in result.stderr
    assert all(c.name in result.stderr for c in codes.ALL)  # the known codes are listed
    assert "Traceback" not in result.stderr


def test_explain_suggests_the_nearest_code(duk, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert "Có phải là 'schema'?" in duk(["check", "--explain", "shema"]).stderr


def test_explain_without_a_code_is_a_usage_error(duk, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert duk(["check", "--explain"]).exit_code == 2


def test_check_help_describes_explain(duk):
    result = duk(["check", "--help"])
    assert result.exit_code == 0
    assert "--explain" in result.stdout and "Giải thích" in result.stdout


# --- every diagnostic names its code through the registry ------------------------------

# Calls that make a diagnostic, and the position of their code argument.
EMITTERS = {"diagnostic": 2, "_diag": 2, "_err": 2}
SINK_METHODS = {"add": 1, "error": 1, "warning": 1}


def sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p != PACKAGE / "codes.py")


def _name(func: ast.expr) -> str | None:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _strings(node: ast.expr) -> list[str]:
    """The string constants of node: itself, or the elements of a literal set, tuple or list."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
        return [s for elt in node.elts for s in _strings(elt)]
    return []


def _looks_like_a_code(value: str) -> bool:
    return value in codes.CODES or bool(difflib.get_close_matches(value, codes.CODES, n=1, cutoff=0.85))


def _code_argument(call: ast.Call) -> ast.expr | None:
    name = _name(call.func)
    position = None
    if name in EMITTERS:
        position = EMITTERS[name]
    elif name in SINK_METHODS and isinstance(call.func, ast.Attribute) and "sink" in ast.unparse(call.func.value):
        position = SINK_METHODS[name]
    if position is None:
        return None
    for kw in call.keywords:
        if kw.arg == "code":
            return kw.value
    return call.args[position] if len(call.args) > position else None


def bare_codes(path: Path) -> list[tuple[int, str]]:
    """Where path names a check code, or a severity, by a string instead of through the registry."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            if _name(node.func) == "Diagnostic":
                found.append((node.lineno, "Diagnostic(…) made outside codes.diagnostic"))
                continue
            arg = _code_argument(node)
            if arg is not None and isinstance(arg, ast.Constant):
                found.append((node.lineno, f"code {arg.value!r} as a string"))
            if arg is not None:
                for s in (_strings(a) for a in [*node.args, *(kw.value for kw in node.keywords)]):
                    found.extend((node.lineno, f"severity {v!r} given by hand") for v in s
                                 if v in codes.SEVERITY_WORDS)
        elif isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(isinstance(s, ast.Attribute) and s.attr == "code" for s in sides):
                found.extend((node.lineno, f".code compared with {v!r}") for s in sides for v in _strings(s)
                             if _looks_like_a_code(v))
    return found


def test_the_scanner_finds_a_bare_code(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('sink.error(3, "shcema", "x")\n'
                   'out.append(_diag(rec, "id", "duplicate-id", "x"))\n'
                   'm.Diagnostic(f, 1, "error", "schema", "x")\n'
                   'codes.diagnostic(f, 1, code="bad-id", message="x")\n'
                   'if d.code == "duplicate-visit": pass\n'
                   'kept = [d for d in ds if d.code not in {"unknown-unit", "not-asigned"}]\n'
                   'if error.code != 1 and p.code == "2019Q2": pass\n', encoding="utf-8")
    assert sorted(line for line, _ in bare_codes(bad)) == [1, 2, 3, 4, 5, 6, 6]


@pytest.mark.parametrize("path", sources(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_check_code_is_emitted_without_the_registry(path):
    assert bare_codes(path) == []


def test_the_codes_of_yaml_errors_come_from_the_registry():
    """yamltext.YamlError carries its code's name: every one is taken from the registry
    (codes.X.name), never written as a string, so a misspelt code cannot exist."""
    tree = ast.parse((PACKAGE / "yamltext.py").read_text(encoding="utf-8"))
    given = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) == "YamlError":
            given += [kw.value for kw in node.keywords if kw.arg == "code"]
        elif isinstance(node, ast.FunctionDef):
            args = node.args.args[len(node.args.args) - len(node.args.defaults):]
            given += [d for a, d in zip(args, node.args.defaults) if a.arg == "code"]
    assert given
    for value in given:
        assert not isinstance(value, ast.Constant), ast.unparse(value)
        assert ast.unparse(value).startswith("codes.") and ast.unparse(value).endswith(".name")
