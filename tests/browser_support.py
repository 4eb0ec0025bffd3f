"""Shared helpers for the browser tests: Debian's Chromium driven by Playwright, offline.

Playwright's own browser downloads are not available here, so Chromium is the
system one: ``TL_CHROMIUM`` if set (``scripts/test.sh`` sets it), else the first
that runs of the places ``scripts/find_chromium.py`` knows (Debian's
``/usr/bin/chromium``, Fedora's ``chromium-browser``, Ubuntu's snap, Chrome,
macOS's bundles). Without one the browser tests are skipped with the reason
(reported in the run's summary), except under CI, where they fail. Every page runs in a context whose network
is limited to the loopback origin under test: any other request is aborted and
recorded, so a test can assert that a page never *tries* to reach the
Internet (a CDN script, a web font, an analytics beacon...).

Used through :func:`chromium` (a context manager giving a Browser),
:class:`PageWatch` (collects console errors, page errors, failed and blocked
requests of one browser context), :func:`offline_page` (a fresh page of a
watched context), :func:`open_page` (load a page of the site and let it settle)
and :func:`find_explorer` (the one kernel-free explorer of a name on a page).
The fixtures built on them (``site``, ``browser``, ``page_and_watch``) are in
``tests/browser/conftest.py``.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import importlib.util
import os
import socket
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The reason a skipped browser test gives starts with this (tests/conftest.py counts them).
NOT_RUN = "BROWSER TESTS NOT RUN"


@functools.cache
def find_chromium() -> tuple[str | None, str]:
    """``(path, version)`` of the browser to drive, or ``(None, why there is none)``."""
    spec = importlib.util.spec_from_file_location("find_chromium", ROOT / "scripts" / "find_chromium.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.find()


def __getattr__(name: str) -> str:
    # CHROMIUM, the browser's path, is looked up on first use (it runs ``--version``).
    if name == "CHROMIUM":
        return find_chromium()[0] or os.environ.get("TL_CHROMIUM", "/usr/bin/chromium")
    raise AttributeError(name)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false")


def require_chromium() -> str:
    """The browser's path; else skip the test with the reason (fail it under CI, where nothing may be skipped)."""
    path, info = find_chromium()
    if path is not None:
        return path
    if in_ci():
        pytest.fail(f"the browser tests need Chromium, and CI runs them all: {info}")
    pytest.skip(f"{NOT_RUN}: {info}; install Chromium (bash scripts/setup.sh --with-chromium) or set TL_CHROMIUM")


@contextlib.contextmanager
def _snap_tmpdir(path: str) -> Iterator[None]:
    """Ubuntu's snap Chromium sees its own /tmp, not ours: Playwright's profile folder goes under ~/snap."""
    if not path.startswith("/snap/"):
        yield
        return
    tmp = Path.home() / "snap" / "chromium" / "common" / "twolevel-tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    old = os.environ.get("TMPDIR")
    os.environ["TMPDIR"] = str(tmp)  # read by Playwright's driver when it starts
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = old


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Playwright's default for every wait of a page (the first load of a chapter is slow on 2 cores).
TIMEOUT_MS = 60_000

