"""Reading user text safely and writing outputs atomically.

Input files come from translators' desktops: wrong encodings, binaries picked by
mistake, empty files, ``/dev/zero``, a closed stdin. Each is turned into one
precise :class:`InputError`. Reads stop at :data:`MAX_INPUT_MB`, so no input can
exhaust memory.

Outputs are written to a short temporary name next to the target and renamed,
so a failure or a kill never leaves a half-written file behind and the old file
stays intact. A symlink is written through to its target; a character device
(``/dev/null``) is written to, never replaced; a FIFO, socket or block device is
refused; an output that is also an input is refused. The new file gets the old
file's permissions, or the umask's for a new file.
"""
from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from .errors import InputError

STDIN = "-"
# The largest input read (per file). A news article is tens of KB and the
# 65k-name Wikidata glossary is 4 MB; 100 MB leaves room for big batches while
# keeping memory (text + decoded str + tables) under about 1 GB.
MAX_INPUT_MB = 100
MAX_INPUT_BYTES = MAX_INPUT_MB << 20
_CHUNK = 1 << 20
BOM = "\ufeff"
# The longest line (one segment: a paragraph) the line-based commands take. Term
# placement compares every term found on a line with every word of the line, so
# its cost grows faster than the line (enforce, measured: 64 K characters in
# 0.4 s, 128 K in 2.1 s, 256 K in 6.7 s, 512 K in 43 s). A news paragraph is
# under 5,000 characters; 50,000 keeps the worst line to about a second.
MAX_LINE_CHARS = 50_000
# The most lines one file may hold. Each line is a segment with its own records:
# a million blank lines took enforce 23 s and 470 MB, qa 37 s and 560 MB, so a
# 100 MB file of newlines would need about 50 GB. Bigger jobs are batches
# (a directory or JSONL), which are read document by document.
MAX_LINES = 1_000_000


def display_name(path: str | os.PathLike[str]) -> str:
    return "<stdin>" if str(path) == STDIN else str(path)


