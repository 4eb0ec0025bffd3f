"""The scripts behind the README's commands, run on a temporary copy of the repository.

The copy holds the real scripts, configuration, requirements and lock, a
two-page book, and links to this checkout's ``.venv`` and ``node_modules``, so
that a build goes through exactly the command and configuration of the real
one (``scripts/build.sh`` -> ``jupyter-book build . -W -n --keep-going --all``)
in seconds.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


# ------------------------------------------------------------------ the strict build


@pytest.mark.slow
def test_a_failed_strict_build_fails_again_when_rerun_unchanged(repo_copy, build_command, notebook_page):
    page = repo_copy / "book" / "page.md"
    page.write_text(notebook_page('import sys\nprint("tl-stray-stderr", file=sys.stderr)'), encoding="utf8")

    first = build_command(repo_copy, timeout=600)
    assert first.returncode != 0, first.stderr[-3000:]
    found = [line for line in first.stderr.splitlines() if "stderr was found in the cell outputs" in line]
    assert found and all("page.md" in line for line in found), first.stderr[-3000:]

    # Nothing changed: the build must fail again, with the same warning, and
    # without executing the notebook again (jupyter-cache still serves it).
    second = build_command(repo_copy, timeout=600)
    assert second.returncode != 0, "an unchanged rerun turned the failed strict build green:\n" + second.stderr[-3000:]
    def warnings(log: str) -> list[str]:
        return sorted(line for line in log.splitlines() if "WARNING" in line or "ERROR" in line)

    assert warnings(second.stderr) == warnings(first.stderr)
    assert "build succeeded" not in second.stderr
    assert "Executing notebook" in first.stderr
    assert "Executing notebook" not in second.stderr, "the rerun re-executed an unchanged notebook"

    # Once the cause is gone the build passes.
    page.write_text(notebook_page('print("tl-clean", 1)'), encoding="utf8")
    third = build_command(repo_copy, timeout=600)
    assert third.returncode == 0, third.stderr[-3000:]
    assert Path(third.stdout.strip().splitlines()[-1]) == repo_copy / "_build" / "html" / "index.html"


def run_script(repo: Path, script: str, *args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 300):
    full_env = dict(os.environ)
    full_env.pop("CI", None)
    full_env.update(env or {})
    return subprocess.run(
        ["bash", str(repo / "scripts" / script), *args],
        cwd=cwd or repo,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
    )


# ------------------------------------------------------------------ build.sh


def test_build_resolves_a_page_path_from_the_callers_directory(repo_copy):
    # From book/, "missing.md" means book/missing.md, not <root>/missing.md.
    proc = run_script(repo_copy, "build.sh", "missing.md", cwd=repo_copy / "book")
    assert proc.returncode == 2
    assert str(repo_copy / "book" / "missing.md") in proc.stderr, proc.stderr[-2000:]


def test_build_rejects_a_file_outside_the_repository(repo_copy, tmp_path):
    outside = tmp_path / "elsewhere.md"
    outside.write_text("# Elsewhere\n", encoding="utf8")
    proc = run_script(repo_copy, "build.sh", "elsewhere.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "is not a page of this repository" in proc.stderr, proc.stderr[-2000:]


@pytest.mark.slow
def test_build_a_single_page_given_relative_to_the_callers_directory(repo_copy):
    proc = run_script(repo_copy, "build.sh", "page.md", cwd=repo_copy / "book", timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = Path(proc.stdout.strip().splitlines()[-1])
    assert out == repo_copy / "_build" / "_page" / "book-page" / "html" / "page.html"
    assert "tl-clean 1" in out.read_text(encoding="utf8")


# ------------------------------------------------------------------ setup.sh: the venv's Python


def fake_python(path: Path, version: str) -> Path:
    """An executable that answers every ``-c`` probe with a version, like an old Python would."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\necho {version}\n", encoding="utf8")
    path.chmod(0o755)
    return path


@pytest.fixture
def bare_copy(tmp_path: Path, copy_repository) -> Path:
    """A copy whose .venv is not the real one (setup.sh may delete it)."""
    repo = copy_repository(tmp_path / "bare")
    (repo / ".venv").unlink()
    return repo


def test_setup_replaces_a_venv_older_than_311_and_refuses_an_old_python(bare_copy, tmp_path):
    fake_python(bare_copy / ".venv" / "bin" / "python", "3.10.4")
    old = fake_python(tmp_path / "bin" / "python3.9", "3.9.18")
    proc = run_script(bare_copy, "setup.sh", env={"PYTHON": str(old)})
    assert proc.returncode == 1
    assert ".venv has Python 3.10.4; Python 3.11+ is required: recreating .venv" in proc.stderr, proc.stderr
    assert f"{old} is Python 3.9.18; Python 3.11+ is required" in proc.stderr, proc.stderr
    assert not (bare_copy / ".venv").exists()


