"""Word documents from docxtpl templates a clerk can edit, written safely and read back.

Shared by the individual report and the compiled summary. Three promises:
- data is text, never template: docxtpl parses the template once, values are inserted with
  autoescape on (so `<` and `&` cannot break the XML) and StrictUndefined (a misspelt
  variable is an error, not a blank);
- nothing unprintable reaches the writer (`sanitise` is the last line of defence);
- a written file is read back and checked before it takes its final name.
Heavy imports (docx, docxtpl, jinja2) stay inside the functions.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from dukcli.text import BAD_CHARS, nfc

# docxtpl turns these back into braces after rendering, so data holding them would change;
# an XML character reference for "_" survives that step and reads back as "_".
_DOCXTPL_MARKERS = ("{_{", "}_}", "{_%", "%_}")
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_TAG_OPEN = re.compile(r"\{\{|\{%|\{#")
# docxtpl's paragraph/row/cell/run prefixes: {%p for %}, {{r x }}, {#tr … #}
_PREFIX = re.compile(r"(\{[{%#])(?:p|tr|tc|r)\s")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


class WordError(Exception):
    """A template that cannot be used or a file that failed its check; message for the user."""


@dataclass(frozen=True)
class TemplateProblem:
    paragraph: int  # 1-based, in reading order (tables included); 0 when unknown
    text: str  # the paragraph's text as Word shows it
    message: str


# --- the context -----------------------------------------------------------------------------

def clean_text(text: str) -> str:
    """NFC, forbidden control characters dropped, newlines as spaces (a newline inside a
    value would become a soft line break, which Word stretches in justified text)."""
    text = BAD_CHARS.sub("", nfc(text))
    return text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")


def _protect(text: str):
    """Escape text ourselves when it holds one of docxtpl's post-render markers."""
    if not any(marker in text for marker in _DOCXTPL_MARKERS):
        return text
    from markupsafe import Markup, escape

    return Markup(str(escape(text)).replace("_", "&#95;"))


