#!/usr/bin/env python3
"""Check the workbook's figures as a learner sees them, in a real browser.

Run by `./workbook test` after the notebooks, and alone by `./workbook browser-check`,
with the Python of .venv:

    browser_check.py [--notebooks NAME[,NAME...]] [--chromium PATH] [--node PATH]
                     [--executed DIR] [--source DIR]

It works from the executed copies that run_notebooks.py wrote (target/notebooks/*.ipynb,
--executed): a notebook is checked when its executed copy has figure outputs (outputs carrying
application/vnd.plotly.v1+json); their number is what the browser must show. For those it
  1. checks without a browser that the HTML export target/notebooks/<name>.html shows every
     figure as its own PNG in an <img src="data:image/png;base64,..."> (as the runner does);
  2. takes target/browser/.lock (one browser check at a time per checkout), makes a folder for
     this run, target/browser/run-<time>-<random>/, and copies notebooks/ there (--source; without
     outputs, as a learner gets them: JupyterLab autosaves, so notebooks/ itself is never served);
  3. starts JupyterLab from .venv on 127.0.0.1, a free port and a random token, with
     WORKBOOK_FAST=1, the backprop-java kernel (its kernelspec names the library and startup
     script by absolute paths, so the copy needs nothing more), and settings, runtime and config
     folders of its own in the run folder (no news pop-up, no autosave, no windowed notebook);
  4. runs src/test/browser/check.mjs (playwright-core and headless Chromium), which opens each
     notebook, runs all cells, hovers every figure and checks that it became an interactive plot
     and that no error shows, saves target/browser/<name>.png, and opens the HTML export with
     every request but file:// and data: aborted to check that its images decode;
  5. stops Chromium, the kernels and JupyterLab, also on failure, timeout, SIGTERM or Ctrl-C (and,
     on Linux, when this process is killed). Leftovers are found by the run folder in their
     command line, so only this run's processes are ever stopped.
The run folder stays for a look after a failure (JupyterLab's log: jupyter/jupyterlab.log) until
the next run. The last line printed is `Browser check: N passed, N failed`; the exit status is 0
only if none failed. Timeouts (seconds): WORKBOOK_BROWSER_RUN_TIMEOUT (running all cells of one
notebook, default 600); every other wait in check.mjs is bounded too.
"""
from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_notebooks import KERNEL, figure_outputs, html_figures  # noqa: E402
from run_notebooks import select as select_notebooks  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]
SOURCE = ROOT / "notebooks"
EXECUTED = ROOT / "target" / "notebooks"
OUT = ROOT / "target" / "browser"
SCRIPT = ROOT / "src" / "test" / "browser" / "check.mjs"
# The jupyter of the Python running this check (.venv's, or a hub's), from sysconfig: bin/ or Scripts\.
JUPYTER = Path(sysconfig.get_path("scripts")) / ("jupyter.exe" if os.name == "nt" else "jupyter")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# JupyterLab settings for the check: no news pop-up, no autosave, every cell in the page (not
# windowed), so that all figures can be counted and one screenshot shows the whole notebook.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}


# ---------------------------------------------------------------- selection

def select(executed: Path, names: list[str]) -> list[Path]:
    return select_notebooks(names, executed, "; run ./workbook test first")


def _rel(p: Path) -> str:
    try:
        return str(p.resolve().relative_to(ROOT))
    except ValueError:
        return str(p)


# ---------------------------------------------------------------- processes

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def processes_mentioning(marker: str) -> list[int]:
    """PIDs of processes whose command line contains marker (a folder only this check uses)."""
    found = []
    proc = Path("/proc")
    if not proc.is_dir():
        return found
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if marker in cmdline:
            found.append(int(entry.name))
    return found


def die_with_parent() -> None:
    """In a child before exec (Linux): SIGTERM it when this check dies, even by SIGKILL.

    JupyterLab then shuts its kernels down, and node's playwright-core closes Chromium.
    """
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the finally blocks still stop everything on SIGTERM and Ctrl-C


