#!/usr/bin/env bash
# Run every test (unit, property, book build, notebook execution, browser, live
# JupyterLab), slow ones included. Installs what is missing first, including
# Debian's chromium for the browser tests. Extra arguments go to pytest, e.g.
#   bash scripts/test.sh tests/twolevel -x -q
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh --with-chromium
export PYTHONHASHSEED=0

set +e
# No path given: pytest.ini's testpaths (tests/) are collected, with coverage of twolevel/ and its
# floor (pyproject.toml's [tool.coverage]; pytest-cov also combines pytest-xdist's workers).
COVERAGE=()
[[ $# -eq 0 ]] && COVERAGE=(--cov=twolevel --cov-report=term)
"$ROOT/.venv/bin/python" -m pytest "${COVERAGE[@]}" "$@"
rc=$?
set -e
if [[ $rc -eq 5 ]]; then
  echo "test.sh: pytest collected no tests; that is a failure" >&2
  exit 1
fi
exit "$rc"
