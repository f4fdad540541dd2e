"""The Python environment the notebooks run in.

Normally the project's own .venv, created from requirements.txt on first use and rebuilt when that
file (or the Python that made it) changes. On a classroom hub (repo2docker, JupyterHub) the
environment is the hub's: it already holds requirements.txt, and the kernel must be registered where
that hub's Jupyter looks. `./workbook setup --current-python`, or WORKBOOK_CURRENT_PYTHON=1 with any
command, selects the running Python's environment (sys.prefix) instead of .venv.
"""
from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from collections.abc import Mapping
from dataclasses import dataclass

from . import host
from .console import fail, run, say
from .project import Project
from .stamps import read_stamp, tree_hash, write_stamp

CURRENT_PYTHON_VAR = "WORKBOOK_CURRENT_PYTHON"


@dataclass(frozen=True)
class PythonEnv:
    prefix: str   # sys.prefix of the environment; its kernels are in share/jupyter/kernels
    python: str
    scripts: str  # its programs (jupyter): bin/ or Scripts\
    managed: bool  # True for .venv, which the workbook creates and may delete
    label: str    # as messages name it

    def program(self, name: str) -> str:
        return os.path.join(self.scripts, host.executable_name(name))

    @property
    def kernels_dir(self) -> str:
        # Jupyter's per-environment data folder is {sys.prefix}/share/jupyter on every platform.
        return os.path.join(self.prefix, "share", "jupyter", "kernels")


def project_venv(project: Project, os_name: str = os.name) -> PythonEnv:
    return PythonEnv(prefix=project.venv, python=host.venv_executable(project.venv, "python", os_name),
                     scripts=host.venv_scripts_dir(project.venv, os_name), managed=True, label=".venv")


def running_env() -> PythonEnv:
    return PythonEnv(prefix=sys.prefix, python=sys.executable, scripts=sysconfig.get_path("scripts"),
                     managed=False, label=sys.prefix)


def uses_current_python(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get(CURRENT_PYTHON_VAR) == "1"


def choose(project: Project, environ: Mapping[str, str] = os.environ) -> PythonEnv:
    return running_env() if uses_current_python(environ) else project_venv(project)


def venv_stamp(env: PythonEnv) -> str:
    return os.path.join(env.prefix, ".workbook-requirements.sha256")


def ensure(project: Project, env: PythonEnv) -> None:
    """Creates .venv from requirements.txt when it is missing or stale. The running environment of a
    hub is taken as it is: installing into it is the hub's job (requirements.txt)."""
    if not env.managed:
        return
    want = "%s %s %d.%d.%d" % ((tree_hash(project.root, ["requirements.txt"]), sys.executable)
                               + tuple(sys.version_info[:3]))
    if read_stamp(venv_stamp(env)) == want and os.access(env.python, os.X_OK):
        return
    say("creating .venv from requirements.txt (JupyterLab, the JJava kernel; a minute or two, needs PyPI)")
    shutil.rmtree(env.prefix, ignore_errors=True)
    if run([sys.executable, "-m", "venv", env.prefix], cwd=project.root) != 0:
        fail(f"'{host.python_name()} -m venv .venv' failed: on Debian/Ubuntu install python3-venv, then rerun")
    if run([env.python, "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", "requirements.txt"],
           cwd=project.root) != 0:
        fail("pip could not install requirements.txt into .venv (output above): check that PyPI is reachable, "
             "then rerun")
    write_stamp(venv_stamp(env), want)
