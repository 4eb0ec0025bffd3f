"""Chapter 7 in a real browser, offline: the page loads cleanly, its maths is typeset, and the
kernel-free explorer of side-payment budgets reacts to both of its sliders.

The fixtures and helpers are those of ``test_static_book.py`` (``conftest.py``,
``browser_support``): the built site is served from ``_build/html`` on 127.0.0.1 and
Chromium may reach nothing else (any other request is aborted and fails the test).
"""

from __future__ import annotations

import json

import pytest

from browser_support import PageWatch, assert_frame_moved, fail_message, find_explorer, format_problems
from browser_support import frame_state, open_page, wait_for_mathjax

pytestmark = pytest.mark.slow

CHAPTER7 = "book/ch07_strategies.html"
EXPLORER = "budget"


# The site, the browser and a fresh offline page are conftest.py's fixtures ``site``,
# ``browser`` and ``page_and_watch``.
_fail = fail_message
_state = frame_state


def _open(page, watch: PageWatch) -> None:
    open_page(page, watch, CHAPTER7)
    wait_for_mathjax(page)  # a no-op when the maths was rendered at build time (KaTeX)


def _move(page, fig, slider, watch, name: str) -> None:
    before = _state(fig)
    hi = int(slider.get_attribute("max") or 0)
    key = "ArrowRight" if int(slider.input_value()) < hi else "ArrowLeft"
    slider.focus()
    page.keyboard.press(key)
    assert_frame_moved(page, fig, before, name, watch)


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
    fig = find_explorer(page, EXPLORER, "ch07-budget", watch, what="budget explorer")
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
