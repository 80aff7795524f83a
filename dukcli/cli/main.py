"""The `duk` command: a typer app whose group turns every failure into a Vietnamese message."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Annotated, Optional

import typer

from dukcli.cli import framework
from dukcli.cli.common import STATE, DukError
from dukcli.words import framework as W

_ABORTS = (typer.Abort, KeyboardInterrupt, EOFError)


class _Cancelled(Exception):
    """Ctrl-C or end of input inside a command (typer would swallow it silently)."""


class _PipeClosed(Exception):
    """The reader of stdout went away (`duk visits | head -1`); typer would exit 1 for it."""


# typer turns a KeyboardInterrupt it catches itself into Exit(130), which it *returns* when not in
# standalone mode: no duk command returns 130, so that value means a Ctrl-C and gets its words.
TYPER_CTRL_C = 130

# What commands and click raise on purpose, whatever they were handling at the time.
_MEANT = (DukError, framework.UsageProblem, typer.TyperException, *_ABORTS, typer.Exit)


def _by_ctrl_c(e: BaseException) -> bool:
    """Whether e is a Ctrl-C that the code it interrupted wrapped in an error of its own (Python
    3.11 turns one landing in __set_name__, while a lazy import creates a class, into a
    RuntimeError; typer imports pydantic that way while it parses the command line)."""
    seen = set()
    while e is not None and id(e) not in seen:
        if isinstance(e, KeyboardInterrupt):
            return True
        seen.add(id(e))
        e = e.__cause__ or e.__context__
    return False


@contextmanager
def _answerable():
    """Ctrl-C and end of input become _Cancelled, a closed stdout _PipeClosed, for DukGroup.main
    to answer (typer would swallow the first and exit 1 for the last)."""
    try:
        yield
    except (KeyboardInterrupt, EOFError):
        raise _Cancelled() from None
    except BrokenPipeError:
        raise _PipeClosed() from None
    except Exception as e:
        if not isinstance(e, _MEANT) and _by_ctrl_c(e):  # 130, not an internal error's 1
            raise _Cancelled() from None
        raise


def cancelled_message() -> str:
    """What a Ctrl-C leaves behind, truthfully: a write and its commit finish before Ctrl-C
    is let through (store/critical.py), and are then named here."""
    from dukcli.store.critical import DONE

    if not DONE:
        from dukcli.words import CANCELLED

        return CANCELLED
    return W.cancelled_after(DONE)


def data_first(args: list[str]) -> list[str]:
    """`--data DIR` is accepted before or after the command name (SPEC §5, like hledger's -f):
    found after it, it is moved in front, where the group's option reads it. What follows a
    `--` is an argument, never an option."""
    cut = args.index("--") if "--" in args else len(args)
    head, tail = args[:cut], args[cut:]
    moved: list[str] = []
    i = 0
    kept: list[str] = []
    while i < len(head):
        arg = head[i]
        if arg == "--data" and i + 1 < len(head):
            moved += head[i:i + 2]
            i += 2
            continue
        if arg.startswith("--data="):
            moved.append(arg)
        else:
            kept.append(arg)
        i += 1
    return moved + kept + tail


class DukGroup(framework.ViGroup):
    """Runs a command and maps every exception to a message and an exit status."""

    def make_context(self, *args, **kwargs):
        # Parsing the command line (values converted by framework._direct, or by typer's own
        # converters) and `duk --help` happen here, outside invoke.
        with _answerable():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx):
        with _answerable():  # the import too: a Ctrl-C landing in it must be answered like any other
            from dukcli.store.cache import sharing

            with sharing():  # one command's loads read each list file once
                return super().invoke(ctx)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        from dukcli.store.critical import DONE

        DONE.clear()  # what this run writes (several runs may share a process: tests, a server)
        try:
            args = data_first(list(sys.argv[1:] if args is None else args))
            rv = super().main(args=args, prog_name=prog_name or "duk", complete_var=complete_var,
                              standalone_mode=False, **extra)
        except DukError as e:
            print(W.error(e.message), file=sys.stderr)
            sys.exit(e.code)
        except framework.UsageProblem as e:
            print(W.usage_error(e.message, e.command_path), file=sys.stderr)
            sys.exit(2)
        except typer.TyperException as e:  # the framework's own words are English: never shown
            code = getattr(e, "exit_code", 1)
            if code == 2:
                ctx = getattr(e, "ctx", None)
                print(W.usage_error(W.BAD_COMMAND_LINE, ctx.command_path if ctx else "duk"), file=sys.stderr)
            else:
                print(W.framework_failed(type(e).__name__), file=sys.stderr)
            sys.exit(code)
        except (_Cancelled, *_ABORTS):
            print(cancelled_message(), file=sys.stderr)
            sys.exit(130)
        except (_PipeClosed, BrokenPipeError):
            from dukcli.render.output import stdout_gone

            stdout_gone()  # what is still buffered must not fail again at exit
            sys.exit(0)
        except Exception as e:  # the promise: no traceback ever reaches a user
            if os.environ.get("DUK_DEBUG"):
                raise
            print(W.internal_error(type(e).__name__, str(e)), file=sys.stderr)
            sys.exit(1)
        if rv == TYPER_CTRL_C:  # a Ctrl-C typer caught outside our wrappers (its context's exit)
            print(cancelled_message(), file=sys.stderr)
            sys.exit(130)
        code = rv if isinstance(rv, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


_APP = dict(
    cls=DukGroup,
    name="duk",
    help=W.ABOUT,
    add_completion=False,
    no_args_is_help=True,
    invoke_without_command=True,  # `duk --data DIR` alone: _root says a command is missing
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app = typer.Typer(**_APP)


def _version(shown: bool) -> None:
    if shown:
        import dukcli

        print(f"duk {dukcli.__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    data: Annotated[Optional[str], typer.Option("--data", help=W.DATA_HELP)] = None,
    version: Annotated[bool, typer.Option(
        "--version", help=W.VERSION_HELP, callback=_version, is_eager=True)] = False,
) -> None:
    if ctx.invoked_subcommand is None:
        raise framework.UsageProblem(W.MISSING_COMMAND, ctx.command_path)
    STATE.data = data


# Every command, by name, in the order of `duk --help`. Registered here, explicitly: a command
# module that fails to import is an error, never a command silently missing. Each module keeps
# its heavy imports (docx, jinja2…) inside its function.
_PLAIN: dict = {}  # name -> function of every command that is not a group of its own


def _register() -> None:
    from dukcli.cli import (cmd_agenda, cmd_check, cmd_init, cmd_logvisit, cmd_quota, cmd_report, cmd_scorecard,
                            cmd_status, cmd_submit, cmd_summary, cmd_template, cmd_visits)
    from dukcli.cli import cmd_assign

    commands = {
        "init": cmd_init.init,
        "check": cmd_check.check,
        "log-visit": cmd_logvisit.log_visit,
        "visits": cmd_visits.visits,
        "quota": cmd_quota.quota,
        "report": cmd_report.report_cmd,
        "submit": cmd_submit.submit,
        "status": cmd_status.status,
        "summary": cmd_summary.summary,
        "agenda": cmd_agenda.agenda,
        "scorecard": cmd_scorecard.scorecard,
        "assignments": cmd_assign.assignments,
        "assign": cmd_assign.assign,
        "unassign": cmd_assign.unassign,
    }
    for name, function in commands.items():
        _plain(name, function)
    app.add_typer(cmd_template.app, name="template", cls=framework.ViGroup)
    from dukcli.cli import cmd_edit, cmd_git
    for name, function in (("edit", cmd_edit.edit), ("rm", cmd_edit.rm), ("undo", cmd_git.undo),
                           ("commit", cmd_git.commit)):
        _plain(name, function)
    from dukcli.cli import cmd_people, cmd_units
    _plain("people", cmd_people.people)
    app.add_typer(cmd_people.person_app, name="person", cls=framework.ViGroup)
    _plain("units", cmd_units.units)
    app.add_typer(cmd_units.unit_app, name="unit", cls=framework.ViGroup)
    from dukcli.cli import cmd_import
    _plain("import", cmd_import.import_cmd)
    from dukcli.cli import cmd_feedback
    app.add_typer(cmd_feedback.feedback_app, name="feedback", cls=cmd_feedback.ListingGroup)
    from dukcli.cli import cmd_proposals, cmd_respond
    _plain("proposals", cmd_proposals.proposals)
    _plain("respond", cmd_respond.respond)
    from dukcli.cli import cmd_serve
    _plain("serve", cmd_serve.serve)


def _plain(name: str, function) -> None:
    app.command(name, cls=framework.ViCommand)(function)
    _PLAIN[name] = function


_register()


def command(args: list[str] | None = None) -> DukGroup:
    """The `duk` command (a DukGroup) for this command line; dukcli.entry runs it. typer builds
    the options of every command it holds before running one (a twentieth of a second at each
    start): when the line names one plain command, a group holding only that one is built,
    with the same root options. `duk --help`, a group (template, person…), an unknown name get
    the whole app."""
    name = named_command(data_first(list(sys.argv[1:] if args is None else args)))
    if name not in _PLAIN:
        return typer.main.get_command(app)
    one = typer.Typer(**_APP)
    one.callback()(_root)
    one.command(name, cls=framework.ViCommand)(_PLAIN[name])
    return typer.main.get_command(one)


def named_command(args: list[str]) -> str | None:
    """The command a command line names (after data_first), None when an option comes first."""
    if args[:1] == ["--data"]:
        args = args[2:]
    return args[0] if args and not args[0].startswith("-") else None


def main() -> None:
    """The console script's target before dukcli.entry; kept for installs made before it."""
    from dukcli.entry import main as run

    sys.exit(run())
