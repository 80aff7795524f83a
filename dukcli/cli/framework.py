"""typer and click in Vietnamese, through their public hooks only.

duk's commands and groups are ViCommand and ViGroup (typer's documented `cls=`). They
- draw their own help page with rich (`format_help`, `get_usage`): typer's help pages carry
  English headings, type names and "[default: …]" that no public setting changes;
- say every usage error in Vietnamese, built from the error's attributes (the option's name,
  the parameter, the close matches), never from its English text (`parse_args`,
  `resolve_command`); extra arguments are counted here rather than refused in English;
- take numbers and choices through duk's own parsers (typer's documented `parser=`), whose
  refusals are Vietnamese, instead of typer's pydantic conversion, whose messages are English.

One thing goes past the public hooks, on purpose and guarded: typer converts every option's
value through a pydantic TypeAdapter built on first use, and importing pydantic and building
the adapters costs 0.08 s of every command (a sixth of log-visit's half second, SPEC §9) to
turn a str into the same str. `_direct` gives the options whose conversion is plain (text,
duk's own parsers, and any option left unset) their converter before typer builds one; every
other value goes to typer's own. If typer stops looking there, it simply builds its own again.
"""

from __future__ import annotations

import difflib
import inspect
import re
from enum import Enum
from pathlib import Path

import typer
from typer.core import TyperCommand, TyperGroup

from dukcli.words import framework as W


class UsageProblem(Exception):
    """A command line that cannot run, in Vietnamese; DukGroup prints it with where the help
    is, and exits with status 2."""

    def __init__(self, message: str, command_path: str):
        super().__init__(message)
        self.message = message
        self.command_path = command_path


class BadValue(typer.BadParameter):
    """A value refused by one of duk's parsers below; its message is duk's own."""


# --- values ------------------------------------------------------------------------------

def shown(text: str) -> str:
    """What the user typed, safe to print: control characters written as escapes."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(text))


def whole_number(least: int | None = None) -> dict:
    """typer.Option(..., **whole_number()): an int read by duk, shown as <số>."""

    def parse(value):
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif re.fullmatch(r"[+-]?[0-9]+", str(value).strip()):
            number = int(str(value).strip())
        else:
            raise BadValue(W.NOT_A_WHOLE_NUMBER)
        if least is not None and number < least:
            raise BadValue(W.below_least(least))
        return number

    parse.duk_own = True  # raises BadValue only: called directly by _Direct
    return {"parser": parse, "metavar": W.NUMBER}


def one_of(choices: type[Enum]) -> dict:
    """typer.Option(..., **one_of(TableFormat)): one of an Enum's values, shown as <a|b|c>."""
    values = [c.value for c in choices]

    def parse(value):
        if isinstance(value, choices):
            return value
        if str(value) in values:
            return choices(str(value))
        raise BadValue(W.not_one_of(shown(value), values))

    parse.duk_own = True
    return {"parser": parse, "metavar": f"<{'|'.join(values)}>"}


def a_path() -> dict:
    """typer.Option(..., **a_path()): a path, shown as <đường dẫn>. Whether it can be read or
    written is for the command to find out, with a message naming the file."""

    def parse(value):
        return value if isinstance(value, Path) else Path(value)

    parse.duk_own = True
    return {"parser": parse, "metavar": W.PATH}


class _Direct:
    """A parameter's conversion without pydantic: `convert(value)` for text and duk's own
    parsers, None for an unset option; any other value goes to the converter typer builds for
    itself, as it would have without this."""

    def __init__(self, convert):
        self.convert = convert

    def coerce(self, value, param, ctx):
        if value is None:
            return None
        if self.convert is not None:
            return self.convert(value)
        param._runtime_param = None
        return param.get_runtime_param().coerce(value, param=param, ctx=ctx)


def _direct(params) -> None:
    """Give each single-valued parameter of typer's a _Direct converter (see the module's
    docstring); a parameter that does not look as this was written for is left to typer."""
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if (descriptor is None or getattr(param, "_runtime_param", False) is not None
                or getattr(descriptor, "file_annotation", True) is not None
                or param.multiple or param.nargs != 1):
            continue
        parser = getattr(descriptor.parameter_info, "parser", None)
        if parser is not None:
            convert = parser if getattr(parser, "duk_own", False) else None
        else:
            convert = str if descriptor.annotation is str else None
        param._runtime_param = _Direct(convert)


# --- usage errors ------------------------------------------------------------------------

def _names(param) -> list[str]:
    if param.param_type_name == "argument":
        return [param.metavar or param.name]
    return list(param.opts)


def _usage_message(e: Exception, command, ctx) -> str:
    """Vietnamese for a usage error of click's parser or of a parameter, from its attributes."""
    option = getattr(e, "option_name", None)
    if option is not None:
        if hasattr(e, "possibilities"):  # an unknown option
            return W.no_such_option(shown(option), sorted(e.possibilities or ()))
        named = [p for p in command.get_params(ctx) if option in getattr(p, "opts", ())]
        if named and getattr(named[0], "is_flag", False):  # --force=1
            return W.takes_no_value(shown(option))
        return W.needs_value(shown(option))
    param = getattr(e, "param", None)
    if param is None:
        return W.BAD_COMMAND_LINE
    if hasattr(e, "param_type"):  # a required parameter not given
        if param.param_type_name == "argument":
            return W.missing_argument(_names(param)[0])
        return W.missing_option(_names(param))
    return W.bad_value(_names(param), e.message if isinstance(e, BadValue) else "")


# --- help --------------------------------------------------------------------------------

