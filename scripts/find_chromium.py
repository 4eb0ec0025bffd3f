"""Find a Chromium (or Chrome) that the browser tests and the PDF edition can drive.

    python3 scripts/find_chromium.py     # prints the browser's path, or exits 1 saying why

Playwright drives the system's browser (``executable_path``): its own browser
download comes from a CDN, which this project never uses. Looked for, in order:
``TL_CHROMIUM`` (a path or a command name, if set), then the places the usual
systems install it: Debian's and Arch's ``chromium``, Fedora's
``chromium-browser``, Ubuntu's snap (``/snap/bin/chromium``; Ubuntu's
``/usr/bin/chromium-browser`` is only a wrapper that asks for the snap), Google
Chrome, and on macOS the application bundles. A candidate counts only if
``<browser> --version`` runs and names Chromium or Chrome. Standard library
only: ``scripts/setup.sh`` runs it before installing one, ``scripts/test.sh``
to tell pytest which browser to use (``TL_CHROMIUM``), and
``tests/browser_support.py`` when pytest is run directly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"]
PATHS = [
    "/usr/bin/chromium",  # Debian, Arch
    "/usr/bin/chromium-browser",  # Fedora (on Ubuntu: the snap's wrapper)
    "/snap/bin/chromium",  # Ubuntu
    "/usr/lib/chromium/chromium",
    "/usr/bin/google-chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    os.path.expanduser("~/Applications/Chromium.app/Contents/MacOS/Chromium"),
]


def candidates(env: dict[str, str] | None = None) -> list[str]:
    """Every place to try, in order, without duplicates (``TL_CHROMIUM`` alone if set)."""
    env = os.environ if env is None else env
    wanted = env.get("TL_CHROMIUM", "").strip()
    if wanted:
        return [shutil.which(wanted, path=env.get("PATH")) or wanted]
    found = [shutil.which(n, path=env.get("PATH")) for n in NAMES]
    out: list[str] = []
    for path in [p for p in found if p] + PATHS:
        if path not in out:
            out.append(path)
    return out


def version(path: str, timeout: float = 30) -> str | None:
    """``<path> --version`` if it runs and names Chromium or Chrome, else None."""
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        return None
    try:
        proc = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    text = proc.stdout.strip()
    if proc.returncode != 0 or not any(word in text for word in ("Chromium", "Chrome")):
        return None
    return text


def find(env: dict[str, str] | None = None) -> tuple[str | None, str]:
    """``(path, version)`` of the first working browser, or ``(None, why not)``."""
    tried = candidates(env)
    for path in tried:
        v = version(path)
        if v:
            return path, v
    wanted = (os.environ if env is None else env).get("TL_CHROMIUM", "").strip()
    if wanted:
        return None, f"TL_CHROMIUM={wanted} does not run as Chromium or Chrome ({tried[0]} --version)"
    return None, "no Chromium or Chrome found (looked for " + ", ".join(NAMES) + " on PATH and in " + ", ".join(PATHS) + ")"


def main() -> int:
    path, info = find()
    if path is None:
        print(f"find_chromium: {info}", file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
