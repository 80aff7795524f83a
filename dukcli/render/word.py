"""Word documents from docxtpl templates a clerk can edit, written safely and read back.

Shared by the individual report and the compiled summary. Four promises:
- a template runs no Python (SPEC §6): it is rendered in Jinja's immutable sandbox, and a
  tag that reaches for Python internals (`__class__`, `cycler.__init__`…) is refused when the
  template is parsed, even in a branch that would never be rendered;
- data is text, never template: docxtpl parses the template once, values are inserted with
  autoescape on (so `<` and `&` cannot break the XML) and StrictUndefined (a misspelt
  variable is an error, not a blank);
- nothing unprintable reaches the writer (`sanitise` is the last line of defence);
- a written file is read back and checked before it takes its final name; a write that
  fails (full disk) leaves nothing, and temporary documents of a killed run are cleared.
Heavy imports (docx, docxtpl, jinja2) stay inside the functions.
"""

from __future__ import annotations

import functools
import io
import os
import re
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from dukcli.text import BAD_CHARS, nfc
from dukcli.words import output as W

# docxtpl turns these back into braces after rendering, so data holding them would change;
# an XML character reference for "_" survives that step and reads back as "_".
_DOCXTPL_MARKERS = ("{_{", "}_}", "{_%", "%_}")
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_TAG_OPEN = re.compile(r"\{\{|\{%|\{#")
# docxtpl's paragraph/row/cell/run prefixes: {%p for %}, {{r x }}, {#tr … #}
_PREFIX = re.compile(r"(\{[{%#])(?:p|tr|tc|r)\s")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})

# Attribute names no form needs and every escape from a template uses: Python's private and
# dunder names (`__class__`, `__globals__`, `_TemplateReference__context`) and the frame,
# code and generator attributes that jinja2's sandbox refuses as well.
_INTERNAL = frozenset({"mro", "gi_frame", "gi_code", "gi_yieldfrom", "cr_frame", "cr_code", "cr_await",
                       "ag_frame", "ag_code", "ag_await", "f_globals", "f_locals", "f_builtins", "f_back",
                       "f_code", "tb_frame", "tb_next", "co_code", "func_globals", "func_code"})
# Filters that look an attribute up by a name given as a string, and where that name stands
# among their positional arguments (`attribute=` is looked at for every filter).
_ATTRIBUTE_ARG = {"attr": 0, "selectattr": 0, "rejectattr": 0, "groupby": 0, "sum": 0, "join": 1,
                  "unique": 1, "min": 1, "max": 1, "sort": 2}
# A str.format replacement field, and the attribute and item names inside one:
# '{0.__class__}', '{x[__globals__]}'.
_FORMAT_FIELD = re.compile(r"\{([^{}]*)\}")
_FORMAT_NAME = re.compile(r"[.\[]\s*([^.\[\]!:]*)")
# Temporary documents of write_checked (mkstemp's names); older than this, their run is dead.
_TEMP_DOCUMENT = re.compile(r"\.duk-[a-z0-9_]{8}\.docx")
STALE_TEMP_SECONDS = 600


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

def internal_name(name) -> bool:
    """Whether an attribute or item name reaches for Python's internals."""
    return isinstance(name, str) and any(part.startswith("_") or part in _INTERNAL for part in name.split("."))


def internals(tree) -> list[tuple[int, str]]:
    """(line, name) of every tag of a parsed template that reaches for Python internals: an
    attribute (`x.__class__`), an item (`x['__globals__']`), a filter's attribute name
    (`x|attr('__init__')`, `map(attribute=…)`) or a str.format field (`'{0.__class__}'.format`).
    The whole tree is walked, so a branch that would never be rendered counts too; names built
    at render time are for the sandbox to refuse."""
    from jinja2 import nodes

    def const(node) -> str | None:
        return node.value if isinstance(node, nodes.Const) and isinstance(node.value, str) else None

    found = []
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter)):
        names: list[str | None] = []
        if isinstance(node, nodes.Getattr):
            names.append(node.attr)
            receiver = const(node.node)
            if receiver is not None and node.attr in ("format", "format_map"):
                names.extend(name for field in _FORMAT_FIELD.findall(receiver)
                             for name in _FORMAT_NAME.findall(field))
        elif isinstance(node, nodes.Getitem):
            names.append(const(node.arg))
        else:
            args = node.args
            if node.name == "map" and args and const(args[0]) in _ATTRIBUTE_ARG:  # map('attr', '__class__')
                name, args = const(args[0]), args[1:]
            else:
                name = node.name
            index = _ATTRIBUTE_ARG.get(name)
            if index is not None and index < len(args):
                names.append(const(args[index]))
            names.extend(const(kw.value) for kw in node.kwargs if kw.key == "attribute")
        found.extend((node.lineno, name) for name in names if internal_name(name))
    return sorted(set(found))