def stop_group(proc: subprocess.Popen, grace: float) -> None:
    """SIGTERM the process group that proc leads, then SIGKILL it after grace seconds."""
    if proc.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 10)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def kill_leftovers(marker: str, what: str) -> None:
    """Kernels and Chromium processes run in sessions of their own; find ours by our folders."""
    pids = processes_mentioning(marker)
    if pids:
        print(f"   note: stopping {len(pids)} leftover {what} process(es)", flush=True)
    for pid in pids:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + 10
    while pids and time.monotonic() < deadline:
        pids = [p for p in pids if Path(f"/proc/{p}").exists() and not _zombie(p)]
        time.sleep(0.2)
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].startswith("Z")
    except (OSError, IndexError):
        return True


class Lab:
    """JupyterLab from .venv on 127.0.0.1, serving a temporary copy of the notebooks."""

    def __init__(self, root_dir: Path, work: Path):
        self.root_dir, self.work = root_dir, work
        self.token = secrets.token_hex(24)
        self.proc: subprocess.Popen | None = None
        self.port = 0
        self.log_path = work / "jupyterlab.log"

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float) -> None:
        settings, runtime = self.work / "settings", self.work / "runtime"
        for d in (settings, runtime, self.work / "workspaces", self.work / "config"):
            d.mkdir(parents=True, exist_ok=True)
        for name, value in LAB_SETTINGS.items():
            path = settings / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(value, indent=2) + "\n")
        env = dict(os.environ,
                   WORKBOOK_FAST="1",
                   JUPYTER_TOKEN=self.token,  # by environment, so it does not show in ps
                   JUPYTER_CONFIG_DIR=str(self.work / "config"),  # none of the user's own config
                   JUPYTER_RUNTIME_DIR=str(runtime),  # the kernels' connection files, found again at stop()
                   JUPYTERLAB_SETTINGS_DIR=str(settings),
                   JUPYTERLAB_WORKSPACES_DIR=str(self.work / "workspaces"))
        for attempt in range(3):
            self.port = free_port()
            args = [str(JUPYTER), "lab", "--no-browser",
                    "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
                    f"--ServerApp.root_dir={self.root_dir}",
                    f"--KernelSpecManager.allowed_kernelspecs={KERNEL}",
                    f"--MultiKernelManager.default_kernel_name={KERNEL}",
                    "--LabApp.expose_app_in_browser=True",  # check.mjs reads the notebook model
                    "--ServerApp.terminals_enabled=False"]
            if os.geteuid() == 0:
                args.append("--allow-root")
            with open(self.log_path, "ab") as log:
                self.proc = subprocess.Popen(args, env=env, cwd=self.root_dir, stdin=subprocess.DEVNULL,
                                             stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                             preexec_fn=die_with_parent)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline and self.proc.poll() is None:
                try:
                    with urllib.request.urlopen(f"{self.origin}/api/status?token={self.token}", timeout=5) as r:
                        if r.status == 200:
                            return
                except (urllib.error.URLError, OSError):
                    pass
                time.sleep(0.5)
            if self.proc.poll() is None:
                self.stop()
                raise RuntimeError(f"JupyterLab did not answer within {timeout:.0f} s (log: {_rel(self.log_path)})")
            if attempt < 2 and b"already in use" in self.log_path.read_bytes()[-4000:]:
                continue  # the free port was taken meanwhile: try another
            raise RuntimeError(f"JupyterLab exited with status {self.proc.returncode} on start "
                               f"(log: {_rel(self.log_path)})")

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            try:  # shuts the kernels down too
                req = urllib.request.Request(f"{self.origin}/api/shutdown", method="POST",
                                             headers={"Authorization": f"token {self.token}"})
                urllib.request.urlopen(req, timeout=10).close()
                self.proc.wait(timeout=20)
            except (urllib.error.URLError, OSError, subprocess.TimeoutExpired):
                pass
        stop_group(self.proc, grace=10)
        kill_leftovers(str(self.work / "runtime"), "kernel")
        self.proc = None


