"""The package layering, read from the source with ast (so it cannot regress unseen).

glossary/ is below matching/ (matching reads glossaries); the engine translates
without knowing about enforcement; the CLI only parses arguments, so nothing in
the library may import it. Lazy imports inside functions count too.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "translate"

# package -> the packages it must not import
FORBIDDEN = {
    "glossary": {"matching", "english", "enforce", "qa", "engine", "batch", "cli"},
    "engine": {"enforce"},
    "matching": {"enforce", "qa"},
}
# Only the CLI itself and ``python -m translate`` may import translate.cli.
CLI_IMPORTERS = {"cli", "__main__"}


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module) for every import in ``path``, relative ones resolved."""
    package = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1]
    if path.name == "__init__.py":
        package = path.relative_to(PACKAGE.parent).parts[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[: len(package) - node.level + 1]) if node.level else ""
            module = ".".join(p for p in (base, node.module or "") if p)
            if node.module is None:  # from .. import cli
                found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, module))
    return found


def _top(module: str) -> str | None:
    """The sub-package of translate a module is in (None outside translate)."""
    parts = module.split(".")
    return parts[1] if parts[0] == "translate" and len(parts) > 1 else None


def _violations() -> list[str]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        for line, module in _imports(path):
            target = _top(module)
            where = f"{path.relative_to(PACKAGE.parent)}:{line}"
            if target in FORBIDDEN.get(own, ()):
                out.append(f"{where}: {own}/ imports {module}")
            if target == "cli" and own not in CLI_IMPORTERS:
                out.append(f"{where}: imports the CLI ({module})")
    return out


def test_resolver_reads_relative_and_lazy_imports() -> None:
    # The check is only as good as the resolver: it must see the CLI's own imports of the library.
    modules = {m for _, m in _imports(PACKAGE / "cli" / "glossary.py")}
    assert "translate.maintenance.lint" in modules and "translate.maintenance.suggest" in modules
    assert any(m.startswith("translate.glossary") for m in modules)


def test_package_layering() -> None:
    assert _violations() == []
