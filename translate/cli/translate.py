"""CLI for `tarjama translate`: Arabic text in, English text (or JSON Lines) out."""
from __future__ import annotations

import json
from typing import List, Optional

import typer

from .options import GLOSSARY_HELP
from .progress import quiet_option


def translate_cmd(
    file: str = typer.Argument("-", help="Arabic UTF-8 text file, or - for stdin."),
    output: Optional[str] = typer.Option(None, "-o", "--output", help="Write here (atomically) instead of stdout."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Installed model name or model directory (env TARJAMA_MODEL)."),
    glossary: Optional[List[str]] = typer.Option(None, "--glossary", "-g", help=GLOSSARY_HELP),
    beam_size: int = typer.Option(4, "--beam-size", min=1, max=16, help="Beam size (1 = greedy, fastest)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON record per sentence (JSON Lines)."),
    family: Optional[str] = typer.Option(None, "--family", help="Model family: marian, nllb or m2m100 (default: detected from the model directory)."),
    device: str = typer.Option("auto", "--device", help="auto (a GPU when ctranslate2 sees one), cpu or cuda."),
    compute_type: Optional[str] = typer.Option(None, "--compute-type", help="CTranslate2 compute type (default: int8 on CPU, int8_float16 on GPU)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not reuse or store segments in the translation memory."),
    quiet: bool = quiet_option(),
) -> None:
    """Translate Arabic text to English, one output paragraph per input paragraph.

    Sentences translated before with the same model, settings and glossary come
    from the translation memory in the user cache directory (--no-cache: off).
    Long runs show their progress on stderr (sentences, rate, ETA); --quiet
    hides it and the summary, unless terms were left unenforced.

    Examples:

    \b
      tarjama translate article.ar.txt -o article.en.txt
      tarjama translate article.ar.txt -g glossaries/us-iraq-news.yaml --beam-size 1
      tarjama translate article.ar.txt --model nllb-200-distilled-600m --device auto --json
    """
    from ..engine import DecodeOptions, TranslationMemory, Translator
    from ..engine.engine import translate_document
    from ..engine.hooks import wants_attention
    from ..enforce import Enforcer
    from ..enforce.translation import GlossaryEngine
    from ..models import resolve
    from ..progress import ProgressDisplay
    from ..textio import (check_line_count, check_lines, check_output, display_name, read_text, split_lines,
                          write_text_atomic)
    from .glossary import warn_conflicts

    glossaries = list(glossary or [])
    if output:
        check_output(output, [file, *glossaries])
    text = read_text(file)  # input errors first: cheap and precise
    check_lines(split_lines(check_line_count(text, display_name(file))), display_name(file))
    enforcer = Enforcer.from_paths(glossaries) if glossaries else None  # glossary errors before model loading
    if enforcer is not None:
        warn_conflicts(enforcer.glossary)
    options = DecodeOptions(beam_size=beam_size, return_attention=wants_attention(glossaries))
    memory = None if no_cache else TranslationMemory()
    translator = Translator(resolve(model), compute_type=compute_type, options=options, device=device,
                            family=family, memory=memory)
    # Terms are protected before decoding (canonical English in the source) and
    # enforced again after it, so a name the model garbles is still fixed or reported.
    engine = translator if enforcer is None else GlossaryEngine(translator, enforcer)
    with ProgressDisplay("translate", unit="sentences", quiet=quiet) as progress:
        result = translate_document(engine, text, progress=progress)
    if isinstance(engine, GlossaryEngine):
        fixed = sum(len(r.corrections) for r in engine.results)
        unplaced = sum(len(r.unplaced) for r in engine.results)
        if not quiet or unplaced:
            typer.echo(f"tarjama translate: {fixed} correction(s), {unplaced} term(s) not enforced"
                       + (" (see `tarjama qa`)" if unplaced else ""), err=True)
    if as_json:
        out = "".join(json.dumps(s.to_json(), ensure_ascii=False) + "\n" for s in result.sentences)
    else:
        out = result.text if result.text.endswith("\n") or not result.text else result.text + "\n"
    write_text_atomic(output or "-", out, [file, *glossaries])  # a write error is then the only line
    if memory is not None and memory.hits and not quiet:
        typer.echo(f"tarjama translate: {memory.hits} of {memory.hits + memory.misses} sentence(s) "
                   "from the translation memory (--no-cache to translate all)", err=True)
    if output and not quiet:
        from ..reports.signature import engine_string

        typer.echo(f"tarjama translate: wrote {output}; {engine_string(translator.signature())}", err=True)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the top-level app."""
    app.command("translate")(translate_cmd)
