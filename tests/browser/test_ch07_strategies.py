"""Chapter 7 in a real browser, offline: the page loads cleanly, its maths is typeset, and the
kernel-free explorer of side-payment budgets reacts to both of its sliders.

The patterns are those of ``test_static_book.py``: the built site is served from
``_build/html`` on 127.0.0.1 and Chromium may reach nothing else (any other request
is aborted and fails the test).
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import threading
from collections.abc import Iterator

import pytest

from browser_support import PageWatch, chromium, format_problems, screenshot, wait_for_mathjax

pytestmark = pytest.mark.slow

CHAPTER7 = "book/ch07_strategies.html"
EXPLORER = "budget"
TIMEOUT_MS = 60_000


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="module")
def site(built_book) -> Iterator[str]:
    if built_book.returncode != 0:
        pytest.fail(f"jupyter-book build failed (exit {built_book.returncode}):\n{built_book.log[-8000:]}")
    handler = functools.partial(_QuietHandler, directory=str(built_book.html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="book-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture
def page_and_watch(browser, site):
    watch = PageWatch(site)
    context = browser.new_context(service_workers="block", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    watch.attach(context)
    page = context.new_page()
    watch.watch(page)
    yield page, watch
    context.close()


def _fail(page, name: str, what: str, watch: PageWatch | None = None) -> str:
    extra = f"\n{format_problems(watch.problems())}" if watch is not None and watch.problems() else ""
    return f"{what}{extra}\nscreenshot: {screenshot(page, name)}"


def _open(page, watch: PageWatch) -> None:
    url = f"{watch.origin}/{CHAPTER7}"
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url} answered {response and response.status}"
    wait_for_mathjax(page)  # a no-op when the maths was rendered at build time (KaTeX)
    page.wait_for_load_state("networkidle")


_STATE_JS = """(root) => {
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


def _state(fig) -> dict:
    state = fig.evaluate(_STATE_JS)
    for key in ("src", "expectedSrc"):
        state[key] = hashlib.sha1((state[key] or "").encode()).hexdigest()[:12]
    return state


def _move(page, fig, slider, watch, name: str) -> None:
    before = _state(fig)
    hi = int(slider.get_attribute("max") or 0)
    key = "ArrowRight" if int(slider.input_value()) < hi else "ArrowLeft"
    slider.focus()
    page.keyboard.press(key)
    try:
        page.wait_for_function(
            "([root, frame]) => root.dataset.frame !== frame", arg=[fig.element_handle(), before["frame"]], timeout=5_000
        )
    except Exception:
        pass  # reported precisely below
    after = _state(fig)
    assert after["values"] != before["values"], _fail(page, name, f"the slider did not move: {after}", watch)
    assert after["src"] != before["src"] and after["alt"] != before["alt"], _fail(
        page, name, f"image or alt text did not change ({before} -> {after})", watch
    )
    assert after["outputs"] != before["outputs"], _fail(page, name, "the displayed value did not change", watch)
    assert (after["src"], after["alt"], after["frame"]) == (
        after["expectedSrc"], after["expectedAlt"], after["expectedFrame"]
    ), _fail(page, name, f"the frame shown is not the one for the slider values: {after}", watch)
    assert after["decoded"], _fail(page, name, "the new frame did not decode", watch)


def test_chapter7_page_is_clean_and_typeset(page_and_watch):
    page, watch = page_and_watch
    _open(page, watch)
    report = page.evaluate(
        """() => ({
          math: document.querySelectorAll('.math').length,
          untypeset: Array.from(document.querySelectorAll('.math')).filter(m => !m.querySelector('mjx-container, .katex')).length,
          errors: document.querySelectorAll('mjx-merror, .katex-error').length,
          figures: Array.from(document.querySelectorAll('figure img')).filter(i => i.complete && i.naturalWidth > 0).length,
        })"""
    )
    assert report["math"] > 0 and report["untypeset"] == 0 and report["errors"] == 0, _fail(
        page, "ch07-maths", f"maths not typeset cleanly: {report}", watch
    )
    assert report["figures"] >= 4, _fail(page, "ch07-figures", f"expected the chapter's 4 figures: {report}", watch)
    problems = watch.problems()
    assert not problems, _fail(page, "ch07-clean", f"page is not clean:\n{format_problems(problems)}")


def test_budget_explorer_reacts_to_both_sliders(page_and_watch):
    page, watch = page_and_watch
    _open(page, watch)
    figs = page.locator(f'div.tl-frames[data-tl-frames="{EXPLORER}"]')
    assert figs.count() == 1, _fail(page, "ch07-budget", f"expected one budget explorer, found {figs.count()}", watch)
    fig = figs.first
    fig.scroll_into_view_if_needed()
    start = _state(fig)
    assert start["decoded"] and start["frame"] == start["expectedFrame"], _fail(
        page, "ch07-budget", f"the explorer did not initialise: {start}", watch
    )
    assert all(n >= 11 for n in start["shape"]) and start["frames"] <= 150, start["shape"]
    sliders = fig.locator("label.tl-frames-control input[type=range][data-param]")
    assert sliders.count() == 2
    for k in range(2):
        _move(page, fig, sliders.nth(k), watch, f"ch07-budget-slider{k}")
    data = json.loads(fig.locator(".tl-frames-data").text_content() or "{}")
    assert all(a.strip() for a in data["alts"]) and len(set(data["alts"])) == len(data["alts"])
    problems = watch.problems()
    assert not problems, _fail(page, "ch07-budget-clean", f"page is not clean:\n{format_problems(problems)}")
