"""The PDF edition (``bash scripts/build.sh --pdf``, i.e. scripts/pdf.sh), opened with pypdf.

The PDF is printed from the run's built book (``--pdf --built``, the
``built_book`` fixture), not from a second build.

Checks that every reader's page of _toc.yml (not the developer appendix) is in it with its title (as text and as a
bookmark), every figure of every chapter (as an image on the chapter's pages,
and its caption), each explorer as its default figure with the sentence on
where to move it, solutions collected at the end of their chapter with no
"Click to hide" toggle labels, and cross-references and citations as links
inside the PDF (never to the local server that printed it).
"""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from browser_support import require_chromium

pypdf = pytest.importorskip("pypdf")

pytestmark = pytest.mark.slow

EXPLORER_NOTE = "Printed at its default settings"


def _squash(text: str) -> str:
    """Text without whitespace: PDF extraction joins or splits lines at will."""
    return re.sub(r"\s+", "", html.unescape(text))


@dataclass
class Chapter:
    path: str  # built page, e.g. book/ch04_win_sets.html
    title: str
    images: int  # <img> in the article, explorers included
    captions: list[str]  # first words of each figure caption ("Chart 1 Figure 1 of Putnam")
    explorers: int
    solutions: int


def _chapters(root: Path, html_dir: Path) -> list[Chapter]:
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf8"))
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf8"))
    developer_parts = set(config["sphinx"]["config"]["tl_developer_parts"])  # online only, not in the PDF
    parts = toc.get("parts", [{"chapters": toc.get("chapters", [])}])
    docs = [toc["root"]] + [c["file"] for part in parts if part.get("caption") not in developer_parts for c in part["chapters"]]
    assert len(docs) > 1 and not any(d.startswith("book/api/") for d in docs)
    out = []
    for doc in docs:
        path = str(Path(doc).with_suffix("")) + ".html"
        page = (html_dir / path).read_text(encoding="utf8")
        article = page[page.index("<article") : page.index("</article>")]
        title = re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", article, re.S).group(1)).replace("#", "").strip()
        captions = [
            " ".join(re.sub(r"<[^>]+>", " ", c).split()[:6])
            for c in re.findall(r"<figcaption>(.*?)</figcaption>", article, re.S)
        ]
        out.append(
            Chapter(
                path=path,
                title=html.unescape(title),
                # Raster pictures only (the explorers' frames): Chromium prints an SVG chart as vector
                # drawing, not as an image; the charts are checked by their captions below.
                images=len([i for i in re.findall(r"<img\b[^>]*>", article) if not re.search(r'src="[^"]*\.svg"', i)]),
                captions=[html.unescape(c) for c in captions],
                explorers=len(re.findall(r'<div class="tl-frames"', article)),
                solutions=len(re.findall(r'<div class="solution\b', article)),
            )
        )
    return out


@pytest.fixture(scope="module")
def pdf_edition(root, built_book):
    # Chromium prints the PDF: without one this is a browser test not run (browser_support).
    require_chromium()
    assert built_book.returncode == 0, built_book.log[-3000:]
    # The run's own build is printed (--built): a rebuild here would replace _build/html
    # under the browser tests reading it on the other workers, and cost a whole build.
    proc = subprocess.run(
        ["bash", str(root / "scripts" / "build.sh"), "--pdf", "--built"], cwd=root, capture_output=True, text=True, timeout=1800
    )
    assert proc.returncode == 0, f"build.sh --pdf failed ({proc.returncode}):\n{proc.stderr[-6000:]}"
    path = Path(proc.stdout.strip().splitlines()[-1])
    assert path.is_file() and path.suffix == ".pdf", proc.stdout
    reader = pypdf.PdfReader(path)
    chapters = _chapters(root, root / "_build" / "html")
    # Each chapter's pages: from its bookmark to the next chapter's.
    tops = {_squash(o.title): reader.get_destination_page_number(o) for o in reader.outline if not isinstance(o, list)}
    starts = []
    for ch in chapters:
        assert _squash(ch.title) in tops, f"no bookmark for {ch.title!r}; top-level bookmarks: {list(tops)}"
        starts.append(tops[_squash(ch.title)])
    assert starts == sorted(starts), f"chapters out of order: {list(zip([c.title for c in chapters], starts))}"
    bounds = list(zip(starts, starts[1:] + [len(reader.pages)]))
    texts = [page.extract_text() or "" for page in reader.pages]
    return reader, chapters, bounds, texts


