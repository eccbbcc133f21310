"""Validate a CTranslate2 model directory before loading it.

Why: ctranslate2 reports a missing or broken file with a C++ exception that
does not tell a user what to do. We check the layout first and name exactly
what is missing, so ``tarjama`` can print one actionable line.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import TarjamaError
from .family import Family, detect_family, family_named

MODEL_BIN = "model.bin"
CONFIG = "config.json"
SHARED_SPM = "sentencepiece.model"
SOURCE_SPM = "source.spm"
TARGET_SPM = "target.spm"
_VOCAB_EXTS = (".json", ".txt")


class ModelError(TarjamaError):
    """A model directory that cannot be used."""


@dataclass(frozen=True)
class ModelFiles:
    """The files of a usable model directory."""

    root: Path
    model_bin: Path
    config: Path
    source_spm: Path
    target_spm: Path
    vocabularies: tuple[Path, ...]
    family: Family


def _find_vocab(root: Path, stem: str) -> Path | None:
    for ext in _VOCAB_EXTS:
        candidate = root / f"{stem}{ext}"
        if candidate.is_file():
            return candidate
    return None


def _family(root: Path, family: str | Family | None) -> Family:
    if isinstance(family, Family):
        return family
    return family_named(family) if family else detect_family(root)


def _tokenizer_pair(root: Path, family: Family) -> tuple[Path, Path] | None:
    for source, target in family.tokenizers:
        if (root / source).is_file() and (root / target).is_file():
            return root / source, root / target
    return None


def missing_files(root: Path, family: str | Family | None = None) -> list[str]:
    """Names of what a CTranslate2 model directory of ``family`` (detected
    when not given) lacks."""
    fam = _family(root, family)
    missing: list[str] = []
    if not (root / MODEL_BIN).is_file():
        missing.append(MODEL_BIN)
    if not (root / CONFIG).is_file():
        missing.append(CONFIG)
    shared = _find_vocab(root, "shared_vocabulary")
    if shared is None:
        for side in ("source", "target"):
            if _find_vocab(root, f"{side}_vocabulary") is None:
                missing.append(f"{side}_vocabulary.json (or shared_vocabulary.json)")
    if _tokenizer_pair(root, fam) is None:
        if fam.name == "marian":
            for name in (SOURCE_SPM, TARGET_SPM):
                if not (root / name).is_file():
                    missing.append(f"{name} (or one {SHARED_SPM})")
        else:
            name = fam.tokenizers[0][0]
            missing.append(f"{name} (the {fam.name} tokenizer: convert with "
                           f"`ct2-transformers-converter --copy_files {name}` or copy it from the model's repository)")
    return missing


def validate_model_dir(path: str | os.PathLike[str], family: str | Family | None = None) -> ModelFiles:
    """Return the model's files or raise :class:`ModelError` naming what is wrong.

    ``family`` (``marian``, ``nllb``, ``m2m100``) overrides detection."""
    root = Path(path)
    name = str(path)
    if not root.exists():
        raise ModelError("model directory does not exist", name)
    if not root.is_dir():
        raise ModelError("not a directory; expected a CTranslate2 model directory", name)
    fam = _family(root, family)
    missing = missing_files(root, fam)
    if missing:
        raise ModelError("not a usable model directory, missing: " + ", ".join(missing), name)
    try:
        json.loads((root / CONFIG).read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelError(f"config.json is not valid JSON ({exc})", name) from None
    source, target = _tokenizer_pair(root, fam)  # type: ignore[misc]  # checked by missing_files
    vocabs = tuple(
        p
        for p in (
            _find_vocab(root, "shared_vocabulary"),
            _find_vocab(root, "source_vocabulary"),
            _find_vocab(root, "target_vocabulary"),
        )
        if p is not None
    )
    return ModelFiles(root, root / MODEL_BIN, root / CONFIG, source, target, vocabs, fam)


def read_config(files: ModelFiles) -> dict:
    """The model's config.json as a dict."""
    return json.loads(files.config.read_text(encoding="utf-8"))
