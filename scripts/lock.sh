#!/usr/bin/env bash
# The pinned environment: requirements.lock, compiled from requirements.txt.
#
#   bash scripts/lock.sh            # refresh the lock after editing requirements.txt
#                                   # (keeps every pin that still satisfies the ranges)
#   bash scripts/lock.sh --upgrade  # move every pin to the newest version the ranges allow
#   bash scripts/lock.sh --check    # exit 1 (and say why) if the lock is stale
#
# requirements.txt is the human-edited input (compatible ranges); together with
# pyproject.toml's dependencies it is compiled by `uv pip compile` into
# requirements.lock: every package, direct or not, at one exact version with the
# sha256 hashes of its files, for every platform and Python >= 3.11
# (--universal). scripts/setup.sh installs the lock (pip checks the hashes),
# then the twolevel package itself with --no-deps. The lock's first line
# records a hash of the inputs, so setup.sh can tell when requirements.txt has
# changed since the lock was made (CI then fails with this command).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

LOCK=requirements.lock
UV_VERSION=0.13.9   # the lock tool, pinned so that a refresh is reproducible
PYTHON="${PYTHON:-python3}"
[[ -x .venv/bin/python ]] && PY=.venv/bin/python || PY="$PYTHON"

# A hash of what the lock is made from: the requirement lines of
# requirements.txt (comments, blank lines, spacing and order do not count) and
# pyproject.toml's dependencies and Python range.
inputs_hash() {
  "$PY" - <<'PY'
import hashlib, re, tomllib
reqs = []
for line in open("requirements.txt", encoding="utf8"):
    line = line.split(" #", 1)[0].strip()
    if line and not line.startswith("#"):
        reqs.append(re.sub(r"\s+", "", line).lower())
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
items = sorted(reqs)
items += sorted("project:" + re.sub(r"\s+", "", d).lower() for d in project.get("dependencies", []))
items.append("requires-python:" + project.get("requires-python", ""))
print(hashlib.sha256("\n".join(items).encode()).hexdigest())
PY
}

# Requirement names of requirements.txt that the lock does not pin.
unpinned() {
  "$PY" - "$LOCK" <<'PY'
import re, sys
norm = lambda n: re.sub(r"[-_.]+", "-", n).lower()
pinned = {norm(m.group(1)) for m in re.finditer(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", open(sys.argv[1], encoding="utf8").read(), re.M)}
for line in open("requirements.txt", encoding="utf8"):
    m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", line.split("#", 1)[0])
    if m and norm(m.group(1)) not in pinned:
        print(m.group(1))
PY
}

if [[ "${1:-}" == "--check" ]]; then
  [[ -f "$LOCK" ]] || { echo "lock.sh: $LOCK is missing; create it with: bash scripts/lock.sh" >&2; exit 1; }
  want="$(inputs_hash)"
  have="$(sed -n 's/^# inputs-sha256: *//p' "$LOCK" | head -n1)"
  if [[ "$want" != "$have" ]]; then
    echo "lock.sh: $LOCK is stale: requirements.txt or pyproject.toml's dependencies changed since it was compiled." >&2
    missing="$(unpinned | tr '\n' ' ')"
    [[ -n "$missing" ]] && echo "lock.sh: not in the lock: $missing" >&2
    echo "lock.sh: refresh it with:  bash scripts/lock.sh   (then commit $LOCK)" >&2
    exit 1
  fi
  exit 0
fi

upgrade=()
case "${1:-}" in
  "") ;;
  --upgrade) upgrade=(--upgrade) ;;
  -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}"; exit 0 ;;
  *) echo "lock.sh: unknown argument: $1 (use --upgrade, --check or nothing)" >&2; exit 2 ;;
esac

if [[ ! -x .venv/bin/python ]]; then
  "$PYTHON" -m venv .venv >&2
  PY=.venv/bin/python
fi
uv_has="$(.venv/bin/uv --version 2>/dev/null || true)"   # "uv 0.13.9 (...)"
if [[ "$uv_has" != "uv $UV_VERSION" && "$uv_has" != "uv $UV_VERSION "* ]]; then
  echo "[lock] installing uv $UV_VERSION (the lock tool) into .venv" >&2
  "$PY" -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION" >&2
fi

hash="$(inputs_hash)"
tmp="$(mktemp "$ROOT/.requirements.lock.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
[[ -f "$LOCK" ]] && cp "$LOCK" "$tmp"   # existing pins are kept unless --upgrade
# The project itself is not locked (setup.sh installs it with -e . --no-deps);
# pyproject.toml contributes its dependencies.
.venv/bin/uv pip compile requirements.txt pyproject.toml \
  --universal --python-version 3.11 --generate-hashes \
  --custom-compile-command "bash scripts/lock.sh" \
  --output-file "$tmp" --quiet ${upgrade[@]+"${upgrade[@]}"} >&2
{ echo "# inputs-sha256: $hash"; grep -v '^# inputs-sha256:' "$tmp"; } >"$LOCK"
echo "[lock] wrote $LOCK ($(grep -c '==' "$LOCK") pinned packages); commit it with requirements.txt" >&2
