"""Which documents a batch has: files given directly, and every file under
directories given (recursively; hidden files and folders skipped). Each gets
the name it has in reports and in the output directory: its path relative to
the directory it was found in, or its file name when given directly."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError


@dataclass(frozen=True)
class InputDoc:
    name: str   # relative POSIX path: the report name and the output path under OUTDIR
    path: Path


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def collect(inputs: list[str], outdir: Path) -> list[InputDoc]:
    """The documents, sorted by name; clashing names are an input error."""
    out = outdir.resolve()
    found: dict[str, InputDoc] = {}
    for raw in inputs:
        path = Path(raw).expanduser()
        if path.is_dir():
            docs = []
            for f in sorted(path.rglob("*")):
                rel = f.relative_to(path)
                if not f.is_file() or _hidden(rel):
                    continue
                if out == f.resolve() or out in f.resolve().parents:
                    continue  # the output directory inside an input directory
                docs.append(InputDoc(rel.as_posix(), f))
            if not docs:
                raise InputError("directory has no files", raw)
        elif path.is_file():
            docs = [InputDoc(path.name, path)]
        else:
            raise InputError("no such file or directory", raw)
        for doc in docs:
            other = found.get(doc.name)
            if other is not None and other.path.resolve() != doc.path.resolve():
                raise InputError(f"two inputs would both be written as {doc.name} ({other.path} and {doc.path}); "
                                 "give their common directory instead", raw)
            found[doc.name] = doc
    return [found[k] for k in sorted(found)]