def sanitise(value):
    """Every string of a context (nested dicts, lists, tuples) cleaned with clean_text."""
    if isinstance(value, str):
        return _protect(clean_text(value))
    if isinstance(value, dict):
        return {k: sanitise(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [sanitise(v) for v in value]
    return value


# --- rendering -------------------------------------------------------------------------------

def environment():
    from jinja2 import Environment, StrictUndefined

    return Environment(autoescape=True, undefined=StrictUndefined)


def _describe(exc: Exception) -> str:
    """A jinja2 error in Vietnamese, the original message kept in brackets for the expert."""
    from jinja2 import TemplateSyntaxError, UndefinedError

    raw = str(exc)
    if isinstance(exc, UndefinedError):
        m = re.match(r"'(.+?)' is undefined", raw)
        if m:
            return f"biến không biết '{m.group(1)}'"
        m = re.search(r"has no attribute '(.+?)'", raw)
        if m:
            return f"không có trường '{m.group(1)}' ({raw})"
        return f"giá trị không có ({raw})"
    if isinstance(exc, TemplateSyntaxError):
        low = raw.lower()
        if "unexpected end of template" in low:
            return f"thẻ mở chưa được đóng, ví dụ thiếu {{% endfor %}} hoặc {{% endif %}} ({raw})"
        if "unknown tag" in low:
            return f"thẻ không hợp lệ hoặc không có thẻ mở tương ứng ({raw})"
        return f"thẻ viết sai ({raw})"
    return f"mẫu không dùng được ({type(exc).__name__}: {raw})"


def _render_raw(template: Path, context: dict, target: Path) -> None:
    from docxtpl import DocxTemplate

    doc = DocxTemplate(str(template))
    doc.render(sanitise(context), jinja_env=environment(), autoescape=True)
    doc.save(str(target))


def unusable(e: Exception) -> str:
    """Why python-docx or docxtpl could not use a file, in Vietnamese; an exception with no
    word here keeps only its type name, for the maintainer."""
    import zipfile

    from docx.opc.exceptions import PackageNotFoundError

    from dukcli.oserr import describe

    if isinstance(e, (PackageNotFoundError, zipfile.BadZipFile)):
        return "không phải tệp Word .docx, hoặc tệp đã hỏng"
    if isinstance(e, OSError):
        return describe(e)
    return f"tệp Word có phần không đọc được: {type(e).__name__}"


def render(template: Path, context: dict, target: Path) -> None:
    """Render template with the sanitised context into target (a new file)."""
    from jinja2 import TemplateError

    try:
        _render_raw(template, context, target)
    except TemplateError as e:
        raise WordError(f"mẫu '{template}': {_describe(e)}. Kiểm tra mẫu bằng: duk template check {template}") from None
    except Exception as e:  # not a .docx, damaged zip, docxtpl failing on a clerk's edit
        raise WordError(f"không dùng được mẫu '{template}' ({unusable(e)})") from None


# --- reading back ----------------------------------------------------------------------------

def _block_paragraphs(container) -> list:
    """Paragraphs of a body or cell in reading order, descending into tables (each cell once)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    found = []
    for child in container._element.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            found.append(Paragraph(child, container))
        elif tag == "tbl":
            seen = set()
            for row in Table(child, container).rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    found.extend(_block_paragraphs(cell))
        elif tag == "sdt":  # content controls: look inside
            content = child.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sdtContent")
            if content is not None:
                found.extend(_block_paragraphs(_Wrapped(content, container)))
    return found


class _Wrapped:
    """Lets _block_paragraphs walk an arbitrary element as if it were a body."""

    def __init__(self, element, parent):
        self._element = element
        self._parent = parent
        self.part = parent.part


def paragraphs(document) -> list:
    """Every paragraph of an open python-docx Document: headers, body (tables too), footers."""
    found = []
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.even_page_header):
            if not part.is_linked_to_previous:
                found.extend(_block_paragraphs(part))
    found.extend(_block_paragraphs(document._body))
    for section in document.sections:
        for part in (section.footer, section.first_page_footer, section.even_page_footer):
            if not part.is_linked_to_previous:
                found.extend(_block_paragraphs(part))
    return found


def read_paragraphs(path: Path) -> list[str]:
    """The text of every paragraph of a .docx, in reading order (table cells included)."""
    import docx

    return [p.text for p in paragraphs(docx.Document(str(path)))]


def read_text(path: Path) -> str:
    return "\n".join(read_paragraphs(path))


def verify(path: Path, expected: list[str]) -> list[str]:
    """Problems of a written file: an expected data string missing, or template tag text left.
    Tags are looked for after removing the data strings, so a `{{` typed in a note is fine."""
    try:
        texts = read_paragraphs(path)
    except Exception as e:  # a file python-docx cannot open is exactly what we must catch
        return [f"tệp vừa ghi không mở lại được ({unusable(e)})"]
    problems = []
    whole = "\n".join(texts)
    for text in expected:
        if clean_text(text) not in whole:
            problems.append(f"thiếu nội dung: «{text}»")
    data = sorted({clean_text(t) for t in expected if t}, key=len, reverse=True)
    for text in texts:
        rest = text
        for d in data:
            rest = rest.replace(d, "")
        if _TAG_OPEN.search(rest):
            problems.append(f"còn sót thẻ mẫu trong đoạn: «{text}»")
    return problems


def write_checked(template: Path, context: dict, target: Path, expected: list[str],
                  overwrite: bool = False) -> None:
    """Render into a temporary file beside target, read it back, and only then give it its
    name: linked (never over another file) or, with overwrite, replaced. Nothing is left
    behind on failure; FileExistsError when target exists and overwrite is False."""
    from dukcli.store.write import make_folder

    folder = target.parent
    make_folder(folder)
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".duk-", suffix=".docx")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        from dukcli.store.write import plain_mode

        os.chmod(tmp, plain_mode())
        render(template, context, tmp)
        problems = verify(tmp, expected)
        if problems:
            raise WordError(f"tệp '{target.name}' không đạt khi đọc lại: " + "; ".join(problems[:5]))
        if overwrite:
            os.replace(tmp, target)
        else:
            os.link(tmp, target)  # atomic and exclusive
    finally:
        if tmp.exists():
            tmp.unlink()


# --- checking a template a clerk edited ------------------------------------------------------

def _tag_source(text: str) -> str:
    """A paragraph's text as docxtpl hands it to jinja2: prefixes dropped, Word's curly quotes
    straightened inside tags, on one line."""
    text = text.replace("\r", " ").replace("\n", " ")
    text = _PREFIX.sub(lambda m: m.group(1) + " ", text)
    return _TAG.sub(lambda m: m.group(0).translate(_QUOTES), text)


def _template_line(exc: BaseException) -> int | None:
    """The line of the jinja2 template where a render error happened (jinja2 rewrites the
    traceback so that its frames carry the template's file name and line)."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def check_template(path: Path, sample: dict) -> list[TemplateProblem]:
    """Unknown variables and broken tags of a template, each with its paragraph; [] when it
    renders against the sample context. Each paragraph is one line of a text-only copy of
    the template, so jinja2's line numbers point at paragraphs."""
    import docx
    from jinja2 import TemplateError, TemplateSyntaxError, meta

    try:
        texts = [p.text for p in paragraphs(docx.Document(str(path)))]
    except Exception as e:
        return [TemplateProblem(0, "", f"không mở được tệp Word ({unusable(e)})")]
    lines = [_tag_source(t) for t in texts]
    source = "\n".join(lines)
    env = environment()

    def at(line: int | None, message: str) -> TemplateProblem:
        if line and 1 <= line <= len(texts):
            return TemplateProblem(line, texts[line - 1], message)
        return TemplateProblem(0, "", message)

    try:
        parsed = env.parse(source)
    except TemplateSyntaxError as e:
        line = e.lineno
        if "unexpected end of template" in str(e).lower():
            line = _unclosed(lines) or line  # the block that was opened, not the last line
        return [at(line, _describe(e))]
    unknown = sorted(meta.find_undeclared_variables(parsed) - set(sample))
    if unknown:
        problems = []
        for name in unknown:
            word = re.compile(rf"(?<![\w.]){re.escape(name)}(?!\w)")
            where = [i for i, line in enumerate(lines, 1)
                     if any(word.search(tag) for tag in _TAG.findall(line))]
            problems.extend(at(i, f"biến không biết '{name}'") for i in where or [0])
        return sorted(problems, key=lambda p: p.paragraph)
    try:
        env.from_string(source).render(sanitise(sample))
    except TemplateError as e:
        return [at(_template_line(e), _describe(e))]
    return _render_for_real(path, sample, texts)


_BLOCKS = ("for", "if", "macro", "call", "filter", "with", "block", "raw", "set")


def _unclosed(lines: list[str]) -> int | None:
    """The line of the innermost block tag left open ({% for %} without {% endfor %})."""
    stack: list[tuple[str, int]] = []
    for number, line in enumerate(lines, 1):
        for tag in re.findall(r"\{%-?\s*(\w+)([^%]*)%\}", line):
            word, rest = tag
            if word == "set" and "=" in rest:
                continue  # {% set x = … %} opens nothing
            if word in _BLOCKS:
                stack.append((word, number))
            elif word.startswith("end") and stack and stack[-1][0] == word[3:]:
                stack.pop()
    return stack[-1][1] if stack else None


def _render_for_real(path: Path, sample: dict, texts: list[str]) -> list[TemplateProblem]:
    """docxtpl's own pass (its {%p/{%tr handling can fail where the text copy did not)."""
    from jinja2 import TemplateError

    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "mau.docx"
        try:
            _render_raw(path, sample, target)
        except TemplateError as e:
            misplaced = re.search(r"unknown tag '(tr|tc|p|r)'", str(e))
            if misplaced:  # docxtpl only strips {%tr/{%tc inside a table row/cell
                mark = "{%" + misplaced.group(1) + " "
                where = next((i for i, t in enumerate(texts, 1) if mark in t), 0)
                return [TemplateProblem(where, texts[where - 1] if where else "",
                                        f"thẻ {mark}… %}} đặt sai chỗ ({{%tr và {{%tc chỉ dùng trong bảng; "
                                        f"{{%p phải đứng một mình trong đoạn)")]
            return [TemplateProblem(0, "", _describe(e))]
        except Exception as e:
            return [TemplateProblem(0, "", f"mẫu không dùng được ({unusable(e)})")]
        left = verify(target, [])
    return [TemplateProblem(0, "", f"sau khi điền mẫu: {p}") for p in left]
