#!/usr/bin/env bash
# Build the book (HTML) with warnings as errors, then print the index page's path.
#
#   bash scripts/build.sh                          # the whole book -> _build/html/
#   bash scripts/build.sh book/ch04_win_sets.md    # just that page -> _build/_page/book-<name>/html/
#   bash scripts/build.sh --student                # the student edition, without solutions
#   bash scripts/build.sh --pdf                    # the PDF edition -> _build/pdf/two-level-games.pdf (scripts/pdf.sh)
#   bash scripts/build.sh --screenshots            # the book, then screenshots for review -> _build/screenshots/index.html
#
# Setup (scripts/setup.sh) runs first, so this works on a fresh clone. Notebooks
# are executed with a cache (_build/.jupyter_cache): only chapters whose code
# changed are re-executed. The whole-book build is what CI and the tests check
# (tests/conftest.py runs this script); a single page is built without -W
# (links to other chapters cannot resolve there). A page path is relative to
# the directory you call the script from.
#
# The strict builds (whole book, student edition) re-read every page (--all, a
# fresh Sphinx environment): Sphinx reports a page's warnings only when it reads
# the page, so an incremental rerun would pass over a page that failed last
# time and say "build succeeded". Executed notebooks still come from the cache.
# They also start from an empty HTML folder: Sphinx writes a file's checksum
# (?v=...) into the pages only if that file is already in the output, and a
# page dropped from _toc.yml must not linger in the site.
#
# One setup or build at a time per checkout: a second build.sh waits for the
# first (scripts/lib.sh, tl_lock), so they never delete each other's output or
# execution cache.
set -euo pipefail

CALLER_DIR="$PWD"
ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
TL_NAME=build
. "$ROOT/scripts/lib.sh"
if [[ "${1:-}" == "--pdf" ]]; then
  shift
  exec bash "$ROOT/scripts/pdf.sh" "$@"
fi
if [[ "${1:-}" == "--screenshots" ]]; then
  bash "$ROOT/scripts/build.sh" >/dev/null
  exec "$ROOT/.venv/bin/python" "$ROOT/scripts/screenshots.py"
fi

tl_lock
bash scripts/setup.sh
JB="$ROOT/.venv/bin/jupyter-book"
export PYTHONHASHSEED=0

if [[ "${1:-}" == "--student" ]]; then
  # The student edition: every chapter without its solutions, as notebooks
  # (_build/student/src/book/*.md) and as HTML (_build/student/html/).
  src="$ROOT/_build/student/src"
  "$ROOT/.venv/bin/python" scripts/student_edition.py "$src" >/dev/null
  # Static assets (CSS, MathJax) stay where they are: link them into the copy.
  ln -sfn "$ROOT/node_modules" "$src/node_modules"
  tl_remove "$ROOT/_build/student/_build/html"
  "$JB" build "$src" --path-output "$ROOT/_build/student" -W -n --keep-going --all >&2
  index="$ROOT/_build/student/_build/html/index.html"
  [[ -f "$index" ]] || { echo "build.sh: $index was not produced" >&2; exit 1; }
  echo "$index"
  exit 0
fi

if [[ $# -eq 0 ]]; then
  tl_remove "$ROOT/_build/html"
  "$JB" build . -W -n --keep-going --all >&2
  index="$ROOT/_build/html/index.html"
  [[ -f "$index" ]] || { echo "build.sh: $index was not produced" >&2; exit 1; }
  echo "$index"
  exit 0
fi

[[ $# -eq 1 ]] || { echo "usage: bash scripts/build.sh [--student | book/<chapter>.md]" >&2; exit 2; }
page="$(cd "$CALLER_DIR" && tl_abspath "$1")"
[[ -f "$page" ]] || { echo "build.sh: no such file: $1 (resolved from $CALLER_DIR to $page)" >&2; exit 2; }
[[ "$page" == "$ROOT"/* ]] || { echo "build.sh: $page is not a page of this repository ($ROOT)" >&2; exit 2; }

# Jupyter Book builds a single page with the page's folder as Sphinx's source and
# configuration folder, so the repository-relative paths in _config.yml
# (static files, bibliography) are rewritten for that folder in a copy.
mkdir -p _build/_page
cfg="$ROOT/_build/_page/_config.page.yml"
"$ROOT/.venv/bin/python" - "$ROOT" "$(dirname "$page")" "$cfg" <<'PY'
import os, sys, yaml
root, pagedir, out = sys.argv[1:]
cfg = yaml.safe_load(open(os.path.join(root, "_config.yml"), encoding="utf8"))
rel = lambda p: os.path.relpath(os.path.join(root, p), pagedir)
cfg["bibtex_bibfiles"] = [rel(p) for p in cfg.get("bibtex_bibfiles", [])]
sc = cfg.setdefault("sphinx", {}).setdefault("config", {})
sc["html_static_path"] = [rel(p) for p in sc.get("html_static_path", [])]
sx = cfg.get("sphinx", {})
sx["local_extensions"] = {k: os.path.join(root, v) for k, v in (sx.get("local_extensions") or {}).items()}
cfg.get("execute", {}).setdefault("cache", os.path.join(root, "_build", ".jupyter_cache"))
yaml.safe_dump(cfg, open(out, "w", encoding="utf8"), sort_keys=False)
PY
"$JB" build "$page" --config "$cfg" -n --keep-going >&2
name="$(basename "${page%.*}")"
sub="$(tl_relpath "$(dirname "$page")" "$ROOT" | tr / -)"
[[ "$sub" == "." ]] && dir="$name" || dir="$sub-$name"
out="$ROOT/_build/_page/$dir/html/$name.html"
[[ -f "$out" ]] || { echo "build.sh: $out was not produced" >&2; exit 1; }
echo "$out"
