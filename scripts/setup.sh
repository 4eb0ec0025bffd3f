#!/usr/bin/env bash
# Install everything the book, its live notebooks and its tests need. Idempotent:
# a second run takes a second or two.
#
#   bash scripts/setup.sh                  # .venv + Python packages + KaTeX's CSS and fonts
#   bash scripts/setup.sh --with-chromium  # also a Chromium for the browser tests, if none is found
#   TWOLEVEL_WITH_CHROMIUM=1 bash scripts/setup.sh   # same as --with-chromium
#
# Environment: PYTHON (default python3, must be 3.11+; an existing .venv made
# with another interpreter or an older Python is recreated). CI (true): a
# requirements.lock that is stale relative to requirements.txt is an error.
# Progress goes to stderr so callers can keep stdout for their own output.
#
# One setup or build at a time per checkout (scripts/lib.sh, tl_lock). The venv
# records the checkout it was made for (.venv/.twolevel-checkout): a moved or
# copied checkout gets a new one (a venv's scripts and its editable install of
# twolevel point at the old place). A venv whose pip or twolevel install is
# broken is repaired, and says how. Installs need no network once the lock's
# packages are there (the package itself is installed without build isolation,
# from the lock's setuptools).
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
TL_NAME=setup
. "$ROOT/scripts/lib.sh"

WITH_CHROMIUM="${TWOLEVEL_WITH_CHROMIUM:-0}"
for arg in "$@"; do
  case "$arg" in
    --with-chromium) WITH_CHROMIUM=1 ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "setup.sh: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

log() { tl_log "$@"; }
is_ci() { [[ -n "${CI:-}" && "${CI:-}" != "false" && "${CI:-}" != "0" ]]; }

apt_install() {
  command -v apt-get >/dev/null 2>&1 || { log "apt-get not found; please install: $*"; return 1; }
  log "apt-get install $*"
  tl_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null >&2 || return 1
  tl_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" </dev/null >&2
}

tl_lock

# ---------------------------------------------------------------- Python venv
# PYTHON: the interpreter to build .venv with (default python3). An existing
# .venv is kept only if its Python is 3.11+ and, when PYTHON is given, the same
# interpreter, and if it was made for this checkout; otherwise it is recreated
# (it holds nothing but installed packages).
REQUESTED_PYTHON="${PYTHON:-}"
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/.venv"
VPY="$VENV/bin/python"
CHECKOUT_RECORD="$VENV/.twolevel-checkout"
# The version of a Python (x.y.z), and the real interpreter behind it (through
# venv links and pyenv-like shims); both fail if it does not run.
py_version() { "$1" -c 'import sys; print(*sys.version_info[:3], sep=".")' 2>/dev/null; }
py_base() { "$1" -c 'import os, sys; print(os.path.realpath(getattr(sys, "_base_executable", sys.executable)))' 2>/dev/null; }
at_least_311() {
  local major="${1%%.*}" rest="${1#*.}"
  [[ "$major" =~ ^[0-9]+$ && "${rest%%.*}" =~ ^[0-9]+$ ]] || return 1
  (( major > 3 || (major == 3 && ${rest%%.*} >= 11) ))
}
# The checkout a venv belongs to: the physical folder that holds it (a .venv
# that is a link to another checkout's belongs to that one).
venv_home() { (cd -P "$VENV/.." && pwd -P); }

if [[ -e "$VPY" || -L "$VPY" ]]; then
  why=""
  recorded="$(cat "$CHECKOUT_RECORD" 2>/dev/null || true)"
  if [[ -z "$recorded" ]]; then
    # A venv from before the record: its pip's first line names the venv it was made in.
    shebang="$(head -n1 "$VENV/bin/pip" 2>/dev/null || true)"
    case "$shebang" in
      "#!$(venv_home)/.venv/bin/python"*) recorded="$(venv_home)"; echo "$recorded" >"$CHECKOUT_RECORD" ;;
      "#!"*) recorded="${shebang#\#!}"; recorded="${recorded%/.venv/bin/python*}" ;;
    esac
  fi
  if [[ -n "$recorded" && "$recorded" != "$(venv_home)" ]]; then
    why=".venv was made for the checkout $recorded, not for this one ($(venv_home)): the checkout was moved or copied, and the venv's scripts and its install of twolevel still point there"
  elif ! have_ver="$(py_version "$VPY")" || [[ -z "$have_ver" ]]; then
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
    tl_remove "$VENV"
  fi