# Where failure screenshots go; kept after the test run so a human can look.
ARTIFACTS = Path(os.environ.get("TL_TEST_ARTIFACTS", Path(tempfile.gettempdir()) / "twolevel-browser-tests"))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """Launch headless system Chromium through Playwright's sync API (see :func:`require_chromium`)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    path = require_chromium()
    with _snap_tmpdir(path), sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class PageWatch:
    """Everything that went wrong in one browser context, for assertion messages.

    ``origin`` is the only origin (``http://127.0.0.1:PORT``) the pages may
    reach; ``data:`` and ``blob:`` URLs never touch the network and are allowed.
    """

    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def allowed(self, url: str) -> bool:
        if url.startswith(("data:", "blob:", "about:")):
            return True
        parts = urlsplit(url)
        origin = f"{'http' if parts.scheme in ('http', 'ws') else parts.scheme}://{parts.netloc}"
        return parts.scheme in ("http", "ws") and origin == self.origin

    # --- wiring ---------------------------------------------------------
    def attach(self, context) -> None:
        """Route the context's requests and websockets through the allow-list."""
        context.route("**/*", self._route)
        context.route_web_socket(lambda url: not self.allowed(url), self._block_websocket)

    def watch(self, page) -> None:
        """Listen to a page's console, uncaught errors, failures and HTTP errors."""
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self.page_errors.append(str(exc)))
        page.on("requestfailed", self._on_request_failed)
        page.on("response", self._on_response)

    def _route(self, route, request) -> None:
        if self.allowed(request.url):
            route.continue_()
        else:
            self.blocked.append(f"{request.method} {request.url}")
            route.abort("blockedbyclient")

    def _block_websocket(self, ws) -> None:
        self.blocked.append(f"WEBSOCKET {ws.url}")
        ws.close()

    def _on_console(self, msg) -> None:
        if msg.type == "error":
            loc = msg.location or {}
            self.console_errors.append(f"{msg.text} ({loc.get('url', '?')}:{loc.get('lineNumber', '?')})")

    def _on_request_failed(self, request) -> None:
        if not self.allowed(request.url):
            return  # already recorded as blocked
        self.failed_requests.append(f"{request.method} {request.url}: {request.failure}")

    def _on_response(self, response) -> None:
        if response.status >= 400:
            self.bad_responses.append(f"{response.status} {response.request.method} {response.url}")

    # --- reporting ------------------------------------------------------
    def problems(self, *, ignore_console: tuple[str, ...] = ()) -> dict[str, list[str]]:
        """Non-empty lists of problems, keyed by kind; blocked requests are also failures."""
        console = [c for c in self.console_errors if not any(s in c for s in ignore_console)]
        out = {
            "blocked external requests": self.blocked,
            "failed requests": self.failed_requests,
            "HTTP errors": self.bad_responses,
            "console errors": console,
            "uncaught page errors": self.page_errors,
        }
        return {k: v for k, v in out.items() if v}

    def clear(self) -> None:
        for lst in (self.console_errors, self.page_errors, self.failed_requests, self.bad_responses, self.blocked):
            lst.clear()


