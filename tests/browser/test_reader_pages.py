"""Every page of the built book, as a reader sees it on a phone (390 px) and a laptop (1366 px).

Each page is loaded once per width (one browser for the module); what the tests
assert is collected then:

* overflow: nothing in the article column is cut off, and whatever is wider than
  the column (display maths, code) scrolls inside it with a visible cue;
* accessibility: axe-core (npm, pinned in package.json, injected here and never
  served to readers) finds no serious or critical violation; every image has a
  non-empty alt text; every slider of the explorers is keyboard-operable, named,
  and announces the value it shows;
* screenshots of every page at 390 px with the chapter menu open and at both
  widths in full, for a human to look at (``$TL_TEST_ARTIFACTS/pages``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from browser_support import ARTIFACTS, PageWatch, chromium, format_problems, settle, wait_for_mathjax

from .conftest import ROOT, every_page, toc_pages

pytestmark = pytest.mark.slow

PAGES = every_page()
WIDTHS = {
    "390": dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True),
    "1366": dict(viewport={"width": 1366, "height": 900}),
}
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ARTIFACTS / "pages"

# What is cut off or sticks out of the article column. An element counts as
# clipped when what its visible descendants paint reaches beyond its padding
# box while its overflow is not a scroll container (the hidden MathML copy for
# screen readers, MathJax's or KaTeX's, is wider than the rendering and does
# not count).
# A scroll container whose content is wider than itself must show a cue: a
# scrollbar that takes room, or tl-reader.css's scroll shadows or chevrons.
OVERFLOW_JS = r"""() => {
  const main = document.querySelector('article.bd-article') || document.querySelector('main') || document.body;
  const col = main.getBoundingClientRect();
  const describe = el => {
    let d = el.tagName.toLowerCase();
    if (el.id) d += '#' + el.id;
    if (el.classList.length) d += '.' + Array.from(el.classList).slice(0, 3).join('.');
    const sec = el.closest('section[id]');
    const text = (el.textContent || el.getAttribute('alt') || '').trim().replace(/\s+/g, ' ').slice(0, 60);
    return `${d} in #${sec ? sec.id : '?'}: "${text}"`;
  };
  const helper = el => !!el.closest('mjx-assistive-mml, .katex-mathml, .visually-hidden, .sr-only');
  const extent = el => {
    let lo = Infinity, hi = -Infinity;
    for (const d of el.querySelectorAll('*')) {
      if (helper(d)) continue;
      const r = d.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      lo = Math.min(lo, r.left); hi = Math.max(hi, r.right);
    }
    return [lo, hi];
  };
  const scrolls = s => s.overflowX === 'auto' || s.overflowX === 'scroll';
  const clipped = [], outside = [], silent = [];
  let scrollers = 0;
  for (const el of main.querySelectorAll('*')) {
    if (helper(el)) continue;
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden' || s.position === 'fixed') continue;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) continue;
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
      const [lo, hi] = extent(el);
      const left = r.left + el.clientLeft, right = left + el.clientWidth;
      const over = Math.max(hi - right, left - lo);
      if (over > 1) {
        if (scrolls(s)) {
          scrollers += 1;
          const bar = el.offsetHeight - el.clientHeight - el.clientTop - parseFloat(s.borderBottomWidth);
          const shadows = /gradient/.test(s.backgroundImage) && /local/.test(s.backgroundAttachment);
          // tl-reader.css's chevrons: in a table's background, or drawn by a display's or code block's box
          // (where and when they show is checked by test_site.py).
          const host = el.closest('.katex-display, div.highlight');
          const chevron = /tl-cue/.test(s.backgroundImage) || (!!host && /tl-cue/.test(getComputedStyle(host, '::after').backgroundImage));
          if (bar < 2 && !shadows && !chevron) silent.push(`${describe(el)} scrolls ${Math.round(over)}px with no visible cue`);
        } else if (s.overflowX !== 'visible') {
          clipped.push(`${describe(el)}: ${Math.round(over)}px cut off (overflow-x: ${s.overflowX})`);
        }
      }
    }
    if (r.right > col.right + 2 || r.left < col.left - 2) {
      let a = el.parentElement, inside = false;
      while (a && a !== main) { if (scrolls(getComputedStyle(a))) { inside = true; break; } a = a.parentElement; }
      if (!inside) outside.push(`${describe(el)}: x ${Math.round(r.left)}..${Math.round(r.right)} outside the column ${Math.round(col.left)}..${Math.round(col.right)}`);
    }
  }
  const sideways = document.documentElement.scrollWidth > innerWidth + 1
    ? [`the page scrolls sideways: ${document.documentElement.scrollWidth}px in a ${innerWidth}px window`] : [];
  return {clipped, outside, silent, sideways, scrollers};
}"""

IMAGES_JS = r"""() => Array.from(document.querySelectorAll('.bd-main img')).map(img => ({
  src: (img.getAttribute('src') || '').slice(0, 80),
  alt: img.getAttribute('alt'),
  hidden: img.getAttribute('aria-hidden') === 'true' || img.getAttribute('role') === 'presentation',
}))"""

AXE_JS = """async () => {
  const r = await axe.run(document, {resultTypes: ['violations']});
  return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary.replace(/\\s+/g, ' ').slice(0, 200)),
  }));
}"""

# The explorers' sliders: focusable, named, and announcing the value shown
# next to them (a screen reader reads aria-valuetext; without it, the raw
# frame index "3" instead of "0.65").
SLIDERS_JS = r"""() => Array.from(document.querySelectorAll('.tl-frames input[type=range]')).map(inp => {
  const label = inp.closest('label');
  const out = label ? label.querySelector('output') : null;
  return {
    param: inp.dataset.param || inp.name || '?',
    name: inp.getAttribute('aria-label') || (label ? label.textContent.trim() : '') || inp.getAttribute('aria-labelledby') || '',
    focusable: !inp.disabled && inp.tabIndex >= 0,
    valuetext: inp.getAttribute('aria-valuetext'),
    shown: out ? out.textContent.trim() : null,
    value: inp.value,
  };
})"""


@dataclass
class PageReport:
    """What one page showed at one width."""

    overflow: dict = field(default_factory=dict)
    axe: list = field(default_factory=list)
    images: list = field(default_factory=list)
    sliders: list = field(default_factory=list)  # before and after a key press, per slider
    text: str = ""
    problems: dict = field(default_factory=dict)
    screenshots: list = field(default_factory=list)


def _slug(path: str) -> str:
    return path.replace("/", "-").removesuffix(".html")


def _open_menu(page) -> bool:
    toggles = page.locator(".primary-toggle")
    for i in range(toggles.count()):
        if toggles.nth(i).is_visible():
            toggles.nth(i).tap()
            page.wait_for_timeout(500)
            return True
    return False


def _press_each_slider(page) -> list[dict]:
    """Focus each slider by keyboard-equivalent focus(), press an arrow key, report before/after."""
    out = []
    sliders = page.locator(".tl-frames input[type=range]")
    for i in range(sliders.count()):
        s = sliders.nth(i)
        s.scroll_into_view_if_needed()
        s.focus()
        focused = s.evaluate("el => document.activeElement === el")
        before = page.evaluate(SLIDERS_JS)[i]
        key = "ArrowRight" if int(s.input_value()) < int(s.get_attribute("max") or 0) else "ArrowLeft"
        page.keyboard.press(key)
        page.wait_for_timeout(100)
        after = page.evaluate(SLIDERS_JS)[i]
        out.append({"focused": focused, "key": key, "before": before, "after": after})
    return out


@pytest.fixture(scope="module")
def survey(book_site) -> dict[tuple[str, str], PageReport]:
    """Load every page once at each width and record everything the tests check."""
    assert AXE.is_file(), f"{AXE} missing: run `bash scripts/setup.sh` (npm ci installs axe-core)"
    axe_source = AXE.read_text(encoding="utf8")
    SHOTS.mkdir(parents=True, exist_ok=True)
    reports: dict[tuple[str, str], PageReport] = {}
    with chromium() as browser:
        for width, device in WIDTHS.items():
            watch = PageWatch(book_site)
            context = browser.new_context(service_workers="block", **device)
            context.set_default_timeout(60_000)
            watch.attach(context)
            page = context.new_page()
            watch.watch(page)
            for path in PAGES:
                rep = reports[(path, width)] = PageReport()
                watch.clear()
                response = page.goto(f"{book_site}/{path}")
                assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
                wait_for_mathjax(page)
                settle(page)
                rep.overflow = page.evaluate(OVERFLOW_JS)
                rep.images = page.evaluate(IMAGES_JS)
                rep.text = page.evaluate("() => (document.querySelector('article') || document.body).innerText")
                page.add_script_tag(content=axe_source)
                rep.axe = page.evaluate(AXE_JS)
                shot = SHOTS / f"{_slug(path)}-{width}.png"
                page.screenshot(path=str(shot), full_page=True)
                rep.screenshots.append(str(shot))
                if width == "390" and _open_menu(page):
                    shot = SHOTS / f"{_slug(path)}-390-menu.png"
                    page.screenshot(path=str(shot))
                    rep.screenshots.append(str(shot))
                    page.keyboard.press("Escape")
                if width == "1366":
                    rep.sliders = _press_each_slider(page)
                # A copy: watch.clear() empties the watch's lists for the next page.
                rep.problems = {kind: list(items) for kind, items in watch.problems().items()}
            context.close()
    return reports


def test_every_built_page_is_checked(book_html):
    """New pages are covered: every HTML page of the site (but the root redirect) is in PAGES."""
    built = {
        str(p.relative_to(book_html))
        for p in book_html.rglob("*.html")
        if not p.relative_to(book_html).parts[0].startswith("_") and p.relative_to(book_html) != Path("index.html")
    }
    assert built == set(PAGES), f"built but not checked: {sorted(built - set(PAGES))}; listed but not built: {sorted(set(PAGES) - built)}"


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("path", PAGES)
def test_nothing_is_cut_off(survey, path, width):
    rep = survey[(path, width)]
    o = rep.overflow
    bad = o["clipped"] + o["outside"] + o["silent"] + o["sideways"]
    assert not bad, f"{path} at {width} px ({rep.screenshots[0]}):\n  " + "\n  ".join(bad)


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly(survey, path, width):
    rep = survey[(path, width)]
    assert not rep.problems, f"{path} at {width} px:\n{format_problems(rep.problems)}"


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_serious_violation(survey, path, width):
    """No serious or critical finding, with no allow-list.

    Two findings in HTML written by dependencies (myst-nb's folded-cell summary
    named "Toggle hidden content", docutils' citation list without list items)
    are fixed at build time by ``book/_ext/tl_a11y.py``.
    """
    violations = survey[(path, width)].axe
    assert not violations, f"{path} at {width} px:\n" + json.dumps(violations, indent=1)


@pytest.mark.parametrize("path", PAGES)
def test_every_image_has_alt_text(survey, path):
    images = survey[(path, "1366")].images
    missing = [i["src"] for i in images if not i["hidden"] and not (i["alt"] or "").strip()]
    assert not missing, f"{path}: images without alt text: {missing}"


def test_figures_have_descriptive_alt_text(survey):
    """Every image of every page says what it shows: a sentence, not a file name or "image".

    No image is exempt: the book has no decorative images, so one hidden from
    screen readers (aria-hidden, role="presentation") would be a figure they miss.
    """
    chapters = [p for p in toc_pages() if "/ch" in p]
    assert chapters
    for path in chapters:
        assert survey[(path, "1366")].images, f"{path} has no figure"
    for path in PAGES:
        images = survey[(path, "1366")].images
        hidden = [i["src"] for i in images if i["hidden"]]
        assert not hidden, f"{path}: images hidden from screen readers: {hidden}"
        for img in images:
            alt = (img["alt"] or "").strip()
            words = re.findall(r"[A-Za-z]+", alt)
            assert len(words) >= 5 and not re.fullmatch(r"(?i)(image|figure|png|output|.*\.(png|jpe?g|gif|svg|webp))", alt), (
                f"{path}: alt text does not describe the figure: {alt!r} ({img['src']})"
            )


def test_explorer_sliders_are_keyboard_operable_and_named(survey):
    sliders = [(path, s) for path in PAGES for s in survey[(path, "1366")].sliders]
    assert sliders, "no explorer slider found on any page"
    for path, s in sliders:
        assert s["focused"], f"{path}: slider {s['before']['param']} cannot take the keyboard focus"
        assert s["before"]["focusable"], f"{path}: slider {s['before']['param']} is out of the tab order"
        assert s["before"]["name"], f"{path}: slider {s['before']['param']} has no accessible name"
        assert s["after"]["value"] != s["before"]["value"], f"{path}: {s['key']} did not move slider {s['before']['param']}"
        assert s["after"]["shown"] != s["before"]["shown"], f"{path}: the value shown did not follow slider {s['before']['param']}"


def test_explorer_sliders_announce_the_value_shown(survey):
    sliders = [(path, s) for path in PAGES for s in survey[(path, "1366")].sliders]
    assert sliders
    for path, s in sliders:
        for state in ("before", "after"):
            v = s[state]
            assert v["valuetext"] and v["shown"] and v["shown"] in v["valuetext"], (
                f"{path}: slider {v['param']} announces {v['valuetext']!r} but shows {v['shown']!r} ({state} {s['key']})"
            )


def test_no_doubled_words_in_the_text(survey):
    pattern = re.compile(r"\b(Exercise|Figure|Chart|Proposition|Definition|Section) \1\b")
    doubled = {
        path: sorted({m.group(0) for m in pattern.finditer(survey[(path, "1366")].text)}) for path in toc_pages()
    }
    doubled = {k: v for k, v in doubled.items() if v}
    assert not doubled, f"doubled words: {doubled}"


def test_screenshots_were_taken(survey):
    """One per page at each width, plus the 390 px menu: the files a human looks at."""
    for (path, width), rep in survey.items():
        expected = 2 if width == "390" else 1
        assert len(rep.screenshots) == expected, f"{path} at {width}: {rep.screenshots}"
        for shot in rep.screenshots:
            assert Path(shot).stat().st_size > 5_000, shot


def test_proof_index_is_not_in_the_readers_path(book_html):
    """sphinx-proof's index lists raw labels ("prop-larger"); html_domain_indices is off, so it is not built."""
    assert not (book_html / "prf-prf.html").exists()
    linked = [p.name for p in book_html.rglob("*.html") if "prf-prf.html" in p.read_text(encoding="utf8")]
    assert not linked, f"pages linking to the proof index: {linked}"
