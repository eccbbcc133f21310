"""The English side: how a glossary term was rendered in a translation."""
from .renderings import Rendering, find_renderings

__all__ = ["Rendering", "find_renderings"]
