"""Page weight and time to a usable explorer, per page of the built book.

Run with ``.venv/bin/python benchmarks/pages.py [SITE] [--label NAME] [--json OUT]``
after ``bash scripts/build.sh`` (SITE defaults to ``_build/html``).

For every HTML page of the site it records, in headless Chromium (Debian's,
driven by Playwright, every other host refused):

- **requests**: how many requests the page makes until the network is idle;
- **raw**: bytes of the responses' bodies, decoded (what the page weighs on disk);
- **gzip**: bytes on the wire (``encodedDataLength``, headers included) from a
  local server that gzips text responses, as any real web server does;
- **explorer**: on the *slow 4G* profile with a 4x slower CPU, the time from
  the start of navigation until the page's first static explorer
  (``div.tl-frames``, :mod:`twolevel.viz.frames`) is usable: its script has
  run and its first frame is decoded. ``-`` for pages without an explorer;
- **load**: the ``load`` event on the same throttled profile.

The throttling is the preset that Chromium's DevTools call "Slow 4G" (and
Lighthouse uses for mobile): 562.5 ms round trip, 1.44 Mbit/s down,
675 kbit/s up, applied with ``Network.emulateNetworkConditions``, with the
CPU slowed 4 times by ``Emulation.setCPUThrottlingRate``; the cache is
disabled, so every visit is a first visit. Weights are measured unthrottled
(they do not depend on the link). Times are the median of ``--repeat`` visits.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import statistics
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

SLOW_4G = {
    "offline": False,
    "latency": 562.5,  # ms, DevTools' "Slow 4G": 150 ms RTT x 3.75
    "downloadThroughput": 1.6 * 1000 * 1000 / 8 * 0.9,  # bytes/s
    "uploadThroughput": 750 * 1000 / 8 * 0.9,
}
CPU_SLOWDOWN = 4
_COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".txt", ".map", ".inv", ".ttf")

# Records when the first explorer became usable, in ms since navigation start.
_USABLE_PROBE = """(() => {
  const check = () => {
    const root = document.querySelector('div.tl-frames');
    const img = root && root.querySelector('img.tl-frames-image');
    if (root && root.dataset.tlReady && img && img.complete && img.naturalWidth > 0) {
      window.__tlUsable = performance.now();
      return;
    }
    setTimeout(check, 20);
  };
  check();
})();"""


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped (level 6, like nginx's default) when the client accepts it."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in _COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def pages(site: Path) -> list[str]:
    """Every content page: the root's pages and the book's chapters (not search/genindex)."""
    found = sorted(p.relative_to(site).as_posix() for p in (site / "book").glob("*.html"))
    return found + [p for p in ("prf-prf.html",) if (site / p).is_file()]


def _visit(context, origin: str, path: str, *, throttle: bool) -> dict:
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    if throttle:
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    sent: set[str] = set()
    wire = {"bytes": 0}
    raw = {"bytes": 0}
    cdp.on("Network.requestWillBeSent", lambda e: sent.add(e["requestId"]))
    cdp.on("Network.dataReceived", lambda e: raw.__setitem__("bytes", raw["bytes"] + e["dataLength"]))
    cdp.on("Network.loadingFinished", lambda e: wire.__setitem__("bytes", wire["bytes"] + e["encodedDataLength"]))
    page.add_init_script(_USABLE_PROBE)
    page.goto(f"{origin}/{path}", wait_until="load", timeout=180_000)
    page.wait_for_load_state("networkidle", timeout=180_000)
    timing = page.evaluate(
        """() => ({
          load: performance.getEntriesByType('navigation')[0].loadEventEnd,
          usable: window.__tlUsable === undefined ? null : window.__tlUsable,
          explorer: !!document.querySelector('div.tl-frames'),
        })"""
    )
    page.close()
    return {"requests": len(sent), "raw": raw["bytes"], "gzip": wire["bytes"], **timing}


def measure(site: Path, repeat: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    server, origin = serve(site)
    rows = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
            context.route(
                "**/*",
                lambda route, req: route.continue_() if req.url.startswith((origin, "data:")) else route.abort(),
            )
            for path in pages(site):
                weight = _visit(context, origin, path, throttle=False)
                slow = [_visit(context, origin, path, throttle=True) for _ in range(repeat)]
                usable = [s["usable"] for s in slow if s["usable"] is not None]
                rows.append(
                    {
                        "page": path,
                        "requests": weight["requests"],
                        "raw": weight["raw"],
                        "gzip": weight["gzip"],
                        "explorer_s": round(statistics.median(usable) / 1000, 2) if weight["explorer"] else None,
                        "load_s": round(statistics.median(s["load"] for s in slow) / 1000, 2),
                    }
                )
                print(_row(rows[-1]), flush=True)
            browser.close()
    finally:
        server.shutdown()
    return rows


def _mb(n: int) -> str:
    return f"{n / 1e6:.2f}"


def _row(r: dict) -> str:
    explorer = "-" if r["explorer_s"] is None else f"{r['explorer_s']:.1f}"
    return f"| {r['page']} | {r['requests']} | {_mb(r['raw'])} | {_mb(r['gzip'])} | {explorer} | {r['load_s']:.1f} |"


def table(rows: list[dict]) -> str:
    head = "| page | requests | raw (MB) | gzip (MB) | explorer usable (s) | load (s) |\n|---|---|---|---|---|---|"
    return "\n".join([head, *(_row(r) for r in rows)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--repeat", type=int, default=3, help="throttled visits per page (median)")
    parser.add_argument("--label", default="", help="name of this measurement in the JSON output")
    parser.add_argument("--json", type=Path, help="append the results to this JSON file")
    args = parser.parse_args(argv)
    if not (args.site / "book").is_dir():
        parser.error(f"{args.site} is not a built book (run bash scripts/build.sh)")
    print(table([]))
    rows = measure(args.site, args.repeat)
    if args.json:
        data = json.loads(args.json.read_text()) if args.json.is_file() else {}
        data[args.label or "run"] = rows
        args.json.write_text(json.dumps(data, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