@functools.cache
def _sandbox():
    """The environment class every render uses, and the error it raises at parse time (built on
    first use: jinja2 is a heavy import)."""
    from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

    class UnsafeTemplate(SecurityError):
        """A template with tags reaching for Python internals; found: [(line, name)]."""

        def __init__(self, found: list[tuple[int, str]]):
            self.found = found
            self.lineno = found[0][0]
            super().__init__(f"access to Python internals {sorted({n for _, n in found})} "
                             f"on line {self.lineno} is refused")

    class GuardedSandbox(ImmutableSandboxedEnvironment):
        """The immutable sandbox (no attribute of Python's internals, no call that changes a
        list or dict), which also refuses, when a template is parsed, any tag naming an
        internal: such a template is hostile even where that tag would never be rendered."""

        def _parse(self, source, name, filename):
            tree = super()._parse(source, name, filename)
            found = internals(tree)
            if found:
                raise UnsafeTemplate(found)
            return tree

    return GuardedSandbox, UnsafeTemplate


def environment():
    """The Jinja environment of every render and check (SPEC §6: no code from the data runs)."""
    from jinja2 import StrictUndefined

    guarded, _ = _sandbox()
    return guarded(autoescape=True, undefined=StrictUndefined)


def _unsafe_names(exc: Exception) -> list[str]:
    """The names a SecurityError was about: all those the parse-time check found, else the
    attribute of the sandbox's message ("access to attribute '__class__' of 'str' object…")."""
    found = getattr(exc, "found", None)
    if found:
        return list(dict.fromkeys(name for _, name in found))
    return re.findall(r"attribute '(.+?)'", str(exc))[:1]


def _unsafe(exc: Exception) -> str:
    """What a SecurityError means, for the clerk who will look for that tag in Word."""
    return _unsafe_words(_unsafe_names(exc))


def _unsafe_words(names: list[str]) -> str:
    listed = ", ".join(f"'{n}'" for n in names)
    if not names or any(internal_name(n) for n in names):
        return W.unsafe_internals(listed)
    return W.unsafe_operation(listed)


def _describe(exc: Exception) -> str:
    """A jinja2 error in Vietnamese, with the names it is about; jinja2's English stays out
    (a clerk reads this; DUK_DEBUG=1 shows the original to a maintainer)."""
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.sandbox import SecurityError

    raw = str(exc)
    if isinstance(exc, SecurityError):
        return _unsafe(exc)
    if isinstance(exc, UndefinedError):
        m = re.match(r"'(.+?)' is undefined", raw)
        if m:
            return W.unknown_variable(m.group(1))
        m = re.search(r"has no attribute '(.+?)'", raw)
        if m:
            return W.no_field(m.group(1))
        return W.NO_VALUE
    if isinstance(exc, TemplateSyntaxError):
        low = raw.lower()
        if "unexpected end of template" in low:
            return W.UNCLOSED_TAG
        m = re.search(r"unknown tag '(.+?)'", raw)
        if m:
            return W.unknown_tag(m.group(1))
        return W.BAD_TAG
    return W.template_unusable(type(exc).__name__)


