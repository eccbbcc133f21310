"""Arabic punctuation and its English counterparts.

Arabic writes its own comma, semicolon and question mark (، ؛ ؟), guillemets
«» for quotations and ٪ for per cent. Comparing the punctuation of an Arabic
source with its English translation only makes sense after mapping these to
the English marks, so a question (؟) is a question on both sides.
"""
from __future__ import annotations

# Arabic (and Persian/Urdu) marks → the English mark with the same job.
TO_ENGLISH = str.maketrans({
    "\u060c": ",",   # ، ARABIC COMMA
    "\u061b": ";",   # ؛ ARABIC SEMICOLON
    "\u061f": "?",   # ؟ ARABIC QUESTION MARK
    "\u06d4": ".",   # ۔ ARABIC FULL STOP
    "\u066a": "%",   # ٪ ARABIC PERCENT SIGN
    "\u00ab": '"',   # « opening guillemet
    "\u00bb": '"',   # » closing guillemet
    "\u2e2e": "?",   # ⸮ REVERSED QUESTION MARK (rhetorical)
})


def to_english_punctuation(text: str) -> str:
    """``text`` with Arabic punctuation replaced one-for-one (same length, same offsets)."""
    return text.translate(TO_ENGLISH)