def _refuse_utf16(data: bytes, name: str) -> None:
    """UTF-16/32 (Windows "Unicode" text) is not binary: say what it is."""
    for bom, what in ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
                      (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16")):
        if data.startswith(bom):
            raise InputError(f"{what} text; save the file as UTF-8", name, 1)


def _read_limited(stream, name: str, limit: int) -> bytes:
    """Read ``stream`` to the end, refusing more than ``limit`` bytes (``/dev/zero``
    ends here). Bytes only: UTF-16 term bases and XML are decoded by their readers."""
    parts: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        total += len(chunk)
        if total > limit:
            raise InputError(f"input larger than {limit >> 20} MB; split it into smaller files", name)
        parts.append(chunk)
    return b"".join(parts)


def read_bytes(path: str | os.PathLike[str], limit: int = MAX_INPUT_BYTES) -> bytes:
    name = display_name(path)
    if str(path) == STDIN:
        stdin = sys.stdin
        if stdin is None or stdin.closed:
            raise InputError("stdin is closed; give a file name instead of -", name)
        try:
            return _read_limited(getattr(stdin, "buffer", stdin), name, limit)
        except (OSError, ValueError) as exc:  # EBADF, or a closed file object
            raise InputError(f"stdin is closed or unreadable ({getattr(exc, 'strerror', None) or exc})",
                             name) from None
    try:
        # O_NONBLOCK only for the open: a named FIFO without a writer would block
        # it forever; reading it then gives end of file ("file is empty").
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as fh:
            return _read_limited(fh, name, limit)
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a text file", name) from None
    except PermissionError:
        raise InputError("permission denied", name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {_reason(exc)}", name) from None


def decode_text(data: bytes, name: str, allow_empty: bool = False, keep_bom: bool = False) -> str:
    """Decode UTF-8 text, naming the line of the first bad byte."""
    _refuse_utf16(data, name)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError("binary file (NUL byte), expected UTF-8 text", name, line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        what = "ends inside a UTF-8 sequence" if exc.reason == "unexpected end of data" else \
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at column {col})"
        raise InputError(f"{what}; save the file as UTF-8", name, line) from None
    if not allow_empty and not text.strip().strip(BOM):
        raise InputError("file is empty", name)
    if text.startswith(BOM) and not keep_bom:
        text = text[1:]
    return text


def read_text(path: str | os.PathLike[str], allow_empty: bool = False) -> str:
    return decode_text(read_bytes(path), display_name(path), allow_empty=allow_empty)


def split_lines(text: str) -> list[str]:
    """Lines without terminators; a final newline does not add an empty line."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [ln[:-1] if ln.endswith("\r") else ln for ln in lines]


def check_line_count(text: str, name: str) -> str:
    """Refuse more than :data:`MAX_LINES` lines before splitting them."""
    if text.count("\n", 0, len(text)) > MAX_LINES:
        raise InputError(f"more than {MAX_LINES:,} lines; split the file or give a batch (directory or JSONL)",
                         name)
    return text


def check_lines(lines: Sequence[str], name: str, line: int | None = None) -> list[str]:
    """Refuse a line over :data:`MAX_LINE_CHARS` (``line``: report this line
    number instead of the line's own, for a JSONL record)."""
    if lines and max(map(len, lines)) > MAX_LINE_CHARS:
        at = next(i for i, text in enumerate(lines) if len(text) > MAX_LINE_CHARS)
        raise InputError(f"line of {len(lines[at]):,} characters, over the limit of {MAX_LINE_CHARS:,}; "
                         "give one paragraph per line", name, line or at + 1)
    return list(lines)


def read_lines(path: str | os.PathLike[str], allow_empty: bool = False) -> list[str]:
    text = check_line_count(read_text(path, allow_empty=allow_empty), display_name(path))
    return check_lines(split_lines(text), display_name(path))


def check_text(value: str, name: str, line: int | None = None, what: str = "text") -> str:
    """Refuse a lone surrogate (``"\\ud800"`` escapes in JSON or YAML): it cannot be
    written as UTF-8, so it would only fail later, at output time."""
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InputError(f"{what} holds a lone surrogate (U+{ord(value[exc.start]):04X}), "
                             "which is not a character; fix the escape", name, line) from None
    return value


@dataclass(frozen=True)
class Layout:
    """How a text file was laid out: its BOM and each line's terminator, so a
    line-for-line rewrite (``enforce``) gives back the same bytes around the lines."""

    bom: bool
    endings: tuple[str, ...]

    def join(self, lines: Sequence[str]) -> str:
        """``lines`` (one per original line) with the original terminators."""
        fallback = self.endings[0] if self.endings and self.endings[0] else "\n"
        ends = list(self.endings) + [fallback] * (len(lines) - len(self.endings))
        return (BOM if self.bom else "") + "".join(line + end for line, end in zip(lines, ends))


def split_layout(text: str) -> tuple[list[str], Layout]:
    """Lines (as :func:`split_lines`) and the :class:`Layout` to rebuild the text."""
    bom = text.startswith(BOM)
    body = text[1:] if bom else text
    raw = body.split("\n")
    endings = ["\r\n" if ln.endswith("\r") else "\n" for ln in raw[:-1]]
    lines = split_lines(body)
    if raw[-1] != "":  # last line without a newline (perhaps a lone CR)
        endings.append("\r" if raw[-1].endswith("\r") else "")
    return lines, Layout(bom, tuple(endings))


def read_lines_layout(path: str | os.PathLike[str], allow_empty: bool = False) -> tuple[list[str], Layout]:
    text = decode_text(read_bytes(path), display_name(path), allow_empty=allow_empty, keep_bom=True)
    lines, layout = split_layout(check_line_count(text, display_name(path)))
    return check_lines(lines, display_name(path)), layout


# ---- outputs ----------------------------------------------------------------

_REASONS = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "read-only file system",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted (immutable or protected file)",
    errno.ENAMETOOLONG: "file name too long",
    errno.EFBIG: "file too large",
    errno.EISDIR: "is a directory",
    errno.ENOTDIR: "a part of the path is not a directory",
    errno.ELOOP: "too many levels of symbolic links",
}


def _reason(exc: OSError) -> str:
    return _REASONS.get(exc.errno or 0) or exc.strerror or str(exc)


def _same_file(a: str, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def check_output(path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Refuse an output path that cannot be written safely, before any work is done:
    a directory, a FIFO/socket/block device, a missing directory, or one of ``inputs``."""
    if str(path) == STDIN:
        return
    name = str(path)
    target = Path(path)
    try:
        st = target.stat()  # follows a symlink: the file that would be written
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise InputError(f"cannot write: {_reason(exc)}", name) from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise InputError("is a directory, expected an output file", name)
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISCHR(st.st_mode)):
            raise InputError("is not a regular file (a FIFO, socket or device); refusing to write over it", name)
        for other in inputs:
            if str(other) != STDIN and _same_file(str(other), target):
                raise InputError(f"is also an input ({other}); write the output to another file", name)
    else:
        real = Path(os.path.realpath(target))
        if not real.parent.is_dir():
            raise InputError("output directory does not exist", str(real.parent))
    real = Path(os.path.realpath(target))
    for other in inputs:
        if str(other) != STDIN and os.path.isdir(other) and real.is_relative_to(os.path.realpath(other)):
            raise InputError(f"is inside the input directory {other}, where it would be read as an input; "
                             "write the output elsewhere", name)


def write_text_atomic(path: str | os.PathLike[str], text: str,
                      inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Write ``text`` to ``path`` so readers see the old file or the whole new one.

    Every failure (full disk, read-only directory, name too long, ...) is one
    :class:`InputError` naming ``path``; the old file is then unchanged and no
    temporary file is left behind."""
    if str(path) == STDIN:
        _write_stdout(text)
        return
    write_bytes_atomic(path, _encode(text, str(path)), inputs)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes,
                       inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Write ``data`` to the file ``path`` as :func:`write_text_atomic` does
    (``-``: stdout, for a bilingual file written back in its own encoding)."""
    name = str(path)
    if name == STDIN:
        _write_stdout_bytes(data)
        return
    check_output(path, inputs)
    real = Path(os.path.realpath(path))  # write through a symlink to its target
    try:
        st = real.stat()
    except OSError:
        st = None
    if st is not None and stat.S_ISCHR(st.st_mode):  # /dev/null, /dev/full: write, never replace
        try:
            with open(real, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            raise InputError(f"cannot write: {_reason(exc)}", name) from None
        return
    if st is not None:
        mode = stat.S_IMODE(st.st_mode)
    else:
        umask = os.umask(0o022)
        os.umask(umask)
        mode = 0o666 & ~umask
    directory = real.parent
    tmp = None
    try:
        # A short name: the target's name can be 255 bytes, a derived one would overflow.
        # The pid lets a later run remove it if this one is killed before the rename.
        clean_stale_temps(directory)
        fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=".tmp", dir=directory)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fchmod(fh.fileno(), mode)
            os.fsync(fh.fileno())
        os.replace(tmp, real)
        tmp = None
        _fsync_dir(directory)
    except OSError as exc:
        raise InputError(f"cannot write: {_reason(exc)}; the old file is unchanged"
                         if st is not None else f"cannot write: {_reason(exc)}", name) from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


TEMP_PREFIX = ".tj-"
_STALE = re.compile(r"^\.tj-(\d+)-\w+\.tmp$")


def pid_alive(pid: int) -> bool:
    """Is process ``pid`` running (as far as we may know)?"""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def clean_stale_temps(directory: Path) -> None:
    """Remove temporary outputs left in ``directory`` by killed runs (their pid is
    gone); a running tarjama's temporary file is left alone."""
    try:
        names = [n for n in os.listdir(directory) if n.startswith(TEMP_PREFIX)]
    except OSError:
        return
    for n in names:
        m = _STALE.match(n)
        if m and not pid_alive(int(m.group(1))):
            try:
                os.unlink(os.path.join(directory, n))
            except OSError:
                pass


def _encode(text: str, name: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"output would hold a lone surrogate (U+{ord(text[exc.start]):04X}); "
                         "an input holds a bad escape", name) from None


def _write_stdout(text: str) -> None:
    _write_stdout_bytes(_encode(text, "<stdout>"), text)


def _write_stdout_bytes(data: bytes, text: str | None = None) -> None:
    if sys.stdout is None:
        raise InputError("stdout is closed; use -o FILE", "<stdout>")
    out = getattr(sys.stdout, "buffer", None)
    try:
        if out is None:
            sys.stdout.write(text if text is not None else data.decode("utf-8", "replace"))
        else:
            sys.stdout.flush()
            out.write(data)
            out.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise InputError(f"cannot write: {_reason(exc)}", "<stdout>") from None


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable; not every platform allows it."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
