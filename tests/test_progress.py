"""Progress of long runs (translate.progress): the real CLI with stderr a pipe
(plain lines) and a pseudo-terminal (the tqdm bar), ``--quiet``, stdout byte for
byte unchanged, and the library callbacks counted on real inputs.

Real runs here take well under the 1.5 s the display waits before showing
anything, so the tests set ``TARJAMA_PROGRESS_DELAY=0`` (and an interval of 0
for a line on every update), the settings documented for exactly this.
"""
from __future__ import annotations

import fcntl
import io
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from translate.progress import DELAY_ENV, INTERVAL_ENV, ProgressCallback, ProgressDisplay

ROOT = Path(__file__).resolve().parents[1]
TARJAMA = str(Path(sys.executable).parent / "tarjama")
GLOSSARY = str(ROOT / "glossaries")
SEED_AR = ROOT / "examples" / "seed-article.ar.txt"
SEED_EN = ROOT / "examples" / "seed-article.mt.en.txt"
SHOW = {DELAY_ENV: "0", INTERVAL_ENV: "0"}
LINE = re.compile(r"^tarjama (\w+): ([\d,]+)/([\d,]+) (\w+), ")


class Recorder:
    """A ProgressCallback that remembers what the library told it."""

    def __init__(self) -> None:
        self.totals: list[int] = []
        self.advances: list[int] = []

    def add_total(self, n: int) -> None:
        self.totals.append(n)

    def advance(self, n: int = 1) -> None:
        self.advances.append(n)


def run(*args, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in (DELAY_ENV, INTERVAL_ENV)}
    return subprocess.run([TARJAMA, *map(str, args)], capture_output=True, timeout=300,
                          env={**clean, **(env or {})}, **kw)


def progress_lines(stderr: bytes | str, label: str) -> list[tuple[int, int, str]]:
    """(done, total, unit) of every plain progress line of ``label``."""
    out = []
    for line in (stderr.decode("utf-8") if isinstance(stderr, bytes) else stderr).splitlines():
        m = LINE.match(line)
        if m and m.group(1) == label:
            out.append((int(m.group(2).replace(",", "")), int(m.group(3).replace(",", "")), m.group(4)))
    return out


@pytest.fixture
def show(monkeypatch):
    """Progress from the first update on, for the in-process CLI runs."""
    for name, value in SHOW.items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def dir_pair(tmp_path) -> tuple[Path, Path]:
    """Three documents: the seed article whole, and its first and second half."""
    ar, en = SEED_AR.read_text(encoding="utf-8").splitlines(), SEED_EN.read_text(encoding="utf-8").splitlines()
    assert len(ar) == len(en)
    half = len(ar) // 2
    for side, lines in (("ar", ar), ("en", en)):
        d = tmp_path / side
        d.mkdir()
        for name, part in (("a.txt", lines), ("b.txt", lines[:half]), ("c.txt", lines[half:])):
            (d / name).write_text("\n".join(part) + "\n", encoding="utf-8")
    return tmp_path / "ar", tmp_path / "en"


def test_qa_counts_segments_across_documents_and_leaves_stdout_alone(dir_pair):
    ar, en = dir_pair
    from translate.documents import load_inputs

    # the text report (the JSON one carries the minute it was made)
    args = ("qa", "-s", ar, "-t", en, "-g", GLOSSARY, "--fail-on", "never")
    shown = run(*args, env=SHOW)
    quiet = run(*args, "--quiet", env=SHOW)
    assert shown.returncode == quiet.returncode == 0, shown.stderr
    documents = load_inputs(str(ar), str(en))
    segments = sum(len(d.segments) for d in documents)
    assert len(documents) == 3 and segments > len(SEED_AR.read_text(encoding="utf-8").splitlines())
    lines = progress_lines(shown.stderr, "qa")
    assert lines and lines[-1] == (segments, segments, "segments")  # all three documents, one total
    assert all(total == segments for _, total, _ in lines)
    assert [d for d, _, _ in lines] == sorted(d for d, _, _ in lines) and len(lines) > 3
    assert b"segments/s" in shown.stderr and b"ETA" in shown.stderr
    assert progress_lines(quiet.stderr, "qa") == [] and quiet.stderr == b""
    assert shown.stdout == quiet.stdout  # never on stdout, never in the report
    assert b"tarjama qa: " not in shown.stdout


