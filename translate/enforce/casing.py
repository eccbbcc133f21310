"""Write a canonical form into the place of a rendering, with sensible case.

The glossary's casing wins (ISIS, al-Sadr, McKenzie) unless the target has no
capital at all (a case-less name list such as the 65k Wikidata names:
"pompeo"); then the text's capitalisation is kept word by word. What belongs to
the sentence, not the name, follows the text: a leading article keeps the
text's capital ("The Pentagon" at the start of a sentence) and an all-capital
headline stays all capitals. The article is written only if the rendering had one: adding or
dropping words around a name is grammar, not terminology.
"""
from __future__ import annotations

import re

_ARTICLE = re.compile(r"^(the)(\s+)(?=\S)", re.IGNORECASE)


def _split(text: str) -> tuple[str | None, str, str]:
    m = _ARTICLE.match(text)
    if m is None:
        return None, "", text
    return m.group(1), m.group(2), text[m.end():]


def _headline(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)


def _like(body: str, model: str) -> str:
    """Capitalise ``body``'s words as ``model``'s words are (first letters)."""
    shape = [w[:1].isupper() for w in re.split(r"[\s\-]+", model) if w]
    words = re.split(r"([\s\-]+)", body)
    out, k = [], 0
    for w in words:
        if w and not re.fullmatch(r"[\s\-]+", w):
            cap = shape[min(k, len(shape) - 1)] if shape else False
            out.append(w[:1].upper() + w[1:] if cap else w)
            k += 1
        else:
            out.append(w)
    return "".join(out)


def fit_case(target: str, before: str) -> str:
    """The form of ``target`` that replaces ``before``.

    Idempotent: ``fit_case(t, fit_case(t, x)) == fit_case(t, x)``."""
    t_article, _, body = _split(target)
    b_article, sep, rest = _split(before)
    if body == body.lower() and rest != rest.lower():
        # case-less target: the text's own casing (McDonnell, LeBron) if only case differs
        body = rest if rest.lower() == body else _like(body, rest)
    if b_article is None:
        out = body
    else:
        if b_article.isupper() and len(b_article) > 1:
            article = "THE"
        elif t_article == "The" or b_article[0].isupper():
            article = "The"
        else:
            article = "the"
        out = article + sep + body
    if _headline(before) and not _headline(body):
        return out.upper()
    return out
