"""Input normalisation the models were trained with, with exact offsets back.

Why: OPUS-MT's ``preprocess.sh`` runs Moses' punctuation normaliser and
squeezes spaces before SentencePiece (NLLB's data pipeline normalises
punctuation too), so the seed article's curly quotes and doubled spaces are
inputs those models never saw in training. We apply the same normalisation
(sacremoses, the maintained Python port of the Moses scripts) but keep an
offset map, so attention and glossary protection still point at characters of
the text the user gave us.
"""
from __future__ import annotations

import difflib
import importlib.util
import re
import sys
from dataclasses import dataclass
from functools import lru_cache

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Preprocessed:
    """``text`` after normalisation; ``starts[i]``/``ends[i]`` are the
    original characters that produced ``text[i]`` (an inserted character maps
    to an empty span where it was inserted)."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text behind ``text[start:end]``."""
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else len(self.original)
            return at, at
        return self.starts[start], self.ends[end - 1]


def _identity(text: str) -> Preprocessed:
    return Preprocessed(text, text, tuple(range(len(text))), tuple(range(1, len(text) + 1)))


@lru_cache(maxsize=1)
def _moses():
    """Moses' punctuation normaliser for Arabic input.

    ``sacremoses/__init__`` also compiles the tokenizer's and truecaser's
    regexes (0.35–0.65 s measured here); the normaliser module needs only
    ``re`` and ``regex`` (0.02 s), so it is loaded on its own."""
    spec = importlib.util.find_spec("sacremoses")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("sacremoses is not installed")
    name = "sacremoses.normalize"
    module = sys.modules.get(name)
    if module is None:
        location = list(spec.submodule_search_locations)[0] + "/normalize.py"
        file_spec = importlib.util.spec_from_file_location("_tarjama_moses_normalize", location)
        module = importlib.util.module_from_spec(file_spec)
        file_spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.MosesPunctNormalizer(lang="ar", pre_replace_unicode_punct=True, post_remove_control_chars=True)


def _align(original: str, text: str) -> Preprocessed:
    starts: list[int] = []
    ends: list[int] = []
    matcher = difflib.SequenceMatcher(None, original, text, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            starts.extend(range(i1, i2))
            ends.extend(range(i1 + 1, i2 + 1))
        elif op in ("replace", "insert"):
            starts.extend([i1] * (j2 - j1))
            ends.extend([i2] * (j2 - j1))
    return Preprocessed(original, text, tuple(starts), tuple(ends))


def normalize(text: str, moses_punctuation: bool) -> Preprocessed:
    """``text`` as the model saw text in training: Moses punctuation (when the
    family used it) and single spaces, no leading or trailing space."""
    out = _moses().normalize(text) if moses_punctuation else text
    out = _SPACES.sub(" ", out).strip()
    if out == text:
        return _identity(text)
    return _align(text, out)
