"""The scripts behind the README's commands, run on a temporary copy of the repository.

The copy holds the real scripts, configuration, requirements and lock, a
two-page book, and links to this checkout's ``.venv`` and ``node_modules``, so
that a build goes through exactly the command and configuration of the real
one (``scripts/build.sh`` -> ``jupyter-book build . -W -n --keep-going --all``)
in seconds.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import sysconfig
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


# ------------------------------------------------------------------ one setup or build at a time


def bash(script: str, *, cwd: Path, env: dict | None = None, timeout: float = 120) -> subprocess.Popen:
    """Start ``bash -c script`` (stdout and stderr captured as text)."""
    full_env = dict(os.environ)
    full_env.pop("TWOLEVEL_LOCK_HELD", None)
    full_env.update(env or {})
    return subprocess.Popen(["bash", "-c", script], cwd=cwd, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


LOCKED = 'ROOT="$PWD"; TL_NAME={name}; . scripts/lib.sh; tl_lock; echo "{name} has it"; {then}'


def test_a_second_holder_waits_for_the_first_and_says_for_whom(repo_copy):
    first = bash(LOCKED.format(name="first", then="sleep 4; echo first done"), cwd=repo_copy)
    assert first.stdout.readline().strip() == "first has it"
    second = bash(LOCKED.format(name="second", then="true"), cwd=repo_copy)
    out, err = second.communicate(timeout=120)
    first_out, _ = first.communicate(timeout=120)
    assert first.returncode == 0 and second.returncode == 0, err
    assert "first done" in first_out and out.strip() == "second has it"
    assert "[second] waiting for bash (pid" in err and "one setup or build at a time" in err, err


def test_the_lock_dies_with_its_holder(repo_copy):
    holder = bash(LOCKED.format(name="holder", then="sleep 600"), cwd=repo_copy)
    assert holder.stdout.readline().strip() == "holder has it"
    holder.kill()  # SIGKILL: no trap runs, yet the lock is gone with the process
    holder.communicate(timeout=30)
    after = bash(LOCKED.format(name="after", then="true"), cwd=repo_copy)
    out, err = after.communicate(timeout=60)
    assert after.returncode == 0 and out.strip() == "after has it", err


def test_a_script_started_by_the_holder_does_not_wait_for_it(repo_copy):
    # build.sh holds the lock and runs setup.sh, which takes it too: no deadlock.
    proc = bash(LOCKED.format(name="outer", then="bash scripts/setup.sh"), cwd=repo_copy)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-3000:]
    assert "waiting for" not in err


@pytest.mark.slow
def test_two_builds_at_once_both_succeed(repo_copy):
    procs = [bash("bash scripts/build.sh", cwd=repo_copy, env={"PYTHONHASHSEED": "0"}) for _ in range(2)]
    results = [p.communicate(timeout=900) for p in procs]
    for proc, (out, err) in zip(procs, results):
        assert proc.returncode == 0, err[-3000:]
        assert Path(out.strip().splitlines()[-1]) == repo_copy / "_build" / "html" / "index.html"
    assert sum("waiting for" in err for _, err in results) == 1, [err[-500:] for _, err in results]
    assert "tl-clean 1" in (repo_copy / "_build" / "html" / "book" / "page.html").read_text(encoding="utf8")


# ------------------------------------------------------------------ setup.sh: a moved checkout, a broken venv


def test_setup_recreates_a_venv_made_for_another_checkout(bare_copy, tmp_path):
    # A copied checkout: its .venv's scripts and editable install still point at the original.
    fake_python(bare_copy / ".venv" / "bin" / "python", "3.12.1")
    (bare_copy / ".venv" / ".twolevel-checkout").write_text("/somewhere/else\n", encoding="utf8")
    old = fake_python(tmp_path / "bin" / "python3.9", "3.9.18")
    proc = run_script(bare_copy, "setup.sh", env={"PYTHON": str(old)})
    assert proc.returncode == 1
    assert ".venv was made for the checkout /somewhere/else, not for this one" in proc.stderr, proc.stderr
    assert "moved or copied" in proc.stderr and "recreating .venv" in proc.stderr
    assert not (bare_copy / ".venv").exists()


def test_setup_keeps_a_venv_linked_from_its_own_checkout(repo_copy):
    # The copies these tests make link this checkout's .venv: it belongs to this checkout, and is kept.
    proc = run_script(repo_copy, "setup.sh")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "recreating" not in proc.stderr and (repo_copy / ".venv").is_symlink()


def _offline_venv(repo: Path, tmp_path: Path) -> Path:
    """A venv in ``repo`` without pip, seeing this checkout's installed packages but not its twolevel."""
    venv = repo / ".venv"
    if venv.is_symlink():
        venv.unlink()
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    (venv / ".twolevel-checkout").write_text(f"{repo}\n", encoding="utf8")
    site = Path(sysconfig.get_paths()["purelib"])
    shadow = tmp_path / "site-packages"
    shadow.mkdir()
    for entry in site.iterdir():
        if "twolevel" in entry.name.lower() or entry.name.startswith(("pip", "_virtualenv", "distutils-precedence")):
            continue
        (shadow / entry.name).symlink_to(entry)
    py = f"python{sys.version_info.major}.{sys.version_info.minor}"
    (venv / "lib" / py / "site-packages" / "tl_offline.pth").write_text(f"{shadow}\n", encoding="utf8")
    return venv


