"""Where installed models live and which one to use.

Why: users install a model once and then just run ``tarjama translate``. Models
live under ``$TARJAMA_HOME/models/<name>/`` (default: the platform's user data
dir) with a ``tarjama-manifest.json`` recording where each came from and the
sha256 of every file, so ``model verify`` can tell a damaged install from a good
one. The default model's name is kept in ``$TARJAMA_HOME/default-model``.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterator

from ..errors import TarjamaError
from ..textio import pid_alive

HOME_ENV = "TARJAMA_HOME"
MODEL_ENV = "TARJAMA_MODEL"
MANIFEST = "tarjama-manifest.json"
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,99}$")

NO_MODEL_HELP = (
    "no translation model installed; get one with `tarjama model fetch opus-mt-ar-en` "
    "(downloads about 300 MB once) or `tarjama model install PATH` "
    "(a CTranslate2 model directory, a .tar.gz/.zip of one, or an OPUS-MT release zip)"
)


class NoModelError(TarjamaError):
    """No model installed and none given."""


@dataclass
class Manifest:
    """What ``model list`` shows and ``model verify`` checks."""

    name: str
    source: str
    sha256: str
    size: int
    date: str
    kind: str = "ctranslate2"
    files: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def home() -> Path:
    """The data directory: ``$TARJAMA_HOME`` or the platform's user data dir."""
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("tarjama", appauthor=False))


def models_dir() -> Path:
    return home() / "models"


def downloads_dir() -> Path:
    return home() / "downloads"


def check_name(name: str) -> str:
    if not _NAME_RE.match(name):
        raise TarjamaError(
            f"invalid model name {name!r}: use letters, digits, '.', '_', '+' or '-' (at most 100)"
        )
    return name


def model_path(name: str) -> Path:
    return models_dir() / check_name(name)


def read_manifest(model_dir: Path) -> Manifest | None:
    path = model_dir / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        manifest = Manifest(**data)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, RecursionError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)[:200]
        raise TarjamaError(f"damaged manifest ({reason}); reinstall the model", str(path)) from None
    if not _well_typed(manifest):
        raise TarjamaError("damaged manifest (a field has the wrong type); reinstall the model", str(path))
    return manifest


def _well_typed(m: Manifest) -> bool:
    return (all(isinstance(v, str) for v in (m.name, m.source, m.sha256, m.date, m.kind))
            and isinstance(m.size, int) and not isinstance(m.size, bool)
            and isinstance(m.files, dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in m.files.items()))


def installed() -> list[tuple[str, Manifest | None]]:
    """Installed models, sorted by name. A damaged manifest gives ``None`` for that
    model only (``model list`` says so): one broken model never hides the others."""
    out = []
    for entry in _model_dirs():
        try:
            manifest = read_manifest(entry)
        except TarjamaError:
            manifest = None
        out.append((entry.name, manifest))
    return out


def manifest_problem(name: str) -> str | None:
    """Why ``name``'s manifest cannot be read (None when it can, or has none)."""
    try:
        read_manifest(models_dir() / name)
    except TarjamaError as exc:
        return exc.message
    return None


def _model_dirs() -> list[Path]:
    root = models_dir()
    try:
        entries = sorted(root.iterdir()) if root.is_dir() else []
    except OSError:
        return []
    return [e for e in entries if e.is_dir() and not e.name.startswith(".") and _NAME_RE.match(e.name)]


