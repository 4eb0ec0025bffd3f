#!/usr/bin/env python3
"""How long each chapter's core and "Going deeper" layers are, against the word budget.

The chapter contract (CONTRIBUTING.md, "The word budget") limits a chapter's
core, the part a student of international relations reads, to twice the words
of the article's pages it covers, and never below 2,500 words. This script
measures the core's running prose and the deeper layer of every chapter in
``_toc.yml`` and prints one row per chapter::

    .venv/bin/python scripts/chapter_length.py            # a Markdown table
    .venv/bin/python scripts/chapter_length.py --json     # the same rows as JSON

It exits with status 1 if a chapter's core is over its budget or a chapter has
no entry in :data:`ARTICLE`.

What counts: the markdown text of the chapter source before the label
``(chNN-deeper)=`` (the core) and after it (deeper), without code cells, the
claims-table section, the exercises section, exercise and solution blocks,
labels, directive options, comments and display maths. A glued value
(`` {glue:md}`key:myst` ``) and an inline formula count as one word each, a
citation as two, a cross-reference without its own text as two. Words are
runs of letters and digits (with inner hyphens and apostrophes).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

#: The article's pages behind each chapter and their words (the article's text
#: with its footnotes, counted with :data:`WORD` on the section's pages). The
#: article is not part of the repository; its page table is in the seeds'
#: README next to it.
ARTICLE: dict[str, tuple[str, int]] = {
    "ch01": ("427–430", 1550),
    "ch02": ("430–433", 1400),
    "ch03": ("433–435", 1000),
    "ch04": ("435–441", 3450),
    "ch05": ("442–448", 3100),
    "ch06": ("448–450", 1350),
    "ch07": ("450–452", 1450),
    "ch08": ("452–453", 800),
    "ch09": ("454–456", 1200),
    "ch10": ("456–459", 1600),
    "ch11": ("459–460", 650),
}
#: The core's budget: this many times the article's words, and at least FLOOR.
FACTOR = 2
FLOOR = 2500

WORD = re.compile(r"[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*")
ROLE = re.compile(r"\{([\w:-]+)\}`([^`]*)`")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
INLINE_MATH = re.compile(r"(?<!\$)\$(?!\$)[^$\n]+\$")
LABEL = re.compile(r"^\(([\w:.-]+)\)=\s*$")
#: Directives whose contents are not running prose (code, maths, exercises and
#: their solutions, generated lists); a fence without a directive is code too.
DROPPED_DIRECTIVES = {
    "code-cell", "code", "code-block", "sourcecode", "math", "raw", "raw-cell", "eval-rst",
    "exercise", "solution", "exercise-start", "exercise-end", "solution-start", "solution-end",
    "bibliography", "tableofcontents", "glue:figure", "glue:math", "glue", "literalinclude",
}
SKIPPED_SECTIONS = ("-claims", "-exercises", "-deeper-exercises")


@dataclass(frozen=True)
class Length:
    """One chapter's measurement (words)."""

    chapter: str
    pages: str
    article: int
    budget: int
    core: int
    deeper: int

    @property
    def ratio(self) -> float:
        """Core words per word of the article's pages."""
        return self.core / self.article

    @property
    def within(self) -> bool:
        return self.core <= self.budget


def budget(article_words: int) -> int:
    """The core's budget for pages of ``article_words`` words."""
    return max(FACTOR * article_words, FLOOR)


def _role_words(match: re.Match[str]) -> str:
    name, body = match.group(1), match.group(2)
    if name.startswith("glue"):
        return " W "
    explicit = re.match(r"^(.*?)\s*<[^>]*>$", body, re.S)
    if explicit and explicit.group(1).strip():
        return f" {explicit.group(1)} "
    if name.startswith("cite"):
        return " Author Year "
    if name in {"ref", "numref", "prf:ref", "doc", "eq", "term"}:
        return " Cross reference "
    return f" {body} "


def _fence(stripped: str) -> tuple[str, str | None] | None:
    """``(fence, directive name or None)`` if ``stripped`` opens a fence."""
    m = re.match(r"^(`{3,}|~{3,}|:{3,})\s*(?:\{([\w:-]+)\})?", stripped)
    if m is None or (m.group(1)[0] == ":" and m.group(2) is None):
        return None
    return m.group(1), m.group(2)


def _closes(stripped: str, fence: str) -> bool:
    return len(stripped) >= len(fence) and set(stripped) == {fence[0]}