def _paragraphs(text: str | None) -> list[str]:
    text = inspect.cleandoc(text or "").partition("\f")[0]
    return [" ".join(p.split("\n")) for p in text.split("\n\n") if p.strip()]


def _value_label(param) -> str:
    if param.param_type_name == "argument" or getattr(param, "is_flag", False) or getattr(param, "count", False):
        return ""
    return param.metavar or W.TEXT


def _help_cell(param):
    from rich.text import Text

    cell = Text(" ".join(_paragraphs(param.help)))
    default = param.default
    shows = getattr(param, "show_default", False)
    if isinstance(shows, str):
        cell.append(" " + W.default_is(shows), style="dim")
    elif shows and default is not None and _value_label(param) and not callable(default):
        cell.append(" " + W.default_is(default.value if isinstance(default, Enum) else default), style="dim")
    if param.required:
        cell.append(" " + W.REQUIRED, style="dim red")
    return cell


def _params_panel(title: str, params: list, ctx):
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    marked = any(p.required for p in params)
    table = Table(show_header=False, box=None, expand=True, padding=(0, 1), pad_edge=False, highlight=False)
    for _ in range(4 if marked else 3):
        table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for p in params:
        if p.param_type_name == "argument":
            long, short = Text(_names(p)[0], style="bold cyan"), Text("")
        else:
            long = Text(",".join(o for o in p.opts if o.startswith("--")), style="bold cyan")
            short = Text(",".join(o for o in p.opts if not o.startswith("--")), style="bold green")
        row = [long, short, Text(_value_label(p), style="bold yellow"), _help_cell(p)]
        if marked:
            row.insert(0, Text("*" if p.required else "", style="red"))
        table.add_row(*row)
    return Panel(table, title=title, title_align="left", border_style="dim")


def _commands_panel(group, ctx):
    from rich.panel import Panel
    from rich.table import Table

    rows = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is not None and not command.hidden:
            rows.append((name, (_paragraphs(command.short_help or command.help) or [""])[0]))
    if not rows:
        return None
    table = Table(show_header=False, box=None, expand=True, padding=(0, 1), pad_edge=False, highlight=False)
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column(ratio=1)
    for row in rows:
        table.add_row(*row)
    return Panel(table, title=W.COMMANDS, title_align="left", border_style="dim")


def _help_page(command, ctx) -> str:
    """The help page drawn with rich, in colour on a terminal."""
    import io
    import sys

    from rich.console import Console
    from rich.padding import Padding
    from rich.text import Text

    try:
        colour = sys.stdout.isatty()
    except (AttributeError, ValueError):
        colour = False
    console = Console(file=io.StringIO(), force_terminal=colour, color_system="auto" if colour else None,
                      highlight=False)
    console.print(Padding(Text(command.get_usage(ctx), style="bold"), 1))
    paragraphs = _paragraphs(command.help)
    if paragraphs:
        text = Text(paragraphs[0])
        for rest in paragraphs[1:]:
            text.append("\n\n" + rest, style="dim")
        console.print(Padding(text, (0, 1, 1, 1)))
    shown_params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    for title, kind in ((W.ARGUMENTS, "argument"), (W.OPTIONS, "option")):
        params = [p for p in shown_params if p.param_type_name == kind]
        if params:
            console.print(_params_panel(title, params, ctx))
    if isinstance(command, TyperGroup):
        panel = _commands_panel(command, ctx)
        if panel is not None:
            console.print(panel)
    for paragraph in _paragraphs(command.epilog):
        console.print(Padding(Text(paragraph), (1, 1, 0, 1)))
    return console.file.getvalue()


# --- the command classes -------------------------------------------------------------------

class _Vietnamese:
    """What ViCommand and ViGroup share; listed before typer's class, whose methods it wraps."""

    def get_usage(self, ctx) -> str:
        pieces = [W.OPTIONS_METAVAR]
        for param in self.get_params(ctx):
            pieces += param.get_usage_pieces(ctx)
        if isinstance(self, TyperGroup):
            pieces.append(W.COMMAND_METAVAR)
        return " ".join([W.USAGE, ctx.command_path, *pieces])

    def format_usage(self, ctx, formatter) -> None:
        formatter.write(self.get_usage(ctx) + "\n")

    def format_help(self, ctx, formatter) -> None:
        formatter.write(_help_page(self, ctx))

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = W.HELP_OPTION
        return option

    def parse_args(self, ctx, args):
        _direct(self.get_params(ctx))
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            typer.echo(ctx.get_help())
            ctx.exit(2)
        try:
            return super().parse_args(ctx, args)
        except typer.TyperException as e:
            if getattr(e, "exit_code", None) != 2:
                raise
            raise UsageProblem(_usage_message(e, self, ctx), ctx.command_path) from None


class ViCommand(_Vietnamese, TyperCommand):
    """A duk command (`app.command(name, cls=ViCommand)`)."""

    # Extra arguments are kept by the parser and refused below, in Vietnamese.
    allow_extra_args = True

    def parse_args(self, ctx, args):
        rest = super().parse_args(ctx, args)
        if ctx.args and not ctx.resilient_parsing:
            raise UsageProblem(W.extra_arguments([shown(a) for a in ctx.args]), ctx.command_path)
        return rest


class ViGroup(_Vietnamese, TyperGroup):
    """A group of duk commands (`typer.Typer(cls=ViGroup)`)."""

    def resolve_command(self, ctx, args):
        name = args[0]
        if self.get_command(ctx, name) is None and not ctx.resilient_parsing:
            close = difflib.get_close_matches(name, self.list_commands(ctx))
            raise UsageProblem(W.no_such_command(shown(name), close), ctx.command_path)
        return super().resolve_command(ctx, args)
