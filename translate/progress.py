"""Progress of long runs: what the library reports and how the CLI shows it.

The library (``run_qa``, ``Enforcer.enforce_lines``, ``Translator`` and
``GlossaryEngine``, ``translate_document``) takes an optional ``progress``
object with two methods, :class:`ProgressCallback`: ``add_total(n)`` when it
knows how much work is coming, ``advance(n)`` as it gets done. Without one it
prints nothing, so a program importing tarjama gets no output it did not ask for.

:class:`ProgressDisplay` is the CLI's one implementation, shared by ``qa``,
``enforce``, ``translate`` and ``batch``: a tqdm bar when stderr is a terminal,
plain periodic lines otherwise (logs, CI), nothing with ``--quiet``. Always on
stderr, so output written to stdout is byte for byte the same with or without it.

Only long runs show anything: nothing before ``delay`` seconds (default 1.5 —
a glossary check of a news article takes well under a second, and a bar that
flashes and vanishes is noise), then plain lines at most every ``interval``
seconds (default 10, so the log of a 10,000-document job stays readable) and a
last one at the end. ``TARJAMA_PROGRESS_DELAY`` and ``TARJAMA_PROGRESS_INTERVAL``
(seconds) override both, e.g. ``0`` and ``0`` for a line on every update.
"""
from __future__ import annotations

import os
import sys
import time
from typing import Protocol, TextIO, runtime_checkable

DELAY_ENV = "TARJAMA_PROGRESS_DELAY"
INTERVAL_ENV = "TARJAMA_PROGRESS_INTERVAL"
DEFAULT_DELAY = 1.5
DEFAULT_INTERVAL = 10.0


@runtime_checkable
class ProgressCallback(Protocol):
    """What a long library call reports to: work announced, then work done."""

    def add_total(self, n: int) -> None:
        """``n`` more units of work are coming (called before they are done)."""

    def advance(self, n: int = 1) -> None:
        """``n`` units are done."""


def _seconds(name: str, default: float) -> float:
    """A non-negative number of seconds from the environment; the default for
    anything else (a typo in a progress setting must not stop a job)."""
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value >= 0 else default


def _columns(stream: TextIO) -> int:
    """The width of the terminal ``stream`` is on (0 when it does not say)."""
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return 0


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 else f"{value:.1f}"


class ProgressDisplay:
    """Counts ``unit`` (documents, segments) toward a total that may grow.

    ``advance`` may also count other things (``segments=``, ``failed=``), shown
    after the main count; ``rate_of`` names the count the rate is given in
    (batch: segments/s while counting documents). ``initial`` units were done
    before this run (a resumed batch): counted, but not in the rate or ETA.
    The ETA is taken from the rate since the first unit was done, so set-up
    (loading, matching a whole document before its first segment) does not
    inflate it."""

    def __init__(self, label: str, total: int = 0, unit: str = "segments", *, quiet: bool = False,
                 stream: TextIO | None = None, tty: bool | None = None, initial: int = 0,
                 rate_of: str | None = None, delay: float | None = None, interval: float | None = None):
        self.label = label
        self.total = total
        self.unit = unit
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.done = self.initial = initial
        self.rate_of = rate_of or unit
        self.counts: dict[str, int] = {}
        self.delay = _seconds(DELAY_ENV, DEFAULT_DELAY) if delay is None else delay
        self.interval = _seconds(INTERVAL_ENV, DEFAULT_INTERVAL) if interval is None else interval
        self.start = time.monotonic()
        self.last: float | None = None  # when the last plain line was written
        self.written = -1  # ``done`` in that line
        self.first: tuple[float, int] | None = None  # (time, done) at the first advance
        self.bar = None
        self.closed = False
        if not quiet and (self.stream.isatty() if tty is None else tty):
            from tqdm import tqdm

            # A terminal that reports no width (a bare pty, some CI runners) gets 80
            # columns: tqdm would trim the bar to nothing.
            fixed = None if _columns(self.stream) else 80
            self.bar = tqdm(total=total or None, initial=initial, unit=f" {unit}", desc=label, file=self.stream,
                            dynamic_ncols=fixed is None, ncols=fixed, smoothing=0.1, delay=self.delay, leave=False)

    # -- the ProgressCallback protocol -------------------------------------------
    def add_total(self, n: int) -> None:
        self.total += n
        if self.bar is not None:
            self.bar.total = self.total
            if time.monotonic() - self.start >= self.delay:
                self.bar.refresh()

    def advance(self, n: int = 1, **counts: int) -> None:
        self.done += n
        if self.first is None:
            self.first = (time.monotonic(), self.done)
        for name, k in counts.items():
            self.counts[name] = self.counts.get(name, 0) + int(k)
        if self.quiet:
            return
        if self.bar is not None:
            if counts:
                self.bar.set_postfix({k: f"{v:,}" for k, v in self.counts.items()}, refresh=False)
            self.bar.update(n)
            return
        now = time.monotonic()
        if (now - self.start >= self.delay) if self.last is None else (now - self.last >= self.interval):
            self._write(now)

    # -----------------------------------------------------------------------------
    def _write(self, now: float) -> None:
        self.last, self.written = now, self.done
        self.stream.write(self.line() + "\n")
        self.stream.flush()

    def line(self) -> str:
        """One plain progress line, e.g. ``tarjama qa: 1,200/1,997 segments, 850 segments/s,
        elapsed 1s, ETA 1s``."""
        elapsed = max(time.monotonic() - self.start, 1e-9)
        parts = [f"{self.done:,}/{self.total:,} {self.unit}" if self.total else f"{self.done:,} {self.unit}"]
        parts += [f"{v:,} {k}" for k, v in self.counts.items() if v or k != "failed"]
        count = self.done - self.initial if self.rate_of == self.unit else self.counts.get(self.rate_of, 0)
        parts.append(f"{_number(count / elapsed)} {self.rate_of}/s")
        parts.append(f"elapsed {elapsed:.0f}s")
        if self.total and self.first is not None and self.first[1] < self.done < self.total:
            # From the first unit done on: the set-up before it (a model, a
            # whole-document match) is not work still to come.
            since, at = self.first
            parts.append(f"ETA {(time.monotonic() - since) / (self.done - at) * (self.total - self.done):.0f}s")
        return f"tarjama {self.label}: " + ", ".join(parts)

    def close(self, final: bool = True) -> None:
        """Clear the bar, or write the last plain line if the run was long
        enough to show one (not after an error: ``final=False``)."""
        if self.closed:
            return
        self.closed = True
        if self.bar is not None:
            self.bar.close()
            return
        if final and not self.quiet:
            now = time.monotonic()
            shown = self.last is not None or now - self.start >= self.delay
            if shown and self.written != self.done:
                self._write(now)

    def __enter__(self) -> "ProgressDisplay":
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        self.close(final=kind is None)
