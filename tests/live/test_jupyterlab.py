"""The chapters as live notebooks: JupyterLab opens them by double-click, runs them,
and their ipywidgets explorers redraw when a slider moves.

A private JupyterLab server (temporary runtime, config, data, user-settings
and workspaces folders, so nothing of the developer's own setup leaks in; the
venv's app-level settings overrides, from ``jupyter/overrides.json``, do apply)
is driven by Debian's Chromium, whose network is limited to that server.

To add a chapter, append its file to ``CHAPTERS``.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from browser_support import PageWatch, chromium, format_problems, free_port, screenshot

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]

# Chapter files with a live explorer (a VBox with class tl-explorer).
CHAPTERS = [
    "book/ch04_win_sets.md",
    "book/ch05_preferences.md",
    "book/ch06_institutions.md",
    "book/ch07_strategies.md",
]

SERVER_START_S = 120
KERNEL_RUN_MS = 300_000  # Run All on a cold 2-core machine: kernel start + matplotlib import + figures
UI_TIMEOUT_MS = 60_000
REDRAW_MS = 60_000


# ------------------------------------------------------------------ the server
@dataclass
class LabServer:
    url: str  # http://127.0.0.1:PORT
    token: str
    proc: subprocess.Popen
    log_path: Path
    root: Path  # the folder it serves: a snapshot of the repository's book/

    def log_tail(self, n: int = 6000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-n:]
        except OSError as exc:
            return f"(no server log: {exc})"


def _wait_until_up(server: LabServer) -> None:
    deadline = time.monotonic() + SERVER_START_S
    last = ""
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            pytest.fail(f"jupyter lab exited with {server.proc.returncode}:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(f"{server.url}/api/status?token={server.token}", timeout=5) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, OSError) as exc:
            last = str(exc)
        time.sleep(0.5)
    pytest.fail(f"jupyter lab did not answer within {SERVER_START_S}s ({last}):\n{server.log_tail()}")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=20)
    except ProcessLookupError:
        pass


@contextmanager
def lab_server(home: Path) -> Iterator[LabServer]:
    """A private JupyterLab server on 127.0.0.1 serving a snapshot of ``book/`` (under ``home``).

    Also started by ``benchmarks/live_latency.py``, which measures the live explorers in it.
    """
    jupyter = Path(sys.executable).with_name("jupyter")
    settings = home / "user-settings"
    # Never autosave: Run All makes the notebook dirty, and saving would rewrite the chapter.
    docmanager = settings / "@jupyterlab" / "docmanager-extension" / "plugin.jupyterlab-settings"
    docmanager.parent.mkdir(parents=True)
    docmanager.write_text(json.dumps({"autosave": False}))
    # Keep every cell in the DOM (no virtual scrolling), so prompts and outputs can be inspected.
    tracker = settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text(json.dumps({"windowingMode": "none"}))
    env = dict(
        os.environ,
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_DATA_DIR=str(home / "data"),
        JUPYTERLAB_SETTINGS_DIR=str(settings),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
        IPYTHONDIR=str(home / "ipython"),
        JUPYTER_PLATFORM_DIRS="1",
        PYTHONUNBUFFERED="1",
        # The kernels' static explorers render draft frames (tests/book/chapters.py,
        # DRAFT_FRAMES): this test checks the live explorers, not the static pictures.
        TWOLEVEL_DRAFT_FRAMES="1",
    )
    env.pop("JUPYTER_TOKEN", None)
    port, token = free_port(), secrets.token_hex(16)
    log_path = home / "server.log"
    # Serve a snapshot of book/, never the work tree: Run All makes the notebooks dirty,
    # and a save (or checkpoint) must not touch the chapters someone may be editing.
    served = home / "root"
    shutil.copytree(
        ROOT / "book", served / "book", ignore=shutil.ignore_patterns(".ipynb_checkpoints", "_build", "__pycache__")
    )
    cmd = [
        str(jupyter),
        "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={served}",
        # offline: no news feed, no PyPI look-ups from the extension manager
        "--LabApp.news_url=",
        "--LabApp.extension_manager=readonly",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # containers and CI run as root
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    server = LabServer(f"http://127.0.0.1:{port}", token, proc, log_path, served)
    try:
        _wait_until_up(server)
        yield server
    finally:
        _stop(proc)
        shutil.rmtree(served, ignore_errors=True)  # with any checkpoints the server wrote


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> Iterator[LabServer]:
    jupyter = Path(sys.executable).with_name("jupyter")
    if not jupyter.exists():
        pytest.skip(f"no {jupyter}")
    with lab_server(tmp_path_factory.mktemp("jupyterlab")) as server:
        yield server


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


# ------------------------------------------------------------------ page helpers
class Failure:
    """Builds assertion messages with the server log tail, browser problems and a screenshot."""

    def __init__(self, page, lab: LabServer, watch: PageWatch, name: str):
        self.page, self.lab, self.watch, self.name = page, lab, watch, name

    def __call__(self, what: str) -> str:
        problems = self.watch.problems()
        extra = f"\n{format_problems(problems)}" if problems else ""
        shot = screenshot(self.page, self.name)
        return f"{what}{extra}\nscreenshot: {shot}\n--- server log (tail) ---\n{self.lab.log_tail(3000)}"


def _open_by_double_click(page, chapter: str, fail: Failure) -> None:
    """Walk the file browser to the chapter and double-click it, as a reader would."""
    *folders, filename = Path(chapter).parts
    for name in [*folders, filename]:
        exact = re.compile(rf"^\s*{re.escape(name)}\s*$")
        item = page.locator(".jp-DirListing-item").filter(has=page.locator(".jp-DirListing-itemText", has_text=exact))
        try:
            item.first.wait_for(state="visible", timeout=UI_TIMEOUT_MS)
        except PlaywrightError:
            pytest.fail(fail(f"the file browser shows no {name!r} (looking for {chapter})"))
        item.first.dblclick()
        if name != filename:
            page.locator(".jp-BreadCrumbs-item", has_text=exact).first.wait_for(timeout=UI_TIMEOUT_MS)


def _run_all(page, fail: Failure) -> None:
    page.locator(".lm-MenuBar-item", has_text="Run").first.click()
    label = re.compile(r"^\s*Run All Cells\s*$")
    entry = page.locator(".lm-Menu .lm-Menu-item").filter(has=page.locator(".lm-Menu-itemLabel", has_text=label))
    try:
        entry.first.wait_for(state="visible", timeout=UI_TIMEOUT_MS)
    except PlaywrightError:
        pytest.fail(fail("the Run menu has no 'Run All Cells' entry"))
    entry.first.click()


_CELLS_JS = """(panel) => Array.from(panel.querySelectorAll('.jp-CodeCell')).map(c => {
    const prompt = c.querySelector('.jp-InputArea-prompt');
    return (prompt ? prompt.textContent : '').trim();
})"""

_ERROR_OUTPUTS = (
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], '
    ".jp-OutputArea-output.jp-mod-error, "
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]'
)

# Run All is over when every code cell shows an execution count, or when it stopped on an error.
_RUN_ALL_DONE_JS = """([panel, errors]) => {
    const prompts = Array.from(panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')).map(p => p.textContent.trim());
    if (prompts.length === 0 || prompts.some(t => t.includes('*'))) { return false; }
    return prompts.every(t => /^\\[\\d+\\]:$/.test(t)) || panel.querySelector(errors) !== null;
}"""


def _explorer_src(explorer) -> str:
    return explorer.locator("img").first.get_attribute("src") or ""


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_runs_live_and_explorer_redraws(lab, browser, chapter):
    snapshot = lab.root / chapter
    text_before = snapshot.read_bytes()
    name = "live-" + Path(chapter).stem
    watch = PageWatch(lab.url)
    context = browser.new_context(service_workers="block", viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(UI_TIMEOUT_MS)
    watch.attach(context)
    page = context.new_page()
    watch.watch(page)
    fail = Failure(page, lab, watch, name)
    try:
        page.goto(f"{lab.url}/lab?reset&token={lab.token}", wait_until="domcontentloaded")
        page.locator("#jp-main-dock-panel").wait_for(state="visible", timeout=UI_TIMEOUT_MS)

        # 1. double-click opens it as a notebook (the default viewer from jupyter/overrides.json)
        _open_by_double_click(page, chapter, fail)
        panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)").filter(
            has=page.locator(".jp-Notebook")
        )
        editor = page.locator("#jp-main-dock-panel .jp-FileEditor")
        try:  # a notebook with code cells, or (wrong default viewer) a text editor
            panel.first.locator(".jp-CodeCell").or_(editor).first.wait_for(state="visible", timeout=UI_TIMEOUT_MS)
            if editor.count():
                raise PlaywrightError("opened in the text editor")
        except PlaywrightError:
            pytest.fail(
                fail(
                    f"{chapter} did not open as a notebook with code cells by double-click "
                    f"({editor.count()} text editor(s) open instead): is jupyter/overrides.json installed as "
                    f"{Path(sys.prefix) / 'share/jupyter/lab/settings/overrides.json'}?"
                )
            )
        panel = panel.first
        try:  # the document context is ready when the panel's loading spinner is gone
            panel.locator(".jp-Spinner").wait_for(state="detached", timeout=UI_TIMEOUT_MS)
        except PlaywrightError:
            pytest.fail(fail(f"{chapter} never finished loading"))
        tab_title = page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel").first.inner_text()
        assert tab_title == Path(chapter).name, fail(f"the current tab is {tab_title!r}, not {Path(chapter).name!r}")

        # 2. once the kernel is up, Run All (cells sent before it is connected are dropped),
        #    then wait until every code cell has an execution count
        kernel_idle = page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\|\s*Idle\s*$"))
        try:
            kernel_idle.first.wait_for(state="visible", timeout=KERNEL_RUN_MS)
        except PlaywrightError:
            pytest.fail(fail(f"the kernel never became idle after opening {chapter}"))
        _run_all(page, fail)
        try:
            page.wait_for_function(
                _RUN_ALL_DONE_JS, arg=[panel.element_handle(), _ERROR_OUTPUTS], timeout=KERNEL_RUN_MS, polling=500
            )
        except PlaywrightError:
            pytest.fail(fail(f"Run All did not finish in {KERNEL_RUN_MS / 1000:.0f}s; prompts: {panel.evaluate(_CELLS_JS)}"))

        errors = panel.locator(_ERROR_OUTPUTS)
        if errors.count():
            texts = [errors.nth(i).inner_text()[:1500] for i in range(min(errors.count(), 5))]
            pytest.fail(fail("error or stderr output after Run All:\n" + "\n---\n".join(texts)))

        # 3. the live explorer: an ipywidgets VBox.tl-explorer with sliders and an image
        explorer = panel.locator(".tl-explorer").first
        try:
            explorer.wait_for(state="visible", timeout=UI_TIMEOUT_MS)
        except PlaywrightError:
            pytest.fail(fail(f"no visible .tl-explorer widget in {chapter} after Run All"))
        explorer.scroll_into_view_if_needed()
        img = explorer.locator("img").first
        try:
            page.wait_for_function(
                "(el) => el.src && el.complete && el.naturalWidth > 0",
                arg=img.element_handle(),
                timeout=UI_TIMEOUT_MS,
            )
        except PlaywrightError:
            pytest.fail(fail("the explorer's image never loaded"))
        sliders = explorer.locator(".widget-slider")
        assert sliders.count() >= 1, fail("the explorer has no ipywidgets slider")

        # 4. move a slider with the keyboard and wait for the redraw (a new blob: URL)
        before = _explorer_src(explorer)
        slider = sliders.first
        readout = slider.locator(".widget-readout")
        value_before = readout.inner_text() if readout.count() else None
        handle = slider.locator(".noUi-handle").first
        handle.scroll_into_view_if_needed()
        handle.focus()
        for _ in range(3):
            handle.press("ArrowRight")
        if readout.count() and readout.inner_text() == value_before:
            for _ in range(3):  # already at the maximum: go the other way
                handle.press("ArrowLeft")
        if readout.count():
            assert readout.inner_text() != value_before, fail(f"the slider's readout stayed at {value_before!r}")
        try:
            page.wait_for_function(
                "([el, old]) => el.src && el.src !== old && el.complete && el.naturalWidth > 0",
                arg=[img.element_handle(), before],
                timeout=REDRAW_MS,
            )
        except PlaywrightError:
            pytest.fail(fail(f"the explorer's image did not change after moving the slider (src stayed {before[:60]!r})"))
        assert _explorer_src(explorer) != before

        errors_after = panel.locator(_ERROR_OUTPUTS)
        assert errors_after.count() == 0, fail("the redraw wrote an error or stderr output")

        problems = watch.problems()
        assert not problems, fail(f"JupyterLab page is not clean:\n{format_problems(problems)}")
    finally:
        context.close()
    # Only the served snapshot could have been written, but nothing should have saved it.
    assert snapshot.read_bytes() == text_before, f"JupyterLab saved {chapter} during the test (autosave is off)"
