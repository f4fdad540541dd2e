"""The commands. Each takes the project and its arguments and returns an exit status (or raises
Failure with a message, or Exit with a status whose reason is already printed)."""
from __future__ import annotations

import glob
import os
import re
import secrets
import socket
import sys
from collections.abc import Sequence

from . import host, pyenv
from .browser import run_browser_check
from .build import build_library
from .console import Exit, fail, replace_process, run, say
from .exercises import run_grader, verify_exercises
from .jdks import run_tests_on_second_jdk
from .kernel import check_startup_imports, ensure_kernelspec
from .prereqs import check_java, check_mvn, check_python
from .project import KERNEL_NAME, Project

# ---------------------------------------------------------------- set-up shared by the commands


def check_prerequisites(current_python: bool | None = None) -> None:
    """Java, Maven, and a Python that can create .venv (not needed when the running environment is used)."""
    check_java()
    check_mvn()
    if not (pyenv.uses_current_python() if current_python is None else current_python):
        check_python()


def setup_env(project: Project) -> pyenv.PythonEnv:
    """Prerequisites, the Python environment and the kernelspec (the bash script's setup_all)."""
    check_prerequisites()
    env = pyenv.choose(project)
    pyenv.ensure(project, env)
    ensure_kernelspec(project, env)
    return env


def take_notebooks_option(args: list[str], i: int, into: list[str]) -> int:
    """Reads --notebooks NAME or --notebooks=NAME at args[i] into `into`; returns the next index, or -1."""
    a = args[i]
    if a == "--notebooks":
        if i + 1 >= len(args):
            fail("--notebooks needs a name, e.g. --notebooks 01-loss")
        into += ["--notebooks", args[i + 1]]
        return i + 2
    if a.startswith("--notebooks="):
        into += ["--notebooks", a[len("--notebooks="):]]
        return i + 1
    return -1


# ---------------------------------------------------------------- lab and setup


def port_is_free(port: int) -> bool:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Jupyter's server does
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        return False
    finally:
        s.close()
    return True


def parse_lab_args(args: Sequence[str]) -> tuple[str, bool, list[str]]:
    """(port as typed, whether to open a browser, the arguments passed on to jupyter lab)."""
    port, browser, extra = "8888", True, []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--port":
            if i + 1 >= len(args):
                fail("--port needs a number, e.g. --port 8899")
            port = args[i + 1]
            i += 2
            continue
        if a.startswith("--port="):
            port = a[len("--port="):]
        elif a == "--no-browser":
            browser = False
        else:
            extra.append(a)
        i += 1
    if not re.fullmatch(r"[0-9]+", port) or not 1 <= int(port) <= 65535:
        fail(f"--port must be a number from 1 to 65535, not '{port}'")
    return port, browser, extra


def lab_flags(project: Project, port: str, browser: bool, root_user: bool) -> list[str]:
    flags = [
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={project.path('notebooks')}",
        # Offer only the project's kernel: the wheel's plain `java` kernel lacks the library.
        f"--KernelSpecManager.allowed_kernelspecs={KERNEL_NAME}",
        f"--MultiKernelManager.default_kernel_name={KERNEL_NAME}",
    ]
    if not browser:
        flags.append("--no-browser")
    # Containers and CI often run as root; the server only listens on 127.0.0.1 behind a token.
    if root_user:
        flags.append("--allow-root")
    return flags


def prepare(project: Project, env: pyenv.PythonEnv) -> None:
    """Everything a kernel needs: the environment and its kernelspec, the library, its startup imports."""
    pyenv.ensure(project, env)
    ensure_kernelspec(project, env)
    build_library(project, "quick")
    check_startup_imports(project)


def cmd_lab(project: Project, args: Sequence[str]) -> int:
    port, browser, extra = parse_lab_args(args)
    browser = browser and host.can_open_browser()
    check_prerequisites()
    if not port_is_free(int(port)):
        fail(f"port {port} on 127.0.0.1 is already in use (another JupyterLab?): stop that server or choose "
             f"another port with --port N")
    env = pyenv.choose(project)
    prepare(project, env)
    token = os.environ.get("JUPYTER_TOKEN") or secrets.token_hex(24)
    child_env = dict(os.environ, JUPYTER_TOKEN=token)  # passed by environment, so it does not show in ps
    say(f"JupyterLab on notebooks/: http://127.0.0.1:{port}/lab?token={token}")
    say("stop it with Ctrl-C twice (or close this terminal)")
    replace_process([env.program("jupyter"), "lab", *lab_flags(project, port, browser, host.is_root()), *extra],
                    child_env)


def cmd_setup(project: Project, args: Sequence[str]) -> int:
    current = pyenv.uses_current_python()
    for a in args:
        if a == "--current-python":
            current = True
        else:
            fail(f"unknown option for setup: '{a}' (use --current-python)")
    check_prerequisites(current)
    env = pyenv.running_env() if current else pyenv.project_venv(project)
    prepare(project, env)
    say(f"set up: the kernel '{KERNEL_NAME}' runs the library in target/ "
        f"({'.venv' if env.managed else 'Python environment ' + env.prefix})")
    return 0


# ---------------------------------------------------------------- test and browser-check


