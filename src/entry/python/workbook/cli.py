"""The usage text and the dispatch of a command line to its command."""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

from . import commands, host
from .console import Exit, Failure
from .project import Project, find_root

USAGE = """\
usage: {shim} COMMAND [options]

  lab [--port N] [--no-browser] [jupyter args...]
        set up (first run only), then start JupyterLab on notebooks/ at 127.0.0.1
  test [--skip-maven] [--skip-browser] [--notebooks NAME[,NAME...]]
        run the library's and the grader's tests (mvn -B verify), prove the
        exercises (every graded test passes on solutions/ and fails on the
        untouched stubs), then execute every notebook headless with
        WORKBOOK_FAST=1 and check its key numbers (notebooks/expectations.json),
        check the Interrupt button and the classroom hub's set-up (.binder/postBuild
        in a clean HOME), then the browser check;
        --skip-maven skips the library tests, --skip-browser the browser check
  browser-check [--notebooks NAME[,NAME...]]
        check the figures as a learner sees them, against the notebooks that
        'test' executed (target/notebooks): run each notebook with figures in
        JupyterLab in headless Chromium, hover every figure and expect an
        interactive plot and no error; open the HTML exports offline and expect
        their images; screenshots in target/browser/. Needs Chromium and Node.js
  grade [NAME...]
        grade your exercises (exercises/; all of them, or those named: 04, 04-backprop-mlp,
        mlp): compile each on its own, run its graded tests with a time limit each, print a
        scoreboard; results as JSON in target/grade/results.json
  hint NAME
        reveal the next hint of an exercise, one at a time
  build
        build the library (target/classes, target/lib) if its sources changed
  strip [NOTEBOOK...]
        remove outputs and execution counts from notebooks (default: notebooks/*.ipynb)
  setup [--current-python]
        what lab does before it starts JupyterLab (.venv, the kernel, the library), then stop;
        --current-python registers the kernel in the running Python's environment instead of
        .venv (a classroom hub's post-build step: .binder/postBuild)
  bench [--quick] [--python PATH] [--torch]
        measure the library beside NumPy (and PyTorch when it is importable) on the
        lessons' workloads (JMH for Java); prints the table, writes target/bench/results.json and
        results.png. NumPy installs into .venv-bench/ on first use; --python PATH (or
        WORKBOOK_BENCH_PYTHON) uses a Python that already has NumPy/torch; --torch requires the
        PyTorch rows; --quick runs shorter; details in src/bench/python/bench.py
  export
        reserved, not implemented yet

environment: WORKBOOK_PYTHON (default {python}), WORKBOOK_CELL_TIMEOUT (seconds, default 900),
  WORKBOOK_CHROMIUM (default /usr/bin/chromium, else chromium on PATH), WORKBOOK_NODE (default
  node on PATH), WORKBOOK_BROWSER_RUN_TIMEOUT (seconds per notebook in the browser, default 600),
  WORKBOOK_REQUIRE_BROWSER=1 (test fails, instead of skipping the browser check, without them),
  WORKBOOK_SECOND_JDK (a JDK folder: test runs the library's tests on it too; default: the newest
  other JDK 17+ found under /usr/lib/jvm, /Library/Java/JavaVirtualMachines or, on Windows,
  Program Files\\Java, Eclipse Adoptium, Microsoft, Zulu, ...), WORKBOOK_CURRENT_PYTHON=1 (every
  command uses the running Python's environment instead of .venv, as setup --current-python)
"""

Command = Callable[[Project, Sequence[str]], int]

COMMANDS: dict[str, Command] = {
    "lab": commands.cmd_lab,
    "test": commands.cmd_test,
    "build": commands.cmd_build,
    "grade": commands.cmd_grade,
    "hint": commands.cmd_hint,
    "strip": commands.cmd_strip,
    "browser-check": commands.cmd_browser_check,
    "setup": commands.cmd_setup,
    "bench": commands.cmd_bench,
    "export": commands.cmd_export,
}
HELP = ("help", "-h", "--help")


def usage(os_name: str = os.name) -> str:
    python = "py -3, else python" if host.is_windows(os_name) else host.default_python(os_name)
    return USAGE.format(shim=host.shim(os_name), python=python)


def dispatch(argv: Sequence[str], project: Project) -> int:
    """Runs the command argv names; no command or help prints the usage."""
    name, args = (argv[0], list(argv[1:])) if argv else ("help", [])
    if name in HELP:
        sys.stdout.write(usage())
        return 0
    command = COMMANDS.get(name)
    if command is None:
        sys.stderr.write(usage())
        raise Failure(f"unknown command '{name}'")
    return command(project, args)


def main(argv: Sequence[str]) -> int:
    caller_cwd = os.getcwd()
    root = find_root()
    os.chdir(root)
    try:
        return dispatch(argv, Project(root=root, caller_cwd=caller_cwd))
    except Failure as failure:
        sys.stdout.flush()
        print(f"workbook: {failure}", file=sys.stderr, flush=True)
        return 1
    except Exit as done:
        return done.status
    except KeyboardInterrupt:
        return 130