def ensure_dir(path: Path) -> Path:
    """Create ``path`` (and parents) or say in one line why it cannot be."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise TarjamaError(f"is a file, expected a directory (check ${HOME_ENV})", _first_file(path)) from None
    except NotADirectoryError:
        raise TarjamaError(f"is a file, expected a directory (check ${HOME_ENV})", _first_file(path)) from None
    except OSError as exc:
        raise TarjamaError(f"cannot create the directory: {exc.strerror or exc}", str(path)) from None
    return path


def _first_file(path: Path) -> str:
    for p in [path, *path.parents]:
        if p.exists() and not p.is_dir():
            return str(p)
    return str(path)


@contextlib.contextmanager
def locked() -> Iterator[None]:
    """Serialise changes to the model store across processes (an advisory lock on
    ``models/.lock``): two installs of one name must not both rename into place."""
    root = ensure_dir(models_dir())
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: renames are still atomic
        yield
        return
    try:
        fd = os.open(root / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise TarjamaError(f"cannot lock the model store: {exc.strerror or exc}", str(root)) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def clean_stale(root: Path | None = None) -> None:
    """Remove staging folders left by runs that were killed (their pid is gone)."""
    root = root or models_dir()
    try:
        entries = list(root.iterdir())
    except OSError:
        return
    for entry in entries:
        m = re.match(r"^\.(?:install|removing)-(\d+)-", entry.name)
        if m and not pid_alive(int(m.group(1))):
            shutil.rmtree(entry, ignore_errors=True)


def default_file() -> Path:
    return home() / "default-model"


def get_default() -> str | None:
    """The default model's name, if it is still installed."""
    try:
        name = default_file().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        name = ""
    if name and _NAME_RE.match(name) and (models_dir() / name).is_dir():
        return name
    names = [n for n, _ in installed()]
    return names[0] if len(names) == 1 else None


def set_default(name: str) -> None:
    if not model_path(name).is_dir():
        raise TarjamaError(f"no model named {name!r} is installed")
    ensure_dir(home())
    fd, tmp = tempfile.mkstemp(prefix=".default-", suffix=".tmp", dir=home())
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(name + "\n")
        os.replace(tmp, default_file())
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise TarjamaError(f"cannot record the default model: {exc.strerror or exc}", str(default_file())) from None


def remove(name: str) -> Path:
    if not model_path(name).is_dir():
        raise TarjamaError(f"no model named {name!r} is installed")
    with locked():
        path = _remove_locked(name)
    try:
        if default_file().read_text(encoding="utf-8").strip() == name:
            default_file().unlink()
    except (OSError, UnicodeDecodeError):
        pass
    return path


def _remove_locked(name: str) -> Path:
    path = model_path(name)
    if not path.is_dir():
        raise TarjamaError(f"no model named {name!r} is installed")
    trash = Path(tempfile.mkdtemp(prefix=f".removing-{os.getpid()}-", dir=path.parent))
    os.replace(path, trash / name)  # atomic disappearance, then slow delete
    shutil.rmtree(trash, ignore_errors=True)
    return path


def resolve(spec: str | None = None) -> Path:
    """The model directory to use.

    Order: ``spec`` (``--model``), then ``$TARJAMA_MODEL``, then the default
    model. Each may be an installed model's name or a path to a model dir.
    """
    spec = spec or os.environ.get(MODEL_ENV) or None
    if spec:
        path = Path(spec).expanduser()
        if path.exists() and not path.is_dir():
            raise TarjamaError("is a file, expected a model directory or an installed model's name "
                               "(install an archive with `tarjama model install PATH`)", spec)
        looks_like_path = os.sep in spec or spec.startswith(".") or (os.altsep and os.altsep in spec)
        if looks_like_path or (path.is_dir() and not _NAME_RE.match(spec)):
            if not path.exists():
                raise TarjamaError("model directory does not exist", spec)
            return path
        if _NAME_RE.match(spec) and (models_dir() / spec).is_dir():
            return models_dir() / spec
        if path.is_dir():
            return path
        names = ", ".join(n for n, _ in installed()) or "none"
        raise TarjamaError(f"no model named {spec!r} is installed (installed: {names})")
    name = get_default()
    if name is None:
        if installed():
            names = ", ".join(n for n, _ in installed())
            raise NoModelError(
                f"several models installed ({names}) and no default; "
                "choose one with --model NAME or `tarjama model install --default`"
            )
        raise NoModelError(NO_MODEL_HELP)
    return models_dir() / name
