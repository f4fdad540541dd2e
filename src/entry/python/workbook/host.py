"""What differs between Windows and POSIX, in one place, each fact a function of the platform.

Every function takes the platform as an argument with today's as the default, so that the tests
can ask the Windows question on Linux and the POSIX question on Windows.
"""
from __future__ import annotations

import os
import sys
import sysconfig
from collections.abc import Mapping, Sequence


def is_windows(os_name: str = os.name) -> bool:
    return os_name == "nt"


def shim(os_name: str = os.name) -> str:
    """How a learner types the entry point: `workbook` (workbook.cmd) on Windows, `./workbook` elsewhere."""
    return "workbook" if is_windows(os_name) else "./workbook"


def default_python(os_name: str = os.name) -> str:
    """The Python the shim looks for when WORKBOOK_PYTHON is not set (workbook.cmd tries `py -3` first)."""
    return "python" if is_windows(os_name) else "python3"


def python_name(environ: Mapping[str, str] = os.environ, os_name: str = os.name) -> str:
    """The name of the Python that runs the workbook, as messages show it."""
    return environ.get("WORKBOOK_PYTHON") or default_python(os_name)


def executable_name(name: str, os_name: str = os.name) -> str:
    """python -> python.exe on Windows. (Commands that are batch files, like mvn.cmd or npm.cmd, are
    found with shutil.which, which knows PATHEXT.)"""
    return name + ".exe" if is_windows(os_name) else name


def venv_scripts_dir(venv: str, os_name: str = os.name) -> str:
    """The folder of a virtual environment's programs, from sysconfig: bin/ on POSIX, Scripts\\ on
    Windows. Python 3.11+ names the scheme a venv uses ("venv"); 3.10 uses the platform's prefix scheme."""
    if os_name == os.name and "venv" in sysconfig.get_scheme_names():
        scheme = "venv"
    else:
        scheme = "nt" if is_windows(os_name) else "posix_prefix"
    return sysconfig.get_path("scripts", scheme, vars={"base": venv, "platbase": venv,
                                                       "installed_base": venv, "installed_platbase": venv})


def venv_executable(venv: str, name: str, os_name: str = os.name) -> str:
    """A program in a virtual environment, e.g. .venv/bin/python or .venv\\Scripts\\jupyter.exe."""
    return os.path.join(venv_scripts_dir(venv, os_name), executable_name(name, os_name))


def classpath(entries: Sequence[str], pathsep: str = os.pathsep) -> str:
    """A Java classpath: entries joined by ':' on POSIX and ';' on Windows."""
    return pathsep.join(entries)


def is_root(os_module=os) -> bool:
    """True for the superuser on POSIX; never on Windows, which has no effective user id."""
    geteuid = getattr(os_module, "geteuid", None)
    return geteuid is not None and geteuid() == 0


def can_open_browser(platform: str = sys.platform, environ: Mapping[str, str] = os.environ) -> bool:
    """On Linux and BSD a browser needs a display; macOS and Windows open one without DISPLAY."""
    if platform == "darwin" or platform.startswith(("win32", "cygwin")):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def maven_profile_off(profile: str, os_name: str = os.name) -> str:
    """Maven's switch that deactivates a profile: -P!name, or -P-name on Windows, where mvn.cmd runs
    under cmd.exe and '!' can be taken for delayed expansion. Maven reads both spellings."""
    return ("-P-" if is_windows(os_name) else "-P!") + profile
