"""The chapter contract (CONTRIBUTING.md), checked on the built HTML of every chapter.

Every chapter page (``book/ch*`` in ``_toc.yml``) has two layers: the **core**,
everything before the section labelled ``chNN-deeper``, and **Going deeper**,
that section, the page's last ``##`` section. Checked here:

* the core: an "Objectives" admonition; a section "Common misconceptions" with
  its admonition; a section "Putnam's claims in this section" with a table
  ``Claim | Page | Where shown | Status`` in which every row has a page number,
  a status among the three phrases, and at least one internal link in "Where
  shown" whose target (page and ``#id``) exists in the built site; a section
  "Exercises" with 4 to 6 exercises whose titles open with one of the core
  kinds (Case, Conceptual, Critique, Explorer), each kind at least once; no
  ``prf`` directive (definitions, propositions, proofs belong to the deeper
  layer); every code cell folded or removed; no printed (stream) output;
* Going deeper: a section "Robustness" with a table, and a section "Exercises
  for formal readers" with at least two exercises of the kinds Derivation and
  Computational, each at least once; every proposition or theorem in it is
  linked from the core;
* the whole page: no developer material (test paths, the benchmarks page,
  "in preparation") and no mention of a chapter that is not in ``_toc.yml``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from .chapters import ROOT, toc_chapters


CLAIMS_HEADING = "Putnam's claims in this section"
COLUMNS = ["Claim", "Page", "Where shown", "Status"]
STATUSES = {"the text says", "the model adds", "the model qualifies"}
CORE_KINDS = ("Conceptual", "Case", "Explorer", "Critique")
DEEPER_KINDS = ("Derivation", "Computational")
KIND_IN_TITLE = re.compile(r"\(\s*\(?\s*(" + "|".join(CORE_KINDS + DEEPER_KINDS) + r")\s*:")
PRF_KINDS = {"definition", "proposition", "theorem", "lemma", "corollary", "proof", "axiom", "conjecture",
             "criterion", "remark", "example", "property", "observation", "assumption", "algorithm"}
CHAPTER_MENTION = re.compile(r"\bChapters?\s+(\d+)((?:\s*(?:[–,-]|and|or|to)\s*\d+)*)")
DEVELOPER = re.compile(r"tests/|test_\w+\.py|benchmarks\.html|\bin preparation\b|earlier version of this chapter", re.I)
PAGE_NUMBER = re.compile(r"\b\d{3}\b")


CHAPTERS = toc_chapters()


def norm(text: str) -> str:
    """Text as written in the source: straight quotes, no header-link '#', single spaces."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00b6", "")
    text = re.sub(r"\s+", " ", text).strip()
    return text[:-1].rstrip() if text.endswith("#") else text


@cache
def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf8"), "html.parser")


@cache
def ids(path: Path) -> frozenset[str]:
    return frozenset(t["id"] for t in soup(path).find_all(id=True))


def page(built_book, chapter: str) -> tuple[Path, BeautifulSoup]:
    path = built_book.html / f"{chapter}.html"
    assert path.is_file(), f"{chapter}: no built page at {path} (build log tail: {built_book.log[-1500:]})"
    return path, soup(path)


def section(doc: BeautifulSoup, heading: str) -> Tag | None:
    for sec in doc.find_all("section"):
        h = sec.find(re.compile(r"^h[1-6]$"))
        if h is not None and norm(h.get_text()) == heading:
            return sec
    return None


def admonition(doc: BeautifulSoup, title: str) -> Tag | None:
    for div in doc.select("div.admonition"):
        t = div.find(class_="admonition-title")
        if t is not None and norm(t.get_text()) == title:
            return div
    return None


def resolve(page_path: Path, href: str, site: Path) -> tuple[Path, str]:
    parts = urlsplit(href)
    target = page_path if not parts.path else (page_path.parent / unquote(parts.path)).resolve()
    assert site.resolve() in target.resolve().parents or target.resolve() == site.resolve(), href
    return target, unquote(parts.fragment)


def claims_rows(doc: BeautifulSoup, chapter: str) -> list[list[Tag]]:
    sec = section(doc, CLAIMS_HEADING)
    assert sec is not None, f"{chapter}: no section headed {CLAIMS_HEADING!r}"
    table = sec.find("table")
    assert table is not None, f"{chapter}: the claims section has no table"
    header = [norm(th.get_text()) for th in table.select("thead th")]
    assert header == COLUMNS, f"{chapter}: claims table columns {header}, expected {COLUMNS}"
    rows = [tr.find_all("td") for tr in table.select("tbody tr")]
    assert rows, f"{chapter}: the claims table has no rows"
    return rows