def test_qa_quiet_drops_the_summary_line_too(cli, show, dir_pair, tmp_path):
    ar, en = dir_pair
    report = tmp_path / "report.txt"
    loud = cli("qa", "-s", ar, "-t", en, "-g", GLOSSARY, "-o", report, "--fail-on", "never")
    assert loud.exit_code == 0 and "report written to" in loud.stderr and progress_lines(loud.stderr, "qa")
    quiet = cli("qa", "-s", ar, "-t", en, "-g", GLOSSARY, "-o", report, "--fail-on", "never", "-q")
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_enforce_lines_on_stderr_output_on_stdout_unchanged(cli, show):
    args = ("enforce", "-s", SEED_AR, "-t", SEED_EN, "-g", GLOSSARY, "-o", "-")
    shown, quiet = cli(*args), cli(*args, "-q")
    assert shown.exit_code == quiet.exit_code == 0, shown.stderr
    lines = progress_lines(shown.stderr, "enforce")
    count = len(SEED_AR.read_text(encoding="utf-8").splitlines())
    assert lines[-1] == (count, count, "segments")
    assert progress_lines(quiet.stderr, "enforce") == []
    assert shown.stdout == quiet.stdout and shown.stdout.count("\n") == count


def test_translate_counts_sentences_and_keeps_stdout(cli, show, tiny_model, tmp_path):
    source = tmp_path / "in.ar.txt"
    source.write_text(SEED_AR.read_text(encoding="utf-8") * 3, encoding="utf-8")
    args = ("translate", source, "--model", tiny_model, "--beam-size", "1", "--no-cache")
    shown, quiet, records = cli(*args), cli(*args, "-q"), cli(*args, "--json", "-q")
    assert shown.exit_code == quiet.exit_code == records.exit_code == 0, shown.stderr
    sentences = len(records.stdout.splitlines())
    lines = progress_lines(shown.stderr, "translate")
    assert lines[-1] == (sentences, sentences, "sentences") and len(lines) >= 2
    assert progress_lines(quiet.stderr, "translate") == [] and quiet.stderr == ""
    assert shown.stdout == quiet.stdout


def test_translate_with_glossary_quiet_still_reports_unenforced_terms(cli, show, tiny_model, tmp_path):
    out = tmp_path / "out.en.txt"
    result = cli("translate", SEED_AR, "--model", tiny_model, "--beam-size", "1", "--no-cache", "-g", GLOSSARY,
                 "-o", out, "-q")
    assert result.exit_code == 0, result.stderr
    assert progress_lines(result.stderr, "translate") == [] and "wrote" not in result.stderr
    # a random-weight model places no term: that is worth saying even with -q
    assert "term(s) not enforced" in result.stderr


def test_terminal_gets_a_bar_that_is_cleared_and_stdout_is_untouched(cli, dir_pair, tmp_path):
    ar, en = dir_pair
    args = [TARJAMA, "qa", "-s", str(ar), "-t", str(en), "-g", GLOSSARY, "-f", "tsv", "--fail-on", "never"]
    env = {**os.environ, **SHOW}
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a 100-column terminal
    with open(tmp_path / "stdout", "wb") as stdout:
        proc = subprocess.Popen(args, stdout=stdout, stderr=slave, env=env)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert proc.wait(timeout=120) == 0, seen
    text = seen.decode("utf-8", "replace")
    assert "qa:" in text and "segments/s" in text and "|" in text and "\r" in text  # tqdm's bar, redrawn
    assert not progress_lines(seen, "qa")  # a bar, not plain lines
    assert text.endswith("\r") and text.split("\r")[-2].strip() == ""  # the bar is cleared at the end (leave=False)
    assert (tmp_path / "stdout").read_text(encoding="utf-8") == cli(*args[1:], "-q").stdout


def test_a_terminal_that_reports_no_width_still_gets_a_bar():
    master, slave = pty.openpty()  # a bare pty: 0 columns, as under some CI runners
    with os.fdopen(slave, "w", encoding="utf-8") as terminal:
        with ProgressDisplay("translate", 8, "sentences", stream=terminal, delay=0) as p:
            assert p.bar is not None
            p.advance(4)
            terminal.flush()
            drawn = os.read(master, 4096).decode("utf-8")
    os.close(master)
    assert "translate:" in drawn and "/8 " in drawn and "sentences/s" in drawn


def test_help_of_each_command_mentions_progress_and_quiet(cli):
    for command in ("qa", "enforce", "translate"):
        text = cli(command, "--help").stdout
        assert "--quiet" in text and "-q" in text and "progress" in text.lower(), command


# -- the library: callbacks counted on real inputs, nothing printed by default ----------------------
def test_run_qa_tells_the_total_over_documents_then_each_segment(dir_pair, capsys):
    from translate.documents import load_inputs
    from translate.glossary import load_glossaries
    from translate.qa import run_qa

    docs = load_inputs(str(dir_pair[0]), str(dir_pair[1]))
    glossary = load_glossaries([GLOSSARY])
    rec = Recorder()
    assert isinstance(rec, ProgressCallback)
    with_progress = run_qa(docs, glossary, progress=rec)
    without = run_qa(docs, glossary)
    segments = sum(len(d.segments) for d in docs)
    assert len(docs) == 3 and rec.totals == [segments] and sum(rec.advances) == segments
    assert [f.to_dict() for f in with_progress.findings] == [f.to_dict() for f in without.findings]
    assert capsys.readouterr() == ("", "")  # a library user gets no output


