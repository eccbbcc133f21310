"""The English side: how a glossary term was rendered in a translation."""
from .finder import RenderingFinder, RenderingSettings
from .renderings import Rendering, find_renderings

__all__ = ["Rendering", "RenderingFinder", "RenderingSettings", "find_renderings"]