def claims_problems(path: Path, doc: BeautifulSoup, chapter: str, site: Path) -> list[str]:
    """Everything wrong with the claims table of one built page (empty if nothing)."""
    problems = []
    for i, cells in enumerate(claims_rows(doc, chapter), start=1):
        if len(cells) != len(COLUMNS):
            problems.append(f"row {i}: {len(cells)} cells")
            continue
        claim, page_no, where, status = cells
        label = f"row {i} ({norm(claim.get_text())[:50]!r})"
        if not PAGE_NUMBER.search(page_no.get_text()):
            problems.append(f"{label}: no page number in {norm(page_no.get_text())!r}")
        if norm(status.get_text()) not in STATUSES:
            problems.append(f"{label}: status {norm(status.get_text())!r} not one of {sorted(STATUSES)}")
        links = [a for a in where.find_all("a") if "reference" in a.get("class", []) and "internal" in a.get("class", [])]
        if not links:
            problems.append(f"{label}: no internal link in 'Where shown'")
        for a in links:
            href = a.get("href", "")
            target, fragment = resolve(path, href, site)
            if not target.is_file():
                problems.append(f"{label}: link {href!r} points to a missing page")
            elif fragment and fragment not in ids(target):
                problems.append(f"{label}: link {href!r}: no element with id {fragment!r} on {target.name}")
    return problems


def test_the_checker_catches_bad_rows(tmp_path):
    """The checker itself: a good row passes; a missing page number, an unknown
    status, a row without a link and links to missing targets are reported."""
    (tmp_path / "other.html").write_text('<p id="there">x</p>', encoding="utf8")
    ref = '<a class="reference internal" href="{}">x</a>'
    rows = [
        ("437", ref.format("#here"), "the text says"),
        ("", ref.format("#here"), "the text says"),
        ("438", ref.format("#here"), "the model proves"),
        ("439", "no link", "the model adds"),
        ("440", ref.format("#nowhere"), "the model qualifies"),
        ("441", ref.format("other.html#there") + ref.format("missing.html#x"), "the text says"),
    ]
    body = "".join(f"<tr><td>c{i}</td><td>{p}</td><td>{w}</td><td>{s}</td></tr>" for i, (p, w, s) in enumerate(rows))
    html = (
        f'<p id="here"></p><section><h2>{CLAIMS_HEADING}<a class="headerlink">#</a></h2><table><thead><tr>'
        + "".join(f"<th>{c}</th>" for c in COLUMNS)
        + f"</tr></thead><tbody>{body}</tbody></table></section>"
    )
    path = tmp_path / "chapter.html"
    path.write_text(html, encoding="utf8")
    problems = claims_problems(path, BeautifulSoup(html, "html.parser"), "test", tmp_path)
    assert [p.split(":")[0] for p in problems] == [
        "row 2 ('c1')",
        "row 3 ('c2')",
        "row 4 ('c3')",
        "row 5 ('c4')",
        "row 6 ('c5')",
    ], problems
    assert "no page number" in problems[0] and "not one of" in problems[1]
    assert "no internal link" in problems[2] and "'nowhere'" in problems[3] and "missing page" in problems[4]


def key(chapter: str) -> str:
    """``ch04`` for ``book/ch04_win_sets``: the prefix of the chapter's labels."""
    return Path(chapter).name[:4]


@cache
def layers(path: Path, chapter: str) -> tuple[Tag, Tag]:
    """``(core, deeper)`` of a built chapter page: the article body without, and the section labelled ``chNN-deeper``."""
    doc = BeautifulSoup(path.read_text(encoding="utf8"), "html.parser")
    article = doc.find("article") or doc
    anchor = article.find(id=f"{key(chapter)}-deeper")
    assert anchor is not None, f"{chapter}: no label ({key(chapter)}-deeper)= (the 'Going deeper' layer)"
    deeper = anchor if anchor.name == "section" else anchor.find_parent("section")
    assert deeper is not None, f"{chapter}: the label {key(chapter)}-deeper is not on a section"
    heading = deeper.find(re.compile(r"^h[1-6]$"))
    assert heading is not None and norm(heading.get_text()) == "Going deeper", (
        f"{chapter}: the section labelled {key(chapter)}-deeper is headed "
        f"{norm(heading.get_text()) if heading else None!r}, not 'Going deeper'"
    )
    assert heading.name == "h2", f"{chapter}: 'Going deeper' is an {heading.name}, not a ## section"
    later = [norm(s.find(re.compile(r"^h[1-6]$")).get_text()) for s in deeper.find_next_siblings("section")]
    assert not later, f"{chapter}: 'Going deeper' must be the last ## section; after it: {later}"
    deeper.extract()
    return article, deeper


