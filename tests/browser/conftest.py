"""Fixtures shared by the browser tests: the built book served on 127.0.0.1, its page list, a browser, a page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from browser_support import chromium, offline_page, serve

ROOT = Path(__file__).resolve().parents[2]

# Pages Sphinx writes besides the ones in _toc.yml; a reader can reach them all.
GENERATED_PAGES = ["genindex.html", "search.html"]


def toc_pages() -> list[str]:
    """Every page of _toc.yml as its built path (``book/preface.html``), in reading order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf8"))
    found = [toc["root"]]

    def walk(entries: list[dict] | None) -> None:
        for entry in entries or []:
            if "file" in entry:
                found.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))

    walk(toc.get("parts"))
    walk(toc.get("chapters"))
    return [str(Path(f).with_suffix("")) + ".html" for f in found]


def every_page() -> list[str]:
    """The pages every reader-facing check runs on: the table of contents, then Sphinx's own pages."""
    return toc_pages() + GENERATED_PAGES


@pytest.fixture(scope="session")
def book_html(built_book) -> Path:
    """The built site's folder; fails (not skips) if the strict build failed."""
    if built_book.returncode != 0:
        pytest.fail(f"jupyter-book build failed (exit {built_book.returncode}):\n{built_book.log[-8000:]}")
    return built_book.html


@pytest.fixture(scope="session")
def book_site(book_html) -> Iterator[str]:
    """``http://127.0.0.1:PORT`` serving the built book for the whole session."""
    with serve(book_html) as origin:
        yield origin


@pytest.fixture(scope="module")
def site(book_site) -> str:
    """The served book's origin, under the name the chapter tests use."""
    return book_site


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright, shared by a module's tests (skips if absent)."""
    with chromium() as b:
        yield b


@pytest.fixture
def page_and_watch(browser, site):
    """A fresh offline page at 1280 x 900 and its :class:`PageWatch`; the context is closed afterwards."""
    with offline_page(browser, site) as (page, watch):
        yield page, watch
