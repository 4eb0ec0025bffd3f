#!/usr/bin/env bash
# The PDF edition of the whole book, printed by Chromium from the built HTML.
#
#   bash scripts/build.sh --pdf      # same as: bash scripts/pdf.sh
#   -> prints the PDF's path: _build/pdf/two-level-games.pdf
#
# How: the HTML book is built (scripts/build.sh), served on 127.0.0.1, and the
# pages of _toc.yml are assembled, in order, into one document in Debian's
# Chromium (the one the browser tests use; no other host is reachable):
#   * every chapter starts on a new page; links between pages, equations,
#     exercises and citations become links inside the PDF (ids are prefixed
#     per page so that two chapters' "exercises" sections stay distinct);
#   * each chapter's solutions are collected at its end, under "Solutions to
#     the exercises", and each exercise links to its solution;
#   * each explorer prints its default figure, its sliders' names and default
#     values, and a sentence on where to move them (the print rules of
#     book/_assets/tl-reader.css);
# then Chromium prints it (A4, with a bookmark outline and page numbers) and
# pypdf adds the document's title and author. Sphinx-proof has no writer for
# Sphinx's single-page builder, hence this assembly of the HTML pages.
#
#   bash scripts/pdf.sh --built      # print the book already built in _build/html (no rebuild;
#                                    # the test suite prints the build its other tests read)
#
# The checkout's lock (scripts/lib.sh) is held throughout, so no other build
# replaces _build/html while Chromium prints it.
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
TL_NAME=pdf
. "$ROOT/scripts/lib.sh"

BUILT=0
for arg in "$@"; do
  case "$arg" in
    --built) BUILT=1 ;;
    *) echo "usage: bash scripts/pdf.sh [--built]" >&2; exit 2 ;;
  esac
done

tl_lock
bash scripts/setup.sh --with-chromium
if [[ "$BUILT" == 1 ]]; then
  [[ -f _build/html/index.html ]] || { echo "pdf.sh --built: no built book in _build/html; run bash scripts/build.sh" >&2; exit 1; }
else
  bash scripts/build.sh >/dev/null
fi
OUT="$ROOT/_build/pdf/two-level-games.pdf"
mkdir -p "$(dirname "$OUT")"

"$ROOT/.venv/bin/python" - "$ROOT" "$OUT" <<'PY'
import sys
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright
from pypdf import PdfReader, PdfWriter

root, out = Path(sys.argv[1]), Path(sys.argv[2])
sys.path.insert(0, str(root / "tests"))
from browser_support import CHROMIUM_ARGS, PageWatch, find_chromium, format_problems, serve, wait_for_mathjax  # noqa: E402

config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf8"))
toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf8"))
# The reader's edition: the developer appendix (the parts _config.yml's tl_developer_parts names) stays online.
developer_parts = set(config.get("sphinx", {}).get("config", {}).get("tl_developer_parts", ["Appendix: for developers"]))
docs = [toc["root"]]
for part in toc.get("parts", [{"chapters": toc.get("chapters", [])}]):
    if part.get("caption") not in developer_parts:
        docs += [c["file"] for c in part["chapters"]]
pages = [str(Path(d).with_suffix("")) + ".html" for d in docs]
if len({str(Path(p).parent) for p in pages}) != 1:
    sys.exit("pdf.sh: all pages of _toc.yml must be in one folder (relative image paths)")

