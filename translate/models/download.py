"""Streaming HTTP download with resume, progress and checksum.

Why: models are hundreds of MB and newsroom networks drop. We stream to
``<dest>.part`` (never holding the file in memory), resume with an HTTP
``Range`` request after a cut — within one run and across runs — hash while
writing, and only rename to ``dest`` when the size and checksum are right.

No server can hold a fetch forever: connecting and each read time out after
``TARJAMA_FETCH_TIMEOUT`` seconds (default 20), a transfer that moves less than
:data:`STALL_BYTES` in that time (a server dripping a byte every few seconds,
or never finishing its headers) is stalled, redirects stop after
:data:`MAX_REDIRECTS`. An attempt that timed out without a byte is not retried
and one cut without progress is retried once, so a hostile server costs one
timeout; a cut after progress is resumed (up to ``retries`` times).
"""
from __future__ import annotations

import contextlib
import hashlib
import http.client
import os
import signal
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Callable, Iterator, TextIO

from ..errors import TarjamaError

CHUNK = 1 << 16
USER_AGENT = "tarjama-model-fetch/1"
TIMEOUT_ENV = "TARJAMA_FETCH_TIMEOUT"
DEFAULT_TIMEOUT = 20.0
# Less than this in one timeout window is a stall (64 KB per 20 s is about 3 KB/s,
# far below any real link; a slowloris server sends bytes, not kilobytes).
STALL_BYTES = CHUNK
MAX_REDIRECTS = 5


class DownloadError(TarjamaError):
    """A download that failed or did not match its checksum."""


