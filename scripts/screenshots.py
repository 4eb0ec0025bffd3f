"""Screenshots of the built book for review by eye: every page's top, every chart and explorer, at two widths.

    .venv/bin/python scripts/screenshots.py                  # from _build/html into _build/screenshots/
    .venv/bin/python scripts/screenshots.py --page book/ch04_win_sets.html   # one page (repeatable)
    bash scripts/build.sh --screenshots                      # build the book first, then the same

Each page of the built site is opened in headless Chromium (Debian's, through
Playwright, offline: only the local server is reachable) at 1366 x 900 (a
laptop) and at 390 x 844 (a phone, touch), both at device pixel ratio 2, so
that the images show what a sharp screen shows. For each width it saves the
page's first screen and one image of each chart (``figure`` and output images
of the article) and each explorer (``div.tl-frames``), in reading order, into
``OUT/img/``. ``OUT/index.html`` shows them page by page, the two widths side
by side, with each chart's caption; ``OUT/screenshots.json`` lists the same
(the test of this script reads it). Console errors, failed requests and
blocked network requests are listed on the review page too.

Prints the path of ``index.html``.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from browser_support import CHROMIUM, CHROMIUM_ARGS, PageWatch, format_problems, serve  # noqa: E402

WIDTHS = {
    "1366": dict(viewport={"width": 1366, "height": 900}, device_scale_factor=2),
    "390": dict(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True),
}

# The visual blocks of an article, outermost only (a figure's image is not shot twice),
# with a label for the review page: the figure's caption, else the image's alt text.
VISUALS_JS = r"""() => {
  const article = document.querySelector('article.bd-article') || document.body;
  const all = Array.from(article.querySelectorAll('figure, div.tl-frames, .cell_output img'));
  const outer = all.filter(el => !all.some(o => o !== el && o.contains(el)));
  return outer.map((el, i) => {
    const cap = el.querySelector('figcaption');
    const img = el.tagName === 'IMG' ? el : el.querySelector('img');
    const kind = el.matches('div.tl-frames') || el.querySelector('div.tl-frames') ? 'explorer' : 'chart';
    const capText = cap ? (() => { const c = cap.cloneNode(true); c.querySelectorAll('.headerlink').forEach(h => h.remove()); return c.textContent; })() : '';
    const label = (capText || el.getAttribute('aria-label') || (img && img.alt) || '').replace(/\s+/g, ' ').trim();
    el.setAttribute('data-tl-shot', String(i));
    // A chart inside a folded solution is shown as a reader who opened the solution sees it.
    const folded = el.closest('.toggle-hidden');
    if (folded) folded.querySelector('.admonition-title').click();
    return {index: i, kind, id: el.id || '', label, inSolution: !!el.closest('div.solution')};
  });
}"""


def site_pages(site: Path) -> list[str]:
    """Every page of the built site: the table of contents in order, then the others (search, index)."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf8"))
    ordered: list[str] = [toc["root"]]

    def walk(entries: list | None) -> None:
        for entry in entries or []:
            if "file" in entry:
                ordered.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))

    walk(toc.get("parts"))
    walk(toc.get("chapters"))
    pages = [str(Path(f).with_suffix(".html")) for f in ordered]
    rest = sorted(
        str(p.relative_to(site))
        for p in site.rglob("*.html")
        if not p.relative_to(site).parts[0].startswith("_") and p.name != "index.html"
    )
    return [p for p in pages if (site / p).is_file()] + [p for p in rest if p not in pages]


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()


def shoot(site: Path, out: Path, pages: list[str]) -> dict:
    """Take the screenshots; returns the manifest written to ``screenshots.json``."""
    from playwright.sync_api import sync_playwright

    img = out / "img"
    img.mkdir(parents=True, exist_ok=True)
    manifest: dict = {"widths": list(WIDTHS), "pages": []}
    entries = {p: {"path": p, "title": "", "top": {}, "visuals": [], "problems": {}} for p in pages}
    with serve(site) as origin, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            for width, device in WIDTHS.items():
                context = browser.new_context(service_workers="block", **device)
                context.set_default_timeout(60_000)
                watch = PageWatch(origin)
                watch.attach(context)
                page = context.new_page()
                watch.watch(page)
                for path in pages:
                    entry = entries[path]
                    watch.clear()
                    page.goto(f"{origin}/{path}", wait_until="load")
                    page.wait_for_load_state("networkidle")
                    entry["title"] = page.title()
                    name = slug(path.removesuffix(".html"))
                    top = img / f"{name}-top-{width}.png"
                    page.screenshot(path=str(top))
                    entry["top"][width] = top.relative_to(out).as_posix()
                    visuals = page.evaluate(VISUALS_JS)
                    for v in visuals:
                        el = page.locator(f'[data-tl-shot="{v["index"]}"]')
                        el.scroll_into_view_if_needed()
                        el.evaluate("e => Promise.all(Array.from(e.querySelectorAll('img')).concat(e.tagName === 'IMG' ? [e] : []).map(i => i.decode().catch(() => null)))")
                        file = img / f"{name}-{v['index']:02d}-{slug(v['id'] or v['kind'])}-{width}.png"
                        el.screenshot(path=str(file))
                        if len(entry["visuals"]) <= v["index"]:
                            entry["visuals"].append({k: v[k] for k in ("kind", "id", "label", "inSolution")} | {"shots": {}})
                        entry["visuals"][v["index"]]["shots"][width] = file.relative_to(out).as_posix()
                    problems = watch.problems()
                    if problems:
                        entry["problems"][width] = problems
                context.close()
        finally:
            browser.close()
    manifest["pages"] = [entries[p] for p in pages]
    return manifest


