"""Write the student edition of the book: every chapter without its solutions.

    .venv/bin/python scripts/student_edition.py OUT_DIR

copies the book's sources (``_config.yml``, ``_toc.yml``, ``book/``, and the
length script that ``book/making.md`` runs) into
OUT_DIR with every ``{solution}`` block and every gated
``{solution-start}`` ... ``{solution-end}`` region removed from the chapters.
OUT_DIR then holds both halves of the student edition: notebooks
(``OUT_DIR/book/*.md``) to hand out, and a book that ``jupyter-book build``
turns into HTML (``scripts/build.sh --student`` does both).
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FENCE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>solution|solution-start|solution-end)\}")


def _closes(line: str, fence: str) -> bool:
    s = line.strip()
    return len(s) >= len(fence) and set(s) == {fence[0]}


def strip_solutions(text: str) -> str:
    """Remove solution blocks (plain and gated) from a MyST document."""
    out: list[str] = []
    lines = text.splitlines(keepends=True)
    i = 0
    gated = False
    while i < len(lines):
        m = FENCE.match(lines[i])
        if m is None:
            if not gated:
                out.append(lines[i])
            i += 1
            continue
        fence, name = m.group("fence"), m.group("name")
        i += 1
        while i < len(lines) and not _closes(lines[i], fence):
            i += 1
        i += 1  # the closing fence
        if name == "solution-start":
            gated = True
        elif name == "solution-end":
            gated = False
    if gated:
        raise ValueError("a {solution-start} block has no matching {solution-end}")
    # Collapse the blank lines left where blocks were removed.
    return re.sub(r"\n{3,}", "\n\n", "".join(out))


# Written into every edition's folder: only a folder holding it is ever deleted and rewritten.
MARKER = ".twolevel-student-edition"


def check_replaceable(out_dir: Path) -> None:
    """Raise ValueError unless ``out_dir`` may be deleted: absent, empty, or an earlier edition.

    An earlier edition is recognised by its :data:`MARKER` file. The
    repository, a folder that contains it, and any other non-empty folder
    (``.``, the home folder, a typo) are refused, whatever they hold.
    """
    out_dir = out_dir.resolve()
    if out_dir == ROOT or out_dir in ROOT.parents:
        raise ValueError(f"OUT_DIR {out_dir} is the repository or contains it; choose a new folder, e.g. _build/student/src")
    if out_dir.is_symlink() or (out_dir.exists() and not out_dir.is_dir()):
        raise ValueError(f"OUT_DIR {out_dir} exists and is not a folder")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / MARKER).is_file():
        raise ValueError(
            f"OUT_DIR {out_dir} is not empty and holds no student edition ({MARKER} is missing): refusing to delete it"
        )


def write_edition(out_dir: Path) -> list[Path]:
    """Copy the book into ``out_dir`` without solutions; return the chapters written.

    ``out_dir`` is replaced if it holds an earlier edition (:func:`check_replaceable`).
    """
    out_dir = out_dir.resolve()
    check_replaceable(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    (out_dir / "book").mkdir(parents=True)
    (out_dir / MARKER).write_text("written by scripts/student_edition.py; deleted and rewritten by it\n", encoding="utf8")
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy2(ROOT / name, out_dir / name)
    # "How this book is made" (book/making.md) prints the length table by running this script.
    (out_dir / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "chapter_length.py", out_dir / "scripts" / "chapter_length.py")
    written = []
    for src in sorted((ROOT / "book").rglob("*")):
        if src.is_dir() or ".ipynb_checkpoints" in src.parts:
            continue
        dst = out_dir / src.relative_to(ROOT)
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.suffix == ".md":
            dst.write_text(strip_solutions(src.read_text(encoding="utf8")), encoding="utf8")
            written.append(dst)
        else:
            shutil.copy2(src, dst)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: student_edition.py OUT_DIR")
    try:
        written = write_edition(Path(sys.argv[1]))
    except ValueError as exc:
        sys.exit(f"student_edition.py: {exc}")
    for path in written:
        print(path)
