"""Help texts shared by the commands' options (one wording for one option everywhere)."""
from __future__ import annotations

GLOSSARY_HELP = ("Glossary: a YAML file, a directory of *.yaml, or a term base as it is (.tbx, .csv, .tsv; "
                 "entries left out are warned about). Repeatable; where two glossaries give one Arabic spelling "
                 "different renderings, the one given first wins (reported on stderr).")