def parse_test_args(args: Sequence[str]) -> tuple[bool, bool, list[str]]:
    """(skip the Maven tests, skip the browser check, options for the notebook runner)."""
    args = list(args)
    skip_maven = skip_browser = False
    runner_args: list[str] = []
    i = 0
    while i < len(args):
        nxt = take_notebooks_option(args, i, runner_args)
        if nxt >= 0:
            i = nxt
            continue
        if args[i] == "--skip-maven":
            skip_maven = True
        elif args[i] == "--skip-browser":
            skip_browser = True
        else:
            fail(f"unknown option for test: '{args[i]}' (use --skip-maven, --skip-browser, --notebooks NAME[,NAME...])")
        i += 1
    return skip_maven, skip_browser, runner_args


def cmd_test(project: Project, args: Sequence[str]) -> int:
    skip_maven, skip_browser, runner_args = parse_test_args(args)
    env = setup_env(project)
    if skip_maven:
        build_library(project, "quick")  # still rebuild stale classes: notebooks must see the current library
    else:
        build_library(project, "verify")
        run_tests_on_second_jdk(project)
        if os.path.isfile(project.bench_script):
            say("running the benchmark's smoke test (src/bench/python/bench.py --smoke)")
            if run([env.python, project.bench_script, "--smoke", "--root", project.root], cwd=project.root) != 0:
                fail("the benchmark's smoke test failed (output above)")
    check_startup_imports(project)
    verify_exercises(project)
    say("testing the notebook runner itself")
    if run([env.python, "-m", "unittest", "discover", "-q", "-s", project.path("src", "test", "python")],
           cwd=project.root) != 0:
        fail("the notebook runner's own tests failed (output above)")
    runner_env = dict(os.environ)
    runner_env["WORKBOOK_FAST"] = os.environ.get("WORKBOOK_FAST") or "1"
    status = run([env.python, project.runner, "run", *runner_args], cwd=project.root, env=runner_env)
    if not runner_args:
        # The Interrupt button on the real kernel: training and grading stop, the kernel answers.
        if run([env.python, project.path("src", "test", "python", "kernel_interrupt.py")], cwd=project.root) != 0:
            status = 1
        # The classroom hub's post-build step, in a clean HOME, on a copy of the workbook.
        if run([sys.executable, project.path("src", "test", "python", "hub_check.py"), "--borrow", env.prefix],
               cwd=project.root) != 0:
            status = 1
    if skip_browser:
        say("browser check skipped (--skip-browser)")
    elif status != 0:
        say("browser check not run: notebooks failed (above)")
    else:
        run_browser_check(project, env, "skip-ok", runner_args)
    return status


def cmd_browser_check(project: Project, args: Sequence[str]) -> int:
    args = list(args)
    options: list[str] = []
    i = 0
    while i < len(args):
        nxt = take_notebooks_option(args, i, options)
        if nxt < 0:
            fail(f"unknown option for browser-check: '{args[i]}' (use --notebooks NAME[,NAME...])")
        i = nxt
    env = setup_env(project)
    build_library(project, "quick")  # the kernel in JupyterLab must see the current library
    check_startup_imports(project)
    if not glob.glob(os.path.join(glob.escape(project.path("target", "notebooks")), "[0-9]*.ipynb")):
        fail(f"no executed notebooks in target/notebooks: run {host.shim()} test first (it writes them)")
    run_browser_check(project, env, "required", options)
    return 0


# ---------------------------------------------------------------- exercises


def cmd_grade(project: Project, args: Sequence[str]) -> int:
    for a in args:
        if a in ("-h", "--help"):
            say(f"usage: {host.shim()} grade [NAME...]   (names like 04, 04-backprop-mlp or mlp; none: all)")
            return 0
        if a != "--tree" and a.startswith("-"):
            fail(f"unknown option for grade: '{a}' (usage: {host.shim()} grade [--tree DIR] [NAME...])")
    check_prerequisites()
    build_library(project, "quick")
    status = run_grader(project, ["grade", "--hint-command", f"{host.shim()} hint", *args])
    if status > 1:
        raise Exit(status)
    return 0  # a scoreboard with failing exercises is a normal answer, not an error of the command


def cmd_hint(project: Project, args: Sequence[str]) -> int:
    if len(args) != 1:
        fail(f"hint needs one exercise name, e.g. {host.shim()} hint 04-backprop-mlp")
    check_prerequisites()
    build_library(project, "quick")
    return run_grader(project, ["hint", args[0]])


# ---------------------------------------------------------------- build, strip, bench, export


def cmd_build(project: Project, args: Sequence[str]) -> int:
    check_prerequisites()
    build_library(project, "quick")
    say("library up to date: target/classes, target/lib")
    return 0


def cmd_strip(project: Project, args: Sequence[str]) -> int:
    if not pyenv.uses_current_python():
        check_python()
    env = pyenv.choose(project)
    pyenv.ensure(project, env)
    paths = [a if os.path.isabs(a) else os.path.join(project.caller_cwd, a) for a in args]
    return run([env.python, project.runner, "strip", *paths], cwd=project.root)


def cmd_bench(project: Project, args: Sequence[str]) -> int:
    if not os.path.isfile(project.bench_script):
        fail("'bench' is not implemented yet")
    check_prerequisites()
    env = pyenv.choose(project)
    pyenv.ensure(project, env)
    build_library(project, "quick")
    return run([env.python, project.bench_script, *args, "--root", project.root], cwd=project.root)


def cmd_export(project: Project, args: Sequence[str]) -> int:
    fail("'export' is not implemented yet")
