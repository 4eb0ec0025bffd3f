"""The site around the chapters, as a reader finds it (issue 18), on every page.

Each page of the built book is loaded once at each of three widths (a phone,
390 px; the narrowest laptop, 1024 px; a common one, 1366 px) and what the
tests check is recorded then:

* display maths: none needs horizontal scrolling at 1024 px or wider, and on
  the phone each one that scrolls, like each wide code block and table, shows
  the cue that more is hidden (a chevron, ``book/_assets/tl-reader.css``) on
  the side where it hides, and only there;
* wide blocks: at 1366 px no code block, output or table is wider than the
  text column;
* navigation: chapters numbered as their file names (``ch04_`` is Chapter 4) in
  the sidebar and their titles, definitions, charts and exercises numbered
  within their chapter (6.1, 6.2, ...), the developer appendix out of the
  sidebar and the reading order but built and linked, the index linked from
  the sidebar and filled, touch targets of 44 px on the phone;
* small defects: the search field's magnifier clear of the query, solution
  titles written as their exercise's (typographic quotes), a tap on a solution
  title opening it where it is, a favicon on every page.

Console errors and failed requests on every page are checked by
``test_reader_pages.py`` (``test_page_loads_cleanly``); here the favicon that
a browser asks for is one of the requests.
"""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from browser_support import PageWatch, chromium, fail_message, format_problems, offline_page, open_page

from .conftest import ROOT, every_page, toc_pages

pytestmark = pytest.mark.slow

PAGES = every_page()
CHAPTER = re.compile(r"ch(\d+)_")
WIDTHS = {
    "390": dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, device_scale_factor=2),
    "1024": dict(viewport={"width": 1024, "height": 768}),
    "1366": dict(viewport={"width": 1366, "height": 900}),
}
WIDE = ("1024", "1366")  # "1024 px or wider"


def chapter_of(path: str) -> int | None:
    match = CHAPTER.match(Path(path).name)
    return int(match.group(1)) if match else None


