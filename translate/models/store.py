"""Where installed models live and which one to use.

Why: users install a model once and then just run ``tarjama translate``. Models
live under ``$TARJAMA_HOME/models/<name>/`` (default: the platform's user data
dir) with a ``tarjama-manifest.json`` recording where each came from and the
sha256 of every file, so ``model verify`` can tell a damaged install from a good
one. The default model's name is kept in ``$TARJAMA_HOME/default-model``.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import TarjamaError

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
        return Manifest(**data)
    except FileNotFoundError:
        return None
    except (ValueError, TypeError) as exc:
        raise TarjamaError(f"damaged manifest ({exc}); reinstall the model", str(path)) from None


def installed() -> list[tuple[str, Manifest | None]]:
    """Installed models, sorted by name."""
    root = models_dir()
    if not root.is_dir():
        return []
    out = []
    for entry in sorted(root.iterdir()):
        if entry.is_dir() and not entry.name.startswith(".") and _NAME_RE.match(entry.name):
            out.append((entry.name, read_manifest(entry)))
    return out


def default_file() -> Path:
    return home() / "default-model"


def get_default() -> str | None:
    """The default model's name, if it is still installed."""
    try:
        name = default_file().read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        name = ""
    if name and (models_dir() / name).is_dir():
        return name
    names = [n for n, _ in installed()]
    return names[0] if len(names) == 1 else None


def set_default(name: str) -> None:
    if not model_path(name).is_dir():
        raise TarjamaError(f"no model named {name!r} is installed")
    home().mkdir(parents=True, exist_ok=True)
    tmp = default_file().with_suffix(".part")
    tmp.write_text(name + "\n", encoding="utf-8")
    os.replace(tmp, default_file())


def remove(name: str) -> Path:
    path = model_path(name)
    if not path.is_dir():
        raise TarjamaError(f"no model named {name!r} is installed")
    trash = path.with_name(f".removing-{name}")
    shutil.rmtree(trash, ignore_errors=True)
    os.replace(path, trash)  # atomic disappearance, then slow delete
    shutil.rmtree(trash, ignore_errors=True)
    try:
        if default_file().read_text(encoding="utf-8").strip() == name:
            default_file().unlink()
    except FileNotFoundError:
        pass
    return path


def resolve(spec: str | None = None) -> Path:
    """The model directory to use.

    Order: ``spec`` (``--model``), then ``$TARJAMA_MODEL``, then the default
    model. Each may be an installed model's name or a path to a model dir.
    """
    spec = spec or os.environ.get(MODEL_ENV) or None
    if spec:
        path = Path(spec).expanduser()
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
