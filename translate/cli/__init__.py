"""The ``tarjama`` command line: argument parsing only, the work is in the library.

Each sub-command lives in its own module with a ``register(app)`` function. Errors
raised as :class:`~translate.errors.TarjamaError` become one ``tarjama: error: ...``
line on stderr and exit status 2, never a traceback.
"""
from __future__ import annotations

import os
import sys

import click
import typer
from typer.core import TyperGroup

from .. import __version__
from ..errors import TarjamaError


class _Group(TyperGroup):
    """Top-level group that turns library errors into one clear line."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except TarjamaError as exc:
            click.echo(f"tarjama: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("tarjama: interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:  # last resort: no tracebacks for users
            if os.environ.get("TARJAMA_DEBUG"):
                raise
            click.echo(
                f"tarjama: internal error: {type(exc).__name__}: {exc} "
                "(set TARJAMA_DEBUG=1 to see the traceback)",
                err=True,
            )
            ctx.exit(3)


app = typer.Typer(
    cls=_Group,
    name="tarjama",
    help="Offline Arabic→English translation, glossary enforcement and terminology QA.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
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


from . import enforce as _enforce  # noqa: E402
from . import glossary as _glossary  # noqa: E402
from . import model as _model  # noqa: E402
from . import qa as _qa  # noqa: E402
from . import translate as _translate  # noqa: E402

for _module in (_glossary, _model, _translate, _enforce, _qa):
    _module.register(app)


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `tarjama ... | head`
        sys.stderr.close()
        sys.exit(0)