def developer_pages() -> list[str]:
    """The built paths of the pages of the parts named in ``tl_developer_parts`` (``_config.yml``)."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf8"))
    captions = set(config["sphinx"]["config"]["tl_developer_parts"])
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf8"))
    return [
        str(Path(entry["file"]).with_suffix(".html"))
        for part in toc.get("parts", [])
        if part.get("caption") in captions
        for entry in part.get("chapters", [])
    ]


# --- what the browser reports -------------------------------------------------

# Every display equation: where it is and how much of its formula its box hides.
DISPLAYS_JS = r"""() => Array.from(document.querySelectorAll('article.bd-article .katex-display')).map(d => {
  const box = d.querySelector('.katex-html');
  const where = d.closest('[id]');
  const title = d.closest('div.proof, div.exercise, div.solution, section');
  const heading = title ? title.querySelector('.admonition-title, h1, h2, h3') : null;
  return {
    hidden: box ? box.scrollWidth - box.clientWidth : 0,
    id: where ? where.id : '',
    under: heading ? heading.textContent.replace(/[#\s]+/g, ' ').trim().slice(0, 70) : '',
    tex: ((d.querySelector('annotation') || {}).textContent || d.textContent).replace(/\s+/g, ' ').trim().slice(0, 70),
  };
})"""

# Every box of the article that scrolls sideways, with the cue it shows at its start and at its end.
CUES_JS = r"""async () => {
  const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const article = document.querySelector('article.bd-article') || document.querySelector('main') || document.body;
  const out = [];
  for (const el of article.querySelectorAll('*')) {
    if (el.closest('.katex-mathml, .tl-frames')) continue;
    const s = getComputedStyle(el);
    if (!(s.overflowX === 'auto' || s.overflowX === 'scroll')) continue;
    if (el.scrollWidth <= el.clientWidth + 1 || el.getClientRects().length === 0) continue;
    const kind = el.matches('.katex-html') ? 'display maths' : el.matches('pre') ? 'code' :
      el.matches('.pst-scrollable-table-container') ? 'table' : el.tagName.toLowerCase() + '.' + el.className;
    const host = el.closest('.katex-display, div.highlight');
    // A display's or code block's cue: a pseudo-element of its box (::before left, ::after right).
    // A table's: the first two layers of its own background (left, right chevron), by their size.
    const cue = (side) => {
      if (host) {
        const p = getComputedStyle(host, side === 'right' ? '::after' : '::before');
        return {opacity: parseFloat(p.opacity), image: p.backgroundImage.includes('tl-cue'), size: parseFloat(p.width)};
      }
      const st = getComputedStyle(el);
      const layer = side === 'left' ? 0 : 1;
      const image = (st.backgroundImage.match(/url\([^)]*\)|none|[a-z-]+-gradient\((?:[^()]|\([^()]*\))*\)/g) || [])[layer] || '';
      const size = parseFloat((st.backgroundSize.split(',')[layer] || '0').trim()) || 0;
      return {opacity: size > 0 ? 1 : 0, image: image.includes('tl-cue'), size};
    };
    const where = el.closest('[id]');
    const item = {
      kind, id: where ? where.id : '', hidden: el.scrollWidth - el.clientWidth,
      text: el.textContent.replace(/\s+/g, ' ').trim().slice(0, 50),
    };
    el.scrollLeft = 0; await frame();
    item.start = {right: cue('right'), left: cue('left')};
    el.scrollLeft = el.scrollWidth; await frame();
    item.end = {right: cue('right'), left: cue('left')};
    el.scrollLeft = 0;
    out.push(item);
  }
  return out;
}"""

# Blocks wider than the text column: code, outputs and tables that scroll or stick out.
WIDE_BLOCKS_JS = r"""() => {
  const article = document.querySelector('article.bd-article') || document.querySelector('main') || document.body;
  const col = article.getBoundingClientRect();
  const out = [];
  for (const el of article.querySelectorAll('pre, table, .pst-scrollable-table-container, div.cell_output')) {
    if (el.getClientRects().length === 0) continue;
    const r = el.getBoundingClientRect();
    const hidden = el.scrollWidth - el.clientWidth;
    const outside = Math.max(r.right - col.right, col.left - r.left);
    if (hidden > 1 || outside > 1) {
      const where = el.closest('[id]');
      out.push(`${el.tagName.toLowerCase()} in #${where ? where.id : '?'} ("${el.textContent.replace(/\s+/g, ' ').trim().slice(0, 50)}"): ` +
        (hidden > 1 ? `${hidden}px hidden` : `${Math.round(outside)}px outside the column`));
    }
  }
  return out;
}"""

NAV_JS = r"""() => {
  const text = el => el ? el.textContent.replace(/\s+/g, ' ').trim() : null;
  const h1 = document.querySelector('article.bd-article h1');
  const num = h1 ? h1.querySelector('.section-number') : null;
  return {
    sidebar: Array.from(document.querySelectorAll('nav.bd-docs-nav a.reference')).map(a => ({href: a.getAttribute('href'), text: text(a)})),
    prevNext: Array.from(document.querySelectorAll('.prev-next-area a')).map(a => a.getAttribute('href')),
    indexLink: Array.from(document.querySelectorAll('.bd-sidebar-primary a')).filter(a => new URL(a.href).pathname.endsWith('/genindex.html')).length,
    h1Number: num ? text(num) : null,
    h1Label: num ? getComputedStyle(num, '::before').content : null,
    h1Text: text(h1),
    numbers: Array.from(document.querySelectorAll('article.bd-article .caption-number')).map(text),
    definitions: Array.from(document.querySelectorAll('article.bd-article div.proof.definition > .admonition-title')).map(text),
    icon: (document.querySelector('link[rel~="icon"]') || {}).href || null,
  };
}"""

ICON_JS = r"""async (href) => { const r = await fetch(href); return {status: r.status, type: r.headers.get('content-type') || ''}; }"""

# Exercises and the titles of their solutions, as shown (the print-only link is not shown).
SOLUTIONS_JS = r"""() => Array.from(document.querySelectorAll('article.bd-article div.solution')).map(s => {
  const title = s.querySelector('.admonition-title');
  const link = title ? title.querySelector('a[href^="#"]') : null;
  const target = link ? document.getElementById(link.getAttribute('href').slice(1)) : null;
  const clean = el => el ? el.innerText.replace(/\s+/g, ' ').trim() : null;
  return {id: s.id, title: clean(title), exercise: target ? clean(target.querySelector('.admonition-title')) : null};
})"""

# Interactive things a finger must hit, at least 44 x 44 CSS px (WCAG 2.5.5), but links inside text.
TARGETS_JS = r"""() => {
  const sel = 'button, summary, select, input:not([type=hidden]), nav.bd-links a, .bd-toc-nav a, .prev-next-area a, .genindex-jumpbox a, [role=button]';
  const out = [], checked = [];
  for (const el of document.querySelectorAll(sel)) {
    if (el.closest('.tl-frames')) continue;  // the explorers' own controls (tests of the explorers)
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    if (r.width === 0 || r.height === 0 || s.visibility === 'hidden' || parseFloat(s.opacity) === 0) continue;
    if (r.right <= 0 || r.left >= innerWidth) continue;  // off-canvas
    checked.push(el.matches('nav.bd-links a') ? 'chapter list' : el.matches('.primary-toggle') ? 'menu button' : 'other');
    if (r.width < 43.5 || r.height < 43.5) {
      out.push(`${el.tagName.toLowerCase()}.${Array.from(el.classList).slice(0, 2).join('.')} "${(el.textContent || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 30)}": ${Math.round(r.width)} x ${Math.round(r.height)}`);
    }
  }
  return {small: out, checked};
}"""

# The search field: where the magnifier ends and where the typed text starts.
SEARCH_FIELD_JS = r"""(form) => {
  const icon = form.querySelector('i, svg, .fa-magnifying-glass');
  const input = form.querySelector('input');
  const ir = icon.getBoundingClientRect(), nr = input.getBoundingClientRect(), s = getComputedStyle(input);
  return {iconRight: ir.right, textLeft: nr.left + parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft), iconWidth: ir.width};
}"""


@dataclass
class PageReport:
    displays: list = field(default_factory=list)
    cues: list = field(default_factory=list)
    wide: list = field(default_factory=list)
    nav: dict = field(default_factory=dict)
    icon: dict = field(default_factory=dict)
    solutions: list = field(default_factory=list)
    targets: dict = field(default_factory=dict)
    problems: dict = field(default_factory=dict)


@pytest.fixture(scope="module")
def survey(book_site) -> dict[tuple[str, str], PageReport]:
    """Every page at every width, once."""
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
                open_page(page, watch, path)
                rep.displays = page.evaluate(DISPLAYS_JS)
                rep.nav = page.evaluate(NAV_JS)
                if rep.nav["icon"]:
                    rep.icon = page.evaluate(ICON_JS, rep.nav["icon"])
                if width == "390":
                    rep.cues = page.evaluate(CUES_JS)
                    toggles = [t for t in page.locator(".primary-toggle").all() if t.is_visible()]
                    if toggles:
                        toggles[0].tap()
                        page.wait_for_timeout(500)
                    rep.targets = page.evaluate(TARGETS_JS)
                if width == "1366":
                    rep.wide = page.evaluate(WIDE_BLOCKS_JS)
                    rep.solutions = page.evaluate(SOLUTIONS_JS)
                rep.problems = {kind: list(items) for kind, items in watch.problems().items()}
            context.close()
    return reports


# --- 1. display maths -----------------------------------------------------------


@pytest.mark.parametrize("width", WIDE)
def test_no_display_equation_scrolls_on_a_wide_screen(survey, width):
    """Long displays are split across lines, as textbooks do: none is cut at the column's edge."""
    displays = [(path, d) for path in PAGES for d in survey[(path, width)].displays]
    assert displays, "no display equation found in the book: the check checked nothing"
    offending = [
        f"{path}: #{d['id']} (under \"{d['under']}\"): {d['hidden']}px hidden of  {d['tex']}"
        for path, d in displays
        if d["hidden"] > 1
    ]
    assert not offending, f"display equations that scroll at {width} px:\n  " + "\n  ".join(offending)