ASSEMBLE = r"""async (pages) => {
  document.querySelectorAll('#jb-print-docs-body').forEach(e => e.remove());
  const shell = document.querySelector('article.bd-article');
  const here = pages[0];
  const dir = here.slice(0, here.lastIndexOf('/') + 1);
  const key = p => 'p' + pages.indexOf(p);
  const chapters = [];
  for (const [i, path] of pages.entries()) {
    // The first page is worked on as a copy: the theme's scroll-spy keeps
    // watching the original sections under their original ids.
    let article = shell.cloneNode(true);
    if (i > 0) {
      const html = await (await fetch('/' + path)).text();
      article = new DOMParser().parseFromString(html, 'text/html').querySelector('article.bd-article');
      // the explorers' scripts do not run here; their static HTML already shows the default frame
      article.querySelectorAll('script:not([type="application/json"])').forEach(s => s.remove());
    }
    const k = key(path);
    article.querySelectorAll('[id]').forEach(el => { el.id = k + '--' + el.id; });
    article.querySelectorAll('a[href]').forEach(a => {
      const href = a.getAttribute('href');
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return;
      const [file, frag] = href.split('#');
      const target = file ? new URL(file, 'http://x/' + path).pathname.slice(1) : path;
      // A page left out of the PDF (the developer appendix): its link would point at the
      // server that printed the book, so only its text is kept.
      if (!pages.includes(target)) { a.replaceWith(...Array.from(a.childNodes)); return; }
      a.setAttribute('href', '#' + key(target) + '--' + (frag || 'top'));
    });
    const wrap = document.createElement('section');
    wrap.className = 'tl-pdf-chapter';
    wrap.id = k + '--top';
    if (i > 0) wrap.style.breakBefore = 'page';
    wrap.append(...Array.from(article.childNodes));
    const solutions = Array.from(wrap.querySelectorAll('div.solution'));
    if (solutions.length) {
      const sec = document.createElement('section');
      sec.className = 'tl-pdf-solutions';
      const h = document.createElement('h2');
      h.textContent = 'Solutions to the exercises';
      sec.append(h);
      for (const s of solutions) {
        s.classList.add('tl-print-solution');
        s.classList.remove('toggle-hidden');
        sec.append(s);
        // the exercise points forward to its solution
        const back = s.querySelector('.admonition-title a[href^="#"]');
        const exercise = back && wrap.querySelector(`[id="${back.getAttribute('href').slice(1)}"]`);
        if (exercise && s.id) {
          const p = document.createElement('p');
          p.className = 'tl-pdf-solution-link';
          const a = document.createElement('a');
          a.href = '#' + s.id;
          a.textContent = 'Solution at the end of the chapter';
          p.append(a);
          exercise.append(p);
        }
      }
      wrap.append(sec);
    }
    chapters.push([wrap, solutions.length]);
  }
  shell.replaceChildren(...chapters.map(c => c[0]));
  // Maths is pre-rendered (KaTeX) in the built pages; typeset only if a page still uses MathJax.
  if (window.MathJax && MathJax.typesetPromise) { await MathJax.typesetPromise(); }
  await Promise.all(Array.from(document.images).map(img => img.decode().catch(() => null)));
  return chapters.map(([w, n]) => [w.querySelector('h1') ? w.querySelector('h1').textContent.replace('#', '').trim() : '?', n]);
}"""

chromium, why = find_chromium()
if chromium is None:
    sys.exit(f"pdf.sh: Chromium prints the PDF: {why} (bash scripts/setup.sh --with-chromium installs one, or set TL_CHROMIUM)")
with serve(root / "_build" / "html") as origin, sync_playwright() as pw:
    browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
    context = browser.new_context(service_workers="block")
    watch = PageWatch(origin)
    watch.attach(context)
    page = context.new_page()
    watch.watch(page)
    page.goto(f"{origin}/{pages[0]}", wait_until="load")
    wait_for_mathjax(page)
    page.wait_for_load_state("networkidle")
    contents = page.evaluate(ASSEMBLE, pages)
    page.emulate_media(media="print")
    page.pdf(
        path=str(out),
        format="A4",
        margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
        print_background=True,
        outline=True,
        tagged=True,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template='<div style="font-size:8px;width:100%;text-align:center;"><span class="pageNumber"></span></div>',
    )
    problems = watch.problems()
    browser.close()
if problems:
    sys.exit("pdf.sh: the pages did not load cleanly:\n" + format_problems(problems))

writer = PdfWriter(clone_from=PdfReader(out))
writer.add_metadata({"/Title": config.get("title", "Book"), "/Author": config.get("author", "")})
with open(out, "wb") as fh:
    writer.write(fh)
for title, n in contents:
    print(f"[pdf] {title}: {n} solution(s) collected at its end", file=sys.stderr)
PY
echo "$OUT"
