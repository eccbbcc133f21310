"""What produced a QA result: the signature ``run_qa`` puts on its report.

Like sacrebleu's signatures: the tarjama version, the sha256 of every glossary
file, the model (name and sha256) when a model made the translation, the checks
run and every threshold. :mod:`translate.reports.signature` prints it.
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from .. import __version__
from ..english.finder import RenderingSettings
from ..errors import TarjamaError


#: (path, inode, size, mtime_ns, ctime_ns) -> sha256: a batch signs every document's report with
#: the same glossary files; hashing a 3.7 MB list each time cost ~10 ms a document.
_HASHED: dict[tuple[str, int, int, int, int], str] = {}


def file_sha256(path: str | Path) -> str:
    try:
        st = os.stat(path)
        key = (os.fspath(path), st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        if key in _HASHED:
            return _HASHED[key]
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError as exc:
        raise TarjamaError(f"cannot read for the signature: {exc.strerror or exc}", str(path)) from None
    _HASHED[key] = digest = h.hexdigest()
    return digest


@lru_cache(maxsize=1)
def _wordfreq_version() -> str:
    from importlib.metadata import version

    return version("wordfreq")


def build_signature(glossary_files: Sequence[str], checks: Sequence[str], match_settings: dict[str, Any],
                    qa_settings: dict[str, Any], model: dict[str, Any] | None = None,
                    renderings: dict[str, Any] | None = None,
                    inputs: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    """``renderings``: the rendering finder's settings (default: its defaults);
    ``inputs``: the files checked (``file``, ``sha256``), so a result names what it judged."""
    return {
        "tarjama": __version__,
        "inputs": [{"file": str(i["file"]), "sha256": i["sha256"]} for i in inputs],
        # Which words count as ordinary Arabic, and names as common, comes from here.
        "wordfreq": _wordfreq_version(),
        "glossaries": [{"file": str(f), "sha256": file_sha256(f)} for f in glossary_files],
        "model": model,
        "checks": list(checks),
        "thresholds": {
            "matching": match_settings,
            "renderings": renderings if renderings is not None else RenderingSettings().as_dict(),
            "qa": qa_settings,
        },
    }