def test_every_chapter_title_is_in_the_pdf(pdf_edition):
    reader, chapters, bounds, texts = pdf_edition
    assert len(chapters) >= 4
    for ch, (a, b) in zip(chapters, bounds):
        assert _squash(ch.title) in _squash(texts[a]), f"{ch.title!r} is not on its first page ({a + 1})"


def test_every_figure_is_in_its_chapter(pdf_edition):
    reader, chapters, bounds, texts = pdf_edition
    assert sum(ch.images for ch in chapters) >= 3, "the chapters have no raster pictures to check"
    assert sum(len(ch.captions) for ch in chapters) >= 8, "the chapters have no captioned charts to check"
    for ch, (a, b) in zip(chapters, bounds):
        images = sum(len(reader.pages[i].images) for i in range(a, b))
        assert images >= ch.images, f"{ch.title}: {ch.images} images in the HTML, {images} on its PDF pages {a + 1}-{b}"
        body = _squash("".join(texts[a:b]))
        for caption in ch.captions:
            assert _squash(caption) in body, f"{ch.title}: caption {caption!r} not found on pages {a + 1}-{b}"


def test_explorers_print_their_default_figure_and_where_to_move_them(pdf_edition):
    reader, chapters, bounds, texts = pdf_edition
    assert sum(ch.explorers for ch in chapters) >= 2
    for ch, (a, b) in zip(chapters, bounds):
        notes = _squash("".join(texts[a:b])).count(_squash(EXPLORER_NOTE))
        assert notes == ch.explorers, f"{ch.title}: {ch.explorers} explorers, {notes} print notes"


def test_solutions_are_collected_at_the_end_of_each_chapter(pdf_edition):
    reader, chapters, bounds, texts = pdf_edition
    whole = _squash("".join(texts))
    for label in ("Click to hide", "Click to show", "Show code cell source"):
        assert _squash(label) not in whole, f"{label!r} printed"
    for ch, (a, b) in zip(chapters, bounds):
        body = _squash("".join(texts[a:b]))
        heading = _squash("Solutions to the exercises")
        if ch.solutions:
            assert heading in body, f"{ch.title}: no 'Solutions to the exercises'"
            tail = body[body.index(heading) :]
            assert tail.count(_squash("Solution to")) == ch.solutions, f"{ch.title}: solutions not all after the heading"
            assert _squash("Solution to") not in body[: body.index(heading)], f"{ch.title}: a solution left in the text"
            pointers = body[: body.index(heading)].count(_squash("Solution at the end of the chapter"))
            assert pointers == ch.solutions, f"{ch.title}: {pointers} exercises point to their solution, {ch.solutions} solutions"
        else:
            assert heading not in body


def _links(reader):
    for number, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A")
            action = action.get_object() if action is not None else {}
            yield number, annot.get("/Dest"), action


def test_cross_references_and_citations_are_links_inside_the_pdf(pdf_edition):
    reader, chapters, bounds, texts = pdf_edition
    named = reader.named_destinations
    links = list(_links(reader))
    assert len(links) >= 20, f"only {len(links)} links in the PDF"
    outside = [str(a.get("/URI")) for _, _, a in links if a.get("/S") == "/URI" and "127.0.0.1" in str(a.get("/URI"))]
    assert not outside, f"links to the server that printed the book: {outside[:5]}"
    targets = []
    for number, dest, action in links:
        if dest is None and action.get("/S") == "/GoTo":
            dest = action.get("/D")
        if dest is None:
            continue
        name = str(dest)
        assert name in named, f"link on page {number + 1} to a missing destination {name!r}"
        targets.append((number, reader.get_destination_page_number(named[name])))
    bib = next(i for i, ch in enumerate(chapters) if ch.path.endswith("references.html"))
    a, b = bounds[bib]
    citations = [(src, dst) for src, dst in targets if a <= dst < b and not a <= src < b]
    assert citations, "no citation in the chapters links to the bibliography"
    between = [(src, dst) for src, dst in targets if src != dst]
    assert len(between) >= 10, f"only {len(between)} links lead to another page"