def review_page(manifest: dict) -> str:
    """The review page: per page, its top and each chart and explorer at both widths."""
    widths = manifest["widths"]
    e = html.escape
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Screenshots of the built book</title>",
        "<style>",
        "body{font:16px/1.4 system-ui,sans-serif;margin:1rem 2rem;color:#222}",
        ".row{display:flex;gap:1.5rem;align-items:flex-start;flex-wrap:wrap;margin:.5rem 0 1.5rem}",
        "figure{margin:0}figcaption{font-size:.85rem;color:#555}",
        "img{border:1px solid #ccc;display:block}",
        ".w1366 img{width:min(683px,90vw)}.w390 img{width:195px}",
        ".top .w1366 img{width:min(683px,90vw)}",
        ".problems{color:#a00;white-space:pre-wrap}",
        "nav li{margin:.2rem 0}",
        "</style></head><body>",
        "<h1>Screenshots of the built book</h1>",
        f"<p>Each page at {' px and '.join(widths)} px (device pixel ratio 2, shown at half size here); "
        "its first screen, then every chart and explorer in reading order.</p>",
        "<nav><ul>",
    ]
    for p in manifest["pages"]:
        parts.append(f'<li><a href="#{slug(p["path"])}">{e(p["title"] or p["path"])}</a> ({len(p["visuals"])} charts and explorers)</li>')
    parts.append("</ul></nav>")
    for p in manifest["pages"]:
        parts.append(f'<section id="{slug(p["path"])}"><h2>{e(p["title"] or p["path"])}</h2><p><code>{e(p["path"])}</code></p>')
        for width, problems in p["problems"].items():
            parts.append(f'<p class="problems">At {width} px: {e(format_problems(problems))}</p>')
        parts.append('<h3>Top of the page</h3><div class="row top">')
        for width in widths:
            src = p["top"][width]
            parts.append(
                f'<figure class="w{width}"><a href="{e(src)}"><img src="{e(src)}" alt="{e(p["path"])}, first screen at {width} px"></a>'
                f"<figcaption>{width} px</figcaption></figure>"
            )
        parts.append("</div>")
        for n, v in enumerate(p["visuals"], 1):
            label = v["label"] or v["id"] or v["kind"]
            where = " in a solution" if v["inSolution"] else ""
            parts.append(f"<h3>{n}. {e(v['kind'].capitalize())}{where}{' (#' + e(v['id']) + ')' if v['id'] else ''}</h3>")
            parts.append(f"<p>{e(label[:300])}</p><div class=\"row\">")
            for width in widths:
                src = v["shots"].get(width)
                if src is None:
                    parts.append(f"<p>(not shown at {width} px)</p>")
                    continue
                parts.append(
                    f'<figure class="w{width}"><a href="{e(src)}"><img src="{e(src)}" alt="{e(v["kind"])} {n} of {e(p["path"])} at {width} px"></a>'
                    f"<figcaption>{width} px</figcaption></figure>"
                )
            parts.append("</div>")
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html", help="the built site (default: _build/html)")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "screenshots", help="where to write (default: _build/screenshots)")
    parser.add_argument("--page", action="append", default=[], help="a page of the site, e.g. book/ch04_win_sets.html (repeatable; default: all)")
    args = parser.parse_args(argv)
    site = args.site.resolve()
    if not (site / "index.html").is_file():
        parser.error(f"no built site at {site}: run `bash scripts/build.sh` first")
    pages = args.page or site_pages(site)
    missing = [p for p in pages if not (site / p).is_file()]
    if missing:
        parser.error(f"not pages of {site}: {', '.join(missing)}")
    out = args.out.resolve()
    if (out / "img").is_dir():
        for old in (out / "img").glob("*.png"):
            old.unlink()
    manifest = shoot(site, out, pages)
    (out / "screenshots.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf8")
    (out / "index.html").write_text(review_page(manifest), encoding="utf8")
    print(out / "index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
