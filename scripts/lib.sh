# Helpers shared by the scripts (sourced, never run). Portable across GNU/Linux
# and macOS: bash 3.2 (no empty "${array[@]}" under set -u, no mapfile or
# associative arrays) and BSD tools (no realpath -m or --relative-to, no
# sha256sum, no sort -V); tests/book/test_scripts.py checks both.
#
# The caller sets ROOT (the checkout, a physical path) and TL_NAME (the prefix
# of its messages) before sourcing this file.

tl_log() { echo "[${TL_NAME:-twolevel}] $*" >&2; }

# The SHA-256 of standard input, as hex: sha256sum (GNU), shasum (macOS, BSD) or openssl.
tl_sha256() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum | cut -d' ' -f1
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 | cut -d' ' -f1
  else
    openssl dgst -sha256 -r | cut -d' ' -f1
  fi
}

# A Python that runs: the checkout's venv, else $PYTHON, else python3 (empty if none).
tl_python() {
  local py
  for py in "$ROOT/.venv/bin/python" "${PYTHON:-}" python3; do
    [[ -n "$py" ]] || continue
    if "$py" -c 'import sys; sys.exit(sys.version_info < (3, 8))' >/dev/null 2>&1; then
      echo "$py"
      return 0
    fi
  done
  return 1
}

# The absolute, normalised path of $1 (relative to the current folder), symbolic
# links resolved, whether or not it exists: what GNU `realpath -m` prints.
tl_abspath() { "$(tl_python)" -c 'import os, sys; print(os.path.realpath(sys.argv[1]))' "$1"; }

# $1 relative to the folder $2: what GNU `realpath --relative-to=$2 $1` prints.
tl_relpath() { "$(tl_python)" -c 'import os, sys; print(os.path.relpath(*sys.argv[1:]))' "$1" "$2"; }

# Hold the checkout's lock until this script exits. setup.sh, build.sh and
# pdf.sh take it, so two of them never work on one checkout's .venv, _build/
# or caches at once: the second waits, and says for whom. The lock is an
# flock(2) on .twolevel.lock, taken through file descriptor 9, so it is
# released when the script ends, however it ends (no stale lock after a
# crash or Ctrl-C). Scripts started by the holder (build.sh runs setup.sh)
# see TWOLEVEL_LOCK_HELD and do not wait for their own parent.
tl_lock() {
  local lockfile="$ROOT/.twolevel.lock" py
  [[ "${TWOLEVEL_LOCK_HELD:-}" == "$lockfile" ]] && return 0
  if ! py="$(tl_python)"; then
    tl_log "WARNING: no Python to take the checkout's lock with; going on without it"
    return 0
  fi
  exec 9>>"$lockfile"
  "$py" - "$lockfile" "${TL_NAME:-twolevel}" "$$" "${0##*/}" <<'PY'
import fcntl, os, sys, time
lockfile, name, pid, script = sys.argv[1:]
try:
    fcntl.flock(9, fcntl.LOCK_EX | fcntl.LOCK_NB)
except BlockingIOError:
    with open(lockfile, encoding="utf8", errors="replace") as f:
        holder = f.read().strip() or "another process"
    print(f"[{name}] waiting for {holder} to finish: one setup or build at a time in this checkout", file=sys.stderr)
    fcntl.flock(9, fcntl.LOCK_EX)
os.ftruncate(9, 0)
os.write(9, f"{script} (pid {pid}, since {time.strftime('%H:%M:%S')})\n".encode())
PY
  export TWOLEVEL_LOCK_HELD="$lockfile"
}

# Remove a folder of this checkout's build output or environment, and nothing
# else: refuses an empty path, a symbolic link, a path outside ROOT, and ROOT
# itself. (Callers pass fixed paths; the guard is for the day one is not.)
tl_remove() {
  local target
  for target in "$@"; do
    case "$target" in
      "$ROOT"/?*) ;;
      *) tl_log "refusing to delete $target: not inside this checkout ($ROOT)"; return 1 ;;
    esac
    case "$target" in
      */../*|*/..|*/./*|*/.) tl_log "refusing to delete $target: not a normalised path"; return 1 ;;
    esac
    if [[ -L "$target" ]]; then
      rm -f "$target"
    elif [[ -e "$target" ]]; then
      rm -rf "$target"
    fi
  done
}

# Run a command as root: directly when we are root; through sudo when sudo can
# run it without a password, or asks for one on this terminal; else fail and
# say what to run. Never run twice: a failure is reported, not retried.
tl_as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif ! command -v sudo >/dev/null 2>&1; then
    tl_log "needs root, and sudo is not installed: run as root: $*"
    return 1
  elif sudo -n true >/dev/null 2>&1; then
    sudo -n "$@"
  elif [[ -t 0 && -t 2 ]]; then
    tl_log "sudo $*"
    sudo "$@"
  else
    tl_log "needs root: sudo asks for a password and there is no terminal to type it; run: sudo $*"
    return 1
  fi
}
