"""Glossary maintenance that asks the matcher: lint's matcher kinds, suggestions, coverage.

It sits above both :mod:`translate.glossary` (the model, loading, import/export,
the lint kinds the entries show by themselves) and :mod:`translate.matching`
(which reads glossaries), so neither of those imports the other the wrong way.
"""
