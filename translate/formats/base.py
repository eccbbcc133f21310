"""What every file format shares: units of source/target text and one base class.

Modelled on sacrebleu's one-file-per-metric layout: each format is a subclass of
:class:`BilingualFile` in its own module (``xliff12``, ``xliff20``, ``tmx``,
``po``, ``jsonl``, ``text``) with a ``sniff`` for detection, a ``parse`` that
turns bytes into :class:`Unit` records and a ``to_bytes`` that writes the file
back with the targets that were set. Translation, enforcement and QA only ever
see units; the formats keep everything else (ids, inline tags, notes,
attributes) and put it back.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar

from ..errors import InputError


class FormatError(InputError):
    """A file that is not what its format requires (malformed XML, no units...)."""


@dataclass
class Unit:
    """One translatable segment: plain text, inline markup kept by the format.

    ``target`` is None when the file has no translation for the unit yet (an
    empty ``<target/>`` is ``""``, not None)."""

    id: str
    source: str
    target: str | None = None


class BilingualFile(ABC):
    """A parsed file: its units plus whatever the format needs to write it back.

    ``set_target`` records a new translation (``review=True`` when QA found
    something, so CAT tools show the unit for review); ``to_bytes`` returns the
    original bytes untouched when no target was set.
    """

    format: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]] = ()
    #: Whether the format carries targets (False: plain text, {"id","text"} JSONL).
    bilingual: ClassVar[bool] = True

    def __init__(self, name: str, data: bytes, units: list[Unit]):
        self.name = name
        self.data = data
        self.units = units
        self.changed: set[int] = set()

    @classmethod
    @abstractmethod
    def sniff(cls, head: str, name: str) -> bool:
        """Whether the start of a file (decoded leniently) looks like this format."""

    @classmethod
    @abstractmethod
    def parse(cls, data: bytes, name: str) -> "BilingualFile":
        """Read a whole file; problems are one :class:`FormatError` naming ``name``."""

    @property
    def has_targets(self) -> bool:
        return self.bilingual and any(u.target is not None for u in self.units)

    def set_target(self, index: int, text: str, review: bool = False) -> None:
        unit = self.units[index]
        if unit.target == text and not self._state_changes(index, review):
            return
        unit.target = text
        self._store(index, text, review)
        self.changed.add(index)

    def _state_changes(self, index: int, review: bool) -> bool:
        """Whether writing ``review`` would change a state the file records."""
        return False

    @abstractmethod
    def _store(self, index: int, text: str, review: bool) -> None:
        """Put the target into the format's own structure."""

    def to_bytes(self) -> bytes:
        return self.data if not self.changed else self._serialize()

    @abstractmethod
    def _serialize(self) -> bytes:
        """The file with its changed units."""
