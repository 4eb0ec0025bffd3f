#!/usr/bin/env bash
# Open the book's chapters as live notebooks in JupyterLab.
#
# Sets up the environment first (scripts/setup.sh, when present), then starts
# JupyterLab from the repository root; extra arguments go to `jupyter lab`,
# e.g. `bash scripts/lab.sh --no-browser --port 8899`.
# Double-clicking a chapter (book/*.md) opens it as a notebook: the settings
# override jupyter/overrides.json, installed into the venv by setup.sh, makes
# jupytext's "Jupytext Notebook" the default viewer for Markdown/MyST files.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ -f scripts/setup.sh ]]; then
  bash scripts/setup.sh
fi
args=()
# JupyterLab refuses to run as root without --allow-root (containers, CI machines).
if [[ "$(id -u)" -eq 0 ]]; then
  args+=(--allow-root)
fi
exec "$ROOT/.venv/bin/jupyter" lab "${args[@]}" "$@"
