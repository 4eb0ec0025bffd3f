#!/usr/bin/env bash
# Install everything the book, its live notebooks and its tests need. Idempotent:
# a second run takes a second or two.
#
#   bash scripts/setup.sh                  # .venv + Python packages + KaTeX's CSS and fonts
#   bash scripts/setup.sh --with-chromium  # also Debian's chromium (browser tests)
#   TWOLEVEL_WITH_CHROMIUM=1 bash scripts/setup.sh   # same as --with-chromium
#
# Environment: PYTHON (default python3, must be 3.11+; an existing .venv made
# with another interpreter or an older Python is recreated). CI (true): a
# requirements.lock that is stale relative to requirements.txt is an error.
# Progress goes to stderr so callers can keep stdout for their own output.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

WITH_CHROMIUM="${TWOLEVEL_WITH_CHROMIUM:-0}"
for arg in "$@"; do
  case "$arg" in
    --with-chromium) WITH_CHROMIUM=1 ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "setup.sh: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

log() { echo "[setup] $*" >&2; }

# Run a command as root: directly when we are root, else through sudo.
as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@" || sudo "$@"
  else
    log "need root (or sudo) to run: $*"
    return 1
  fi
}

apt_install() {
  command -v apt-get >/dev/null 2>&1 || { log "apt-get not found; please install: $*"; return 1; }
  log "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" </dev/null >&2
}

# ---------------------------------------------------------------- Python venv
# PYTHON: the interpreter to build .venv with (default python3). An existing
# .venv is kept only if its Python is 3.11+ and, when PYTHON is given, the same
# interpreter; otherwise it is recreated (it holds nothing but installed packages).
REQUESTED_PYTHON="${PYTHON:-}"
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/.venv"
VPY="$VENV/bin/python"
# The version of a Python (x.y.z), and the real interpreter behind it (through
# venv links and pyenv-like shims); both fail if it does not run.
py_version() { "$1" -c 'import sys; print(*sys.version_info[:3], sep=".")' 2>/dev/null; }
py_base() { "$1" -c 'import os, sys; print(os.path.realpath(getattr(sys, "_base_executable", sys.executable)))' 2>/dev/null; }
at_least_311() { [[ "$(printf '%s\n' 3.11 "$1" | sort -V | head -n1)" == 3.11 ]]; }

if [[ -e "$VPY" || -L "$VPY" ]]; then
  why=""
  if ! have_ver="$(py_version "$VPY")" || [[ -z "$have_ver" ]]; then
    why=".venv's python does not run (its interpreter was removed or moved)"
  elif ! at_least_311 "$have_ver"; then
    why=".venv has Python $have_ver; Python 3.11+ is required"
  elif [[ -n "$REQUESTED_PYTHON" ]]; then
    command -v "$REQUESTED_PYTHON" >/dev/null 2>&1 || { log "PYTHON=$REQUESTED_PYTHON not found"; exit 1; }
    req_ver="$(py_version "$REQUESTED_PYTHON" || echo '?')"
    if [[ "$req_ver" != "$have_ver" || "$(py_base "$REQUESTED_PYTHON")" != "$(py_base "$VPY")" ]]; then
      why=".venv was made with $(py_base "$VPY") (Python $have_ver), not with PYTHON=$REQUESTED_PYTHON ($(py_base "$REQUESTED_PYTHON" || true), Python $req_ver)"
    fi
  fi
  if [[ -n "$why" ]]; then
    log "$why: recreating .venv"
    rm -rf "$VENV"
  fi
fi

if [[ ! -x "$VPY" ]]; then
  command -v "$PYTHON" >/dev/null 2>&1 || { log "$PYTHON not found: Python 3.11+ is required (set PYTHON=/path/to/python3.11 or newer)"; exit 1; }
  ver="$(py_version "$PYTHON" || true)"
  at_least_311 "${ver:-0}" || {
    log "$PYTHON is Python ${ver:-(does not run)}; Python 3.11+ is required (set PYTHON=/path/to/python3.11 or newer)"; exit 1; }
  log "creating .venv with Python $ver ($PYTHON)"
  if ! "$PYTHON" -m venv "$VENV" >&2; then
    # Debian ships venv/ensurepip separately.
    rm -rf "$VENV"
    apt_install "python${ver%.*}-venv" || apt_install python3-venv
    "$PYTHON" -m venv "$VENV" >&2
  fi
fi

# The pinned environment: requirements.lock, compiled from requirements.txt by
# scripts/lock.sh. A lock older than requirements.txt fails in CI; locally the
# ranges of requirements.txt are installed on top of the lock, with a warning.
LOCK_OK=1
if ! PYTHON="$VPY" bash scripts/lock.sh --check; then
  if [[ -n "${CI:-}" && "${CI:-}" != "false" && "${CI:-}" != "0" ]]; then
    log "CI: requirements.lock must match requirements.txt. Run: bash scripts/lock.sh, and commit requirements.lock"
    exit 1
  fi
  LOCK_OK=0
  log "WARNING: installing requirements.txt's ranges over the stale lock; run: bash scripts/lock.sh"
