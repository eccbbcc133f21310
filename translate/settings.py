"""Every threshold of a run, in one place: the root of the settings surface.

Like sacrebleu's signatures, each part records what it decides and contributes
its part of a report's signature: ``match`` (what is found in the Arabic),
``renderings`` (what counts as a rendering in the English), ``enforce`` (what is
changed) and ``qa`` (what is reported). A library user passing a :class:`Settings`
to :func:`translate.qa.run_qa` gets the signature the CLI prints.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .english.finder import RenderingSettings
from .enforce.records import EnforceSettings
from .matching.match import MatchSettings
from .qa.base import QASettings


@dataclass(frozen=True)
class Settings:
    match: MatchSettings = field(default_factory=MatchSettings)
    renderings: RenderingSettings = field(default_factory=RenderingSettings)
    enforce: EnforceSettings = field(default_factory=EnforceSettings)
    qa: QASettings = field(default_factory=QASettings)

    def thresholds(self, *parts: str) -> dict[str, dict[str, Any]]:
        """The signature's ``thresholds``: the named parts (default: all), each as a dict."""
        names = {"matching": self.match, "renderings": self.renderings, "enforce": self.enforce, "qa": self.qa}
        return {k: v.as_dict() for k, v in names.items() if not parts or k in parts}