@pytest.mark.slow
def test_setup_repairs_a_venv_without_pip_and_installs_offline(tmp_path, copy_repository):
    repo = copy_repository(tmp_path / "repo")
    venv = _offline_venv(repo, tmp_path)
    # No index at all: everything must come from what is installed and from the lock.
    proc = run_script(repo, "setup.sh", env={"PIP_NO_INDEX": "1", "PIP_INDEX_URL": "http://127.0.0.1:9/"}, timeout=900)
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert ".venv has no working pip" in proc.stderr and "ensurepip" in proc.stderr, proc.stderr
    assert "installing Python packages" in proc.stderr
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-I", "-c", "import twolevel; print(twolevel.__file__)"],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )
    assert where.stdout.strip() == str(repo / "twolevel" / "__init__.py"), where.stderr
    # A second run finds everything in place.
    again = run_script(repo, "setup.sh", env={"PIP_NO_INDEX": "1"}, timeout=300)
    assert again.returncode == 0 and "Python packages up to date" in again.stderr, again.stderr[-3000:]


# ------------------------------------------------------------------ sudo, deletes


def test_root_commands_ask_sudo_once_and_never_run_twice(repo_copy, tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "sudo-calls"
    (bin_dir / "id").write_text("#!/bin/sh\necho 1000\n", encoding="utf8")
    # sudo wants a password (sudo -n fails) and every call is recorded.
    (bin_dir / "sudo").write_text(f'#!/bin/sh\necho "$*" >> {calls}\nexit 1\n', encoding="utf8")
    for f in bin_dir.iterdir():
        f.chmod(0o755)
    env = {"PATH": f"{bin_dir}:{os.environ['PATH']}"}
    proc = bash('ROOT="$PWD"; TL_NAME=t; . scripts/lib.sh; tl_as_root apt-get install -y chromium </dev/null', cwd=repo_copy, env=env)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert "sudo asks for a password and there is no terminal" in err and "run: sudo apt-get install -y chromium" in err, err
    assert calls.read_text(encoding="utf8").splitlines() == ["-n true"]  # asked whether it may, never ran the command


def test_guarded_delete_refuses_anything_outside_the_checkout(repo_copy, tmp_path):
    outside = tmp_path / "precious"
    outside.mkdir()
    for target in ["", str(outside), "$ROOT", "$ROOT/", "$ROOT/_build/../..", "/"]:
        proc = bash(f'ROOT="$PWD"; TL_NAME=t; . scripts/lib.sh; tl_remove "{target}"', cwd=repo_copy)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 1 and "refusing to delete" in err, (target, err)
    assert outside.is_dir() and (repo_copy / "scripts").is_dir()
    (repo_copy / "_build" / "x").mkdir(parents=True)
    proc = bash('ROOT="$PWD"; TL_NAME=t; . scripts/lib.sh; tl_remove "$ROOT/_build/x"', cwd=repo_copy)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and not (repo_copy / "_build" / "x").exists(), err


def test_student_edition_refuses_to_delete_what_it_did_not_write(repo_copy, tmp_path):
    script = repo_copy / "scripts" / "student_edition.py"
    mine = tmp_path / "notes"
    mine.mkdir()
    (mine / "thesis.md").write_text("mine\n", encoding="utf8")
    for target in [".", str(repo_copy.parent), str(mine)]:
        proc = subprocess.run([sys.executable, str(script), target], cwd=repo_copy, capture_output=True, text=True, timeout=120)
        assert proc.returncode != 0 and "student_edition.py:" in proc.stderr, (target, proc.stderr)
    assert (mine / "thesis.md").is_file() and (repo_copy / "scripts" / "build.sh").is_file()
    # Its own output is replaced, as before.
    out = tmp_path / "edition"
    for _ in range(2):
        proc = subprocess.run([sys.executable, str(script), str(out)], cwd=repo_copy, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
    assert (out / ".twolevel-student-edition").is_file() and (out / "book" / "page.md").is_file()


# ------------------------------------------------------------------ portable shell

SCRIPTS = sorted((ROOT / "scripts").glob("*.sh"))
# GNU-only flags and tools (macOS has BSD tools), and bash 4 features (macOS has bash 3.2).
NOT_PORTABLE = {
    r"\brealpath\s+(-m|--relative-to)": "realpath -m / --relative-to (GNU): use tl_abspath / tl_relpath",
    r"\breadlink\s+-f\b": "readlink -f (GNU, old macOS): use cd -P and pwd -P, or tl_abspath",
    r"\bsort\s+(-[a-zA-Z]*V|--version-sort)": "sort -V (GNU)",
    r"\bsed\s+-i\b": "sed -i (differs between GNU and BSD)",
    r"\bxargs\s+-r\b": "xargs -r (GNU)",
    r"\bgrep\s+-[a-zA-Z]*P": "grep -P (GNU)",
    r"\b(mapfile|readarray)\b": "mapfile/readarray (bash 4)",
    r"\bdeclare\s+-A\b|\blocal\s+-A\b": "associative arrays (bash 4)",
    r"\$\{[A-Za-z_][A-Za-z0-9_]*(,,|\^\^)": "case conversion ${x,,} (bash 4)",
    r"\bstat\s+-c\b": "stat -c (GNU)",
    r"\bdate\s+-d\b": "date -d (GNU)",
}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_scripts_use_no_gnu_only_tools_or_bash4_features(script):
    import re

    problems = []
    for n, line in enumerate(script.read_text(encoding="utf8").splitlines(), start=1):
        code = line.split(" #", 1)[0] if not line.lstrip().startswith("#") else ""
        for pattern, why in NOT_PORTABLE.items():
            if re.search(pattern, code):
                problems.append(f"{script.name}:{n}: {why}: {line.strip()}")
        # sha256sum exists on GNU only: scripts hash through tl_sha256 (lib.sh), which falls back.
        if "sha256sum" in code and script.name != "lib.sh":
            problems.append(f"{script.name}:{n}: sha256sum (GNU): use tl_sha256: {line.strip()}")
        # bash 3.2 under set -u: "${a[@]}" of an empty array is an unbound-variable error.
        for m in re.finditer(r'"\$\{([A-Za-z_][A-Za-z0-9_]*)\[@\]\}"', code):
            if f"${{{m.group(1)}[@]+" not in code:
                problems.append(f"{script.name}:{n}: \"${{{m.group(1)}[@]}}\" fails on bash 3.2 when empty: write ${{{m.group(1)}[@]+\"${{{m.group(1)}[@]}}\"}}")
    assert not problems, "\n".join(problems)


def bsd_like_path(tmp_path: Path) -> str:
    """A PATH like macOS's: the system's tools, but no sha256sum, and a realpath without GNU options."""
    bin_dir = tmp_path / "bsd-bin"
    bin_dir.mkdir()
    hidden = {"sha256sum", "realpath", "flock", "timeout"}
    for folder in os.environ["PATH"].split(os.pathsep):
        if not os.path.isdir(folder):
            continue
        for entry in os.scandir(folder):
            if entry.name in hidden or (bin_dir / entry.name).exists():
                continue
            (bin_dir / entry.name).symlink_to(entry.path)
    (bin_dir / "realpath").write_text('#!/bin/sh\ncase "$1" in -*) echo "realpath: illegal option -- $1" >&2; exit 64;; esac\nexec python3 -c "import os,sys; print(os.path.realpath(sys.argv[1]))" "$1"\n', encoding="utf8")
    (bin_dir / "realpath").chmod(0o755)
    return str(bin_dir)


def test_setup_and_page_paths_work_with_bsd_tools(repo_copy, tmp_path):
    env = {"PATH": bsd_like_path(tmp_path)}
    assert shutil.which("sha256sum", path=env["PATH"]) is None
    proc = run_script(repo_copy, "setup.sh", env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    proc = run_script(repo_copy, "build.sh", "missing.md", cwd=repo_copy / "book", env=env)
    assert proc.returncode == 2 and str(repo_copy / "book" / "missing.md") in proc.stderr, proc.stderr[-2000:]
    outside = tmp_path / "elsewhere.md"
    outside.write_text("# Elsewhere\n", encoding="utf8")
    proc = run_script(repo_copy, "build.sh", "elsewhere.md", cwd=tmp_path, env=env)
    assert proc.returncode == 2 and "is not a page of this repository" in proc.stderr, proc.stderr[-2000:]


# ------------------------------------------------------------------ the browser: found, or reported as not run


def fake_browser(path: Path, out: str, code: int = 0) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\necho '{out}'\nexit {code}\n", encoding="utf8")
    path.chmod(0o755)
    return path


def find_chromium(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "find_chromium.py")], capture_output=True, text=True, env=env, timeout=60
    )


def test_find_chromium_takes_fedoras_chromium_browser(tmp_path):
    browser = fake_browser(tmp_path / "bin" / "chromium-browser", "Chromium 131.0.6778.85 Fedora Project")
    env = {"PATH": str(tmp_path / "bin"), "HOME": str(tmp_path)}
    proc = find_chromium(env)
    assert proc.returncode == 0 and proc.stdout.strip() == str(browser), proc.stderr


def test_find_chromium_skips_ubuntus_wrapper_without_the_snap(tmp_path):
    # Ubuntu's /usr/bin/chromium-browser only asks for the snap; it is not a browser.
    wrapper = fake_browser(
        tmp_path / "bin" / "chromium-browser", "Command '/usr/bin/chromium-browser' requires the chromium snap to be installed.", 1
    )
    proc = find_chromium({"PATH": str(tmp_path / "bin"), "TL_CHROMIUM": str(wrapper)})
    assert proc.returncode == 1 and "does not run as Chromium or Chrome" in proc.stderr, proc.stderr


def test_without_a_browser_the_browser_tests_are_reported_as_not_run(repo_copy, tmp_path):
    # A copy with the real test configuration and two tests: one needs a browser, one does not.
    for name in ("pytest.ini",):
        shutil.copy2(ROOT / name, repo_copy / name)
    (repo_copy / "tests").mkdir()
    for name in ("conftest.py", "browser_support.py"):
        shutil.copy2(ROOT / "tests" / name, repo_copy / "tests" / name)
    (repo_copy / "tests" / "test_probe.py").write_text(
        "from browser_support import chromium\n\n"
        "def test_without_browser():\n    assert 1 + 1 == 2\n\n"
        "def test_with_browser():\n    with chromium() as b:\n        assert b\n",
        encoding="utf8",
    )
    env = {"TL_CHROMIUM": str(tmp_path / "no-such-chromium")}
    proc = run_script(repo_copy, "test.sh", "-n", "0", env=env, timeout=600)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-4000:]
    assert out.count("BROWSER TESTS NOT RUN") >= 3, out[-4000:]  # before, in pytest's summary, after
    assert "1 passed, 1 skipped" in out
    # Under CI nothing may be skipped: the browser test fails, the other still runs.
    ci = run_script(repo_copy, "test.sh", "-n", "0", env={**env, "CI": "true"}, timeout=600)
    assert ci.returncode == 1 and "1 failed, 1 passed" in ci.stdout, (ci.stdout + ci.stderr)[-4000:]


