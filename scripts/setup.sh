#!/usr/bin/env bash
# Install everything the book, its live notebooks and its tests need. Idempotent:
# a second run takes a second or two.
#
#   bash scripts/setup.sh                  # .venv + Python packages + MathJax
#   bash scripts/setup.sh --with-chromium  # also Debian's chromium (browser tests)
#   TWOLEVEL_WITH_CHROMIUM=1 bash scripts/setup.sh   # same as --with-chromium
#
# Environment: PYTHON (default python3, must be 3.11+).
# Progress goes to stderr so callers can keep stdout for their own output.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

WITH_CHROMIUM="${TWOLEVEL_WITH_CHROMIUM:-0}"
for arg in "$@"; do
  case "$arg" in
    --with-chromium) WITH_CHROMIUM=1 ;;
    -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}"; exit 0 ;;
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
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/.venv"
VPY="$VENV/bin/python"

if [[ ! -x "$VPY" ]]; then
  command -v "$PYTHON" >/dev/null 2>&1 || { log "$PYTHON not found: Python 3.11+ is required"; exit 1; }
  "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || {
    log "$PYTHON is $("$PYTHON" --version 2>&1); Python 3.11+ is required (set PYTHON=...)"; exit 1; }
  log "creating .venv with $("$PYTHON" --version 2>&1)"
  if ! "$PYTHON" -m venv "$VENV" >&2; then
    # Debian ships venv/ensurepip separately.
    rm -rf "$VENV"
    ver="$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
    apt_install "python${ver}-venv" || apt_install python3-venv
    "$PYTHON" -m venv "$VENV" >&2
  fi
fi

# Reinstall only when the requirements (or the interpreter) changed.
STAMP="$VENV/.twolevel-requirements.sha256"
want="$( { cat requirements.txt pyproject.toml; "$VPY" --version; } 2>&1 | sha256sum | cut -d' ' -f1)"
have="$(cat "$STAMP" 2>/dev/null || true)"
if [[ "$want" != "$have" ]]; then
  log "installing Python packages (requirements.txt); this takes a few minutes the first time"
  "$VPY" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
  "$VPY" -m pip install --quiet --disable-pip-version-check -r requirements.txt >&2
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

# ------------------------------------------------------------- MathJax (npm)
# Pinned in package.json / package-lock.json; served by the built site itself.
NPM_STAMP="node_modules/.twolevel-lock.sha256"
want_npm="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -f node_modules/mathjax/es5/tex-chtml.js || "$(cat "$NPM_STAMP" 2>/dev/null || true)" != "$want_npm" ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
  log "npm ci (MathJax, pinned)"
  npm ci --no-audit --no-fund --loglevel=error >&2
  echo "$want_npm" >"$NPM_STAMP"
else
  log "MathJax up to date"
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
