"""CLI for `tarjama model`: install, fetch, list, verify, remove, default."""
from __future__ import annotations

from typing import Optional

import typer

from ..errors import TarjamaError

model_app = typer.Typer(
    name="model",
    help="Install and manage translation models.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

PROBE = "قال الوزير إن الاقتصاد نما بنسبة 3.5 في المئة هذا العام."


def _report(result) -> None:
    default = " (default)" if result.is_default else ""
    typer.echo(f"installed {result.name}{default} in {result.path}")
    typer.echo(f"sha256 {result.manifest.sha256}")


@model_app.command("install")
def install_cmd(
    path: str = typer.Argument(..., help="CTranslate2 model dir, .zip/.tar.gz of one, or OPUS-MT release zip/folder."),
    name: Optional[str] = typer.Option(None, "--name", help="Name to install under (default: from PATH)."),
    default: bool = typer.Option(False, "--default", help="Make it the default model."),
    force: bool = typer.Option(False, "--force", help="Replace an installed model of the same name."),
) -> None:
    """Install a model from a local directory or archive."""
    from ..models import install

    _report(install(path, name=name, make_default=default, force=force))


@model_app.command("fetch")
def fetch_cmd(
    name: Optional[str] = typer.Argument(None, help="Catalogue name (see `tarjama model list --available`), or the name to install a --url under."),
    url: Optional[str] = typer.Option(None, "--url", help="Any OPUS-MT or CTranslate2 release archive URL."),
    sha256: Optional[str] = typer.Option(None, "--sha256", help="Expected sha256 of the download."),
    default: bool = typer.Option(False, "--default", help="Make it the default model."),
    force: bool = typer.Option(False, "--force", help="Replace an installed model of the same name."),
) -> None:
    """Download a model (resumable) and install it."""
    from ..models import fetch

    _report(fetch(name, url=url, sha256=sha256, make_default=default, force=force))


@model_app.command("list")
def list_cmd(
    available: bool = typer.Option(False, "--available", help="Also list models `fetch` knows, with their licences."),
) -> None:
    """List installed models with family, languages and size (the default is marked with *).

    Examples:

    \b
      tarjama model list
      tarjama model list --available
    """
    from ..engine import detect_family
    from ..models import CATALOGUE, get_default, home, installed
    from ..models.store import HOME_ENV, manifest_problem, model_path

    if home().exists() and not home().is_dir():
        raise TarjamaError(f"is a file, expected a directory (check ${HOME_ENV})", str(home()))
    models = installed()
    default = get_default()
    if not models:
        typer.echo(f"no models installed in {home() / 'models'}")
    for name, manifest in models:
        mark = "*" if name == default else " "
        family = detect_family(model_path(name))
        if manifest is None:
            problem = manifest_problem(name)
            state = problem.split(';')[0] + '; reinstall it' if problem else 'no manifest'
            typer.echo(f"{mark} {name}  {family.name}  {family.languages}  ({state})")
        else:
            size = manifest.size / 1048576
            typer.echo(f"{mark} {name}  {family.name}  {family.languages}  {size:.1f} MiB  "
                       f"{manifest.date}  {manifest.source}")
    if available:
        typer.echo("available with `tarjama model fetch NAME`:")
        for entry in CATALOGUE.values():
            typer.echo(f"  {entry.name}  {entry.family}  {entry.description}  [licence: {entry.license}]")


@model_app.command("verify")
def verify_cmd(
    name: Optional[str] = typer.Argument(None, help="Installed model name or model path (default: the default model)."),
    family: Optional[str] = typer.Option(None, "--family", help="marian, nllb or m2m100 (default: detected)."),
) -> None:
    """Check a model's files (those its family needs, and the install manifest),
    load it and translate a probe sentence.

    Examples:

    \b
      tarjama model verify
      tarjama model verify nllb-200-distilled-600m
      tarjama model verify ./my-ct2-model --family m2m100
    """
    from ..engine import DecodeOptions, Translator, validate_model_dir
    from ..models import resolve, verify_files

    path = resolve(name)
    files = validate_model_dir(path, family)  # names the files this family needs and lacks
    problems = verify_files(path)
    if problems:
        raise TarjamaError("model files damaged: " + "; ".join(problems) + "; reinstall it", str(path))
    translator = Translator(path, options=DecodeOptions(beam_size=1, max_decoding_length=64), family=files.family)
    result = translator.translate_sentences([PROBE])[0]
    typer.echo(f"ok {path}")
    typer.echo(f"family: {files.family.name} ({files.family.languages}), tokenizer {files.source_spm.name}"
               + ("" if files.source_spm == files.target_spm else f" + {files.target_spm.name}"))
    typer.echo(f"probe: {PROBE}")
    typer.echo(f"  ->   {result.target}")


@model_app.command("remove")
def remove_cmd(name: str = typer.Argument(..., help="Installed model name.")) -> None:
    """Delete an installed model."""
    from ..models import remove

    path = remove(name)
    typer.echo(f"removed {name} ({path})")


@model_app.command("default")
def default_cmd(name: str = typer.Argument(..., help="Installed model name.")) -> None:
    """Make an installed model the default."""
    from ..models import set_default

    set_default(name)
    typer.echo(f"default model: {name}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the top-level app."""
    app.add_typer(model_app, name="model")
