"""Convert a Hugging Face NLLB/M2M100 checkpoint to a CTranslate2 directory.

Why here and optional: NLLB-200 is published as a PyTorch checkpoint; the
CTranslate2 documentation converts it with ``ct2-transformers-converter``, which
needs torch and transformers (gigabytes). They are the ``tarjama[convert]``
extra, never a dependency of translation; without them ``model fetch`` says
what to install.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

from ..errors import TarjamaError

#: What the engine needs beside model.bin: the tokenizer and its class name.
TOKENIZER_FILES = ("sentencepiece.bpe.model", "tokenizer_config.json", "special_tokens_map.json")
EXTRA = "tarjama[convert]"


def missing_converter() -> list[str]:
    """The ``tarjama[convert]`` packages that are not installed."""
    return [name for name in ("transformers", "torch") if importlib.util.find_spec(name) is None]


def convert_hf(repo: str, out: Path, quantization: str = "int8") -> Path:
    """Download ``repo`` through transformers and write an int8 CTranslate2
    model with its tokenizer files to ``out``."""
    missing = missing_converter()
    if missing:
        raise TarjamaError(
            f"{repo} is converted locally with ct2-transformers-converter, which needs "
            f"{' and '.join(missing)}: pip install '{EXTRA}' (several GB), then run the fetch again"
        )
    from ctranslate2.converters import TransformersConverter

    try:
        TransformersConverter(repo, copy_files=list(TOKENIZER_FILES)).convert(
            str(out), quantization=quantization, force=True
        )
    except Exception as exc:  # the converter and the hub raise many kinds
        raise TarjamaError(f"cannot convert {repo}: {type(exc).__name__}: {exc}") from None
    return out
