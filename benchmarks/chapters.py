"""Chapter execution: how long each chapter takes to run from a fresh kernel, and what its explorers render.

Run with ``.venv/bin/python benchmarks/chapters.py`` (add ``--draft`` for the
draft frames of ``TWOLEVEL_DRAFT_FRAMES=1``, ``--chapters ch07`` for some
chapters only). Each chapter is read with jupytext and executed as the book
and the tests execute it: nbclient, a fresh ``python3`` kernel, ``book/`` as
the working directory, cells tagged ``skip-execution`` (the live explorers)
skipped. For each chapter it prints:

- **wall**: seconds from the kernel's start to the last cell's end;
- **kernel CPU**: user + system seconds of the kernel process, read by a
  last cell from ``resource.getrusage``. On a machine shared with other jobs
  the wall time grows with the load; the CPU time much less, so it is the
  better estimate of the time on a quiet machine;
- **frames**: frames of the static explorers (distinct pictures in
  parentheses), and their bytes as the built site stores them (one file per
  distinct frame);
- the three slowest cells, by nbclient's timestamps.

Target (issue 16): every chapter within 20 s on the 2-core machine, its
explorers at full fidelity. Results go to ``book/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import sys
import time
from datetime import datetime
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
_PAYLOAD = re.compile(r'<script type="application/json" class="tl-frames-data">(.*?)</script>', re.DOTALL)
_CPU_CELL = (
    "import resource as _r, json as _j\n"
    "_u = _r.getrusage(_r.RUSAGE_SELF)\n"
    "print('TL-CPU', _j.dumps(_u.ru_utime + _u.ru_stime))"
)


def chapters(book: Path, only: list[str]) -> list[Path]:
    found = sorted(book.glob("ch[0-9][0-9]_*.md"))
    return [p for p in found if not only or any(p.name.startswith(o) for o in only)]


def _seconds(cell: nbformat.NotebookNode) -> float:
    timing = cell.get("metadata", {}).get("execution", {})
    try:
        start = datetime.fromisoformat(timing["iopub.execute_input"].replace("Z", "+00:00"))
        end = datetime.fromisoformat(timing["shell.execute_reply"].replace("Z", "+00:00"))
    except (KeyError, ValueError):
        return 0.0
    return (end - start).total_seconds()


def frames_of(nb: nbformat.NotebookNode) -> tuple[int, int, int]:
    """Frames, distinct frames and bytes of the distinct frames of every static explorer of ``nb``."""
    total = distinct = size = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            html = out.get("data", {}).get("text/html", "")
            html = html if isinstance(html, str) else "".join(html)
            for payload in _PAYLOAD.findall(html):
                uris = json.loads(payload.replace("<\\/", "</"))["frames"]
                unique = set(uris)
                total += len(uris)
                distinct += len(unique)
                size += sum(len(base64.b64decode(u.split(",", 1)[1])) for u in unique)
    return total, distinct, size


def run(path: Path) -> dict[str, object]:
    nb = jupytext.read(path)
    nb.cells.append(nbformat.v4.new_code_cell(_CPU_CELL))
    client = NotebookClient(
        nb, timeout=1200, kernel_name="python3", allow_errors=False, skip_cells_with_tag="skip-execution",
        resources={"metadata": {"path": str(path.parent)}},
    )
    t0 = time.perf_counter()
    client.execute()
    wall = time.perf_counter() - t0
    text = "".join(o.get("text", "") for o in nb.cells[-1].get("outputs", []) if o.get("output_type") == "stream")
    cpu = float(re.search(r"TL-CPU (\S+)", text).group(1))  # type: ignore[union-attr]
    slow = sorted(((_seconds(c), i) for i, c in enumerate(nb.cells[:-1]) if c.cell_type == "code"), reverse=True)[:3]
    n, distinct, size = frames_of(nb)
    return {"chapter": path.stem, "wall": wall, "cpu": cpu, "frames": n, "distinct": distinct, "bytes": size,
            "slowest": [(i, round(s, 2), nb.cells[i].source.splitlines()[0][:50]) for s, i in slow]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draft", action="store_true", help="render draft frames (TWOLEVEL_DRAFT_FRAMES=1)")
    parser.add_argument("--chapters", nargs="*", default=[], help="chapter prefixes, e.g. ch04 ch07")
    parser.add_argument("--json", type=Path, help="also write the rows to this file")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="a checkout to measure (its package first on PYTHONPATH), e.g. an older commit's")
    args = parser.parse_args()
    os.environ["TWOLEVEL_DRAFT_FRAMES"] = "1" if args.draft else "0"
    if args.root.resolve() != ROOT:
        os.environ["PYTHONPATH"] = str(args.root.resolve())
    rows = []
    print("| chapter | wall (s) | kernel CPU (s) | frames (distinct) | frame bytes (KiB) |")
    print("|---|---|---|---|---|")
    for path in chapters(args.root / "book", args.chapters):
        row = run(path)
        rows.append(row)
        print(f"| {row['chapter']} | {row['wall']:.1f} | {row['cpu']:.1f} | {row['frames']} ({row['distinct']}) | "
              f"{row['bytes'] / 1024:.0f} |", flush=True)
        for i, seconds, first in row["slowest"]:  # type: ignore[misc]
            print(f"    cell {i}: {seconds} s  {first!r}", file=sys.stderr)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