fi

if [[ ! -x "$VPY" ]]; then
  [[ -L "$VENV" ]] && tl_remove "$VENV"   # a link to a venv that is gone
  command -v "$PYTHON" >/dev/null 2>&1 || { log "$PYTHON not found: Python 3.11+ is required (set PYTHON=/path/to/python3.11 or newer)"; exit 1; }
  ver="$(py_version "$PYTHON" || true)"
  at_least_311 "${ver:-0}" || {
    log "$PYTHON is Python ${ver:-(does not run)}; Python 3.11+ is required (set PYTHON=/path/to/python3.11 or newer)"; exit 1; }
  log "creating .venv with Python $ver ($PYTHON)"
  if ! "$PYTHON" -m venv "$VENV" >&2; then
    # Debian ships venv/ensurepip separately.
    tl_remove "$VENV"
    apt_install "python${ver%.*}-venv" || apt_install python3-venv || {
      log "could not create .venv: install Python's venv module (Debian/Ubuntu: python3-venv), then rerun"; exit 1; }
    "$PYTHON" -m venv "$VENV" >&2
  fi
  echo "$ROOT" >"$CHECKOUT_RECORD"
fi

# A venv without a working pip (an interrupted creation, a removed pip) gets
# pip back from Python's own copy (ensurepip, no network), or is recreated.
if ! "$VPY" -m pip --version >/dev/null 2>&1; then
  log ".venv has no working pip ($VPY -m pip fails): reinstalling pip from Python's bundled copy (ensurepip)"
  if ! "$VPY" -m ensurepip --upgrade >&2 || ! "$VPY" -m pip --version >/dev/null 2>&1; then
    log "ensurepip could not repair it: removing .venv and creating it again"
    tl_remove "$VENV"
    "$PYTHON" -m venv "$VENV" >&2 || { log "could not create .venv with $PYTHON"; exit 1; }
    echo "$ROOT" >"$CHECKOUT_RECORD"
  fi
  rm -f "$VENV/.twolevel-requirements.sha256"   # reinstall everything into it
fi

# The pinned environment: requirements.lock, compiled from requirements.txt by
# scripts/lock.sh. A lock older than requirements.txt fails in CI; locally the
# ranges of requirements.txt are installed on top of the lock, with a warning.
LOCK_OK=1
if ! PYTHON="$VPY" bash scripts/lock.sh --check; then
  if is_ci; then
    log "CI: requirements.lock must match requirements.txt. Run: bash scripts/lock.sh, and commit requirements.lock"
    exit 1
  fi
  LOCK_OK=0
  log "WARNING: installing requirements.txt's ranges over the stale lock; run: bash scripts/lock.sh"
fi

# Reinstall only when the lock, the requirements (or the interpreter) changed,
# or when twolevel no longer imports from this checkout (an interrupted install).
STAMP="$VENV/.twolevel-requirements.sha256"
want="$( { cat requirements.lock requirements.txt pyproject.toml; echo "lock-ok=$LOCK_OK"; "$VPY" --version; } 2>&1 | tl_sha256)"
have="$(cat "$STAMP" 2>/dev/null || true)"
# (-I and a neutral folder: the checkout's own twolevel/ must not be found as the current folder.)
imports_here() {
  (cd / && "$VPY" -I -c 'import os, sys, twolevel; sys.exit(not os.path.realpath(twolevel.__file__).startswith(sys.argv[1]))' \
    "$(venv_home)/twolevel/") >/dev/null 2>&1
}
if [[ "$want" == "$have" ]] && ! imports_here; then
  log "twolevel does not import from $(venv_home) in .venv (an interrupted install?): installing again"
  have=""
fi
if [[ "$want" != "$have" && "$(venv_home)" != "$ROOT" ]]; then
  # .venv links to another checkout's venv: installing here would point it at this checkout.
  log "the linked .venv belongs to $(venv_home) and needs installing: run bash scripts/setup.sh there"
  exit 1