# ---------------------------------------------------------------- the check

def prepare_lab_copy(source: Path, lab_dir: Path, notebooks: list[str]) -> None:
    """notebooks/ as a learner gets it (outputs stripped), without the notebooks not checked."""
    if lab_dir.exists():
        shutil.rmtree(lab_dir)
    lab_dir.mkdir(parents=True)
    for entry in sorted(source.iterdir()):
        if entry.name.startswith(".") or (entry.suffix == ".ipynb" and entry.stem not in notebooks):
            continue
        if entry.is_dir():
            shutil.copytree(entry, lab_dir / entry.name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        else:
            shutil.copy2(entry, lab_dir / entry.name)


def timeout_env(name: str, default: int) -> int:
    raw = os.environ.get(name, "")
    if not raw:
        return default
    if not raw.isdigit() or int(raw) <= 0:
        raise SystemExit(f"browser_check: {name} must be a whole number of seconds, not {raw!r}")
    return int(raw)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="browser_check.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--notebooks", action="append", default=[], metavar="NAME[,NAME...]")
    parser.add_argument("--chromium", default=os.environ.get("WORKBOOK_CHROMIUM") or "/usr/bin/chromium")
    parser.add_argument("--node", default="node")
    parser.add_argument("--executed", type=Path, default=EXECUTED, help="executed copies (default target/notebooks)")
    parser.add_argument("--source", type=Path, default=SOURCE, help="notebooks to serve (default notebooks/)")
    args = parser.parse_args(argv)
    executed, source = args.executed.resolve(), args.source.resolve()

    # SIGTERM (a cancelled CI job) ends the check through the finally blocks, which stop everything.
    def stopped(signum, _frame):
        print(f"browser check: stopped by {signal.Signals(signum).name}; stopping Chromium and JupyterLab",
              flush=True)
        sys.exit(128 + signum)
    signal.signal(signal.SIGTERM, stopped)

    names = [n for arg in args.notebooks for n in arg.split(",") if n]
    chosen, passed, failed = [], 0, 0
    static_failures: dict[str, list[str]] = {}
    for path in select(executed, names):
        nb = nbformat.read(path, as_version=4)
        figures = len(figure_outputs(nb))
        if figures == 0:
            print(f"skip {path.stem}  no figure outputs in {_rel(path)}", flush=True)
            continue
        src = source / path.name
        if not src.exists():
            print(f"FAIL {path.stem}  {_rel(src)} is missing (the executed copy is stale?)", flush=True)
            failed += 1
            continue
        if src.stat().st_mtime > path.stat().st_mtime:
            print(f"   note: {_rel(src)} changed after {_rel(path)} was executed: "
                  f"the expected figure count may be stale (./workbook test --notebooks {path.stem})", flush=True)
        html_path = path.with_suffix(".html")
        problems = []
        if not html_path.exists():
            problems.append(f"{_rel(html_path)} is missing")
        else:
            n, shown, images = html_figures(nb, html_path.read_text(encoding="utf-8"))
            if shown != n:
                problems.append(f"HTML export {_rel(html_path)} shows {shown} of {n} figures as PNG images "
                                f"({images} PNG images in all)")
        for p in problems:
            print(f"FAIL {path.stem}  {p}", flush=True)
        static_failures[path.stem] = problems
        chosen.append({"name": path.stem, "file": path.name, "figures": figures, "html": str(html_path)})

    if not chosen:
        print(f"Browser check: {passed} passed, {failed} failed (no executed notebook has figures)", flush=True)
        return 0 if failed == 0 else 1

    run_timeout = timeout_env("WORKBOOK_BROWSER_RUN_TIMEOUT", 600)
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with checkout_lock(OUT / ".lock", timeout=len(chosen) * (run_timeout + 300) + 600):
        # Everything of this run in a folder of its own; earlier runs' folders go (kept until now
        # for a look after a failure). Only processes that name this folder are stopped at the end.
        for old in OUT.glob("run-*"):
            shutil.rmtree(old, ignore_errors=True)
        run = Path(tempfile.mkdtemp(prefix=time.strftime("run-%Y%m%d-%H%M%S-"), dir=OUT))
        results = browse(run, source, chosen, args.chromium, args.node, run_timeout)
    for item in chosen:
        name = item["name"]
        if name not in results:
            print(f"FAIL {name}  no result from the browser (see above; JupyterLab log: "
                  f"{_rel(run / 'jupyter' / 'jupyterlab.log')})", flush=True)
            failed += 1
        elif results[name]["problems"] or static_failures.get(name):
            failed += 1
        else:
            passed += 1
    print(f"   browser check took {time.monotonic() - started:.0f} s", flush=True)
    print(f"Browser check: {passed} passed, {failed} failed", flush=True)
    return 0 if failed == 0 else 1