def test_what_scrolls_on_a_phone_shows_where_more_is(survey):
    """At 390 px each display, code block or table that scrolls shows a chevron on the side where content hides.

    A chevron on the right while the box is at its start, on the left (and not
    on the right) once scrolled to its end: drawn over a display or a code block
    by its box, in the background of a table (its own scroll container).
    """
    bad: list[str] = []
    seen = 0
    for path in PAGES:
        for c in survey[(path, "390")].cues:
            seen += 1
            name = f"{path}: {c['kind']} in #{c['id']} ({c['hidden']}px hidden, \"{c['text']}\")"
            if c["kind"] in ("display maths", "code", "table"):
                start, end = c["start"], c["end"]
                if not (start["right"] and start["right"]["image"] and start["right"]["opacity"] > 0.9 and start["right"]["size"] >= 16):
                    bad.append(f"{name}: no chevron on the right at its start ({start['right']})")
                if start["left"] and start["left"]["opacity"] > 0.1:
                    bad.append(f"{name}: a chevron on the left at its start")
                if end["right"] and end["right"]["opacity"] > 0.1:
                    bad.append(f"{name}: the right chevron stays once scrolled to the end")
                if not (end["left"] and end["left"]["opacity"] > 0.9):
                    bad.append(f"{name}: no chevron on the left once scrolled to the end")
            else:
                bad.append(f"{name}: a scrolling box with no cue of its own")
    assert seen, "nothing scrolls sideways on any page at 390 px: the check checked nothing (a phone's column is narrow)"
    assert not bad, "\n  ".join(["scrolling boxes without their cue:", *bad])


