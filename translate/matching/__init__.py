"""Finding glossary terms in Arabic text, however they are spelled."""
from .match import AmbiguitySettings, FuzzySettings, Match, MatchSettings
from .matcher import Matcher

__all__ = ["AmbiguitySettings", "FuzzySettings", "Match", "MatchSettings", "Matcher"]
