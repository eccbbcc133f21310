"""Shared fixtures.

Engine / model-management fixtures (issue 4): a real tiny CTranslate2 model and
a tiny OPUS-MT release zip built once per session, an isolated TARJAMA_HOME for
every test, a CLI runner, and a loopback HTTP server with Range support that
can cut a download midway.
"""
from __future__ import annotations

import http.server
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def tarjama_home(tmp_path_factory, monkeypatch) -> Path:
    """Every test gets its own model store; nothing touches the user's."""
    home = tmp_path_factory.mktemp("tarjama-home")
    monkeypatch.setenv("TARJAMA_HOME", str(home))
    monkeypatch.delenv("TARJAMA_MODEL", raising=False)
    return home


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> Path:
    """A random-weight tiny CTranslate2 model with source.spm/target.spm.
    Treat as read-only: copy it before damaging it."""
    from support.testmodel import build_ct2_model

    return build_ct2_model(tmp_path_factory.mktemp("models") / "tiny", size="tiny", seed=0)


@pytest.fixture(scope="session")
def family_model(tmp_path_factory):
    """``family_model("nllb")``: a tiny random-weight model of that family
    (marian, nllb, m2m100) with its real layout and special tokens, built once."""
    from support.testmodel import build_ct2_model

    built: dict[str, Path] = {}

    def get(family: str) -> Path:
        if family not in built:
            built[family] = build_ct2_model(tmp_path_factory.mktemp(family) / family, family=family)
        return built[family]

    return get


@pytest.fixture
def model_copy(tiny_model, tmp_path):
    """A writable copy of the tiny model without the named files."""
    import shutil

    def make(*without: str, name: str = "copy") -> Path:
        target = tmp_path / name
        shutil.copytree(tiny_model, target)
        for filename in without:
            (target / filename).unlink()
        return target

    return make


@pytest.fixture(scope="session")
def opus_zip(tmp_path_factory) -> Path:
    """A tiny OPUS-MT-style release zip (Marian .npz + .spm + vocab .yml)."""
    from support.testmodel import build_opus_mt_zip

    return build_opus_mt_zip(tmp_path_factory.mktemp("opus") / "opus-2099-01-01.zip", seed=0)


@pytest.fixture(scope="session")
def translator(tiny_model):
    from translate.engine import DecodeOptions, Translator

    return Translator(tiny_model, options=DecodeOptions(beam_size=2, max_decoding_length=24))


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli():
    """Run ``tarjama ARGS...`` in-process; returns exit code, stdout, stderr."""
    from typer.testing import CliRunner

    from translate.cli import app

    runner = CliRunner()

    def run(*args: str, input: str | None = None) -> CliResult:
        result = runner.invoke(app, [str(a) for a in args], input=input)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run


@dataclass
class Route:
    body: bytes
    cut_first: bool = False  # drop the connection halfway on the first GET
    hits: list[str | None] = field(default_factory=list)  # Range header per GET


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, Route] = {}

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802
        route = self.routes.get(self.path)
        if route is None:
            self.send_error(404, "Not Found")
            return
        rng = self.headers.get("Range")
        first = not route.hits
        route.hits.append(rng)
        body, start = route.body, 0
        if rng and rng.startswith("bytes="):
            start = int(rng[6:].split("-", 1)[0])
            if start >= len(body):
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{len(body)}")
                self.end_headers()
                return
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        else:
            self.send_response(200)
        part = body[start:]
        self.send_header("Content-Length", str(len(part)))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        if route.cut_first and first:
            self.wfile.write(part[: len(part) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(part)


@dataclass
class LoopbackServer:
    base_url: str
    routes: dict[str, Route]

    def add(self, path: str, body: bytes, cut_first: bool = False) -> str:
        self.routes[path] = Route(body, cut_first)
        return self.base_url + path


@pytest.fixture
def http_server():
    """A loopback HTTP server on a random port, serving registered bytes."""
    routes: dict[str, Route] = {}
    handler = type("Handler", (_Handler,), {"routes": routes})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield LoopbackServer(f"http://127.0.0.1:{server.server_address[1]}", routes)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def shared_data_dir() -> Path | None:
    """``shared/data`` beside the repo (CI copies it there), else /work/shared/data; None if neither."""
    root = Path(__file__).resolve().parent.parent
    for candidate in (root.parent / "shared" / "data", Path("/work/shared/data")):
        if candidate.is_dir():
            return candidate
    return None


@pytest.fixture
def shared_data() -> Path:
    """The shared test corpora (NTREX, TICO-19, Wikidata names); the test is skipped without them."""
    found = shared_data_dir()
    if found is None:
        pytest.skip("shared/data (NTREX, TICO-19, Wikidata names) not found beside the repo")
    return found