# --- 2. wide blocks --------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES)
def test_no_block_is_wider_than_the_column(survey, path):
    wide = survey[(path, "1366")].wide
    assert not wide, f"{path} at 1366 px:\n  " + "\n  ".join(wide)


# --- 3. navigation ---------------------------------------------------------------


def test_chapters_are_numbered_as_their_file_names(survey):
    """The sidebar says "4 Towards ...", the chapter's title "Chapter 4"; other pages have no number."""
    chapters = [p for p in toc_pages() if chapter_of(p) is not None]
    assert chapters
    for path in PAGES:
        nav = survey[(path, "1366")].nav
        for link in nav["sidebar"]:
            target = Path(link["href"].split("#")[0]).name or Path(path).name  # "#": the page itself
            n = chapter_of(target)
            if n is None:
                assert not re.match(r"\d", link["text"]), f"{path}: sidebar entry {link['text']!r} is numbered but is not a chapter"
            else:
                assert link["text"].startswith(f"{n} "), f"{path}: sidebar entry for {target} is {link['text']!r}, not numbered {n}"
    for path in chapters:
        nav = survey[(path, "1366")].nav
        n = chapter_of(path)
        assert nav["h1Number"] == str(n), f"{path}: title number {nav['h1Number']!r}, expected {n}"
        assert nav["h1Label"] == '"Chapter "', f"{path}: the number is not labelled Chapter ({nav['h1Label']})"
    for path in set(toc_pages()) - set(chapters):
        assert survey[(path, "1366")].nav["h1Number"] is None, f"{path} is not a chapter but its title is numbered"


