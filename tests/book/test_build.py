"""The strict book build: clean log, every page built, nothing loaded from the network.

Uses the session fixture ``built_book`` (tests/conftest.py), which runs the
README's ``bash scripts/build.sh`` (``jupyter-book build . -W -n --keep-going
--all``) once per test session.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

pytestmark = pytest.mark.slow

CHAPTER_WITH_EXPLORERS = "book/ch04_win_sets"
EXTERNAL = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)  # http://, https:// and protocol-relative //
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:)?//[^'")\s]+)""", re.IGNORECASE)


def toc_files(root: Path) -> list[str]:
    """Every document listed in _toc.yml (root, parts, chapters, sections), without suffix."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf8"))
    found = [toc["root"]]

    def walk(entries: list[dict]) -> None:
        for entry in entries or []:
            if "file" in entry:
                found.append(entry["file"])
            walk(entry.get("sections", []))
            walk(entry.get("chapters", []))

    walk(toc.get("parts", []))
    walk(toc.get("chapters", []))
    return [str(Path(f).with_suffix("")) if Path(f).suffix in {".md", ".ipynb"} else f for f in found]


class _Resources(HTMLParser):
    """Collects what a page loads (not what it merely links to) and its div classes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[tuple[str, str]] = []  # (what, url)
        self.scripts: list[str] = []
        self.div_classes: list[list[str]] = []
        self.css: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "div":
            self.div_classes.append(a.get("class", "").split())
        if tag == "script" and "src" in a:
            self.scripts.append(a["src"])
        for key in ("src", "data", "poster"):
            if key in a and tag not in {"a"}:
                self.loads.append((f"<{tag} {key}>", a[key]))
        if "srcset" in a:
            for part in a["srcset"].split(","):
                if part.strip():
                    self.loads.append((f"<{tag} srcset>", part.split()[0]))
        if tag == "link" and "href" in a:
            self.loads.append((f"<link rel={a.get('rel', '')}>", a["href"]))
        if "style" in a:
            self.css.append(a["style"])
        if tag == "style":
            self._in_style = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.css.append(data)


def parse(page: Path) -> _Resources:
    p = _Resources()
    p.feed(page.read_text(encoding="utf8"))
    p.close()
    return p


def html_pages(built_book) -> list[Path]:
    return sorted(built_book.html.rglob("*.html"))


def test_build_succeeds_without_warnings(built_book):
    assert built_book.returncode == 0, built_book.log[-5000:]
    bad = [line for line in built_book.log.splitlines() if re.search(r"\b(WARNING|ERROR)\b", line)]
    assert not bad, "\n".join(bad[:30])


def test_every_toc_page_is_built(built_book, root):
    files = toc_files(root)
    assert files, "_toc.yml lists no pages"
    missing = [f for f in files if not (built_book.html / f"{f}.html").is_file()]
    assert not missing, f"pages in _toc.yml without HTML: {missing}"
    assert (built_book.html / "index.html").is_file()


def test_no_page_loads_anything_from_the_network(built_book):
    pages = html_pages(built_book)
    assert pages
    offending = []
    for page in pages:
        res = parse(page)
        rel = page.relative_to(built_book.html)
        offending += [f"{rel}: {what} {url}" for what, url in res.loads if EXTERNAL.match(url)]
        offending += [f"{rel}: css url({m})" for css in res.css for m in CSS_URL.findall(css)]
    for css in sorted(built_book.html.rglob("*.css")):
        text = css.read_text(encoding="utf8", errors="replace")
        offending += [f"{css.relative_to(built_book.html)}: css url({m})" for m in CSS_URL.findall(text)]
    assert not offending, "\n".join(offending[:30])


MATHS_SCRIPT = re.compile(r"mathjax|katex|tex-(?:chtml|svg|mml)", re.IGNORECASE)
KATEX_FONT = re.compile(r"url\((fonts/KaTeX_[\w-]+\.woff2)\)")


def test_maths_is_rendered_at_build_time_and_styled_by_the_site(built_book):
    """KaTeX renders every formula when the book is built: pages load no maths script,
    only KaTeX's stylesheet and fonts, served by the site itself."""
    pages = [p for p in html_pages(built_book) if p.name not in {"genindex.html", "search.html"}]
    scripts = [f"{p.name}: {s}" for p in pages for s in parse(p).scripts if MATHS_SCRIPT.search(s)]
    assert not scripts, f"pages load a maths script: {scripts}"
    chapter = built_book.html / f"{CHAPTER_WITH_EXPLORERS}.html"
    text = chapter.read_text(encoding="utf8")
    assert text.count('class="katex"') >= 10, "the chapter's maths was not rendered by KaTeX"
    assert "<math" in text, "KaTeX's MathML (read by screen readers) is missing"
    errors = [p.name for p in pages if "katex-error" in p.read_text(encoding="utf8")]
    assert not errors, f"KaTeX could not render some maths on: {errors}"
    css = [u for what, u in parse(chapter).loads if what.startswith("<link") and "katex.min.css" in u]
    assert len(css) == 1 and not EXTERNAL.match(css[0]), f"KaTeX's stylesheet: {css}"
    sheet = (chapter.parent / unquote(urlsplit(css[0]).path)).resolve()
    fonts = KATEX_FONT.findall(sheet.read_text(encoding="utf8"))
    assert len(fonts) >= 10, f"no woff2 fonts named in {sheet}"
    missing = [f for f in fonts if not (sheet.parent / f).is_file()]
    assert not missing, f"KaTeX fonts missing from the site: {missing}"


@pytest.mark.parametrize("chapter", [CHAPTER_WITH_EXPLORERS, "book/ch05_preferences"])
def test_chapter_has_a_static_explorer(built_book, chapter):
    page = built_book.html / f"{chapter}.html"
    explorers = [c for c in parse(page).div_classes if "tl-frames" in c]
    assert explorers, f"no div.tl-frames in {page.name}"
    # the frames are files of the site (twolevel.viz.frames as a Sphinx extension), not page data
    # (the head's favicon is inline on purpose: book/_ext/tl_favicon.py)
    text = page.read_text(encoding="utf8")
    assert "data:image/" not in text[text.index("<body") :], f"{page.name} inlines image data"
    payloads = re.findall(r'<script type="application/json" class="tl-frames-data">(.*?)</script>', text, re.S)
    assert len(payloads) == len(explorers)
    for payload in payloads:
        frames = json.loads(payload)["frames"]
        missing = [f for f in frames if not (page.parent / f).resolve().is_file()]
        assert frames and not missing, f"{page.name}: frame files missing: {missing[:3]}"