class Progress:
    """A one-line progress bar on a terminal; silent elsewhere except a final line."""

    def __init__(self, label: str, stream: TextIO | None = None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.label = label
        self.total: int | None = None
        self.done = 0
        self._last = 0.0
        self._start = time.monotonic()

    def update(self, done: int, total: int | None) -> None:
        self.done, self.total = done, total
        now = time.monotonic()
        if not self.enabled or now - self._last < 0.1:
            return
        self._last = now
        mib = done / 1048576
        if total:
            frac = min(1.0, done / total)
            bar = "#" * int(frac * 30)
            line = f"\r{self.label} [{bar:<30}] {frac * 100:5.1f}% {mib:7.1f}/{total / 1048576:.1f} MiB"
        else:
            line = f"\r{self.label} {mib:7.1f} MiB"
        self.stream.write(line)
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled:
            self._last = 0.0
            self.update(self.done, self.total)
            self.stream.write("\n")
            self.stream.flush()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _content_range_start(value: str | None) -> int | None:
    # "bytes 100-999/1000"
    if not value or not value.startswith("bytes "):
        return None
    try:
        return int(value[6:].split("-", 1)[0])
    except ValueError:
        return None


def fetch_timeout() -> float:
    """Seconds for connect, each read and the stall window (``TARJAMA_FETCH_TIMEOUT``)."""
    try:
        value = float(os.environ.get(TIMEOUT_ENV, DEFAULT_TIMEOUT))
    except ValueError:
        raise TarjamaError(f"${TIMEOUT_ENV} must be a number of seconds") from None
    return value if value > 0 else DEFAULT_TIMEOUT


def check_url(url: str) -> str:
    """One clear line for a URL that cannot be fetched, before any connection."""
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise DownloadError("malformed URL (holds spaces or control characters)", url[:200])
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        raise DownloadError(f"malformed URL ({exc})", url[:200]) from None
    if parts.scheme not in ("http", "https"):
        raise DownloadError("only http:// and https:// URLs can be fetched", url[:200])
    if not parts.hostname:
        raise DownloadError("malformed URL (no host)", url[:200])
    return url


class _Stalled(TimeoutError):
    pass


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 2


@contextlib.contextmanager
def _stall_alarm(seconds: float) -> Iterator[Callable[[], None]]:
    """Raise :class:`_Stalled` in a blocking read when ``rearm`` is not called for
    ``seconds``. Socket timeouts alone cannot catch a server that sends one byte
    just before each timeout. Only the main thread can take signals; elsewhere
    the socket timeouts remain."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield lambda: None
        return

    def on_alarm(signum, frame):
        raise _Stalled(f"stalled: less than {STALL_BYTES // 1024} KB in {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield lambda: signal.setitimer(signal.ITIMER_REAL, seconds)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def download(
    url: str,
    dest: str | os.PathLike[str],
    expected_sha256: str | None = None,
    progress: Progress | None = None,
    retries: int = 5,
    timeout: float | None = None,
    opener: Callable[..., http.client.HTTPResponse] | None = None,
) -> str:
    """Download ``url`` to ``dest``; return the file's sha256.

    A partial ``dest.part`` left by an earlier attempt is resumed. A checksum
    mismatch deletes the partial file and raises :class:`DownloadError`.
    """
    check_url(url)
    timeout = timeout or fetch_timeout()
    target = Path(dest)
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    open_url = opener or urllib.request.build_opener(_Redirects).open
    progress = progress or Progress(target.name)
    total: int | None = None
    failures = idle_failures = 0
    last_error = ""
    while True:
        offset = part.stat().st_size if part.exists() else 0
        if total is not None and offset >= total:
            break
        headers = {"User-Agent": USER_AGENT}
        if offset:
            headers["Range"] = f"bytes={offset}-"
        request = urllib.request.Request(url, headers=headers)
        done = offset
        try:
            with _stall_alarm(timeout) as rearm, open_url(request, timeout=timeout) as response:
                status = getattr(response, "status", 200)
                length = response.headers.get("Content-Length")
                if status == 206 and _content_range_start(response.headers.get("Content-Range")) == offset:
                    mode = "ab"
                    total = offset + int(length) if length is not None else None
                else:
                    mode, offset = "wb", 0  # server ignored Range: start over
                    total = int(length) if length is not None else None
                done = offset
                with open(part, mode) as out:
                    while True:
                        chunk = response.read(CHUNK)  # blocks for a whole chunk: a drip cannot rearm
                        if not chunk:
                            break
                        try:
                            out.write(chunk)
                        except OSError as exc:  # a full disk is not worth a retry
                            raise DownloadError(f"cannot write the download: {exc.strerror or exc}",
                                                str(part)) from None
                        done += len(chunk)
                        rearm()
                        progress.update(done, total)
            if total is None or done >= total:
                total = done
                break
            raise http.client.IncompleteRead(b"", total - done)
        except urllib.error.HTTPError as exc:
            if exc.code == 416 and offset:
                # Range past the end: the partial file is complete (or wrong;
                # the checksum decides).
                total = offset
                break
            reason = " ".join(str(exc.reason).split())
            if 300 <= exc.code < 400:
                raise DownloadError(f"download failed: too many redirects or a redirect loop (HTTP {exc.code})",
                                    url) from None
            raise DownloadError(f"download failed: HTTP {exc.code} {reason}", url) from None
        except (urllib.error.URLError, http.client.HTTPException, ConnectionError, socket.timeout, TimeoutError,
                OSError, ValueError) as exc:
            if isinstance(exc, (urllib.error.URLError,)) and isinstance(exc.reason, str) \
                    and "unknown url type" in exc.reason:
                raise DownloadError(f"malformed URL ({exc.reason})", url) from None
            failures += 1
            idle_failures = idle_failures + 1 if done == offset else 0
            reason = getattr(exc, "reason", exc)
            last_error = " ".join(str(reason).split()) or type(exc).__name__
            # A server that sent nothing for a whole timeout will not answer a retry
            # either; a cut connection (reset, refused) gets one more try.
            timed_out = isinstance(reason, TimeoutError) and idle_failures
            if failures > retries or idle_failures > 1 or timed_out:
                raise DownloadError(
                    f"download failed after {failures} attempt(s) ({last_error[:200]}); "
                    "run the same command again to resume",
                    url,
                ) from None
            time.sleep(min(0.2 * failures, 2.0))
    progress.finish()
    digest = sha256_file(part)
    if expected_sha256 and digest.lower() != expected_sha256.lower():
        part.unlink(missing_ok=True)
        raise DownloadError(
            f"checksum mismatch: expected sha256 {expected_sha256.lower()}, got {digest}; "
            "the partial download was deleted",
            url,
        )
    os.replace(part, target)
    return digest