def labelled_section(root: Tag, label: str) -> Tag | None:
    """The section that carries the label ``label`` (``(label)=`` before its heading)."""
    anchor = root.find(id=label)
    if anchor is None:
        return None
    return anchor if anchor.name == "section" else anchor.find_parent("section")


def exercise_titles(root: Tag) -> list[str]:
    divs = [d for d in root.select("div.admonition") if "exercise" in d.get("class", [])]
    return [norm(d.find(class_="admonition-title").get_text()) for d in divs]


def kind_problems(titles: list[str], allowed: tuple[str, ...], at_least: int, at_most: int | None) -> list[str]:
    """What is wrong with a layer's exercises: their number and their kinds."""
    problems = []
    if len(titles) < at_least or (at_most is not None and len(titles) > at_most):
        span = f"{at_least} to {at_most}" if at_most is not None else f"at least {at_least}"
        problems.append(f"{len(titles)} exercises, {span} required: {titles}")
    kinds = [m.group(1) if (m := KIND_IN_TITLE.search(t)) else None for t in titles]
    wrong = [t for t, k in zip(titles, kinds) if k not in allowed]
    if wrong:
        problems.append(f"exercises whose title does not open with one of {allowed} and a colon: {wrong}")
    absent = [k for k in allowed if k not in kinds]
    if absent:
        problems.append(f"no exercise of kind {absent}")
    return problems


def chapter_numbers() -> set[int]:
    return {int(key(c)[2:]) for c in toc_chapters()}


def mentioned_chapters(text: str) -> set[int]:
    """Chapter numbers named in ``text`` ("Chapter 4", "Chapters 4–7", "Chapters 5 and 6")."""
    found: set[int] = set()
    for m in CHAPTER_MENTION.finditer(text):
        numbers = [int(m.group(1))] + [int(n) for n in re.findall(r"\d+", m.group(2))]
        if len(numbers) == 2 and re.search(r"[–-]|to", m.group(2)):
            numbers = list(range(numbers[0], numbers[1] + 1))
        found.update(numbers)
    return found


def test_mentioned_chapters():
    assert mentioned_chapters("see Chapter 4, Chapters 5–7 and Chapters 9 and 10; chapter 2") == {4, 5, 6, 7, 9, 10}


def test_kind_problems():
    good = ["Exercise 4.1 (Case: Panama)", "Exercise 4.2 (Conceptual: why)", "Exercise 4.3 (Explorer: move)",
            "Exercise 4.4 (Critique: assume)"]
    assert kind_problems(good, CORE_KINDS, 4, 6) == []
    problems = kind_problems(good[:3] + ["Exercise 4.4 (Derivation: the clamp)"], CORE_KINDS, 4, 6)
    assert len(problems) == 2 and "Derivation" in problems[0] and "Critique" in problems[1], problems
    assert "7 exercises" in kind_problems(good + good[:3], CORE_KINDS, 4, 6)[0]


@pytest.mark.slow
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_claims_table_rows_have_page_status_and_resolving_links(built_book, chapter):
    path, doc = page(built_book, chapter)
    problems = claims_problems(path, doc, chapter, built_book.html)
    assert not problems, f"{chapter}:\n" + "\n".join(problems)


@pytest.mark.slow
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_core_parts(built_book, chapter):
    """Objectives, misconceptions, claims and exercises are in the core, under their labels."""
    path, _ = page(built_book, chapter)
    core, _ = layers(path, chapter)
    k = key(chapter)
    missing = []
    if admonition(core, "Objectives") is None:
        missing.append("admonition 'Objectives'")
    misconceptions = section(core, "Common misconceptions")
    if misconceptions is None or admonition(misconceptions, "Common misconceptions") is None:
        missing.append("section 'Common misconceptions' with its admonition")
    for label, heading in ((f"{k}-claims", CLAIMS_HEADING), (f"{k}-exercises", "Exercises")):
        sec = labelled_section(core, label)
        if sec is None or norm(sec.find(re.compile(r"^h[1-6]$")).get_text()) != heading:
            missing.append(f"section {heading!r} labelled ({label})= before 'Going deeper'")
    assert not missing, f"{chapter}: missing " + ", ".join(missing)