fi
if [[ "$want" != "$have" ]]; then
  log "installing Python packages (requirements.lock); this takes a few minutes the first time"
  pipi() { "$VPY" -m pip install --quiet --disable-pip-version-check "$@" >&2; }
  # Hash-checking mode: every package at its locked version, every file verified.
  [[ ! -f requirements.lock ]] || pipi --require-hashes -r requirements.lock
  [[ "$LOCK_OK" == 1 ]] || pipi -r requirements.txt
  # The model package itself; its dependencies are in the lock, and so are the
  # setuptools and wheel that build it (no build isolation: nothing is fetched).
  pipi --no-deps --no-build-isolation -e .
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
want_npm="$(tl_sha256 <package-lock.json)"
if [[ ! -f node_modules/katex/dist/katex.min.css || "$(cat "$NPM_STAMP" 2>/dev/null || true)" != "$want_npm" ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm || {
      log "npm is missing and could not be installed with apt-get: install Node.js and npm (macOS: brew install node; Fedora: dnf install nodejs npm), then rerun bash scripts/setup.sh"; exit 1; }
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
JCACHE="$ROOT/_build/.jupyter_cache"
src_hash="$("$VPY" - "$want" <<'PY'
import hashlib, pathlib, sys
h = hashlib.sha256(sys.argv[1].encode())
for p in sorted(pathlib.Path("twolevel").rglob("*.py")):
    h.update(str(p).encode() + b"\0" + p.read_bytes())
print(h.hexdigest())
PY
)"
if [[ -d "$JCACHE" && "$(cat "$JCACHE/.twolevel-src.sha256" 2>/dev/null || true)" != "$src_hash" ]]; then
  log "twolevel/ changed: clearing the notebook execution cache"
  tl_remove "$JCACHE" "$ROOT/_build/.doctrees" "$ROOT/_build/_page"
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
# The browser tests (and the PDF edition) drive the system's Chromium through
# Playwright; Playwright's own browser download needs a CDN and is not used.
# scripts/find_chromium.py looks in every usual place; if none is there, it is
# installed with the system's package manager when that can be done (root, or
# sudo), else setup says so and goes on: scripts/test.sh then reports the
# browser tests as not run, with the reason.
install_chromium() {
  local os_id=""
  [[ -r /etc/os-release ]] && os_id="$(. /etc/os-release && echo "${ID:-} ${ID_LIKE:-}")"
  if [[ "$(uname -s)" == Darwin ]]; then
    command -v brew >/dev/null 2>&1 || { log "macOS without Homebrew: install Chromium or Google Chrome (or Homebrew, then rerun)"; return 1; }
    log "brew install --cask chromium"
    brew install --cask chromium >&2
  elif [[ " $os_id " == *" ubuntu "* ]] && command -v snap >/dev/null 2>&1; then
    # Ubuntu's apt chromium is a wrapper around the snap: install the snap itself.
    log "snap install chromium"
    tl_as_root snap install chromium >&2
  elif command -v apt-get >/dev/null 2>&1; then
    apt_install chromium
  elif command -v dnf >/dev/null 2>&1; then
    log "dnf install chromium"
    tl_as_root dnf install -y -q chromium </dev/null >&2
  elif command -v pacman >/dev/null 2>&1; then
    log "pacman -S chromium"
    tl_as_root pacman -S --noconfirm --needed chromium </dev/null >&2
  elif command -v zypper >/dev/null 2>&1; then
    log "zypper install chromium"
    tl_as_root zypper --non-interactive install chromium </dev/null >&2
  else
    log "no known package manager (apt-get, dnf, pacman, zypper, snap, brew) to install Chromium with"
    return 1
  fi
}
if [[ "$WITH_CHROMIUM" == 1 ]]; then
  if browser="$("$VPY" scripts/find_chromium.py 2>/dev/null)"; then
    log "chromium present: $browser"
  elif [[ -n "${TL_CHROMIUM:-}" ]]; then
    # The browser was chosen: installing another would not be used.
    log "WARNING: TL_CHROMIUM=$TL_CHROMIUM does not run as Chromium or Chrome: the browser tests will not run (fix or unset it)"
  elif install_chromium && browser="$("$VPY" scripts/find_chromium.py)"; then
    log "chromium installed: $browser"
  else
    log "WARNING: no Chromium, and none could be installed here: the browser tests will not run (set TL_CHROMIUM=/path/to/chromium if you have one)"
  fi
fi

log "environment ready: $VENV"