def format_problems(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{kind}:\n  " + "\n  ".join(items) for kind, items in problems.items())


def screenshot(page, name: str) -> str:
    """Save a full-page screenshot for a failure message; returns its path (or why it failed)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    try:
        page.screenshot(path=str(path), full_page=True)
    except Exception as exc:  # the page may be gone; the message must still be built
        return f"(no screenshot: {exc})"
    return str(path)


def fail_message(page, name: str, what: str, watch: PageWatch | None = None) -> str:
    """An assertion message: ``what``, the problems ``watch`` recorded, and a screenshot's path."""
    extra = f"\n{format_problems(watch.problems())}" if watch is not None and watch.problems() else ""
    return f"{what}{extra}\nscreenshot: {screenshot(page, name)}"


@contextlib.contextmanager
def offline_page(
    browser, origin: str, *, width: int = 1280, height: int = 900, timeout_ms: int = TIMEOUT_MS, **options: object
) -> Iterator[tuple[object, PageWatch]]:
    """A new page in a fresh context that may reach only ``origin``, and the :class:`PageWatch` of it.

    ``options`` go to ``browser.new_context`` (e.g. ``device_scale_factor``);
    service workers are blocked so that every request is seen. The context is
    closed on exit.
    """
    watch = PageWatch(origin)
    context = browser.new_context(service_workers="block", viewport={"width": width, "height": height}, **options)
    try:
        context.set_default_timeout(timeout_ms)
        watch.attach(context)
        page = context.new_page()
        watch.watch(page)
        yield page, watch
    finally:
        context.close()


def settle(page, timeout_ms: int = 20_000) -> None:
    """Wait (up to ``timeout_ms``) for the loaded page's network to be idle, then go on either way.

    Playwright's "networkidle" (no request for 500 ms) does not always come, even on a quiet
    machine, while a page's explorers fetch their neighbouring frames. The page itself has
    loaded by then (``goto`` waits for its load event); what a test needs loaded it waits for
    itself, and every failed request is among the watch's problems.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    try:
        page.wait_for_load_state("networkidle", timeout=timeout_ms)
    except PlaywrightTimeoutError:
        pass


def open_page(page, watch: PageWatch, path: str) -> None:
    """Load ``path`` of the watched site, assert it answered 200, and let the network settle (:func:`settle`)."""
    url = f"{watch.origin}/{path}"
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url} answered {response and response.status}"
    settle(page)


def find_explorer(page, name: str, label: str, watch: PageWatch, what: str | None = None):
    """The one kernel-free explorer ``data-tl-frames=name`` of the page, scrolled into view.

    Fails (with a screenshot called ``label``) unless there is exactly one and it is visible.
    """
    figs = page.locator(f'div.tl-frames[data-tl-frames="{name}"]')
    what = what or f"{name} explorer"
    assert figs.count() == 1, fail_message(page, label, f"expected one {what}, found {figs.count()}", watch)
    fig = figs.first
    fig.scroll_into_view_if_needed()
    assert fig.is_visible(), fail_message(page, label, f"the {what} is not visible", watch)
    return fig


# What a kernel-free explorer (twolevel.viz.frames) shows, and what its frame data say it
# should show for the sliders' values (frames are indexed row-major over the sliders).
_FRAME_STATE_JS = """(root) => {
    const img = root.querySelector('img.tl-frames-image');
    const data = JSON.parse(root.querySelector('.tl-frames-data').textContent);
    const inputs = Array.from(root.querySelectorAll('input[type=range]'));
    let idx = 0;
    inputs.forEach((inp, k) => { idx = idx * data.shape[k] + parseInt(inp.value, 10); });
    return {
      src: img.getAttribute('src'), alt: img.getAttribute('alt'),
      decoded: img.complete && img.naturalWidth > 0,
      outputs: Array.from(root.querySelectorAll('output')).map(o => o.textContent),
      values: inputs.map(i => i.value), frame: root.dataset.frame,
      expectedSrc: data.frames[idx], expectedAlt: data.alts[idx], expectedFrame: String(idx),
      shape: data.shape, frames: data.frames.length,
    };
}"""


def frame_state(fig) -> dict:
    """The explorer's image, alt text, slider values and readouts, and the frame its data expect."""
    state = fig.evaluate(_FRAME_STATE_JS)
    # keep assertion messages short: the sources are long URIs
    for key in ("src", "expectedSrc"):
        state[key] = hashlib.sha1((state[key] or "").encode()).hexdigest()[:12]
    return state


def assert_frame_moved(page, fig, before: dict, name: str, watch: PageWatch | None = None, how: str = "") -> dict:
    """Wait for the explorer to leave the frame of ``before``; assert it shows the frame for the new values.

    The slider value, the image, its alt text and the readout must all have
    changed, and the frame shown must be the one the data give for the
    sliders' values, decoded. Returns the new state (:func:`frame_state`).
    """
    try:
        # The new frame is a file fetched on demand: on a busy 2-core machine it can take seconds to load and decode.
        page.wait_for_function(
            "([root, frame]) => { const img = root.querySelector('img');"
            " return root.dataset.frame !== frame && img.complete && img.naturalWidth > 0; }",
            arg=[fig.element_handle(), before["frame"]],
            timeout=20_000,
        )
    except Exception:
        pass  # reported precisely below
    after = frame_state(fig)
    how = f"{how}: " if how else ""
    assert after["values"] != before["values"], fail_message(page, name, f"{how}the slider value did not move: {after}", watch)
    assert after["src"] != before["src"], fail_message(page, name, f"{how}the image did not change ({before} -> {after})", watch)
    assert after["alt"] != before["alt"], fail_message(
        page, name, f"{how}the alt text did not change ({before} -> {after})", watch
    )
    assert after["outputs"] != before["outputs"], fail_message(
        page, name, f"{how}the displayed value did not change ({before['outputs']} -> {after['outputs']})", watch
    )
    assert (after["src"], after["alt"], after["frame"]) == (
        after["expectedSrc"], after["expectedAlt"], after["expectedFrame"]
    ), fail_message(page, name, f"{how}the frame shown is not the one for the slider values: {after}", watch)
    assert after["decoded"], fail_message(page, name, f"{how}the new frame did not decode as an image", watch)
    return after


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 in a thread; yields the origin ``http://127.0.0.1:PORT``."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="book-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def wait_for_mathjax(page, timeout_ms: int = 30_000) -> None:
    """Wait until MathJax (if the page loads it) has finished its first typesetting pass."""
    has_mathjax = page.evaluate("() => Array.from(document.scripts).some(s => /mathjax/i.test(s.src))")
    if has_mathjax:
        page.wait_for_function(
            "() => window.MathJax && MathJax.startup && MathJax.startup.promise"
            " && typeof MathJax.startup.promise.then === 'function'",
            timeout=timeout_ms,
        )
        page.evaluate("() => MathJax.startup.promise.then(() => true)")
