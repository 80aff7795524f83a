"""`duk serve`: the data folder as a local web application (SPEC §8), on Flask.

Every request loads what its page shows through store/loader with the window of its period
(the index makes that fast), so a file changed on disk shows at the next request. The forms
judge and write through cli/entries, exactly what `duk log-visit` and `duk submit` call.
Nothing from a request names a file: ids are slugs that must exist in the lists, periods are
parsed by dukcli.periods, and the templates are fixed names.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
import tempfile
import threading
from pathlib import Path

from flask import Flask, abort, flash, get_flashed_messages, render_template, request, send_file, session

from dukcli import model as m
from dukcli import words
from dukcli.cli.common import DukError, today
from dukcli.dates import fmt
from dukcli.web import security
from dukcli.words import commands as CW
from dukcli.words import output as O
from dukcli.words import proposals as PW
from dukcli.words import web as W

SLUG = re.compile(r"[a-z0-9-]+")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def create_app(root: Path, read_only: bool = False, password: tuple[bytes, bytes] | None = None) -> Flask:
    """The application over the data folder root. password: (salt, hash) of the password file."""
    app = Flask(__name__, static_folder="static", template_folder="templates")
    app.secret_key = secrets.token_bytes(32)  # a new one each run: sessions end with the server
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Strict",
                      MAX_CONTENT_LENGTH=256 * 1024, DUK_ROOT=Path(root), DUK_READ_ONLY=read_only)
    token = security.new_token()
    site = Site(Path(root))
    good = set()  # sha256 of passwords already checked this run (scrypt costs ~50 ms a check)

    env = app.jinja_env
    from dukcli.rules.entry import LABELS, SECTION_NAMES

    env.globals.update(W=W, O=O, PW=PW, CW=CW, G=words, M=m, fmt=fmt, read_only=read_only, labels=LABELS,
                       sections=SECTION_NAMES)
    env.filters["first_upper"] = lambda text: text[:1].upper() + text[1:] if text else text
    env.trim_blocks = env.lstrip_blocks = True

    @app.before_request
    def guard():
        if password is not None and not _authorised(password, good):
            body, status = _page("error.html", 401, title=W.FORBIDDEN, message=W.LOGIN_NEEDED)
            return body, status, {"WWW-Authenticate": f'Basic realm="{W.LOGIN_REALM}", charset="UTF-8"'}
        if request.method not in ("GET", "HEAD"):
            if read_only:
                return _page("error.html", 405, title=W.FORBIDDEN, message=W.READ_ONLY_REFUSED)
            if not (security.same_token(request.form.get("csrf"), session.get("csrf"))
                    and security.same_token(session.get("csrf"), token)):
                return _page("error.html", 403, title=W.FORBIDDEN, message=W.CSRF_REFUSED)
        if session.get("csrf") != token:
            session["csrf"] = token
        return None

    @app.after_request
    def headers(response):
        for name, value in security.HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.errorhandler(404)
    def not_found(_):
        return _page("error.html", 404, title=W.NOT_FOUND, message=W.NOT_FOUND_TEXT)

    @app.errorhandler(405)
    def not_allowed(_):
        return _page("error.html", 405, title=W.FORBIDDEN, message=W.READ_ONLY_REFUSED if read_only else W.FORBIDDEN)

    @app.errorhandler(400)
    @app.errorhandler(413)
    def bad_request(_):
        return _page("error.html", 400, title=W.BAD_REQUEST, message=W.BAD_REQUEST_TEXT)

    @app.errorhandler(500)
    def server_error(_):
        return _page("error.html", 500, title=W.SERVER_ERROR, message=W.SERVER_ERROR_TEXT)

    from dukcli.web import pages

    pages.register(app, site)
    return app


def _authorised(password: tuple[bytes, bytes], good: set) -> bool:
    auth = request.authorization
    given = auth.password if auth is not None and auth.type == "basic" else None
    if not given:
        return False
    key = hashlib.sha256(given.encode("utf-8", "replace")).digest()
    if key in good:
        return True
    if security.password_matches(given, *password):
        good.add(key)
        return True
    return False


def _page(template: str, status: int = 200, **context):
    return render_template(template, csrf=session.get("csrf", ""), messages=get_flashed_messages(), **context), status


page = _page  # for the pages module


class Site:
    """The data folder as the pages read it: one load at a time (the index is one SQLite file
    and the server may run several threads)."""

    def __init__(self, root: Path):
        self.root = root
        self.lock = threading.Lock()
        self.answers: dict = {}  # (fingerprint of the files loaded, question) -> answer

    def remember(self, key: tuple, compute):
        """An answer computed once per state of the files it rests on: the loader's fingerprint
        digests the stat key of every file of the window, so any change on disk is a new key
        (no fingerprint: computed every time)."""
        if not key[0]:
            return compute()
        with self.lock:
            if key in self.answers:
                return self.answers[key]
        answer = compute()
        with self.lock:
            if len(self.answers) >= 32:
                self.answers.pop(next(iter(self.answers)))
            self.answers[key] = answer
        return answer

    def load(self, start: dt.date | None, end: dt.date | None, day: dt.date | None = None,
             with_proposals: bool = False, want: tuple = (), mergeable: bool = False):
        """(dataset, every diagnostic) of the lists and the visits and submissions of the dates;
        with_proposals: their proposals too (from the index, as the commands load them); want:
        answers kept in the index (store/loader.checked), in ds.kept; mergeable: each of them is
        asked with kept(merge=…)."""
        from dukcli.store.loader import checked
        from dukcli.store.refresh import Window

        with self.lock:
            return checked(self.root, day or today(), Window.of(start, end) if start else None,
                           with_proposals=with_proposals, want=want, mergeable=mergeable)

    def years(self, period, with_proposals: bool = False, want: tuple = (), mergeable: bool = False):
        return self.load(dt.date(period.start.year, 1, 1), dt.date(period.end.year, 12, 31),
                         with_proposals=with_proposals, want=want, mergeable=mergeable)

    def kept(self, ds, name: str, compute, merge=None):
        """An answer asked of load(want=…): the one kept in the index, else computed and kept
        there (as the commands' common.answer) for the next request on the same files; merge:
        as common.answer's, when the load brought the kept one up to date by person."""
        from dukcli.store.loader import keep, maker

        if name in ds.kept:
            return ds.kept[name]
        value = self.remember((ds.fingerprint, name), maker(ds, name, compute, merge))
        with self.lock:
            keep(self.root, ds, today(), name, value)
        return value

    def open_proposals(self, ds, day: dt.date):
        """ds with the proposals agenda weighs (those that may be open over 30 days), as duk agenda."""
        from dukcli.rules import agenda as todo
        from dukcli.store.proposals import raised_between

        with self.lock:
            return raised_between(self.root, ds, *todo.proposals_window(day))

    def month(self, day: dt.date):
        from dukcli.dates import month_end

        return self.load(day.replace(day=1), month_end(day.year, day.month))

    def check_all(self):
        from dukcli.store.loader import check_all

        with self.lock:
            return check_all(self.root, today())

    def notes(self, ds, start: dt.date, end: dt.date, people=None):
        from dukcli.store.loader import with_notes

        with self.lock:
            return with_notes(self.root, ds, start, end, people=people)


def slug(value: str) -> str:
    if not SLUG.fullmatch(value or ""):
        abort(404)
    return value


def flash_saved(text: str, rel: str, sha: str | None) -> None:
    flash({"text": text, "file": rel, "commit": sha})


def temp_file(suffix: str) -> Path:
    """A fresh path in a new private temporary folder (a document is written there, read, and
    the folder removed by the caller)."""
    return Path(tempfile.mkdtemp(prefix="duk-serve-")) / f"tep{suffix}"


def send_bytes(data: bytes, name: str, mimetype: str):
    import io

    return send_file(io.BytesIO(data), mimetype=mimetype, as_attachment=True, download_name=name)


def refusal(error: DukError):
    return _page("error.html", 422, title=W.DOWNLOAD_FAILED, message=error.message)