def test_setup_replaces_a_venv_made_with_another_interpreter(bare_copy, tmp_path):
    # A .venv of Python 3.12.1 while PYTHON asks for a (too old) 3.9: the venv is
    # not kept, and the requested interpreter is refused with its version.
    fake_python(bare_copy / ".venv" / "bin" / "python", "3.12.1")
    old = fake_python(tmp_path / "bin" / "python3.9", "3.9.18")
    proc = run_script(bare_copy, "setup.sh", env={"PYTHON": str(old)})
    assert proc.returncode == 1
    assert "not with PYTHON=" in proc.stderr and "recreating .venv" in proc.stderr, proc.stderr
    assert "is Python 3.9.18; Python 3.11+ is required" in proc.stderr


def test_setup_keeps_a_venv_of_the_requested_interpreter(repo_copy):
    venv_python = repo_copy / ".venv" / "bin" / "python"
    proc = run_script(repo_copy, "setup.sh", env={"PYTHON": str(venv_python)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "recreating" not in proc.stderr
    assert (repo_copy / ".venv").is_symlink()


def test_setup_names_a_broken_venv(bare_copy):
    (bare_copy / ".venv" / "bin").mkdir(parents=True)
    (bare_copy / ".venv" / "bin" / "python").symlink_to("/nonexistent/python3.11")
    proc = run_script(bare_copy, "setup.sh", env={"PYTHON": "/nonexistent/python3"})
    assert proc.returncode == 1
    assert "does not run" in proc.stderr and "/nonexistent/python3 not found" in proc.stderr, proc.stderr


# ------------------------------------------------------------------ setup.sh: npm


def test_setup_says_what_to_do_when_npm_cannot_reach_its_registry(repo_copy, tmp_path):
    (repo_copy / "node_modules").unlink()
    env = {
        # Nothing listens on the discard port of the loopback address.
        "npm_config_registry": "http://127.0.0.1:9/",
        "npm_config_cache": str(tmp_path / "npm-cache"),
        "npm_config_fetch_retries": "0",
        "npm_config_fetch_timeout": "5000",
    }
    proc = run_script(repo_copy, "setup.sh", env=env, timeout=180)
    assert proc.returncode == 1
    assert "FAILED: npm ci could not install KaTeX" in proc.stderr, proc.stderr[-3000:]
    assert "http://127.0.0.1:9/" in proc.stderr
    assert "npm_config_registry=" in proc.stderr  # what to do


# ------------------------------------------------------------------ the lock


def test_the_lock_is_current():
    proc = subprocess.run(["bash", str(ROOT / "scripts" / "lock.sh"), "--check"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_every_requirement_is_pinned_with_hashes_within_its_range():
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name
    from packaging.version import Version

    lock = (ROOT / "requirements.lock").read_text(encoding="utf8")
    entries = lock.split("\n")
    pins: dict[str, list[Version]] = {}
    hashed: dict[str, int] = {}
    current = None
    for line in entries:
        if line and not line.startswith((" ", "#")):
            name, _, rest = line.partition("==")
            assert rest, f"not an exact pin: {line}"
            current = canonicalize_name(name)
            pins.setdefault(current, []).append(Version(rest.split()[0]))
        elif "--hash=sha256:" in line and current:
            hashed[current] = hashed.get(current, 0) + 1
    assert pins, "the lock pins nothing"
    assert set(hashed) == set(pins), f"pins without hashes: {sorted(set(pins) - set(hashed))}"
    for line in (ROOT / "requirements.txt").read_text(encoding="utf8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        req = Requirement(line)
        versions = pins.get(canonicalize_name(req.name))
        assert versions, f"{req.name} is in requirements.txt but not in requirements.lock"
        for v in versions:
            assert req.specifier.contains(v, prereleases=True), f"{req.name}=={v} is outside {req.specifier}"


def test_setup_in_ci_fails_on_a_stale_lock_and_names_the_fix(repo_copy):
    with open(repo_copy / "requirements.txt", "a", encoding="utf8") as f:
        f.write("tl-not-yet-locked>=1\n")
    proc = run_script(repo_copy, "setup.sh", env={"CI": "true"})
    assert proc.returncode == 1
    assert "requirements.lock is stale" in proc.stderr, proc.stderr
    assert "not in the lock: tl-not-yet-locked" in proc.stderr
    assert "bash scripts/lock.sh" in proc.stderr
    assert "installing Python packages" not in proc.stderr  # it stopped before touching the venv


def test_the_lock_check_ignores_comments_order_and_spacing(repo_copy):
    req = repo_copy / "requirements.txt"
    lines = [line for line in req.read_text(encoding="utf8").splitlines() if line and not line.startswith("#")]
    req.write_text("# reordered\n" + "\n".join(f"  {line}  " for line in reversed(lines)) + "\n", encoding="utf8")
    proc = run_script(repo_copy, "lock.sh", "--check")
    assert proc.returncode == 0, proc.stderr
