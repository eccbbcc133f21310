"""Model management: install, fetch, list, verify and remove translation models."""
from .archive import UnsafeArchiveError, safe_extract
from .catalogue import CATALOGUE, CatalogueEntry
from .download import DownloadError, download
from .install import Installed, fetch, install, verify_files
from .store import Manifest, NoModelError, get_default, home, installed, remove, resolve, set_default

__all__ = [
    "CATALOGUE",
    "CatalogueEntry",
    "DownloadError",
    "Installed",
    "Manifest",
    "NoModelError",
    "UnsafeArchiveError",
    "download",
    "fetch",
    "get_default",
    "home",
    "install",
    "installed",
    "remove",
    "resolve",
    "safe_extract",
    "set_default",
    "verify_files",
]
