"""Start JupyterLab for ``scripts/lab.sh`` with its security settings pinned, and check them.

    TL_LAB_TOKEN=... .venv/bin/python scripts/lab_server.py [jupyter lab arguments]

jupyter_server's defaults (loopback address, a token, XSRF checks, no remote
access, no cross-origin requests) can be turned off by any config file in
``~/.jupyter``, ``/etc/jupyter`` or the venv. Command-line settings override
config files, so they are given here as command-line arguments, after the
caller's (which may not change them). They are passed inside this process,
not on ``jupyter lab``'s command line, so that the token does not show in
the system's process list; it comes from ``TL_LAB_TOKEN``, which is removed
from the environment before kernels start. Once the server is configured,
and before it listens, every setting is checked; if one is not as pinned
(a config that reaches around the command line), the server does not start.
"""

from __future__ import annotations

import os
import sys

PINNED_NAMES = (
    "ServerApp.ip",
    "ServerApp.allow_remote_access",
    "ServerApp.disable_check_xsrf",
    "ServerApp.allow_origin",
    "ServerApp.allow_origin_pat",
    "IdentityProvider.token",
    "ServerApp.token",
)


def pinned(token: str) -> list[str]:
    return [
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.allow_remote_access=False",
        "--ServerApp.disable_check_xsrf=False",
        "--ServerApp.allow_origin=",
        "--ServerApp.allow_origin_pat=",
        f"--IdentityProvider.token={token}",
    ]


def problems(server, token: str) -> list[str]:
    """What differs from the pinned settings on a configured ServerApp (empty if nothing)."""
    out = []
    if server.ip != "127.0.0.1":
        out.append(f"ip is {server.ip!r}, not 127.0.0.1")
    if not token or server.identity_provider.token != token:
        out.append("the token is not the one given")
    if server.disable_check_xsrf or not server.web_app.settings.get("xsrf_cookies", False):
        out.append("XSRF checks are off")
    if server.allow_remote_access:
        out.append("remote access is allowed")
    if server.allow_origin or server.allow_origin_pat:
        out.append(f"cross-origin requests are allowed ({server.allow_origin or server.allow_origin_pat!r})")
    return out


def main(args: list[str]) -> int:
    token = os.environ.pop("TL_LAB_TOKEN", "")
    if not token:
        print("lab_server.py: TL_LAB_TOKEN is empty (scripts/lab.sh sets it)", file=sys.stderr)
        return 2
    for arg in args:
        name = arg.lstrip("-").split("=", 1)[0]
        if name in PINNED_NAMES or name in ("ip", "token"):
            print(
                f"lab.sh: {arg} would change a security setting that lab.sh pins (address, token, XSRF, remote access);"
                " run .venv/bin/jupyter lab directly to choose your own",
                file=sys.stderr,
            )
            return 2
    from jupyterlab.labapp import LabApp

    server = LabApp.initialize_server(argv=[*args, *pinned(token)])
    wrong = problems(server, token)
    if wrong:
        print("lab.sh: not starting JupyterLab: " + "; ".join(wrong) + " (a Jupyter config file overrides what lab.sh pins)", file=sys.stderr)
        return 1
    print("[lab] JupyterLab on 127.0.0.1 only, with a token, XSRF checks on, no remote access", file=sys.stderr)
    server.start()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
