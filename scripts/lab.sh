#!/usr/bin/env bash
# Open the book's chapters as live notebooks in JupyterLab.
#
# Sets up the environment first (scripts/setup.sh), then starts JupyterLab from
# the repository root; extra arguments go to `jupyter lab`, e.g.
# `bash scripts/lab.sh --no-browser --port 8899`.
# Double-clicking a chapter (book/*.md) opens it as a notebook: the settings
# override jupyter/overrides.json, installed into the venv by setup.sh, makes
# jupytext's "Jupytext Notebook" the default viewer for Markdown/MyST files.
#
# Security: the server listens on 127.0.0.1 only, asks for a token (a new
# random one, or JUPYTER_TOKEN if set), checks XSRF and refuses remote
# access and cross-origin requests, whatever a Jupyter config file in
# ~/.jupyter or /etc/jupyter says: scripts/lab_server.py gives these settings
# as command-line settings (which override config files) and checks them
# before the server listens. Arguments that would change them are refused.
set -euo pipefail
ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
TL_NAME=lab
. "$ROOT/scripts/lib.sh"
bash scripts/setup.sh

args=()
if [[ "$(id -u)" -eq 0 ]]; then
  # JupyterLab refuses to run as root without --allow-root (containers, CI machines).
  tl_log "WARNING: running as root (--allow-root): the notebooks' kernels and terminals have root's rights,"
  tl_log "and so has anyone with the token. Run as an ordinary user where you can."
  args+=(--allow-root)
fi
TL_LAB_TOKEN="${JUPYTER_TOKEN:-}"
if [[ -z "$TL_LAB_TOKEN" ]]; then
  TL_LAB_TOKEN="$("$ROOT/.venv/bin/python" -c 'import secrets; print(secrets.token_hex(24))')"
fi
export TL_LAB_TOKEN
exec "$ROOT/.venv/bin/python" "$ROOT/scripts/lab_server.py" ${args[@]+"${args[@]}"} "$@"
