"""The student edition: the same chapters, exercises kept, solutions removed."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import build_failure

from .chapters import DRAFT_FRAMES

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("student_edition", ROOT / "scripts" / "student_edition.py")
student_edition = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(student_edition)


def test_strip_plain_and_gated_solutions():
    text = (
        "# T\n\n```{exercise}\n:label: e1\nAsk.\n```\n\n"
        "````{solution} e1\n:class: dropdown\nAnswer with a fence inside:\n```python\nx = 1\n```\n````\n\n"
        "::::{exercise}\n:label: e2\nAsk again.\n::::\n\n"
        "````{solution-start} e2\n````\n\nSecret prose.\n\n```{code-cell} ipython3\nsecret = 2\n```\n\n"
        "````{solution-end}\n````\n\nAfter.\n"
    )
    out = student_edition.strip_solutions(text)
    assert "Ask." in out and "Ask again." in out and "After." in out
    assert "Answer" not in out and "x = 1" not in out
    assert "Secret prose" not in out and "secret = 2" not in out
    assert "{solution" not in out


def test_unterminated_gated_solution_is_an_error():
    with pytest.raises(ValueError, match="no matching"):
        student_edition.strip_solutions("````{solution-start} e\n````\nText\n")


@pytest.mark.parametrize("chapter", sorted((ROOT / "book").glob("ch*.md")), ids=lambda p: p.name)
def test_every_chapter_keeps_its_exercises_and_loses_its_solutions(chapter):
    text = chapter.read_text(encoding="utf8")
    out = student_edition.strip_solutions(text)
    n_ex = len(re.findall(r"\{exercise\}", text))
    assert n_ex >= 4
    assert len(re.findall(r"\{exercise\}", out)) == n_ex
    assert "{solution" not in out
    assert len(out) < len(text)


@pytest.mark.slow
def test_student_edition_builds_without_solutions(request, copy_repository, tmp_path):
    # Built in a copy of the repository (its own lock, _build/ and execution cache), so that
    # it runs beside the session's build; with draft frames, since its pictures are not
    # checked (and the copy's cache, which holds them, is thrown away).
    repo = copy_repository(tmp_path / "student", whole_book=True)
    proc = subprocess.run(
        ["bash", "scripts/build.sh", "--student"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=1800,
        env=dict(os.environ, PYTHONHASHSEED="0", **DRAFT_FRAMES),
    )
    assert proc.returncode == 0, build_failure(proc.stderr)
    index = Path(proc.stdout.strip().splitlines()[-1])
    assert index.is_file() and repo in index.parents, index
    built_book = request.getfixturevalue("built_book")
    assert built_book.returncode == 0, built_book.log[-3000:]
    student = (index.parent / "book" / "ch04_win_sets.html").read_text(encoding="utf8")
    teacher = (built_book.html / "book" / "ch04_win_sets.html").read_text(encoding="utf8")
    for page in (student, teacher):
        assert page.count('class="exercise') >= 4
    assert "solution" in teacher.lower() and 'class="solution' in teacher
    assert 'class="solution' not in student
    # A sentence that appears only in a solution.
    assert "ties ratifying" in teacher and "ties ratifying" not in student
    notebooks = sorted((repo / "_build" / "student" / "src" / "book").glob("ch*.md"))
    assert notebooks and all("{solution" not in p.read_text(encoding="utf8") for p in notebooks)