@contextlib.contextmanager
def checkout_lock(path: Path, timeout: float):
    """One browser check at a time in this checkout (they share target/browser/ and two cores)."""
    with open(path, "a+") as f:
        deadline, told = time.monotonic() + timeout, False
        while True:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told:
                    f.seek(0)
                    print(f"   waiting for another browser check in this checkout to finish "
                          f"(pid {f.read().strip() or '?'})", flush=True)
                    told = True
                if time.monotonic() > deadline:
                    raise SystemExit(f"browser_check: another browser check held {_rel(path)} "
                                     f"for more than {timeout:.0f} s")
                time.sleep(1)
        f.seek(0)
        f.truncate()
        f.write(f"{os.getpid()}\n")
        f.flush()
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def browse(run: Path, source: Path, chosen: list[dict], chromium: str, node_bin: str, run_timeout: int) -> dict:
    """JupyterLab on a copy of the notebooks, then check.mjs in Chromium; its results by notebook name."""
    lab_dir, profile, results_path = run / "lab", run / "chromium-profile", run / "results.json"
    prepare_lab_copy(source, lab_dir, [c["name"] for c in chosen])
    print(f"Browser check of {len(chosen)} notebook(s) with figures: JupyterLab on a copy in {_rel(lab_dir)}, "
          f"headless {chromium}", flush=True)
    lab = Lab(lab_dir, run / "jupyter")
    node = None
    try:
        lab.start(timeout=120)
        config = {
            "root": str(ROOT), "out": str(OUT), "results": str(results_path), "profile": str(profile),
            "origin": lab.origin, "token": lab.token, "kernel": KERNEL,
            "chromium": chromium, "chromiumArgs": CHROMIUM_ARGS, "width": 1280, "maxHeight": 15000,
            "timeouts": {"load": 90, "kernel": 180, "run": run_timeout, "action": 30, "hover": 30},
            "notebooks": chosen,
        }
        config_path = run / "config.json"
        config_path.write_text(json.dumps(config, indent=2))
        budget = 120 + len(chosen) * (run_timeout + 300)
        node = subprocess.Popen([node_bin, str(SCRIPT), str(config_path)], cwd=SCRIPT.parent,
                                stdin=subprocess.DEVNULL, start_new_session=True, preexec_fn=die_with_parent)
        try:
            code = node.wait(timeout=budget)
        except subprocess.TimeoutExpired:
            print(f"   FAIL the browser script ran longer than {budget} s: stopped", flush=True)
            code = None
        if code not in (0, None):
            print(f"   FAIL the browser script exited with status {code}", flush=True)
    except RuntimeError as e:
        print(f"   FAIL {e}", flush=True)
    finally:
        if node is not None:
            stop_group(node, grace=15)  # playwright-core closes Chromium on SIGTERM
        kill_leftovers(str(profile), "Chromium")
        shutil.rmtree(profile, ignore_errors=True)
        lab.stop()
    try:
        return {r["name"]: r for r in json.loads(results_path.read_text())}
    except (OSError, ValueError):
        return {}

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
