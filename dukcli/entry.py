"""Where the `duk` program starts: the console script and `python -m dukcli` call main().

This module imports nothing that the interpreter has not already loaded, so that its Ctrl-C
handler is in place within microseconds of duk's first line; its words (dukcli.words), then
typer, click, rich and every command module are imported only after that (a quarter of a
second on a warm disk). A Ctrl-C landing while they loaded used to print a raw
KeyboardInterrupt traceback.

What comes before duk's first line is the interpreter's own start-up (the site module, runpy
for `python -m`, the console script's `import re`): a Ctrl-C there is beyond any package's
reach, and CPython may print a traceback of its own ("Fatal Python error: init_import_site").
"""

import os
import sys

# The C module, not `signal`: importing signal.py builds its enums, a millisecond or two
# during which a Ctrl-C would still be a raw traceback.
import _signal

# DukGroup's words after Ctrl-C (words.CANCELLED), loaded by main() first thing under the
# handler. While duk is still loading no command has started, so nothing can have been written
# and they are simply true.
_cancelled = None
_interrupted = False  # a Ctrl-C that came while those words were loading

# "loading": Ctrl-C ends the process at once, with CANCELLED and status 130.
# "running": Ctrl-C raises KeyboardInterrupt as usual; DukGroup answers it.
# "done": the command has finished and its output is out; a late Ctrl-C changes nothing.
_phase = "loading"


def _on_sigint(signum, frame) -> None:
    global _interrupted
    if _phase == "running":
        raise KeyboardInterrupt
    if _phase == "loading":
        if _cancelled is None:
            # The words themselves are loading (a few milliseconds): main() answers as soon as
            # they are in, for the same reason as below.
            _interrupted = True
            return
        _exit_cancelled()


def _exit_cancelled() -> None:
    # Exit here rather than raise: a KeyboardInterrupt raised inside some library's import
    # can be swallowed by its `except:` or printed as "Exception ignored in …" by a
    # finalizer. Nothing is open and nothing buffered yet, so os._exit loses nothing.
    _say(_cancelled)
    os._exit(130)


def _unraisable(info, _previous=sys.unraisablehook) -> None:
    """A Ctrl-C landing in a finalizer or a weakref callback (importlib's module locks use
    them) cannot be raised there: Python prints "Exception ignored in …" with a traceback and
    carries on. Not that traceback: the run then goes on to its end as if the Ctrl-C had come
    a moment too late."""
    if isinstance(info.exc_value, KeyboardInterrupt):
        return
    _previous(info)


def _say(text: str) -> None:
    """A line on stderr, in its code page as far as it goes, without its buffers."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        data = (text + "\n").encode(getattr(stream, "encoding", None) or "utf-8", "replace")
    except LookupError:
        data = (text + "\n").encode("utf-8")
    try:
        stream.flush()  # what is already there goes first
    except Exception:  # noqa: BLE001 - e.g. a reentrant call from the signal handler
        pass
    try:
        os.write(stream.fileno(), data)
    except Exception:  # noqa: BLE001 - a closed or odd stderr: nothing more can be said
        pass


def _finish(code):
    """Flush stdout here, where a reader that went away (`duk quota | head -1`) or a full disk
    can still be answered, rather than at interpreter exit, which prints its own complaint."""
    if sys.stdout is None:
        return code
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        from dukcli.render.output import stdout_gone

        stdout_gone()  # the reader has what it wanted: not an error
    except OSError as e:
        from dukcli.oserr import describe
        from dukcli.render.output import stdout_gone
        from dukcli.words.commands import output_incomplete

        stdout_gone()
        _say(output_incomplete(describe(e)))
        return 1
    return code


def main():
    """Run duk; return its exit status. The caller exits with it (sys.exit): afterwards Ctrl-C
    is ignored, so that it cannot interrupt the interpreter's own shutdown."""
    global _phase, _cancelled, _interrupted
    _phase = "loading"
    _interrupted = False
    # Respect a Ctrl-C that was already ignored (`nohup`, a background job of a script) and
    # leave alone a program that embeds duk in another thread.
    installed = False
    try:
        if _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:
            _signal.signal(_signal.SIGINT, _on_sigint)
            sys.unraisablehook = _unraisable
            installed = True
    except ValueError:  # not the main thread
        pass
    code = 130
    try:
        try:
            from dukcli.words import CANCELLED

            _cancelled = CANCELLED
            if _interrupted:
                _exit_cancelled()
            from dukcli.render.output import setup_streams

            setup_streams()
            from dukcli.cli.main import command  # typer, click, rich, every command

            cli = command()
            _phase = "running"
            cli.main(prog_name="duk")  # DukGroup ends every run with SystemExit
            code = 0
        except SystemExit as e:
            code = e.code
        except KeyboardInterrupt:
            # Without our handler (see above), or in the few instructions around DukGroup's own
            # handling; never a traceback, and the same truthful words as DukGroup's.
            cli_main = sys.modules.get("dukcli.cli.main")
            if _phase == "running" and cli_main:
                _say(cli_main.cancelled_message())
            else:
                from dukcli.words import CANCELLED  # loaded already, unless this Ctrl-C came during that

                _say(CANCELLED)
        try:
            code = _finish(code)
        except KeyboardInterrupt:  # Ctrl-C while the last of the output was being written
            code = 130
    finally:
        _phase = "done"
        if installed:
            # Ignored, not handled: CPython's shutdown puts a Python handler back to the default
            # (the process killed by SIGINT, status -2, its output already out) but leaves an
            # ignored signal ignored.
            _signal.signal(_signal.SIGINT, _signal.SIG_IGN)
    return code
