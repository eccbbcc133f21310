"""gettext PO files through polib: ``msgid`` is the source, ``msgstr`` the target.

The header entry and obsolete (``#~``) entries are not units. A plural entry is
two units, ``msgid`` → ``msgstr[0]`` and ``msgid_plural`` → ``msgstr[1]``
(English has two forms). An empty ``msgstr`` is "no target". A written entry
loses its ``fuzzy`` flag, or gains it when QA found something: that is how
gettext tools mark a translation for review. A changed file is written by
polib (wrapped at polib's width, 78); an unchanged one keeps its bytes.
"""
from __future__ import annotations

import re

import polib

from .base import BilingualFile, FormatError, Unit


class PoFile(BilingualFile):
    format = "po"
    extensions = (".po", ".pot")

    def __init__(self, name: str, data: bytes, units: list[Unit], po: polib.POFile, slots: list[tuple]):
        super().__init__(name, data, units)
        self.po = po
        self.slots = slots  # (entry, plural index or None)

    @classmethod
    def sniff(cls, head: str, name: str) -> bool:
        return any(line.startswith("msgid ") for line in head.splitlines()) and "msgstr" in head

    @classmethod
    def parse(cls, data: bytes, name: str, **_) -> "PoFile":
        from ..textio import decode_text

        text = decode_text(data, name)
        _check_lines(text, name)
        try:
            po = polib.pofile(text, wrapwidth=78)
        except (OSError, ValueError) as exc:
            raise FormatError(f"not a valid PO file ({exc})", name) from None
        units: list[Unit] = []
        slots: list[tuple] = []
        for entry in po:
            if entry.obsolete or entry.msgid == "":
                continue
            uid = entry.msgctxt or f"line {entry.linenum}"
            if entry.msgid_plural:
                forms = entry.msgstr_plural
                for k, src in ((0, entry.msgid), (1, entry.msgid_plural)):
                    units.append(Unit(f"{uid}[{k}]", src, forms.get(k) or None))
                    slots.append((entry, k))
            else:
                units.append(Unit(uid, entry.msgid, entry.msgstr or None))
                slots.append((entry, None))
        if not units:
            raise FormatError("no messages in this PO file", name)
        return cls(name, data, units, po, slots)

    def _state_changes(self, index: int, review: bool) -> bool:
        return review and "fuzzy" not in self.slots[index][0].flags

    def _store(self, index: int, text: str, review: bool) -> None:
        entry, k = self.slots[index]
        if k is None:
            entry.msgstr = text
        else:
            entry.msgstr_plural[k] = text
        if review and "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
        elif not review and "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")

    def _serialize(self) -> bytes:
        return self.po.__unicode__().encode(self.po.encoding or "utf-8")


# A keyword with its quoted string, or a continuation string; C escapes inside quotes.
_STRING = r'"(?:[^"\\]|\\.)*"'
_LINE = re.compile(rf'\s*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s*)?{_STRING}\s*')


def _check_lines(text: str, name: str) -> None:
    """Every line a comment, blank, a keyword with its quoted string or a continuation string.

    Why: polib drops an entry whose string lacks its closing quote (``msgid "x``)
    without a word, so the message was neither translated nor kept in the file
    written back; msgfmt rejects such a file. Found by a hostile-input probe."""
    for number, line in enumerate(text.split("\n"), 1):  # not splitlines: U+2028 may sit inside a string
        bare = line.strip()
        if bare and not bare.startswith("#") and not _LINE.fullmatch(line):
            raise FormatError(f"not a PO keyword line or quoted string: {bare[:60]!r}", name, number)