def test_exercises_definitions_and_charts_are_numbered_within_their_chapter(survey):
    for path in [p for p in toc_pages() if chapter_of(p) is not None]:
        n = chapter_of(path)
        numbers = survey[(path, "1366")].nav["numbers"]
        by_kind: dict[str, list[str]] = {}
        for label in numbers:
            m = re.fullmatch(r"(Exercise|Chart|Definition|Proposition|Remark) (\S+)", label)
            assert m, f"{path}: unexpected caption number {label!r}"
            by_kind.setdefault(m.group(1), []).append(m.group(2))
        assert by_kind.get("Exercise"), f"{path}: no numbered exercise"
        for kind, found in by_kind.items():
            distinct = list(dict.fromkeys(found))  # a chart may be referred to twice; its number is the same
            expected = [f"{n}.{i}" for i in range(1, len(distinct) + 1)]
            assert distinct == expected, f"{path}: {kind} numbers {distinct}, expected {expected}"


def test_developer_appendix_is_built_but_not_on_the_readers_path(survey):
    """Out of every page's sidebar and previous/next links; still built (it is surveyed) and linked."""
    dev = developer_pages()
    assert dev, "no developer part in _toc.yml (tl_developer_parts in _config.yml)"
    for path in PAGES:
        nav = survey[(path, "1366")].nav
        hrefs = [x["href"] for x in nav["sidebar"]] + nav["prevNext"]
        linked = {posixpath.normpath(posixpath.join(posixpath.dirname(path), h.split("#")[0])) for h in hrefs if h and not h.startswith("#")}
        leaked = sorted(set(dev) & linked)
        assert not leaked, f"{path} links developer pages from its sidebar or previous/next links: {leaked}"
    for path in dev:
        assert (path, "1366") in survey and not survey[(path, "1366")].problems, f"{path} is not built cleanly"


def test_developer_appendix_is_linked_from_the_readme_and_the_making_of_page(book_html):
    readme = (ROOT / "README.md").read_text(encoding="utf8")
    for path in developer_pages():
        source = str(Path(path).with_suffix(".md"))
        assert f"({source})" in readme, f"README.md does not link {source}"
    making = "book/making.html"
    if making not in toc_pages():
        pytest.skip("book/making.md (How this book is made) is not in the book yet")
    html = (book_html / making).read_text(encoding="utf8")
    for path in developer_pages():
        if path != making:
            target = os.path.relpath(path, Path(making).parent)
            assert f'href="{target}' in html, f"{making} does not link {path}"


def test_index_is_linked_from_every_sidebar_and_lists_every_definition(survey, browser, site):
    for path in PAGES:
        assert survey[(path, "1366")].nav["indexLink"] == 1, f"{path}: no link to the index in the sidebar"
    definitions = {
        re.sub(r"^Definition \S+ \((.*)\)$", r"\1", d)
        for p in toc_pages()
        for d in survey[(p, "1366")].nav["definitions"]
    }
    assert definitions, "no definitions found in the chapters"
    with offline_page(browser, site) as (page, watch):
        open_page(page, watch, "genindex.html")
        entries = page.evaluate(
            r"""async () => {
              const links = Array.from(document.querySelectorAll('article.bd-article table.indextable a'));
              const pages = {};
              for (const a of links) { const u = new URL(a.href); (pages[u.pathname] = pages[u.pathname] || []).push([u.hash.slice(1), a.textContent.trim()]); }
              const missing = [];
              for (const [p, list] of Object.entries(pages)) {
                const doc = new DOMParser().parseFromString(await (await fetch(p)).text(), 'text/html');
                for (const [id, text] of list) if (!doc.getElementById(id)) missing.push(`${p}#${id} (${text})`);
              }
              return {texts: links.map(a => a.textContent.trim()), missing};
            }"""
        )
        assert not watch.problems(), format_problems(watch.problems())
    assert len(entries["texts"]) >= 2 * len(definitions), f"the index has only {len(entries['texts'])} links"
    assert not entries["missing"], "index links to nothing:\n  " + "\n  ".join(entries["missing"])
    listed = " | ".join(entries["texts"]).lower()
    absent = sorted(d for d in definitions if d.lower() not in listed)
    assert not absent, f"definitions missing from the index: {absent}"