def prose_lines(text: str) -> list[str | tuple[str, str]]:
    """The source's prose lines, with ``("label", name)`` markers for labels.

    Drops the front matter; code cells, code blocks and maths; exercise and
    solution blocks (whatever their contents); display maths; directive fence
    lines, options and comments. The contents of other directives
    (admonitions, ``prf`` statements, figures) are prose and are kept.
    """
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
        lines = lines[end + 1 :]
    out: list[str | tuple[str, str]] = []
    stack: list[tuple[str, str]] = []  # open fences: (fence, "prose" | "drop")
    options = False  # inside a directive's YAML option block
    in_math = False
    in_comment = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if options:
            options = stripped != "---"
            continue
        if stack and _closes(stripped, stack[-1][0]):
            stack.pop()
            continue
        opened = _fence(stripped)
        if opened is not None:
            fence, name = opened
            dropping = bool(stack) and stack[-1][1] == "drop"
            keep = not dropping and name is not None and name not in DROPPED_DIRECTIVES
            stack.append((fence, "prose" if keep else "drop"))
            options = keep and i + 1 < len(lines) and lines[i + 1].strip() == "---"
            continue
        if stack and stack[-1][1] == "drop":
            continue
        if in_comment:
            in_comment = "-->" not in stripped
            continue
        if stripped.startswith("<!--"):
            in_comment = "-->" not in stripped
            continue
        if stripped.startswith("$$"):
            in_math = not (in_math or (len(stripped) > 2 and stripped.endswith("$$")))
            continue
        if in_math:
            continue
        if (m := LABEL.match(stripped)) is not None:
            out.append(("label", m.group(1)))
            continue
        if re.match(r"^:[\w-]+:", stripped) or stripped.startswith(("%", "+++")):
            continue
        out.append(line)
    return out


def count_words(lines: list[str]) -> int:
    """Words in prose lines, roles, links and inline maths reduced as the module says."""
    text = "\n".join(lines)
    text = ROLE.sub(_role_words, text)
    text = LINK.sub(lambda m: f" {m.group(1)} ", text)
    text = INLINE_MATH.sub(" M ", text)
    return len(WORD.findall(text))


def measure(path: Path) -> Length:
    """The core and deeper words of one chapter source ``book/chNN_*.md``."""
    key = path.name[:4]
    if key not in ARTICLE:
        raise KeyError(f"{path.name}: no entry {key!r} in ARTICLE (scripts/chapter_length.py)")
    pages, article = ARTICLE[key]
    core: list[str] = []
    deeper: list[str] = []
    target = core
    skip_label = False  # a skipped section's label was seen; its heading comes next
    skip_level = 0  # the heading level of the section being skipped (0: none)
    for item in prose_lines(path.read_text(encoding="utf8")):
        if isinstance(item, tuple):
            label = item[1]
            if label == f"{key}-deeper":
                target = deeper
            if label.startswith(key) and label.endswith(SKIPPED_SECTIONS):
                skip_label = True
            continue
        heading = re.match(r"^(#{1,6}) ", item)
        if heading is not None:
            level = len(heading.group(1))
            if skip_label:
                skip_label, skip_level = False, level
                continue
            if skip_level and level <= skip_level:
                skip_level = 0
        if skip_level:
            continue
        target.append(item)
    return Length(path.stem, pages, article, budget(article), count_words(core), count_words(deeper))


def toc_chapters(root: Path = ROOT) -> list[Path]:
    """The chapter sources (``book/ch*``) of ``_toc.yml``, in order."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf8"))
    files: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("file"), str):
                files.append(node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(toc)
    return [root / f"{f}.md" for f in files if Path(f).parent.name == "book" and Path(f).name.startswith("ch")]


def table(rows: list[Length]) -> str:
    """The rows as a Markdown table."""
    head = "| Chapter | Article pages | Article words | Core budget | Core words | Core ÷ article | Deeper words |"
    lines = [head, "|---|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        over = "" if r.within else " (over)"
        lines.append(
            f"| {r.chapter} | {r.pages} | {r.article:,} | {r.budget:,} | {r.core:,}{over} | {r.ratio:.2f} | {r.deeper:,} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args(argv)
    try:
        rows = [measure(p) for p in toc_chapters()]
    except KeyError as err:
        print(f"chapter_length.py: {err.args[0]}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps([asdict(r) | {"ratio": round(r.ratio, 3), "within": r.within} for r in rows], indent=1))
    else:
        print(table(rows))
    over = [r.chapter for r in rows if not r.within]
    if over:
        print(f"over budget: {', '.join(over)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
