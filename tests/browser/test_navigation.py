"""Phone and tablet navigation: the chapter list and the in-page contents open and navigate.

Below the theme's 960 px breakpoint both sidebars are hidden behind two header
buttons. pydata-sphinx-theme 0.17 (pinned by sphinx-book-theme 1.3) bound its
listener to the first ``.primary-toggle`` only, a hidden one, so tapping the
visible button did nothing (pydata-sphinx-theme#2451); requirements.txt pins
sphinx-book-theme 1.2 (pydata-sphinx-theme 0.16.1). These tests tap the buttons
with a touch-screen context, as a reader would.
"""

from __future__ import annotations

import pytest

from browser_support import PageWatch, chromium, format_problems, screenshot, wait_for_mathjax

pytestmark = pytest.mark.slow

START = "book/ch04_win_sets.html"
TARGET = "book/ch05_preferences.html"
DEVICES = {
    "phone-390": dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, device_scale_factor=2),
    "tablet-900": dict(viewport={"width": 900, "height": 1200}, has_touch=True),
}


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture(params=list(DEVICES), ids=list(DEVICES))
def device_page(request, browser, book_site):
    watch = PageWatch(book_site)
    context = browser.new_context(service_workers="block", **DEVICES[request.param])
    context.set_default_timeout(30_000)
    watch.attach(context)
    page = context.new_page()
    watch.watch(page)
    yield request.param, page, watch
    context.close()


def _in_viewport(locator) -> bool:
    return locator.evaluate(
        """el => { const r = el.getBoundingClientRect(), s = getComputedStyle(el);
                   return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'
                          && r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight; }"""
    )


def _visible_button(page, selector: str):
    buttons = page.locator(selector)
    visible = [buttons.nth(i) for i in range(buttons.count()) if buttons.nth(i).is_visible()]
    assert len(visible) == 1, f"expected one visible {selector}, found {len(visible)} of {buttons.count()}"
    return visible[0]


def test_chapter_list_opens_and_navigates(device_page):
    name, page, watch = device_page
    page.goto(f"{watch.origin}/{START}")
    wait_for_mathjax(page)
    link = page.locator(f'nav.bd-docs-nav a.reference.internal[href$="{TARGET.split("/")[-1]}"]').first
    assert not _in_viewport(link), f"{name}: the chapter list is already open before the tap"

    _visible_button(page, ".primary-toggle").tap()
    try:
        page.wait_for_function(
            "el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.left < innerWidth; }",
            arg=link.element_handle(),
            timeout=5_000,
        )
    except Exception:
        pass  # reported below, with a screenshot
    assert _in_viewport(link), f"{name}: tapping the menu button did not open the chapter list; {screenshot(page, f'nav-{name}-menu')}"

    title = " ".join(link.inner_text().split())
    link.tap()
    page.wait_for_url(f"**/{TARGET}*")
    heading = page.locator("article h1").first
    heading.wait_for(state="visible")
    assert " ".join(heading.inner_text().split()).startswith(title), (title, heading.inner_text())
    problems = watch.problems()
    assert not problems, format_problems(problems)


def test_in_page_contents_opens_and_navigates(device_page):
    name, page, watch = device_page
    page.goto(f"{watch.origin}/{TARGET}")
    wait_for_mathjax(page)
    # The theme lists subsections (h3) collapsed under their section: they are
    # in the DOM but not rendered (no box) until a reader reaches them, so the
    # n-th link of the list is not the n-th line a reader sees. Take the third
    # rendered entry, a section a reader can tap once the drawer is open.
    entries = page.locator("#pst-page-toc-nav a.nav-link")
    shown = [entries.nth(i) for i in range(entries.count()) if entries.nth(i).evaluate("el => el.getClientRects().length > 0")]
    assert len(shown) >= 3, f"{name}: the in-page contents shows {len(shown)} of {entries.count()} entries"
    entry = shown[2]
    assert not _in_viewport(entry), f"{name}: the in-page contents is already open before the tap"

    _visible_button(page, ".secondary-toggle").tap()
    drawer = page.locator("dialog#pst-secondary-sidebar-modal")
    try:
        page.wait_for_function(
            "el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.right <= innerWidth; }",
            arg=entry.element_handle(),
            timeout=5_000,
        )
    except Exception:
        pass
    assert drawer.evaluate("d => d.open"), f"{name}: tapping the contents button did not open the drawer; {screenshot(page, f'nav-{name}-toc')}"
    assert entry.evaluate("(el, d) => d.contains(el)", drawer.element_handle()), f"{name}: the contents is not inside the opened drawer"
    assert _in_viewport(entry), f"{name}: the drawer is open but its third section is not in view; {screenshot(page, f'nav-{name}-toc')}"

    anchor = entry.get_attribute("href") or ""
    assert anchor.startswith("#"), anchor
    entry.tap()
    page.wait_for_function("h => location.hash === h", arg=anchor, timeout=5_000)
    target = page.locator(f"[id='{anchor[1:]}']").first
    # Smooth scrolling down a long chapter takes over a second: wait for the
    # heading to arrive (or the time-out), then report where it is.
    try:
        page.wait_for_function(
            "el => { const t = el.getBoundingClientRect().top; return t >= 0 && t < innerHeight / 2; }",
            arg=target.element_handle(),
            timeout=5_000,
        )
    except Exception:
        pass  # reported below
    top = target.evaluate("el => el.getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"] / 2, f"{name}: {anchor} is not scrolled into view (top {top})"
    problems = watch.problems()
    assert not problems, format_problems(problems)
