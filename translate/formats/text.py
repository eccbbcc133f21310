"""Plain UTF-8 text: one unit per line (monolingual; the output is the translation).

Line terminators (``\\n`` or ``\\r\\n``) and blank lines are kept: the output has
the same number of lines, each ending as its source line ended.
"""
from __future__ import annotations

import re

from .base import BilingualFile, Unit

_LINE = re.compile(r"([^\n]*?)(\r?\n|$)")


class TextFile(BilingualFile):
    format = "txt"
    extensions = (".txt",)
    bilingual = False

    def __init__(self, name: str, data: bytes, units: list[Unit], ends: list[str]):
        super().__init__(name, data, units)
        self.ends = ends

    @classmethod
    def sniff(cls, head: str, name: str) -> bool:
        return False  # plain text is what is left when nothing else matches

    @classmethod
    def parse(cls, data: bytes, name: str, **_) -> "TextFile":
        from ..textio import decode_text

        text = decode_text(data, name)
        units, ends = [], []
        for n, m in enumerate(_LINE.finditer(text), 1):
            if m.start() == len(text) and not m.group(0):
                break
            units.append(Unit(str(n), m.group(1)))
            ends.append(m.group(2))
        return cls(name, data, units, ends)

    def _store(self, index: int, text: str, review: bool) -> None:
        pass

    def to_bytes(self) -> bytes:
        return "".join((u.target or "") + end for u, end in zip(self.units, self.ends)).encode("utf-8")

    def _serialize(self) -> bytes:
        return self.to_bytes()
