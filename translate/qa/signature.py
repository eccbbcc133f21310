"""What produced a QA result: the signature ``run_qa`` puts on its report.

Like sacrebleu's signatures: the tarjama version, the sha256 of every glossary
file, the model (name and sha256) when a model made the translation, the checks
run and every threshold. :mod:`translate.reports.signature` prints it.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Sequence

from .. import __version__
from ..english.finder import RenderingSettings
from ..errors import TarjamaError


def file_sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError as exc:
        raise TarjamaError(f"cannot read for the signature: {exc.strerror or exc}", str(path)) from None
    return h.hexdigest()


def build_signature(glossary_files: Sequence[str], checks: Sequence[str], match_settings: dict[str, Any],
                    qa_settings: dict[str, Any], model: dict[str, Any] | None = None,
                    renderings: dict[str, Any] | None = None,
                    inputs: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    """``renderings``: the rendering finder's settings (default: its defaults);
    ``inputs``: the files checked (``file``, ``sha256``), so a result names what it judged."""
    from importlib.metadata import version

    return {
        "tarjama": __version__,
        "inputs": [{"file": str(i["file"]), "sha256": i["sha256"]} for i in inputs],
        # Which words count as ordinary Arabic, and names as common, comes from here.
        "wordfreq": version("wordfreq"),
        "glossaries": [{"file": str(f), "sha256": file_sha256(f)} for f in glossary_files],
        "model": model,
        "checks": list(checks),
        "thresholds": {
            "matching": match_settings,
            "renderings": renderings if renderings is not None else RenderingSettings().as_dict(),
            "qa": qa_settings,
        },
    }
