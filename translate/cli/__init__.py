"""The ``tarjama`` command line: argument parsing only, the work is in the library.

Each sub-command lives in its own module with a ``register(app)`` function. Errors
raised as :class:`~translate.errors.TarjamaError` become one ``tarjama: error: ...``
line on stderr and exit status 2, never a traceback.
"""
from __future__ import annotations

import os
import sys

import typer
from typer.core import TyperGroup

try:  # typer >= 0.20 vendors click; its usage errors derive from TyperException
    from typer.exceptions import TyperException as _CliError
except ImportError:  # pragma: no cover - older typer on real click
    from click import ClickException as _CliError  # type: ignore[no-redef]

from .. import __version__
from ..errors import TarjamaError


# Exit statuses: 0 ok, 1 findings, 2 usage or input error, 3 batch partly done;
# 70 (EX_SOFTWARE) is a bug in tarjama, never a reaction to input.
INTERNAL_ERROR = 70


class _Group(TyperGroup):
    """Top-level group that turns library errors into one clear line."""

    def invoke(self, ctx: typer.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except TarjamaError as exc:
            typer.echo(f"tarjama: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort):
            raise
        except _CliError as exc:  # a usage error: one line too, exit 2
            sub = getattr(exc, "ctx", None)
            where = f" (see `{sub.command_path} --help`)" if sub is not None else ""
            message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
            typer.echo(f"tarjama: error: {' '.join(message.split())}{where}", err=True)
            raise typer.Exit(getattr(exc, "exit_code", 2) or 2) from None
        except MemoryError:
            typer.echo("tarjama: error: out of memory; the input is too large for this machine", err=True)
            raise typer.Exit(2) from None
        except BrokenPipeError:  # `tarjama ... | head`: stop quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        except KeyboardInterrupt:
            typer.echo("tarjama: interrupted", err=True)
            raise typer.Exit(130) from None
        except Exception as exc:  # last resort: no tracebacks for users
            if os.environ.get("TARJAMA_DEBUG"):
                raise
            typer.echo(
                f"tarjama: internal error: {type(exc).__name__}: {exc} "
                "(set TARJAMA_DEBUG=1 to see the traceback)",
                err=True,
            )
            raise typer.Exit(INTERNAL_ERROR) from None


#: Sub-command → (module defining it, its line in `tarjama --help`). A module is
#: imported only when its command runs: importing all of them (matcher,
#: rapidfuzz, the downloader) made `tarjama --help` take 0.37 s instead of
#: about 0.1. tests/test_cli_startup.py checks each line against the docstring.
COMMANDS = {
    "translate": ("translate", "Translate Arabic text to English, one output paragraph per input paragraph."),
    "enforce": ("enforce", "Make every glossary term found in the Arabic appear in its canonical English form."),
    "qa": ("qa", "Check a translation: glossary terms (missing, forbidden, drifting, garbled, unsupported), "
                 "untranslated Arabic, numbers, empty or copied targets, URLs and handles, length outliers, "
                 "inconsistent segments, punctuation and spacing."),
    "glossary": ("glossary", "Validate, maintain, import and export glossaries; find their terms in Arabic text."),
    "model": ("model", "Install and manage translation models."),
    "batch": ("batch", "Translate (or check) many documents: translate → enforce glossaries → QA, one batch report."),
}


def _readable_metavars(command, ctx=None) -> None:
    """Give every argument and option one a user reads (``OUTPUT``, ``N``) where
    typer would print a programmer's placeholder (``<list[str]>``, ``<int>``);
    choices (``<text|json|html>``) and explicit metavars stay as they are."""
    ctx = ctx or typer.Context(command)
    for param in getattr(command, "params", ()):
        if param.metavar is not None or getattr(param, "is_flag", False):
            continue
        try:
            shown = param.display_type(ctx)
        except Exception:  # pragma: no cover - a typer version without this API
            continue
        if not shown.startswith("<") or "|" in shown:
            continue
        if param.param_type_name == "argument":  # its NAME already says it: no type after it
            param.display_type_rich = lambda ctx: None
            continue
        name = "N" if shown in ("<int>", "<float>") else (param.name or "value").upper().replace("_", "-")
        param.metavar = name + ("..." if getattr(param, "nargs", 1) == -1 else "")
    for sub in getattr(command, "commands", {}).values():
        _readable_metavars(sub, typer.Context(sub))


class _LazyGroup(_Group):
    """The top-level group: sub-command modules load on first use."""

    def list_commands(self, ctx):  # type: ignore[override]
        return list(COMMANDS) + [n for n in super().list_commands(ctx) if n not in COMMANDS]

    def get_command(self, ctx, name):  # type: ignore[override]
        if name not in COMMANDS or name in self.commands:
            return super().get_command(ctx, name)
        import importlib

        module = importlib.import_module(f"{__name__}.{COMMANDS[name][0]}")
        holder = typer.Typer(rich_markup_mode=None, add_completion=False)
        module.register(holder)
        command = typer.main.get_command(holder)
        command = getattr(command, "commands", {}).get(name, command)
        command.name = name
        _readable_metavars(command)
        self.commands[name] = command
        return command

    def format_commands(self, ctx, formatter) -> None:  # one line each, without importing them
        rows = [(name, line) for name, (_, line) in COMMANDS.items()]
        rows += [(name, cmd.get_short_help_str(80)) for name, cmd in self.commands.items()
                 if name not in COMMANDS and not cmd.hidden]  # registered the eager way
        with formatter.section("Commands"):
            formatter.write_dl(rows)


app = typer.Typer(
    cls=_LazyGroup,
    name="tarjama",
    help="Offline Arabic→English translation, glossary enforcement and terminology QA.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain one-line usage errors, not boxes
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tarjama {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Offline Arabic→English translation, glossary enforcement and terminology QA."""


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `tarjama ... | head`
        sys.stderr.close()
        sys.exit(0)
