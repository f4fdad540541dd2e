"""The browser check's tools: Chromium, Node.js 20+ with npm, and playwright-core from npm."""
from __future__ import annotations

import os
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .console import Exit, capture, fail, run, say, show_log
from .project import Project
from .pyenv import PythonEnv
from .stamps import read_stamp, tree_hash, write_stamp

MIN_NODE = 20


class ToolMissing(Exception):
    """Says which tool is missing and how to install it ("browser check skipped: ...")."""


@dataclass(frozen=True)
class BrowserTools:
    chromium: str
    node: str
    npm: str


def _executable(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def find_chromium(environ: Mapping[str, str] = os.environ) -> str:
    named = environ.get("WORKBOOK_CHROMIUM")
    if named:
        if not _executable(named):
            raise ToolMissing(f"chromium not found (WORKBOOK_CHROMIUM={named} is not an executable)")
        return named
    if _executable("/usr/bin/chromium"):
        return "/usr/bin/chromium"
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise ToolMissing("chromium not found (on Debian: sudo apt-get install chromium)")
    return found


def find_browser_tools(environ: Mapping[str, str] = os.environ, os_name: str = os.name) -> BrowserTools:
    if os_name == "nt":
        raise ToolMissing("it runs on Linux and macOS only (browser_check.py drives its processes with POSIX "
                          "signals)")
    chromium = find_chromium(environ)
    node = environ.get("WORKBOOK_NODE") or shutil.which("node") or ""
    if not node or not _executable(node):
        raise ToolMissing(f"node not found (Node.js {MIN_NODE}+ with npm; on Debian: sudo apt-get install nodejs "
                          f"npm, or from nodejs.org)")
    # npm next to node (npm.cmd on Windows), else npm on PATH
    npm = shutil.which("npm", path=os.path.dirname(node)) or shutil.which("npm")
    if not npm:
        raise ToolMissing(f"npm not found next to {node} or on PATH (on Debian: sudo apt-get install npm)")
    status, out = capture([node, "-e", 'console.log(process.versions.node.split(".")[0])'], stderr_too=False)
    major = int(out.strip()) if status == 0 and out.strip().isdigit() else 0
    if major < MIN_NODE:
        status, version = capture([node, "--version"], stderr_too=False)
        version = version.strip() if status == 0 and version.strip() else "?"
        raise ToolMissing(f"node {version} is too old, playwright-core needs {MIN_NODE}+ ({node})")
    return BrowserTools(chromium, node, npm)


def ensure_browser_deps(project: Project, tools: BrowserTools) -> None:
    """playwright-core into src/test/browser/node_modules with `npm ci`, only when package-lock.json changed."""
    browser_dir = project.browser_dir
    stamp = os.path.join(browser_dir, "node_modules", ".workbook-lock.sha256")
    want = tree_hash(project.root, ["src/test/browser/package-lock.json"])
    if read_stamp(stamp) == want and os.path.isdir(os.path.join(browser_dir, "node_modules", "playwright-core")):
        return
    say("installing playwright-core for the browser check (npm ci in src/test/browser)")
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(tools.node) + os.pathsep + env.get("PATH", "")
    status, log = capture([tools.npm, "ci", "--no-audit", "--no-fund"], cwd=browser_dir, env=env)
    if status != 0:
        show_log(log)
        fail("npm ci in src/test/browser failed (output above): check that the npm registry is reachable")
    write_stamp(stamp, want)


def run_browser_check(project: Project, env: PythonEnv, mode: str, args: Sequence[str]) -> None:
    """mode 'skip-ok': a missing Chromium or Node.js skips the check (unless WORKBOOK_REQUIRE_BROWSER=1);
    mode 'required': it is an error. args are options for browser_check.py. Raises Exit when it fails."""
    try:
        tools = find_browser_tools()
    except ToolMissing as missing:
        if mode == "skip-ok" and os.environ.get("WORKBOOK_REQUIRE_BROWSER") != "1":
            say(f"browser check skipped: {missing}")
            return
        if mode == "skip-ok":
            fail(f"browser check required (WORKBOOK_REQUIRE_BROWSER=1) but {missing}")
        fail(f"browser check: {missing}")
    ensure_browser_deps(project, tools)
    status = run([env.python, project.browser_check, "--chromium", tools.chromium, "--node", tools.node, *args],
                 cwd=project.root)
    if status != 0:
        raise Exit(status)
