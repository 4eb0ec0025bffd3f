"""The built book in a real browser, offline: pages load cleanly, maths is typeset,
and the static explorers of Figure 1 (Chapter 4) and Figure 2 (Chapter 5) react
to their sliders.

The site is served from ``_build/html`` on 127.0.0.1 and Chromium may reach
nothing else: any other request is aborted and fails the test, so a CDN
script or font sneaking into the theme or the config is caught here.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Error as PlaywrightError

from browser_support import PageWatch, assert_frame_moved, fail_message, find_explorer, format_problems
from browser_support import frame_state, offline_page, open_page

pytestmark = pytest.mark.slow

CHAPTER4 = "book/ch04_win_sets.html"
CHAPTER5 = "book/ch05_preferences.html"
PREFACE = "book/preface.html"
# (page, name of its kernel-free explorer): every interactive figure of the book.
EXPLORERS = [(CHAPTER4, "figure1"), (CHAPTER5, "figure2")]
CHAPTERS = [CHAPTER4, CHAPTER5]


# The site, the browser and a fresh offline page are conftest.py's fixtures ``site``,
# ``browser`` and ``page_and_watch``.
_fail_msg = fail_message


def _open(page, watch: PageWatch, path: str) -> None:
    """Load a page of the site, let its fonts (KaTeX's included) load and the network settle."""
    open_page(page, watch, path)
    try:
        page.evaluate("() => document.fonts.ready.then(() => true)")
    except PlaywrightError as exc:
        pytest.fail(_fail_msg(page, path.replace("/", "-"), f"fonts never finished loading on {watch.origin}/{path}: {exc}", watch))


def _assert_clean(page, watch: PageWatch, name: str) -> None:
    problems = watch.problems()
    assert not problems, _fail_msg(page, name, f"page {page.url} is not clean:\n{format_problems(problems)}")


def test_preface_renders_cleanly(page_and_watch):
    page, watch = page_and_watch
    _open(page, watch, PREFACE)
    heading = page.get_by_role("heading", level=1).first
    assert heading.is_visible(), _fail_msg(page, "preface", "the preface has no visible h1", watch)
    _assert_clean(page, watch, "preface")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_maths_is_typeset(page_and_watch, chapter):
    page, watch = page_and_watch
    _open(page, watch, chapter)
    # KaTeX renders the maths when the book is built: no script typesets it here, the page
    # must show it with KaTeX's own fonts (served by the site) and carry MathML for screen readers.
    report = page.evaluate(
        """() => {
        const maths = Array.from(document.querySelectorAll('.math'));
        const article = document.querySelector('article, main') || document.body;
        const fonts = Array.from(document.fonts).filter(f => f.family.replace(/"/g, '').startsWith('KaTeX'));
        return {
          math: maths.length,
          untypeset: maths.filter(m => !m.querySelector('.katex')).map(m => m.textContent.slice(0, 80)),
          rendered: document.querySelectorAll('.katex .katex-html').length,
          mathml: document.querySelectorAll('.katex math').length,
          errors: Array.from(document.querySelectorAll('.katex-error')).map(e => e.textContent.slice(0, 120)),
          fontsLoaded: fonts.filter(f => f.status === 'loaded').map(f => f.family),
          fontsFailed: fonts.filter(f => f.status === 'error').map(f => f.family),
          scripts: Array.from(document.scripts).map(s => s.src).filter(s => /mathjax|katex/i.test(s)),
          text: article.innerText,
        };
    }"""
    )
    name = f"{chapter.split('/')[-1][:4]}-maths"
    assert report["math"] > 0 and report["rendered"] > 0, _fail_msg(
        page, name, f"no rendered maths on {chapter}: {report['math']} .math, {report['rendered']} KaTeX", watch
    )
    assert report["mathml"] == report["rendered"], _fail_msg(page, name, "KaTeX output without MathML", watch)
    assert not report["untypeset"], _fail_msg(page, name, f"maths left unrendered: {report['untypeset']}", watch)
    assert not report["errors"], _fail_msg(page, name, f"KaTeX reported TeX errors: {report['errors']}", watch)
    assert report["fontsLoaded"] and not report["fontsFailed"], _fail_msg(
        page, name, f"KaTeX fonts: loaded {report['fontsLoaded']}, failed {report['fontsFailed']}", watch
    )
    assert not report["scripts"], _fail_msg(page, name, f"a maths script is loaded: {report['scripts']}", watch)
    leftovers = [d for d in ("\\(", "\\)", "\\[", "\\]", "$$") if d in report["text"]]
    assert not leftovers, _fail_msg(page, name, f"raw TeX delimiters {leftovers} remain in the page text", watch)
    _assert_clean(page, watch, name)


# --- Figure 1, the kernel-free explorer ------------------------------------------------

def _assert_moved(page, fig, before: dict, how: str, watch: PageWatch, label: str = "ch04-figure1") -> dict:
    return assert_frame_moved(page, fig, before, f"{label}-{how}", watch, how=how)


_state = frame_state


@pytest.mark.parametrize(("chapter", "figure"), EXPLORERS)
def test_figure_explorer_reacts(page_and_watch, chapter, figure):
    page, watch = page_and_watch
    _open(page, watch, chapter)
    label = f"{chapter.split('/')[-1][:4]}-{figure}"
    fig = find_explorer(page, figure, label, watch)
    img = fig.locator("img.tl-frames-image")
    assert img.is_visible(), _fail_msg(page, label, f"{figure}'s image is not visible", watch)
    slider = fig.locator("label.tl-frames-control input[type=range][data-param]").first
    assert slider.is_visible(), _fail_msg(page, label, f"{figure} has no visible slider", watch)

    start = _state(fig)
    assert start["decoded"], _fail_msg(page, label, f"{figure}'s first frame did not decode", watch)
    assert start["frame"] == start["expectedFrame"] and start["src"] == start["expectedSrc"], _fail_msg(
        page, label, f"the script did not initialise the figure: {start}", watch
    )

    # 1. keyboard: focus the range input and press an arrow key, as a reader would
    hi = int(slider.get_attribute("max") or 0)
    key = "ArrowRight" if int(slider.input_value()) < hi else "ArrowLeft"
    slider.focus()
    page.keyboard.press(key)
    after_key = _assert_moved(page, fig, start, f"keyboard-{key}", watch, label)

    # 2. programmatic: set the value and dispatch 'input' (what a drag does, step by step)
    target = str(int(slider.input_value()) + (1 if int(slider.input_value()) < hi else -1))
    slider.evaluate(
        "(el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); }", target
    )
    _assert_moved(page, fig, after_key, "input-event", watch, label)

    _assert_clean(page, watch, label)


@pytest.mark.parametrize(("chapter", "figure"), EXPLORERS)
def test_frames_data_is_consistent(page_and_watch, chapter, figure):
    """Every frame is a PNG data URI with its own alt text, one per combination of slider values."""
    page, watch = page_and_watch
    _open(page, watch, chapter)
    fig = page.locator(f'div.tl-frames[data-tl-frames="{figure}"]').first
    data = json.loads(fig.locator(".tl-frames-data").text_content() or "{}")
    n = 1
    for size in data.get("shape", []):
        n *= size
    ranges = fig.locator("input[type=range]")
    assert ranges.count() == len(data["shape"]) >= 1
    assert len(data["frames"]) == len(data["alts"]) == n
    # frames are files of the site, not data inlined in the page (twolevel.viz.frames)
    bad = [f for f in data["frames"] if not re.fullmatch(r"\.\./_images/tl-frames/[0-9a-f]{20}\.webp", f)]
    assert not bad, f"frames that are not local WebP files: {bad[:3]}"
    assert all(a.strip() for a in data["alts"])
    for k in range(ranges.count()):
        assert int(ranges.nth(k).get_attribute("max") or -1) == data["shape"][k] - 1
    _assert_clean(page, watch, f"{figure}-frames-data")



# --- explorers: positions, keyboard, announcements, files, sharpness, touch targets -------

MIN_POSITIONS = 11
TOUCH_PX = 44
PHONE_IMAGE_CSS_PX = 340  # twolevel.viz.frames.PHONE_IMAGE_CSS_PX: the width its text sizes assume

_A11Y_JS = """(root) => {
    const img = root.querySelector('img.tl-frames-image');
    return {
      src: img.currentSrc || img.src,
      alt: img.getAttribute('alt'),
      natural: img.naturalWidth,
      css: img.getBoundingClientRect().width,
      sliders: Array.from(root.querySelectorAll('input[type=range]')).map(i => {
        const r = i.getBoundingClientRect();
        const out = i.closest('label').querySelector('output');
        return {max: +i.max, min: +i.min, value: i.value, valuetext: i.getAttribute('aria-valuetext'),
                label: i.getAttribute('aria-label'), w: r.width, h: r.height,
                readout: out && out.textContent, live: out && out.getAttribute('aria-live')};
      }),
    };
}"""


def _frame_requests(urls: list[str]) -> list[str]:
    return [u for u in urls if "/_images/tl-frames/" in u]


@pytest.mark.parametrize("width", [1366, 390])
@pytest.mark.parametrize(("chapter", "figure"), EXPLORERS)
def test_explorer_is_fine_grained_accessible_sharp_and_lazy(browser, site, chapter, figure, width):
    """>= 11 positions per slider, 44 px sliders that announce their value, a keyboard step that
    loads the next frame from a local file, frames with 2 image pixels per CSS pixel, and only
    the frames the reader needs requested."""
    with offline_page(browser, site, width=width, device_scale_factor=2) as (page, watch):
        responses: list[tuple[int, str]] = []
        page.on("response", lambda r: responses.append((r.status, r.url)))
        label = f"{chapter.split('/')[-1][:4]}-{figure}-{width}"
        _open(page, watch, chapter)
        fig = page.locator(f'div.tl-frames[data-tl-frames="{figure}"]').first
        n_explorers = page.locator("div.tl-frames").count()
        loaded = _frame_requests([u for _, u in responses])
        assert 1 <= len(loaded) <= n_explorers, _fail_msg(
            page, label, f"on load the page requested {len(loaded)} frames for {n_explorers} explorer(s)", watch
        )
        fig.scroll_into_view_if_needed()
        before = fig.evaluate(_A11Y_JS)
        for s in before["sliders"]:
            assert s["max"] - s["min"] + 1 >= MIN_POSITIONS, _fail_msg(page, label, f"too few positions: {s}", watch)
            assert s["h"] >= TOUCH_PX and s["w"] >= TOUCH_PX, _fail_msg(page, label, f"slider under 44 px: {s}", watch)
            assert s["label"] and s["valuetext"] and s["valuetext"] == s["readout"], _fail_msg(
                page, label, f"slider does not announce its value: {s}", watch
            )
            assert s["live"] == "polite", _fail_msg(page, label, f"the readout is not a live region: {s}", watch)
        assert before["natural"] >= 2 * before["css"] > 0, _fail_msg(
            page, label, f"frame not sharp at DPR 2: {before['natural']} px shown {before['css']} CSS px wide", watch
        )
        if width == 390:
            assert before["css"] >= PHONE_IMAGE_CSS_PX, _fail_msg(
                page, label, f"the figure is {before['css']} CSS px wide on a phone, < {PHONE_IMAGE_CSS_PX}", watch
            )

        # keyboard: focus the first slider (wakes the preloading of neighbours) and step it
        slider = fig.locator("input[type=range]").first
        key = "ArrowRight" if int(slider.input_value()) < int(slider.get_attribute("max")) else "ArrowLeft"
        slider.focus()
        page.keyboard.press(key)
        page.wait_for_function(
            "([root, src]) => { const i = root.querySelector('img.tl-frames-image');"
            " return i.currentSrc !== src && i.complete && i.naturalWidth > 0; }",
            arg=[fig.element_handle(), before["src"]],
        )
        after = fig.evaluate(_A11Y_JS)
        moved, kept = after["sliders"][0], before["sliders"][0]
        assert after["src"] != before["src"] and after["alt"] != before["alt"], _fail_msg(
            page, label, f"{key}: image or alt text unchanged: {after['src']}", watch
        )
        assert moved["readout"] != kept["readout"] and moved["valuetext"] == moved["readout"], _fail_msg(
            page, label, f"{key}: readout/aria-valuetext not updated: {kept} -> {moved}", watch
        )
        ok_local = [u for st, u in responses if u == after["src"] and st == 200]
        assert after["src"].startswith(site + "/_images/tl-frames/") and ok_local, _fail_msg(
            page, label, f"the new frame was not loaded from a local file: {after['src']}", watch
        )
        assert after["natural"] >= 2 * after["css"], _fail_msg(page, label, "new frame not sharp at DPR 2", watch)
        # reaching for the explorer preloaded the neighbouring frames, not all of them
        page.wait_for_timeout(300)
        requested = set(_frame_requests([u for _, u in responses]))
        assert len(loaded) < len(requested) <= 1 + 2 * 2 * len(before["sliders"]) + n_explorers, _fail_msg(
            page, label, f"{len(requested)} frames requested after one step", watch
        )
        _assert_clean(page, watch, label)
