"""Finding glossary terms in Arabic text, however they are spelled."""
from .match import Match, MatchSettings
from .matcher import Matcher

__all__ = ["Match", "MatchSettings", "Matcher"]
