"""Live explorers in a real JupyterLab: keypress on a slider to the new image on screen, with its breakdown.

Run with ``.venv/bin/python benchmarks/live_latency.py`` (``--presses 10``
per slider by default). It starts the private JupyterLab server of the live test
(``tests/live/test_jupyterlab.py``, ``lab_server``), opens a notebook holding
the live explorer of each chapter (4, 5, 6, 7; each chapter's factory at its
default scenario) in Debian's Chromium, runs it, then for each explorer
presses an arrow key on each of its sliders in turn, again and again, and times:

- **total**: from the ``keydown`` event to the first animation frame after
  the new image has loaded (the new picture is on screen);
- **model**, **redraw**, **encode**: measured in the kernel by the explorer
  itself (:attr:`twolevel.viz.live.LiveExplorer.timings`), read afterwards
  through a second client of the same kernel;
- **transport**: the rest: the slider's message to the kernel, the comm
  messages back, the browser's decoding and painting.

The next key is pressed once the previous image is on screen (and 100 ms
later), so the presses do not queue. Prints the median and the 90th
percentile of each part per explorer. Target (issue 16): total <= 60 ms
median and <= 100 ms at the 90th percentile. Results go to
``book/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "live")]

from browser_support import PageWatch, chromium  # noqa: E402
from test_jupyterlab import lab_server  # noqa: E402

#: (chapter, the explorer, the code that makes it): every live explorer of the book.
EXPLORERS = [
    ("4", "Figure 1", "viz.figure1_explorer()"),
    ("5", "Figure 2", "viz.figure2_explorer()"),
    ("6", "institutions", "viz.institutions_explorer()"),
    ("7", "side-payments", "viz.budget_explorer()"),
]
#: The same explorers as the book made them before the viz package had one factory per figure (for --root).
LEGACY = [
    "viz.figure1_explorer()",
    "viz.figure2_explorer()",
    "viz.institutions_explorer()",
    "__import__('twolevel.viz.strategies_explorer', fromlist=['x']).BudgetExplorer()",
]
UI_MS = 120_000

_INSTRUMENT_JS = """(root) => {
  const img = root.querySelector('img');
  const log = {key: 0, marks: []};
  root.__tl = log;
  root.addEventListener('keydown', () => { log.key = performance.now(); }, true);
  img.addEventListener('load', () => {
    const loaded = performance.now(), key = log.key;
    requestAnimationFrame(() => log.marks.push({key, loaded, painted: performance.now()}));
  });
}"""


def _notebook(path: Path, codes: list[str]) -> None:
    cells = [nbformat.v4.new_code_cell("from twolevel import viz")]
    cells += [nbformat.v4.new_code_cell(f"e{k} = {code}\ne{k}") for k, code in enumerate(codes)]
    nb = nbformat.v4.new_notebook(cells=cells)
    # Named, so that JupyterLab starts the kernel without asking which one.
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)


def _kernel_timings(lab, count: int) -> list[list[tuple[float, float, float]]]:
    """Each explorer's ``timings``, read through a second client of the notebook's kernel."""
    from jupyter_client import BlockingKernelClient

    runtime = Path(lab.log_path).parent / "runtime"
    files = sorted(runtime.glob("kernel-*.json"), key=os.path.getmtime)
    client = BlockingKernelClient(connection_file=str(files[-1]))
    client.load_connection_file()
    client.start_channels()
    try:
        code = "import json; print(json.dumps([getattr(e, 'timings', []) for e in (" + ", ".join(f"e{k}" for k in range(count)) + ",)]))"
        out: list[str] = []
        client.execute_interactive(code, output_hook=lambda m: out.append(m["content"].get("text", "")), timeout=60)
        return json.loads("".join(out))
    finally:
        client.stop_channels()


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(presses: int, codes: list[str], shots: Path | None = None) -> list[dict[str, object]]:
    home = Path(tempfile.mkdtemp(prefix="tl-live-latency-"))
    with lab_server(home) as lab, chromium() as browser:
        _notebook(lab.root / "book" / "live_latency.ipynb", codes)
        watch = PageWatch(lab.url)
        context = browser.new_context(service_workers="block", viewport={"width": 1400, "height": 1000})
        context.set_default_timeout(UI_MS)
        watch.attach(context)
        page = context.new_page()
        page.goto(f"{lab.url}/lab/tree/book/live_latency.ipynb?reset&token={lab.token}", wait_until="domcontentloaded")
        try:
            page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\|\s*Idle\s*$")).first.wait_for(timeout=UI_MS)
        except Exception:
            page.screenshot(path=str(home / "no-kernel.png"))
            raise RuntimeError(f"the kernel never became idle; screenshot {home / 'no-kernel.png'}\n{lab.log_tail()}")
        page.locator(".lm-MenuBar-item", has_text="Run").first.click()
        page.locator(".lm-Menu .lm-Menu-item", has_text=re.compile(r"^\s*Run All Cells\s*$")).first.click()
        explorers = page.locator(".tl-explorer")
        page.wait_for_function(
            "n => Array.from(document.querySelectorAll('.tl-explorer img')).filter(i => i.complete && i.naturalWidth).length >= n",
            arg=len(EXPLORERS), timeout=UI_MS,
        )
        totals: list[list[float]] = []
        counted: list[list[int]] = []  # which refreshes of each explorer the counted presses made
        slider_of: dict[int, list[int]] = {}
        for k in range(len(EXPLORERS)):
            root = explorers.nth(k)
            root.scroll_into_view_if_needed()
            if shots is not None:
                shots.mkdir(parents=True, exist_ok=True)
                root.screenshot(path=str(shots / f"live-{EXPLORERS[k][1].replace(' ', '-')}.png"))
            root.evaluate(_INSTRUMENT_JS)
            seen: list[float] = []
            which: list[int] = []
            refresh = 1  # the explorer drew itself once when it was made
            handles = root.locator(".widget-slider .noUi-handle")
            for h in range(handles.count()):
                handle = handles.nth(h)
                readout = root.locator(".widget-slider").nth(h).locator(".widget-readout")
                handle.focus()
                direction, i = "ArrowRight", 0
                while i < presses + 2:  # the first two warm the path up and are not counted
                    if i and i % 6 == 0:
                        direction = "ArrowLeft" if direction == "ArrowRight" else "ArrowRight"
                    before = readout.inner_text()
                    n = root.evaluate("r => r.__tl.marks.length")
                    handle.press(direction)
                    if readout.inner_text() == before:  # at the end of its range: turn back
                        direction = "ArrowLeft" if direction == "ArrowRight" else "ArrowRight"
                        continue
                    page.wait_for_function("([r, n]) => r.__tl.marks.length > n", arg=[root.element_handle(), n],
                                           timeout=30_000)
                    page.wait_for_timeout(100)
                    mark = root.evaluate("r => r.__tl.marks[r.__tl.marks.length - 1]")
                    if i >= 2:
                        seen.append(mark["painted"] - mark["key"])
                        which.append(refresh)
                        slider_of.setdefault(k, []).append(h)
                    refresh += 1
                    i += 1
            totals.append(seen)
            counted.append(which)
        kernel = _kernel_timings(lab, len(EXPLORERS))
        context.close()
    rows = []
    for k, ((chapter, name, _), total, timings, which) in enumerate(zip(EXPLORERS, totals, kernel, counted)):
        parts = [tuple(timings[i]) for i in which] if timings else [(float("nan"),) * 3] * len(total)
        model = [p[0] for p in parts]
        redraw = [p[1] for p in parts]
        encode = [p[2] for p in parts]
        transport = [t - sum(p) for t, p in zip(total, parts)]
        rows.append({"chapter": chapter, "explorer": name, "total": total, "model": model, "redraw": redraw,
                     "encode": encode, "transport": transport, "slider": slider_of[k]})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=10, help="counted presses per slider (default 10)")
    parser.add_argument("--json", type=Path, help="also write every measurement to this file")
    parser.add_argument("--shots", type=Path, help="save a screenshot of each explorer in this folder")
    parser.add_argument("--root", type=Path, help="measure the package of an older checkout (before one factory per "
                        "figure; its explorers record no breakdown)")
    args = parser.parse_args()
    codes = [code for _, _, code in EXPLORERS]
    if args.root:
        os.environ["PYTHONPATH"] = str(args.root.resolve())
        codes = LEGACY
    rows = measure(args.presses, codes, args.shots)
    print("| chapter | explorer | total median (ms) | total p90 (ms) | slowest slider's median | model | redraw | "
          "encode | transport |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        med = {k: statistics.median(r[k]) for k in ("total", "model", "redraw", "encode", "transport")}  # type: ignore[arg-type]
        by_slider: dict[int, list[float]] = {}
        for t, h in zip(r["total"], r["slider"]):  # type: ignore[call-overload]
            by_slider.setdefault(h, []).append(t)
        worst = max(statistics.median(v) for v in by_slider.values())
        print(f"| {r['chapter']} | {r['explorer']} | {med['total']:.0f} | {_pct(r['total'], 0.9):.0f} | "  # type: ignore[arg-type]
              f"{worst:.0f} | {med['model']:.1f} | {med['redraw']:.1f} | {med['encode']:.1f} | {med['transport']:.1f} |")
    print(f"load average: {os.getloadavg()[0]:.1f}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
