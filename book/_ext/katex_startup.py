"""Start sphinxcontrib-katex's render server without a race, so a loaded machine cannot fail the build.

sphinxcontrib-katex (0.9.11) pre-renders the book's maths with a Node.js
server that it talks to over a Unix socket. It starts the server, waits until
the socket *file* exists and connects once. But Node creates the file when it
binds the socket and only then starts listening, so a connect that falls
between the two is refused: the build stops with ``ConnectionRefusedError``.
The window is tiny on an idle machine and real on a busy one (it failed a
strict build here while other builds ran). The server must also be up within
5 s, which a machine under load does not always give Node plus KaTeX.

This extension replaces the one startup method with one that retries a
refused connect until the server listens, fails at once with the server's exit
code if the server dies, and allows :data:`STARTUP_TIMEOUT` seconds. Nothing
else of the upstream extension changes: rendering, options and output are its
own, so the pages are byte for byte what they were.
"""

from __future__ import annotations

import socket
import time
from pathlib import Path
from subprocess import PIPE, Popen
from typing import Any

from sphinx.application import Sphinx
from sphinxcontrib.katex import KaTeXServer

#: Seconds the server may take to listen (upstream: 5).
STARTUP_TIMEOUT = 60.0
_POLL = 0.005


def start_server_process(cls: type[KaTeXServer], rundir: Path, timeout: float) -> tuple[Popen[bytes], socket.socket]:
    """Start the KaTeX server on ``rundir/katex.sock`` and connect once it listens.

    Same contract as ``KaTeXServer.start_server_process`` (the process and a
    connected blocking socket), with the refused-connect race closed.
    """
    timeout = max(float(timeout), STARTUP_TIMEOUT)
    socket_path = rundir / "katex.sock"
    process = Popen(cls.build_command(socket=socket_path), stdin=PIPE, stdout=PIPE, cwd=rundir)
    deadline = time.monotonic() + timeout
    while True:
        if socket_path.is_socket():
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                sock.settimeout(max(deadline - time.monotonic(), _POLL))
                sock.connect(str(socket_path))
            except (ConnectionRefusedError, FileNotFoundError):
                # Bound but not yet listening: the race this module exists for.
                sock.close()
            except socket.timeout:
                sock.close()
                _close(process)
                raise cls.timeout_error(timeout) from None
            else:
                sock.settimeout(None)
                return process, sock
        code = process.poll()
        if code is not None:
            _close(process)
            raise RuntimeError(f"the KaTeX render server exited with code {code} before it listened on {socket_path}")
        if time.monotonic() > deadline:
            _close(process)
            raise cls.timeout_error(timeout)
        time.sleep(_POLL)


def _close(process: Popen[bytes]) -> None:
    """Stop a server that will not be used and release its pipes."""
    process.kill()
    process.wait()
    for pipe in (process.stdin, process.stdout):
        if pipe is not None:
            pipe.close()


def setup(app: Sphinx) -> dict[str, Any]:
    KaTeXServer.start_server_process = classmethod(start_server_process)  # type: ignore[method-assign,assignment]
    return {"parallel_read_safe": True, "parallel_write_safe": True}