def _render_raw(template: Path, context: dict) -> bytes:
    """The rendered document's bytes, built in memory: only write_document touches the disk,
    so a full disk cannot be mistaken for a broken template (nor leave a half-closed zip
    whose clean-up prints "Exception ignored")."""
    from docxtpl import DocxTemplate

    doc = DocxTemplate(str(template))
    doc.render(sanitise(context), jinja_env=environment(), autoescape=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def write_document(path: Path, data: bytes) -> None:
    """data into the existing empty file path, flushed to the disk; OSError (ENOSPC, EFBIG,
    EDQUOT, EIO…) as the system says, the caller removing the file."""
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


def unusable(e: Exception) -> str:
    """Why python-docx or docxtpl could not use a file, in Vietnamese; an exception with no
    word here keeps only its type name, for the maintainer."""
    import zipfile

    from docx.opc.exceptions import PackageNotFoundError

    from dukcli.oserr import describe

    if isinstance(e, (PackageNotFoundError, zipfile.BadZipFile)):
        return W.NOT_DOCX
    if isinstance(e, OSError):
        return describe(e)
    return W.unreadable_part(type(e).__name__)


def render(template: Path, context: dict, target: Path) -> None:
    """Render template with the sanitised context into target (a new, empty file). A template
    that fails is a WordError; a disk that fails is the OSError, for the caller to name the
    file it was writing."""
    from jinja2 import TemplateError
    from jinja2.sandbox import SecurityError

    try:
        data = _render_raw(template, context)
    except SecurityError as e:
        raise WordError(W.unsafe_template(template, _unsafe(e), _where(template, context, e))) from None
    except TemplateError as e:
        raise WordError(W.template_error(template, _describe(e))) from None
    except Exception as e:  # not a .docx, damaged zip, docxtpl failing on a clerk's edit
        raise WordError(W.template_not_usable(template, unusable(e))) from None
    write_document(target, data)


def _where(template: Path, context: dict, exc: Exception) -> str:
    """" ở đoạn N «…»" for the paragraph holding the unsafe tag, found as template check finds
    it: the text-only copy (one paragraph a line) parsed, else rendered, in the same sandbox;
    else the first paragraph naming the attribute. A tag outside the paragraphs (text box,
    footnote, document property) is said to be there."""
    from jinja2.sandbox import SecurityError

    outside = W.OUTSIDE_PARAGRAPHS
    try:
        texts = read_paragraphs(template)
    except Exception:
        return ""
    lines = [_tag_source(t) for t in texts]
    line = None
    try:
        environment().from_string("\n".join(lines)).render(sanitise(context))
    except SecurityError as e:  # at parse time (with every line) or at render time
        found = getattr(e, "found", None)
        line = found[0][0] if found else _template_line(e)
    except Exception:  # the text copy fails elsewhere first: look for the name instead
        pass
    if line is None:
        names = _unsafe_names(exc)
        line = next((i for i, text in enumerate(lines, 1)
                     if any(n in tag for tag in _TAG.findall(text) for n in names)), None)
    if not line or not 1 <= line <= len(texts):
        return outside
    return W.in_paragraph(line, short(texts[line - 1]))


def short(text: str, width: int = 80) -> str:
    """A paragraph's text cut to width, for a message."""
    return text if len(text) <= width else text[: width - 1] + "…"


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
    Tags are looked for after removing the data strings, so a `{{` typed in a note is fine.

    Linear in the document: an expected string that is a whole paragraph (most are) is found
    in a set; only the others are searched for in the text, and only the paragraphs where a
    tag could start have the data strings taken out of them."""
    try:
        texts = read_paragraphs(path)
    except Exception as e:  # a file python-docx cannot open is exactly what we must catch
        return [W.reread_failed(unusable(e))]
    problems = []
    whole = "\n".join(texts)
    paragraphs = set(texts)
    for text in expected:
        wanted = clean_text(text)
        if wanted not in paragraphs and wanted not in whole:
            problems.append(W.missing_text(text))
    suspects = [text for text in texts if _TAG_OPEN.search(text)]
    if suspects:
        data = sorted({clean_text(t) for t in expected if t}, key=len, reverse=True)
        for text in suspects:
            rest = text
            for d in data:
                if d in rest:
                    rest = rest.replace(d, "")
            if _TAG_OPEN.search(rest):
                problems.append(W.tag_left(text))
    return problems


def write_checked(template: Path, context: dict, target: Path, expected: list[str],
                  overwrite: bool = False) -> None:
    """Render into a temporary file beside target, read it back, and only then give it its
    name: linked (never over another file) or, with overwrite, replaced. Nothing is left
    behind on failure; FileExistsError when target exists and overwrite is False; OSError
    when the disk fails (full, over quota…)."""
    from dukcli.store.write import make_folder

    folder = target.parent
    make_folder(folder)
    remove_stale_temps(folder)
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".duk-", suffix=".docx")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        from dukcli.store.write import plain_mode

        os.chmod(tmp, plain_mode())
        render(template, context, tmp)
        problems = verify(tmp, expected)
        if problems:
            raise WordError(W.failed_reread(target.name, "; ".join(problems[:5])))
        if overwrite:
            os.replace(tmp, target)
        else:
            os.link(tmp, target)  # atomic and exclusive
    finally:
        try:
            tmp.unlink()
        except OSError:  # renamed into place; or the disk failing still (the next write clears it)
            pass


def remove_stale_temps(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary documents a killed run left in folder: regular files with
    write_checked's names, untouched for STALE_TEMP_SECONDS (a run still writing its own is
    seconds old). Links and anything else are left alone; what was removed is returned."""
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _TEMP_DOCUMENT.fullmatch(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(st.st_mode) and now - st.st_mtime > STALE_TEMP_SECONDS:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


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
        return [TemplateProblem(0, "", W.cannot_open_word(unusable(e)))]
    lines = [_tag_source(t) for t in texts]
    source = "\n".join(lines)
    env = environment()

    def at(line: int | None, message: str) -> TemplateProblem:
        if line and 1 <= line <= len(texts):
            return TemplateProblem(line, texts[line - 1], message)
        return TemplateProblem(0, "", message)

    _, unsafe = _sandbox()
    try:
        parsed = env.parse(source)
    except TemplateSyntaxError as e:
        line = e.lineno
        if "unexpected end of template" in str(e).lower():
            line = _unclosed(lines) or line  # the block that was opened, not the last line
        return [at(line, _describe(e))]
    except unsafe as e:  # every paragraph reaching for Python internals, rendered or not
        by_line: dict[int, list[str]] = {}
        for line, name in e.found:
            by_line.setdefault(line, []).append(name)
        return [at(line, _unsafe_words(names) + W.NOT_RUN)
                for line, names in sorted(by_line.items())]
    unknown = sorted(meta.find_undeclared_variables(parsed) - set(sample))
    if unknown:
        problems = []
        for name in unknown:
            word = re.compile(rf"(?<![\w.]){re.escape(name)}(?!\w)")
            where = [i for i, line in enumerate(lines, 1)
                     if any(word.search(tag) for tag in _TAG.findall(line))]
            problems.extend(at(i, W.unknown_variable(name)) for i in where or [0])
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
    from jinja2.sandbox import SecurityError

    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "mau.docx"
        try:
            data = _render_raw(path, sample)
        except SecurityError as e:  # the text copy passed: a text box, footnote or property
            return [TemplateProblem(0, "", _unsafe(e) + _where(path, sample, e) + W.NOT_RUN)]
        except TemplateError as e:
            misplaced = re.search(r"unknown tag '(tr|tc|p|r)'", str(e))
            if misplaced:  # docxtpl only strips {%tr/{%tc inside a table row/cell
                mark = "{%" + misplaced.group(1) + " "
                where = next((i for i, t in enumerate(texts, 1) if mark in t), 0)
                return [TemplateProblem(where, texts[where - 1] if where else "", W.misplaced_tag(mark))]
            return [TemplateProblem(0, "", _describe(e))]
        except Exception as e:
            return [TemplateProblem(0, "", W.template_unusable(unusable(e)))]
        try:
            target.write_bytes(data)
        except OSError as e:  # the disk, not the template
            return [TemplateProblem(0, "", W.temp_write_failed(unusable(e)))]
        left = verify(target, [])
    return [TemplateProblem(0, "", W.after_filling(p)) for p in left]