# ------------------------------------------------------------------ lab.sh

HOSTILE_CONFIG = """c.IdentityProvider.token = ""
c.ServerApp.ip = "0.0.0.0"
c.ServerApp.disable_check_xsrf = True
c.ServerApp.allow_remote_access = True
c.ServerApp.allow_origin = "*"
"""


@pytest.mark.slow
def test_lab_keeps_its_security_settings_against_a_config_file(repo_copy, tmp_path):
    import json
    import time
    import urllib.error
    import urllib.request
    from http.cookiejar import CookieJar

    from browser_support import free_port

    config, runtime = tmp_path / "jupyter-config", tmp_path / "runtime"
    config.mkdir()
    (config / "jupyter_server_config.py").write_text(HOSTILE_CONFIG, encoding="utf8")
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(config), JUPYTER_RUNTIME_DIR=str(runtime), JUPYTER_DATA_DIR=str(tmp_path / "data"))
    env.pop("JUPYTER_TOKEN", None)
    env.pop("CI", None)
    port = free_port()
    log = tmp_path / "lab.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            ["bash", "scripts/lab.sh", "--no-browser", f"--port={port}", "--LabApp.news_url="],
            cwd=repo_copy, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 240
        info = None
        while time.monotonic() < deadline and info is None and proc.poll() is None:
            found = sorted(runtime.glob("jpserver-*.json")) if runtime.is_dir() else []
            info = json.loads(found[0].read_text()) if found else None
            time.sleep(0.5)
        text = log.read_text(errors="replace")
        assert info is not None, f"lab.sh did not start (exit {proc.poll()}):\n{text[-4000:]}"
        base = f"http://127.0.0.1:{port}"
        assert info["hostname"] == "127.0.0.1" and len(info["token"]) >= 32, info
        if os.geteuid() == 0:
            assert "running as root" in text, text[-3000:]

        def status(url: str, headers: dict | None = None, opener=None, data: bytes | None = None) -> int:
            request = urllib.request.Request(url, headers=headers or {}, data=data)
            try:
                with (opener or urllib.request.build_opener()).open(request, timeout=30) as resp:
                    return resp.status
            except urllib.error.HTTPError as exc:
                return exc.code

        for _ in range(120):  # the runtime file is written just before the server answers
            if status(f"{base}/api/status?token={info['token']}") == 200:
                break
            time.sleep(0.5)
        assert status(f"{base}/api/status") == 403  # a token is required
        assert status(f"{base}/api/status?token={info['token']}") == 200
        # No remote access: a request naming another host is refused (DNS rebinding).
        assert status(f"{base}/api/status?token={info['token']}", {"Host": "attacker.example"}) == 403
        # XSRF: a browser session (cookie) may not POST without the _xsrf token.
        jar = CookieJar()
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        assert status(f"{base}/lab?token={info['token']}", opener=browser) == 200
        assert status(f"{base}/api/contents", {"Content-Type": "application/json"}, browser, b'{"type": "notebook"}') == 403
        # Arguments that would undo a pinned setting are refused.
        bad = run_script(repo_copy, "lab.sh", "--ServerApp.ip=0.0.0.0", env={"JUPYTER_CONFIG_DIR": str(config)}, timeout=300)
        assert bad.returncode == 2 and "pins" in bad.stderr, bad.stderr[-2000:]
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)
