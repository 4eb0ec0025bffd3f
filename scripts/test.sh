#!/usr/bin/env bash
# Run every test (unit, property, book build, notebook execution, browser, live
# JupyterLab), slow ones included, on every core (pytest-xdist). Installs what
# is missing first, including a Chromium for the browser tests. Extra arguments
# go to pytest, e.g.
#   bash scripts/test.sh tests/twolevel -x -q
#   bash scripts/test.sh -m "not slow"      # the fast tier: no book build, notebook or browser
#   bash scripts/test.sh -n 0               # in one process (e.g. to use a debugger)
# TWOLEVEL_TEST_WORKERS sets the number of workers (default: auto, one per core).
# Without any Chromium (none found, none installable) the browser tests are
# skipped, and the run says so loudly at its start and end; under CI they fail.
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
TL_NAME=test
. "$ROOT/scripts/lib.sh"

bash scripts/setup.sh --with-chromium
export PYTHONHASHSEED=0

# The browser the tests drive (tests/browser_support.py), found once for every worker.
no_browser=""
if browser="$("$ROOT/.venv/bin/python" scripts/find_chromium.py 2>/dev/null)"; then
  export TL_CHROMIUM="$browser"
else
  no_browser="$("$ROOT/.venv/bin/python" scripts/find_chromium.py 2>&1 || true)"
  tl_log "############################################################################"
  tl_log "BROWSER TESTS NOT RUN: ${no_browser#find_chromium: }"
  tl_log "(bash scripts/setup.sh --with-chromium could not install one; see above)"
  tl_log "############################################################################"
fi

# Both cores, unless the caller chose otherwise: scope scheduling keeps the
# modules that must stay together on one worker (tests/conftest.py, GROUPED),
# and --no-loadscope-reorder keeps the order tests/conftest.py gives
# (whole-book executions first).
parallel=(-n "${TWOLEVEL_TEST_WORKERS:-auto}" --dist loadscope --no-loadscope-reorder)
for arg in "$@"; do
  case "$arg" in
    no:xdist|-pno:xdist) parallel=() ;;
  esac
done

set +e
# No path given: pytest.ini's testpaths (tests/) are collected, with coverage of twolevel/ and its
# floor (pyproject.toml's [tool.coverage]; pytest-cov combines pytest-xdist's workers).
coverage=()
[[ $# -eq 0 ]] && coverage=(--cov=twolevel --cov-report=term)
"$ROOT/.venv/bin/python" -m pytest ${parallel[@]+"${parallel[@]}"} ${coverage[@]+"${coverage[@]}"} "$@"
rc=$?
set -e
if [[ -n "$no_browser" ]]; then
  tl_log "BROWSER TESTS NOT RUN: ${no_browser#find_chromium: }"
fi
if [[ $rc -eq 5 ]]; then
  echo "test.sh: pytest collected no tests; that is a failure" >&2
  exit 1
fi
exit "$rc"
