"""Glossaries: how names and terms must come out in English."""
from .model import TERM_TYPES, Glossary, Term
from .loader import load_glossaries, load_glossary_file

__all__ = ["TERM_TYPES", "Glossary", "Term", "load_glossaries", "load_glossary_file"]
