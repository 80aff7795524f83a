"""SPEC §6 Safety for Word documents: a template from the data folder runs no Python (Jinja's
immutable sandbox, plus a refusal of any tag reaching for Python internals even in a branch
never rendered); a full disk says so and leaves nothing; temporary documents of a killed run
are cleared by the next write."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import age, make_template

from dukcli.render import word
from dukcli.resources import template
from dukcli.rules import report

REPO = Path(__file__).resolve().parent.parent
VISIT = "person: nguyen-thi-lan\nunit: cb-so-tai-chinh\ndate: 2019-05-14\nwork:\n  situation: Ổn định\n"

# Classic Jinja server-side template injection payloads; each would run `touch PWNED` in the
# current folder (or show Python's internals) under a plain jinja2.Environment.
PAYLOADS = {
    "cycler": "{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}",
    "joiner": "{{ joiner.__init__.__globals__.os.system('touch PWNED') }}",
    "namespace": "{{ namespace.__init__.__globals__.os.popen('touch PWNED').read() }}",
    "lipsum": "{{ lipsum.__globals__['os'].popen('touch PWNED').read() }}",
    "self-context": "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.popen('touch PWNED').read() }}",
    "subclasses": "{% for c in ''.__class__.__mro__[1].__subclasses__() %}{% if c.__name__ == '_wrap_close' %}"
                  "{{ c.__init__.__globals__['popen']('touch PWNED').read() }}{% endif %}{% endfor %}",
    "builtins-import": "{{ cycler.__init__.__globals__.__builtins__.__import__('os').popen('touch PWNED').read() }}",
    "item-syntax": "{{ lipsum['__globals__']['os'].popen('touch PWNED').read() }}",
    "attr-filter-escaped": "{{ (lipsum|attr('\\x5f\\x5fglobals\\x5f\\x5f'))['os'].popen('touch PWNED').read() }}",
    "attr-filter-built": "{{ (lipsum|attr('_' ~ '_glob' ~ 'als_' ~ '_'))['os'].popen('touch PWNED').read() }}",
    "str-format": "{{ '{0.__init__.__globals__[os]}'.format(cycler) }}",
    "request": "{{ request.application.__globals__.__builtins__.__import__('os').popen('touch PWNED').read() }}",
}
UNSAFE = "thẻ không an toàn"


@pytest.fixture
def hostile(make_folder, tmp_path, monkeypatch):
    """hostile(payload) -> (data folder with the payload as paragraph 2 of both its templates,
    an empty output folder); the process works in an empty folder where PWNED would appear."""
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)

    def make(payload: str, lines: list[str] | None = None):
        folder = make_folder({"visits/2019/05/a.yaml": VISIT})
        (folder / "templates").mkdir()
        body = lines or ["Kính gửi: {{ org.name }}", payload, "Hết."]
        make_template(folder / "templates" / "report.docx", body)
        make_template(folder / "templates" / "summary.docx", body)
        out = tmp_path / "out"
        out.mkdir(exist_ok=True)
        return folder, out

    return make


def assert_refused(result, out: Path) -> None:
    assert result.exit_code == 1, result.output
    assert UNSAFE in result.stderr and "truy cập vào bên trong Python" in result.stderr, result.stderr
    assert "không có gì được ghi" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(out.iterdir()) == []  # no document, no temporary file
    assert not Path("PWNED").exists(), "the template ran a command"


@pytest.mark.parametrize("payload", list(PAYLOADS.values()), ids=list(PAYLOADS))
def test_report_refuses_a_hostile_template(duk, hostile, payload):
    folder, out = hostile(payload)
    result = duk(["report", "--person", "lan", "-p", "2019Q2", "-o", str(out / "lan.docx")], data=folder)
    assert_refused(result, out)
    assert "templates/report.docx" in result.stderr and "đoạn 2" in result.stderr


@pytest.mark.parametrize("payload", list(PAYLOADS.values()), ids=list(PAYLOADS))
def test_summary_refuses_a_hostile_template(duk, hostile, payload):
    folder, out = hostile(payload)
    result = duk(["summary", "-p", "2019Q2", "-o", str(out / "tong-hop.docx")], data=folder)
    assert_refused(result, out)
    assert "templates/summary.docx" in result.stderr and "đoạn 2" in result.stderr


@pytest.mark.parametrize("payload", list(PAYLOADS.values()), ids=list(PAYLOADS))
def test_template_check_reports_a_hostile_template(duk, hostile, payload):
    folder, _ = hostile(payload)
    for name in ("report.docx", "summary.docx"):
        result = duk(["template", "check", str(folder / "templates" / name)], data=None)
        assert result.exit_code == 1, result.output
        assert "Mẫu hợp lệ" not in result.stdout
        assert f"đoạn 2 «{payload[:40]}" in result.stderr and UNSAFE in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
        assert not Path("PWNED").exists(), "template check ran a command"


@pytest.mark.parametrize("name", ["cycler", "subclasses", "item-syntax", "attr-filter-escaped", "self-context"])
def test_a_payload_in_a_branch_never_rendered_is_still_refused(duk, hostile, name):
    folder, out = hostile("", ["Kính gửi: {{ org.name }}", "{%p if false %}", PAYLOADS[name], "{%p endif %}"])
    result = duk(["template", "check", str(folder / "templates" / "report.docx")], data=None)
    assert result.exit_code == 1, result.output
    assert "đoạn 3" in result.stderr and UNSAFE in result.stderr, result.stderr
    result = duk(["report", "--person", "lan", "-p", "2019Q2", "-o", str(out / "lan.docx")], data=folder)
    assert_refused(result, out)
    assert "đoạn 3" in result.stderr


def test_every_unsafe_paragraph_is_named(duk, hostile):
    folder, _ = hostile("", ["{{ org.name }}", PAYLOADS["cycler"], "Giữa", PAYLOADS["lipsum"]])
    result = duk(["template", "check", str(folder / "templates" / "report.docx")], data=None)
    assert result.exit_code == 1
    assert "đoạn 2" in result.stderr and "đoạn 4" in result.stderr and "có 2 lỗi" in result.stderr


def test_a_payload_in_the_document_properties_is_refused(duk, hostile):
    import docx

    folder, out = hostile("Bình thường")
    path = folder / "templates" / "report.docx"
    d = docx.Document(str(path))
    d.core_properties.title = PAYLOADS["cycler"]
    d.save(str(path))
    result = duk(["report", "--person", "lan", "-p", "2019Q2", "-o", str(out / "lan.docx")], data=folder)
    assert_refused(result, out)
    result = duk(["template", "check", str(path)], data=None)
    assert result.exit_code == 1 and UNSAFE in result.stderr
    assert not Path("PWNED").exists()


@pytest.mark.parametrize("source, names", [
    ("{{ '{0.a.__class__}'.format(x) }}", ["__class__"]),
    ("{{ '{0[__globals__]}'.format(x) }}", ["__globals__"]),
    ("{{ x|map('attr', '__class__')|list }}", ["__class__"]),
    ("{{ x|map(attribute='a.__class__')|list }}", ["a.__class__"]),
    ("{{ x|join(', ', '__dict__') }}", ["__dict__"]),
    ("{{ x|sort(attribute='__class__') }}", ["__class__"]),
    ("{{ x|selectattr('__class__') }}", ["__class__"]),
    ("{{ x.gi_frame }}\n{{ y['_private'] }}", ["gi_frame", "_private"]),
    ("{{ '{0.name} {1}'.format(x, y) }}", []),
    ("{{ x|map('upper')|list }} {{ x|replace('_', ' ')|join('_') }}", []),
    ("{% for para in items['I.1'] %}{{ loop.index }}. {{ para }}{% endfor %}", []),
    ("{% set ns = namespace(n=0) %}{{ ns.n }}{{ range(3)|list }}{{ cycler(1, 2).next() }}", []),
])
def test_the_parse_time_check_names_internals_and_nothing_else(source, names):
    from jinja2 import Environment

    found = word.internals(Environment().parse(source))
    assert sorted(name for _, name in found) == sorted(names)
    assert [line for line, _ in found] == sorted(line for line, _ in found)


def test_the_sandbox_still_renders_what_a_clerk_writes(tmp_path):
    """Loops, filters, item lookups and the data: everything the shipped forms use."""
    lines = ["{{ person.name|upper }} – {{ items['I.1']|length }}", "{%p for para in items['I.1'] %}",
             "{{ loop.index }}. {{ para }}", "{%p endfor %}", "{{ work.visits|join('; ') }}"]
    path = make_template(tmp_path / "mau.docx", lines)
    assert word.check_template(path, report.sample_context()) == []
    assert word.check_template(template("report.docx"), report.sample_context()) == []
    ctx = report.sample_context()
    out = tmp_path / "r.docx"
    word.write_checked(path, ctx, out, [])
    assert word.read_paragraphs(out)[0] == f"{ctx['person']['name'].upper()} – {len(ctx['items']['I.1'])}"


# --- a full disk ----------------------------------------------------------------------------

def _limited() -> None:
    """Child process: files may not grow past 20,000 bytes; write() then fails with EFBIG."""
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000))


def run_limited(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("DUK_DATA", "DUK_DEBUG")}
    environ.update({"PYTHONPATH": str(REPO), "DUK_TODAY": "2019-12-31", "PYTHONIOENCODING": "utf-8",
                    "PYTHONDONTWRITEBYTECODE": "1", "DUK_INTERACTIVE": "0"})
    return subprocess.run([sys.executable, "-m", "dukcli", *args], cwd=cwd, env=environ, capture_output=True,
                          text=True, encoding="utf-8", timeout=120, preexec_fn=_limited)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs preexec_fn and RLIMIT_FSIZE")
@pytest.mark.parametrize("command", [["report", "--person", "lan", "-p", "2019Q2"], ["summary", "-p", "2019Q2"]],
                         ids=["report", "summary"])
def test_a_document_too_big_for_the_disk_leaves_nothing(make_folder, tmp_path, command):
    folder = make_folder({"visits/2019/05/a.yaml": VISIT})
    out = tmp_path / "out"
    out.mkdir()
    target = out / "bao-cao.docx"
    done = run_limited(["--data", str(folder), *command, "-o", str(target)], cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
    assert f"không ghi được tệp '{target}'" in done.stderr, done.stderr
    assert "mẫu" not in done.stderr  # the template is not to blame
    assert list(out.iterdir()) == []


def test_a_full_disk_is_named_and_leaves_nothing(duk, make_folder, tmp_path, monkeypatch):
    real_fsync = os.fsync

    def fsync(fd):
        if ".duk-" in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_fsync(fd)

    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc")
    monkeypatch.setattr(os, "fsync", fsync)
    folder = make_folder({"visits/2019/05/a.yaml": VISIT})
    out = tmp_path / "out"
    out.mkdir()
    for command, name in ((["report", "--person", "lan", "-p", "2019Q2"], "lan.docx"),
                          (["summary", "-p", "2019Q2"], "tong-hop.docx")):
        result = duk([*command, "-o", str(out / name)], data=folder)
        assert result.exit_code == 1, result.output
        assert f"không ghi được tệp '{out / name}': ổ đĩa đã đầy" in result.stderr, result.stderr
        assert list(out.iterdir()) == []


# --- temporary documents of a killed run ----------------------------------------------------

def test_the_next_write_removes_old_temporary_documents_only(duk, make_folder, tmp_path):
    folder = make_folder({"visits/2019/05/a.yaml": VISIT})
    out = tmp_path / "out"
    out.mkdir()
    old = out / ".duk-ab3_x9yz.docx"  # left by a run killed an hour ago
    fresh = out / ".duk-k2m4n6p8.docx"  # a run writing right now
    mine = out / ".duk-ghi-chu.docx"  # not a name duk makes
    outside = tmp_path / "ngoai.docx"
    link = out / ".duk-lnk00000.docx"
    for path in (old, fresh, mine, outside):
        path.write_bytes(b"PK dang do")
    link.symlink_to(outside)
    for path in (old, mine, outside):
        age(path, 3600)
    age(fresh, 60)
    os.utime(link, (time.time() - 3600,) * 2, follow_symlinks=False)
    result = duk(["report", "--person", "lan", "-p", "2019Q2", "-o", str(out / "lan.docx")], data=folder)
    assert result.exit_code == 0, result.output
    assert not old.exists()
    assert fresh.exists() and mine.exists() and outside.exists() and link.is_symlink()
    old.write_bytes(b"PK")
    age(old, 11 * 60)
    result = duk(["summary", "-p", "2019Q2", "-o", str(out / "tong-hop.docx")], data=folder)
    assert result.exit_code == 0, result.output
    assert not old.exists() and fresh.exists()
    assert sorted(p.name for p in out.iterdir()) == sorted([fresh.name, mine.name, link.name, "lan.docx",
                                                            "tong-hop.docx"])