@pytest.mark.slow
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_core_exercises_for_ir_students(built_book, chapter):
    path, _ = page(built_book, chapter)
    core, _ = layers(path, chapter)
    sec = labelled_section(core, f"{key(chapter)}-exercises")
    assert sec is not None, f"{chapter}: no section labelled ({key(chapter)}-exercises)="
    assert exercise_titles(core) == exercise_titles(sec), f"{chapter}: core exercises outside 'Exercises'"
    problems = kind_problems(exercise_titles(sec), CORE_KINDS, 4, 6)
    assert not problems, f"{chapter} (core): " + "; ".join(problems)


@pytest.mark.slow
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_deeper_robustness_and_exercises(built_book, chapter):
    path, _ = page(built_book, chapter)
    _, deeper = layers(path, chapter)
    k = key(chapter)
    robustness = labelled_section(deeper, f"{k}-robustness")
    assert robustness is not None and robustness.find("table") is not None, (
        f"{chapter}: Going deeper has no section labelled ({k}-robustness)= with a table"
    )
    sec = labelled_section(deeper, f"{k}-deeper-exercises")
    assert sec is not None, f"{chapter}: Going deeper has no section labelled ({k}-deeper-exercises)="
    heading = norm(sec.find(re.compile(r"^h[1-6]$")).get_text())
    assert heading == "Exercises for formal readers", f"{chapter}: the deeper exercises are headed {heading!r}"
    problems = kind_problems(exercise_titles(deeper), DEEPER_KINDS, 2, None)
    assert not problems, f"{chapter} (Going deeper): " + "; ".join(problems)


@pytest.mark.slow
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_core_is_for_ir_students(built_book, chapter):
    """No formal objects, no visible code, no printed output in the core; deeper results linked from it."""
    path, _ = page(built_book, chapter)
    core, deeper = layers(path, chapter)
    problems = []
    for div in core.select("div.proof"):
        kinds = sorted(set(div.get("class", [])) & PRF_KINDS) or ["proof"]
        problems.append(f"a prf {kinds[0]} ({div.get('id')}) in the core")
    for cell in core.select("div.cell"):
        for inp in cell.select("div.cell_input"):
            if inp.find_parent("details") is None:
                code = norm(inp.get_text())[:60]
                problems.append(f"a code cell shown openly in the core ({code!r}): fold it (hide-input) or remove it")
    for out in core.select("div.output.stream"):
        problems.append(f"printed output in the core ({norm(out.get_text())[:60]!r}): show a table or a chart")
    core_links = {unquote(urlsplit(a.get("href", "")).fragment) for a in core.find_all("a", href=True)}
    for div in deeper.select("div.proof"):
        if {"proposition", "theorem"} & set(div.get("class", [])) and div.get("id") not in core_links:
            problems.append(f"{div.get('id')} in Going deeper is not linked from the core")
    assert not problems, f"{chapter}:\n" + "\n".join(problems)


@pytest.mark.slow
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_developer_material_and_no_missing_chapters(built_book, chapter):
    path, doc = page(built_book, chapter)
    article = doc.find("article") or doc
    text = article.get_text(" ")
    hrefs = " ".join(a.get("href", "") for a in article.find_all("a", href=True))
    developer = sorted({m.group(0) for m in DEVELOPER.finditer(text + " " + hrefs)})
    assert not developer, f"{chapter}: developer material in the chapter: {developer}"
    missing = sorted(mentioned_chapters(norm(text)) - chapter_numbers())
    assert not missing, f"{chapter}: mentions Chapter(s) {missing}, not in _toc.yml"


def test_layers_split_a_page_at_going_deeper(tmp_path):
    html = (
        "<article><section id='t'><h1>T</h1><p>core text</p>"
        "<section id='ex'><span id='ch04-exercises'></span><h2>Exercises</h2></section>"
        "<section id='going-deeper'><span id='ch04-deeper'></span><h2>Going deeper</h2>"
        "<div class='proof proposition admonition' id='prop-x'><p>deep</p></div></section>"
        "</section></article>"
    )
    path = tmp_path / "ch04_x.html"
    path.write_text(html, encoding="utf8")
    core, deeper = layers(path, "book/ch04_x")
    assert "core text" in core.get_text() and "deep" not in core.get_text()
    assert deeper.select_one("#prop-x") is not None
    assert labelled_section(core, "ch04-exercises")["id"] == "ex"
    path.write_text(html.replace("</section></section></article>", "</section><section><h2>After</h2></section></section></article>"), encoding="utf8")
    with pytest.raises(AssertionError, match="last ## section"):
        layers.__wrapped__(path, "book/ch04_x")