def test_enforce_lines_counts_every_line():
    from translate.enforce import Enforcer

    ar = SEED_AR.read_text(encoding="utf-8").splitlines()
    en = SEED_EN.read_text(encoding="utf-8").splitlines()
    enforcer = Enforcer.from_paths([GLOSSARY])
    rec = Recorder()
    counted = enforcer.enforce_lines(ar, en, progress=rec)
    assert rec.totals == [len(ar)] and sum(rec.advances) == len(ar)
    assert [r.text for r in counted] == [r.text for r in enforcer.enforce_lines(ar, en)]


def test_translator_counts_blank_lines_memory_hits_and_decoded_batches(tiny_model, tmp_path):
    from translate.engine import DecodeOptions, TranslationMemory, Translator

    sentences = [s for s in SEED_AR.read_text(encoding="utf-8").splitlines()] * 4 + ["", "  "]
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    translator = Translator(tiny_model, options=DecodeOptions(beam_size=1, max_batch_size=4), memory=memory)
    plain = Translator(tiny_model, options=DecodeOptions(beam_size=1, max_batch_size=4))
    rec = Recorder()
    got = translator.translate_sentences(sentences, progress=rec)
    assert rec.totals == [len(sentences)] and sum(rec.advances) == len(sentences)
    assert rec.advances[0] == 2  # the two blank lines, before any decoding
    assert len(rec.advances) > 2  # batches of 4 counted as they finish, not one lump at the end
    assert [r.target for r in got] == [r.target for r in plain.translate_sentences(sentences)]
    again = Recorder()
    translator.translate_sentences(sentences[:5], progress=again)
    assert again.totals == [5] and again.advances == [5]  # all from the translation memory


def test_glossary_engine_passes_progress_to_the_engine(translator):
    from translate.engine.engine import translate_document
    from translate.enforce import Enforcer
    from translate.enforce.translation import GlossaryEngine

    engine = GlossaryEngine(translator, Enforcer.from_paths([GLOSSARY]))
    rec = Recorder()
    result = translate_document(engine, SEED_AR.read_text(encoding="utf-8"), progress=rec)
    assert rec.totals == [len(result.sentences)] and sum(rec.advances) == len(result.sentences)


# -- the display itself -------------------------------------------------------------------------------
def test_short_runs_show_nothing_long_ones_a_line_per_interval():
    short = io.StringIO()
    with ProgressDisplay("qa", 100, stream=short, tty=False, delay=60, interval=0) as p:
        for _ in range(100):
            p.advance()
    assert short.getvalue() == ""
    long = io.StringIO()
    with ProgressDisplay("qa", 100, stream=long, tty=False, delay=0, interval=3600) as p:
        for _ in range(100):
            p.advance()
    lines = long.getvalue().splitlines()
    # the first line once the delay is over, then none for an hour, then the last one
    assert len(lines) == 2 and lines[0].startswith("tarjama qa: 1/100 segments") and \
        lines[1].startswith("tarjama qa: 100/100 segments")


def test_a_failed_run_ends_without_a_final_line_and_quiet_is_silent():
    out = io.StringIO()
    with pytest.raises(RuntimeError):
        with ProgressDisplay("enforce", 10, stream=out, tty=False, delay=0, interval=3600) as p:
            p.advance(3)
            raise RuntimeError("boom")
    lines = out.getvalue().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tarjama enforce: 3/10 segments")  # no "final" line after it
    silent = io.StringIO()
    with ProgressDisplay("enforce", 10, stream=silent, tty=True, quiet=True, delay=0) as p:
        p.advance(10)
    assert silent.getvalue() == ""


def test_resumed_batch_counts_done_documents_but_rates_only_this_run():
    out = io.StringIO()
    p = ProgressDisplay("batch", 10, "documents", stream=out, tty=False, initial=6, rate_of="segments",
                        delay=0, interval=0)
    p.advance(1, segments=40, failed=0)
    p.advance(1, segments=40, failed=1)
    p.close()
    last = out.getvalue().splitlines()[-1]
    assert last.startswith("tarjama batch: 8/10 documents, 80 segments, 1 failed, ")
    assert "segments/s" in last and "ETA" in last


def test_progress_settings_from_the_environment(monkeypatch):
    monkeypatch.setenv(DELAY_ENV, "0.25")
    monkeypatch.setenv(INTERVAL_ENV, "not a number")
    p = ProgressDisplay("qa", stream=io.StringIO(), tty=False)
    assert p.delay == 0.25 and p.interval == 10.0  # a typo falls back to the default, it does not stop a job
