"""`tarjama --help` lists every command without importing them; the lines match the commands."""
from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_help_lists_commands_without_importing_the_heavy_modules():
    code = (
        "import sys; from translate.cli import main; sys.argv = ['tarjama', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('translate.matching', 'translate.enforce', 'translate.models.download', "
        "'rapidfuzz', 'ctranslate2', 'translate.cli.translate') if m in sys.modules]\n"
        "print('HEAVY', heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}).stdout
    assert "HEAVY []" in out
    for name in ("translate", "enforce", "qa", "glossary", "model"):
        assert f"\n  {name} " in out


def test_listed_lines_are_the_commands_own_help(cli):
    from translate.cli import COMMANDS, app
    from typer.main import get_command

    group = get_command(app)
    for name, (_, line) in COMMANDS.items():
        command = group.get_command(None, name)
        doc = " ".join(inspect.cleandoc(command.help or "").split())
        assert doc.startswith(line), (name, line, doc[:120])
        assert cli(name, "--help").exit_code == 0


def test_no_programmer_placeholders_in_any_help(cli):
    """Every command's --help names values as a user reads them (OUTPUT, N),
    never typer's placeholders (<list[str]>, <str>, <int>, <path>)."""
    import re

    from translate.cli import COMMANDS, app
    from typer.main import get_command

    group = get_command(app)
    names = []
    for name in COMMANDS:
        command = group.get_command(None, name)
        subs = getattr(command, "commands", None)
        names += [[name, sub] for sub in subs] if subs else [[name]]
    assert len(names) > len(COMMANDS)  # the glossary and model groups were walked
    for words in names:
        out = cli(*words, "--help").stdout
        bad = re.findall(r"<(?:list\[\w+\]|str|int|float|path|Path)>", out)
        assert not bad, (words, bad)