def test_touch_targets_are_at_least_44_px_on_a_phone(survey):
    """Buttons, the chapter list (opened) and the page's controls, at 390 px; links inside text are exempt (WCAG)."""
    for path in PAGES:
        checked = survey[(path, "390")].targets["checked"]
        # The menu was opened (its button tapped) before measuring: the chapter list is on screen.
        assert "menu button" in checked and checked.count("chapter list") >= 3, f"{path}: measured only {checked}"
    small = {path: survey[(path, "390")].targets["small"] for path in PAGES if survey[(path, "390")].targets["small"]}
    assert not small, "touch targets under 44 x 44 px:\n" + "\n".join(f"{p}:\n  " + "\n  ".join(t) for p, t in small.items())


# --- 4. small defects ------------------------------------------------------------


@pytest.mark.parametrize("width", ["390", "1366"])
def test_search_magnifier_leaves_the_query_clear(browser, site, width):
    """On the search page and in the header's search dialog, typed text starts after the magnifier."""
    device = dict(WIDTHS[width])
    viewport = device.pop("viewport")
    with offline_page(browser, site, width=viewport["width"], height=viewport["height"], **device) as (page, watch):
        open_page(page, watch, "search.html")
        form = page.locator(".bd-search-container form.bd-search")
        geo = form.evaluate(SEARCH_FIELD_JS)
        assert geo["iconWidth"] > 0 and geo["iconRight"] <= geo["textLeft"], fail_message(
            page, f"search-page-{width}", f"the magnifier ends at {geo['iconRight']:.0f}px, the query starts at {geo['textLeft']:.0f}px"
        )
        open_page(page, watch, "book/preface.html")
        buttons = [b for b in page.locator(".bd-header-article .search-button").all() if b.is_visible()]
        assert len(buttons) == 1, fail_message(page, f"search-button-{width}", f"{len(buttons)} visible search buttons in the header")
        buttons[0].click()
        dialog = page.locator("form.bd-search:visible")
        dialog.wait_for(state="visible")
        geo = dialog.evaluate(SEARCH_FIELD_JS)
        assert geo["iconRight"] <= geo["textLeft"], fail_message(
            page, f"search-dialog-{width}", f"in the dialog the magnifier ends at {geo['iconRight']:.0f}px, the query starts at {geo['textLeft']:.0f}px"
        )
        assert not watch.problems(), format_problems(watch.problems())


def test_solution_titles_read_as_their_exercises(survey):
    """"Solution to Exercise 6.1 (Conceptual: “almost certainly” smaller)": the exercise's own words and quotes."""
    solutions = [(p, s) for p in toc_pages() for s in survey[(p, "1366")].solutions]
    assert solutions, "no solutions found"
    for path, s in solutions:
        assert s["exercise"], f"{path}: solution {s['id']} does not point to its exercise"
        assert s["title"] == f"Solution to {s['exercise']}", f"{path}: {s['title']!r} is not 'Solution to ' + {s['exercise']!r}"
        assert '"' not in s["title"] and "'" not in s["title"], f"{path}: straight quotes in {s['title']!r}"