fi

# Reinstall only when the lock, the requirements (or the interpreter) changed.
STAMP="$VENV/.twolevel-requirements.sha256"
want="$( { cat requirements.lock requirements.txt pyproject.toml; echo "lock-ok=$LOCK_OK"; "$VPY" --version; } 2>&1 | sha256sum | cut -d' ' -f1)"
have="$(cat "$STAMP" 2>/dev/null || true)"
if [[ "$want" != "$have" ]]; then
  log "installing Python packages (requirements.lock); this takes a few minutes the first time"
  pipi() { "$VPY" -m pip install --quiet --disable-pip-version-check "$@" >&2; }
  pipi --upgrade pip
  # Hash-checking mode: every package at its locked version, every file verified.
  [[ ! -f requirements.lock ]] || pipi --require-hashes -r requirements.lock
  [[ "$LOCK_OK" == 1 ]] || pipi -r requirements.txt
  # The model package itself; its dependencies are in the lock.
  pipi --no-deps -e .
  echo "$want" >"$STAMP"
else
  log "Python packages up to date"
fi

# Matplotlib builds its font cache on first import and says so on stderr; do it
# now, so that no notebook output (or build, which fails on stderr) sees it.
MPLBACKEND=Agg "$VPY" -c 'import matplotlib.pyplot' >/dev/null 2>&1 || true

# ipykernel >= 7.3 logs a WARNING at every kernel start when the client did not
# provision CurveZMQ keys (myst-nb and nbclient do not); on a single machine
# that is noise, and the strict build's log must stay free of warnings. This
# venv-wide IPython config keeps the kernel's own log to errors (warnings
# raised by notebook code are unaffected: they are stderr outputs).
KCONF="$VENV/etc/ipython/ipython_kernel_config.json"
if [[ ! -f "$KCONF" ]]; then
  mkdir -p "$(dirname "$KCONF")"
  printf '{\n  "IPKernelApp": {"log_level": "ERROR"}\n}\n' >"$KCONF"
fi

# ------------------------------------------------------------- KaTeX (npm)
# Pinned in package.json / package-lock.json; served by the built site itself.
NPM_STAMP="node_modules/.twolevel-lock.sha256"
want_npm="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -f node_modules/katex/dist/katex.min.css || "$(cat "$NPM_STAMP" 2>/dev/null || true)" != "$want_npm" ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm || {
      log "npm is missing and could not be installed with apt-get: install Node.js and npm, then rerun bash scripts/setup.sh"; exit 1; }
  fi
  log "npm ci (KaTeX and axe-core, pinned)"
  if ! npm ci --no-audit --no-fund --loglevel=error >&2; then
    log "FAILED: npm ci could not install KaTeX (package-lock.json) from the npm registry $(npm config get registry 2>/dev/null || echo '?')."
    log "The built book serves its own copy of KaTeX's CSS and fonts, so setup needs that registry once (node_modules/ is reused afterwards)."
    log "What to do: check the network and npm's proxy settings (npm config get https-proxy), or use a reachable mirror of the registry:"
    log "  npm_config_registry=https://your.mirror/ bash scripts/setup.sh"
    exit 1
  fi
  echo "$want_npm" >"$NPM_STAMP"
else
  log "npm packages up to date"
fi

# ------------------------------------------------- notebook execution cache
# The build re-executes a chapter only when its own code changed (jupyter-cache,
# _build/.jupyter_cache), and Sphinx re-reads only changed pages. Outputs also
# depend on the twolevel package, so both caches (and single-page builds) are
# dropped whenever the package (or the environment) changed.
JCACHE="_build/.jupyter_cache"
src_hash="$( { find twolevel -name '*.py' -type f -print0 | sort -z | xargs -0 sha256sum; echo "$want"; } | sha256sum | cut -d' ' -f1)"
if [[ -d "$JCACHE" && "$(cat "$JCACHE/.twolevel-src.sha256" 2>/dev/null || true)" != "$src_hash" ]]; then
  log "twolevel/ changed: clearing the notebook execution cache"
  rm -rf "$JCACHE" _build/.doctrees _build/_page
fi
mkdir -p "$JCACHE"
echo "$src_hash" >"$JCACHE/.twolevel-src.sha256"

# ------------------------------------------------------ JupyterLab settings
# Make book/*.md open as notebooks (jupytext) by default in this venv's Lab.
if [[ -f jupyter/overrides.json ]]; then
  dest="$VENV/share/jupyter/lab/settings"
  mkdir -p "$dest"
  if ! cmp -s jupyter/overrides.json "$dest/overrides.json"; then
    cp jupyter/overrides.json "$dest/overrides.json"
    log "installed JupyterLab settings overrides"
  fi
fi

# ------------------------------------------------------------------ chromium
# Browser tests drive Debian's chromium (playwright's own browser download is
# not used: it needs a CDN).
if [[ "$WITH_CHROMIUM" == 1 ]]; then
  if [[ -x /usr/bin/chromium ]]; then
    log "chromium present"
  else
    apt_install chromium
  fi
fi

log "environment ready: $VENV"
