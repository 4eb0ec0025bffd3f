"""Printing a single page (what Ctrl+P gives a reader): Chromium prints each chapter to PDF.

The printed chapter keeps its title, omits its solutions (sphinx-togglebutton
would print them opened under "Click to hide" labels; the PDF edition collects
them at the end of each chapter instead), shows each explorer's default figure
with its sliders' names and values but not the dead sliders, and says where to
move them (book/_assets/tl-reader.css, @media print).
"""

from __future__ import annotations

import io
import re

import pytest

from browser_support import PageWatch, chromium, format_problems, settle, wait_for_mathjax

from .conftest import toc_pages

pypdf = pytest.importorskip("pypdf")

pytestmark = pytest.mark.slow

CHAPTERS = [p for p in toc_pages() if "/ch" in p]

STATE_JS = r"""() => {
  const shown = el => { const s = getComputedStyle(el); return s.display !== 'none' && s.visibility !== 'hidden' && el.getClientRects().length > 0; };
  const frames = Array.from(document.querySelectorAll('.tl-frames'));
  return {
    title: shown(document.querySelector('article.bd-article h1')),
    solutions: Array.from(document.querySelectorAll('div.solution')).filter(shown).length,
    sliders: Array.from(document.querySelectorAll('.tl-frames input[type=range]')).filter(shown).length,
    labels: Array.from(document.querySelectorAll('.tl-frames .tl-frames-label')).filter(shown).length,
    images: frames.filter(f => { const img = f.querySelector('img'); return img && shown(img) && img.naturalWidth > 0; }).length,
    notes: frames.map(f => getComputedStyle(f, '::after').content),
    explorers: frames.length,
    toggles: Array.from(document.querySelectorAll('button.toggle-button')).filter(shown).length,
    chrome: Array.from(document.querySelectorAll('.bd-sidebar-primary, .bd-sidebar-secondary, .bd-header-article, .prev-next-area')).filter(shown).length,
  };
}"""


@pytest.fixture(scope="module")
def printed(book_site):
    """Each chapter loaded once, its print-media state and its PDF text."""
    out = {}
    with chromium() as browser:
        watch = PageWatch(book_site)
        context = browser.new_context(service_workers="block", viewport={"width": 1366, "height": 900})
        watch.attach(context)
        page = context.new_page()
        watch.watch(page)
        for path in CHAPTERS:
            page.goto(f"{book_site}/{path}")
            wait_for_mathjax(page)
            settle(page)
            page.emulate_media(media="print")
            state = page.evaluate(STATE_JS)
            pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
            text = " ".join((p.extract_text() or "") for p in pdf.pages)
            page.emulate_media(media="screen")
            out[path] = (state, re.sub(r"\s+", " ", text), watch.problems())
            watch.clear()
        context.close()
    return out


@pytest.mark.parametrize("path", CHAPTERS)
def test_printed_chapter(printed, path):
    state, text, problems = printed[path]
    assert not problems, format_problems(problems)
    assert state["title"], f"{path}: the chapter title is not printed"
    assert state["chrome"] == 0, f"{path}: {state['chrome']} pieces of site chrome printed"
    assert state["solutions"] == 0 and state["toggles"] == 0, f"{path}: solutions or toggle buttons printed: {state}"
    for label in ("Click to hide", "Click to show", "Show code cell source"):
        assert label not in text, f"{path}: {label!r} printed"
    assert state["explorers"] == state["images"], f"{path}: explorers without their default figure: {state}"
    assert state["sliders"] == 0, f"{path}: {state['sliders']} sliders printed"
    if state["explorers"]:
        assert state["labels"] > 0, f"{path}: the sliders' names are not printed"
        assert all("default settings" in n for n in state["notes"]), f"{path}: explorer notes {state['notes']}"
        assert "Printed at its default settings" in text


def test_the_chapters_have_explorers_to_print(printed):
    """The checks above are not vacuous: the chapters hold explorers and hidden solutions."""
    assert sum(state["explorers"] for state, _, _ in printed.values()) >= 2
    assert sum(state["labels"] for state, _, _ in printed.values()) >= 2
