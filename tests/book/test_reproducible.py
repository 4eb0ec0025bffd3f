"""Reproducible pages: the same sources give the same HTML, byte for byte.

Two causes of variation are covered. The kernel splits a ``print`` into stream
messages at random points (its flush timer), and myst-nb's ``nb_merge_streams``
turned each split into a line break; ``book/_ext/exact_streams.py`` joins the
pieces exactly first. The last test builds the whole book from clean in a
temporary copy (fresh execution cache, fresh Sphinx environment) and compares
every file with the session's build.
"""

from __future__ import annotations

import difflib
import importlib.util
import re
from pathlib import Path

import nbformat
import pytest
from myst_nb.core import utils as mystnb_utils

from conftest import build_failure

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("exact_streams", ROOT / "book" / "_ext" / "exact_streams.py")
exact_streams = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(exact_streams)

# What may legitimately differ between two builds of the same sources: each
# entry is (files it applies to, pattern, replacement, why). Nothing, today:
# absolute paths, dates and random numbers never reach the pages, and the
# ``?v=`` checksums that Sphinx writes only for static files already in the
# output folder are made the same by scripts/build.sh, which starts every
# strict build from an empty HTML folder. (Built from another checkout, with
# its own .venv, the site differs in one line only: the configuration hash in
# ``.buildinfo``, since Sphinx hashes the theme's absolute static and template
# paths. The copy here shares this checkout's .venv, so that line is compared
# too.)
VARIABLE: list[tuple[str, re.Pattern[str], str, str]] = []


def stream(text: str, name: str = "stdout") -> nbformat.NotebookNode:
    return nbformat.v4.new_output("stream", name=name, text=text)


SPLITS = [["a b\n"], ["a", " b\n"], ["a ", "b\n"], ["a b", "\n"], ["a", " ", "b", "\n"]]


@pytest.mark.parametrize("chunks", SPLITS, ids=lambda c: "|".join(map(repr, c)))
def test_a_print_renders_the_same_however_the_kernel_split_it(chunks):
    outputs = [stream(c) for c in chunks]
    merged = mystnb_utils.coalesce_streams(exact_streams.join_streams(outputs))
    assert [(o["name"], o["text"]) for o in merged] == [("stdout", "a b\n")]
    assert [o["text"] for o in outputs] == chunks  # the cell's outputs are not modified


def test_join_streams_keeps_other_outputs_and_each_stream_apart():
    image = nbformat.v4.new_output("display_data", data={"text/plain": "<Figure>"})
    outputs = [stream("x = "), image, stream("warn", "stderr"), stream("1\n"), stream("ing\n", "stderr")]
    merged = exact_streams.join_streams(outputs)
    assert [(o["output_type"], o.get("name"), o.get("text")) for o in merged] == [
        ("stream", "stdout", "x = 1\n"),
        ("display_data", None, None),
        ("stream", "stderr", "warning\n"),
    ]


def test_mystnb_alone_still_needs_the_workaround():
    # If this fails, myst-nb merges streams exactly by itself: drop book/_ext/exact_streams.py.
    merged = mystnb_utils.coalesce_streams([stream("a"), stream(" b\n")])
    assert merged[0]["text"] == "a\n b\n"  # a line break where the kernel split the print


@pytest.mark.slow
def test_a_print_split_by_a_flush_is_built_as_one_line(repo_copy, build_command, notebook_page):
    # An explicit flush between the two halves makes the kernel send two messages every time.
    code = 'import sys\nsys.stdout.write("tl-split"); sys.stdout.flush()\nprint(" line", 2)'
    (repo_copy / "book" / "page.md").write_text(notebook_page(code), encoding="utf8")
    proc = build_command(repo_copy, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    html = (repo_copy / "_build" / "html" / "book" / "page.html").read_text(encoding="utf8")
    assert "tl-split line 2" in html, re.findall(r"tl-split[\s\S]{0,40}", html)


def normalised(path: Path) -> bytes:
    data = path.read_bytes()
    for pattern_files, pattern, replacement, _why in VARIABLE:
        if path.match(pattern_files):
            data = pattern.sub(replacement, data.decode("utf8")).encode("utf8")
    return data


def differences(a: Path, b: Path) -> list[str]:
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    problems = [f"only in the session build: {p}" for p in sorted(files_a - files_b)]
    problems += [f"only in the clean build: {p}" for p in sorted(files_b - files_a)]
    for rel in sorted(files_a & files_b):
        x, y = normalised(a / rel), normalised(b / rel)
        if x == y:
            continue
        if rel.suffix in {".html", ".js", ".css", ".txt", ".md", ".buildinfo", ".ipynb"} or rel.name == ".buildinfo":
            diff = difflib.unified_diff(
                x.decode("utf8", "replace").splitlines(), y.decode("utf8", "replace").splitlines(), lineterm="", n=0
            )
            problems.append(f"{rel} differs:\n" + "\n".join(list(diff)[2:12]))
        else:
            problems.append(f"{rel} differs ({len(x)} vs {len(y)} bytes)")
    return problems


@pytest.mark.slow
def test_a_clean_build_gives_the_same_site_byte_for_byte(request, copy_repository, build_command, tmp_path):
    # One build more than the run's own: the copy is built first, and only then is the
    # session's build asked for, so that on two workers the two builds run at once.
    clean = copy_repository(tmp_path / "clean", whole_book=True)
    proc = build_command(clean)
    assert proc.returncode == 0, build_failure(proc.stderr)
    # The copy has its own, empty execution cache: its notebooks really ran again.
    assert "Executing notebook" in proc.stderr
    built_book = request.getfixturevalue("built_book")
    assert built_book.returncode == 0, built_book.log[-3000:]
    problems = differences(built_book.html, clean / "_build" / "html")
    assert not problems, "\n".join(problems[:20])
