"""The KaTeX render server is reached even when it listens late (book/_ext/katex_startup.py).

A fake server binds its Unix socket, waits, then listens: exactly the window
in which sphinxcontrib-katex's own startup is refused.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sphinxcontrib.katex
from sphinxcontrib.katex import KaTeXServer

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("katex_startup", ROOT / "book" / "_ext" / "katex_startup.py")
assert _spec is not None and _spec.loader is not None
katex_startup = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(katex_startup)

# argv: socket path, seconds between bind and listen, exit code (-1: keep serving)
_FAKE_SERVER = """
import socket, sys, time
path, delay, code = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind(path)
time.sleep(delay)
if code >= 0:
    sys.exit(code)
s.listen(1)
conn, _ = s.accept()
conn.sendall(b"ok")
sys.stdin.read()
"""


@pytest.fixture(autouse=True)
def reap(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every server a test starts is stopped and its pipes closed, whichever startup started it."""
    started: list[subprocess.Popen[bytes]] = []

    def popen(*args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        started.append(subprocess.Popen(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(katex_startup, "Popen", popen)
    monkeypatch.setattr(sphinxcontrib.katex, "Popen", popen)
    yield
    for process in started:
        process.kill()
        process.wait()
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                pipe.close()


def _fake(delay: float, code: int = -1) -> type[KaTeXServer]:
    class Fake(KaTeXServer):
        @classmethod
        def build_command(cls, socket=None, port=None):  # type: ignore[override]
            return [sys.executable, "-c", _FAKE_SERVER, str(socket), str(delay), str(code)]

    return Fake


def test_a_server_that_listens_late_is_reached(tmp_path: Path) -> None:
    fake = _fake(delay=0.5)
    _, sock = katex_startup.start_server_process(fake, tmp_path, 5.0)
    with sock:
        assert sock.recv(2) == b"ok"


def test_upstream_startup_is_refused_in_the_same_window(tmp_path: Path) -> None:
    # If this fails, sphinxcontrib-katex closed the race itself: drop book/_ext/katex_startup.py.
    fake = _fake(delay=0.5)
    with pytest.raises(ConnectionRefusedError) as refused:
        KaTeXServer.start_server_process.__func__(fake, tmp_path, 5.0)  # type: ignore[attr-defined]
    # Upstream leaves its refused socket open; close it here so no ResourceWarning leaks.
    refused.traceback[-1].frame.f_locals["sock"].close()


def test_a_server_that_dies_is_reported_with_its_exit_code(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="exited with code 3"):
        katex_startup.start_server_process(_fake(delay=0.0, code=3), tmp_path, 5.0)