def test_tapping_a_solution_title_opens_it_in_place(browser, site):
    """On a phone, a tap on the exercise's name in "Solution to ..." opens the solution and stays there."""
    device = dict(WIDTHS["390"])
    viewport = device.pop("viewport")
    chapters = [p for p in toc_pages() if chapter_of(p) is not None]
    with offline_page(browser, site, width=viewport["width"], height=viewport["height"], **device) as (page, watch):
        for path in chapters:
            open_page(page, watch, path)
            solution = page.locator("article.bd-article div.solution").first
            if solution.count() == 0:
                continue
            name = solution.locator(".admonition-title .tl-solution-of")
            name.scroll_into_view_if_needed()
            assert "toggle-hidden" in (solution.get_attribute("class") or ""), f"{path}: the first solution is open before the tap"
            before = page.evaluate("() => [location.hash, scrollY]")
            box = name.bounding_box()
            # Where a finger lands: on the exercise's name (a locator's tap would refuse a
            # target that lets taps through to the title, as this one does on purpose).
            page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.wait_for_timeout(600)
            after = page.evaluate("() => [location.hash, scrollY]")
            opened = "toggle-hidden" not in (solution.get_attribute("class") or "")
            top = name.evaluate("el => el.getBoundingClientRect().top")
            assert opened, fail_message(page, "solution-tap", f"{path}: tapping the solution's title did not open it", watch)
            assert after[0] == before[0] and abs(after[1] - before[1]) < 5, fail_message(
                page, "solution-tap", f"{path}: the tap moved the page ({before} -> {after})", watch
            )
            assert 0 <= top < viewport["height"], f"{path}: the solution's title left the screen (top {top})"
        assert not watch.problems(), format_problems(watch.problems())


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_favicon_from_the_site(survey, path, site):
    for width in WIDTHS:
        rep = survey[(path, width)]
        icon = rep.nav["icon"]
        # Inline (book/_ext/tl_favicon.py), or a file of the site: never from elsewhere.
        assert icon and (icon.startswith("data:image/") or icon.startswith(site + "/")), f"{path} at {width} px: favicon {icon!r}"
        assert rep.icon["status"] == 200 and rep.icon["type"].startswith("image/"), f"{path}: favicon {icon} answered {rep.icon}"
        assert not rep.problems, f"{path} at {width} px:\n{format_problems(rep.problems)}"


# --- 5. the screenshots for review by eye ---------------------------------------


def test_screenshot_page_has_the_images_it_promises(book_html, tmp_path):
    """``scripts/screenshots.py`` on two pages: every chart and explorer at both widths, and each page's top."""
    pages = ["book/ch06_institutions.html", "search.html"]
    out = tmp_path / "shots"
    args = [sys.executable, str(ROOT / "scripts" / "screenshots.py"), "--site", str(book_html), "--out", str(out)]
    for p in pages:
        args += ["--page", p]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-4000:]
    index = out / "index.html"
    assert proc.stdout.strip().endswith(str(index)), proc.stdout
    html = index.read_text(encoding="utf8")
    sources = re.findall(r'<img src="([^"]+)"', html)
    assert sources, "the review page shows no image"
    for src in sources:
        png = out / src
        assert png.is_file() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{src} is not a PNG"
    # What the page promises: its top and each chart and explorer, at 1366 and 390 px (DPR 2).
    chapter = (book_html / pages[0]).read_text(encoding="utf8")
    article = chapter[chapter.index("<article") : chapter.index("</article>")]
    figures = len(re.findall(r"<figure\b", article))
    explorers = len(re.findall(r'<div class="tl-frames"', article))
    loose = len(re.findall(r'<div class="cell_output[^"]*">\s*<img\b', article))
    expected = 2 * (1 + figures + explorers + loose)
    shown = [s for s in sources if Path(s).name.startswith("book-ch06-institutions-")]
    assert figures + explorers >= 3, "the chapter has too few charts for this check"
    assert len(shown) == expected, f"{len(shown)} images of the chapter, expected {expected} ({figures} figures, {explorers} explorers, {loose} output images, and the top, at two widths)"
    widths = {int.from_bytes((out / s).read_bytes()[16:20], "big") for s in shown if "-top-" in s}
    assert widths == {1366 * 2, 390 * 2}, f"page tops are {widths} px wide, expected 2732 and 780 (DPR 2)"
    assert any(Path(s).name.startswith("search-top-") for s in sources)
