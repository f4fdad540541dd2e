"""A second JDK beside the java on PATH, for the library's tests: the same seed must give the same
bits on every JDK (the golden-bits test).

WORKBOOK_SECOND_JDK names one; otherwise the newest other JDK 17+ found in the usual places is taken.
"""
from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable, Mapping, Sequence

from . import host
from .console import capture, fail, run, say
from .prereqs import MIN_JAVA, find_mvn
from .project import Project

# Folders that hold one JDK per subfolder, by vendor, under each Program Files folder on Windows.
WINDOWS_VENDORS = ("Java", "Eclipse Adoptium", "Eclipse Foundation", "Microsoft", "Zulu", "Amazon Corretto",
                   "BellSoft", "Semeru")


def candidate_patterns(os_name: str = os.name, environ: Mapping[str, str] = os.environ) -> list[str]:
    """Glob patterns of java executables in the usual install locations."""
    if host.is_windows(os_name):
        bases = []
        for var in ("ProgramW6432", "ProgramFiles", "ProgramFiles(x86)"):
            base = environ.get(var)
            if base and base not in bases:
                bases.append(base)
        if not bases:
            bases = ["C:\\Program Files"]
        return [f"{base}\\{vendor}\\*\\bin\\java.exe" for base in bases for vendor in WINDOWS_VENDORS]
    return ["/usr/lib/jvm/*/bin/java", "/Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java"]


def major_version(version_output: str) -> int | None:
    """As the bash script read it: the digits right after 'version "' (so 1.8 reads as 1, too old)."""
    m = re.search(r'version "([0-9]*)', version_output)
    return int(m.group(1)) if m and m.group(1) else None


def choose_second(candidates: Sequence[tuple[str, int | None]], here_home: str, here_version: int | None,
                  os_name: str = os.name) -> str | None:
    """The newest JDK 17+ that is neither the java on PATH (by folder) nor of its version; the first
    found wins a tie. candidates: (java executable, major version) in the order found."""
    sep = "\\" if host.is_windows(os_name) else "/"
    best, best_v = None, 0
    for java, v in candidates:
        if here_home and java.startswith(here_home.rstrip(sep) + sep):
            continue
        if v is None or v < MIN_JAVA or v == here_version:
            continue
        if v > best_v:
            best, best_v = java, v
    return best


def java_home_property(settings_output: str) -> str:
    m = re.search(r"^\s*java\.home = (.*)$", settings_output, re.M)
    return m.group(1).strip() if m else ""


def find_second_jdk(environ: Mapping[str, str] = os.environ, os_name: str = os.name,
                    probe: Callable[[Sequence[str]], str] = lambda argv: capture(argv)[1],
                    find: Callable[[str], list[str]] = glob.glob,
                    is_executable: Callable[[str], bool] = lambda p: os.path.isfile(p) and os.access(p, os.X_OK)
                    ) -> str | None:
    """The java executable of a second JDK, or None."""
    java = host.executable_name("java", os_name)
    named = environ.get("WORKBOOK_SECOND_JDK")
    if named:
        path = os.path.join(named, "bin", java)
        return path if is_executable(path) else None
    here = java_home_property(probe(["java", "-XshowSettings:properties", "-version"]))
    here_version = major_version(probe(["java", "-version"]))
    found = []
    for pattern in candidate_patterns(os_name, environ):
        for candidate in sorted(find(pattern)):
            if is_executable(candidate):
                found.append(candidate)
    candidates = [(c, major_version(probe([c, "-version"]))) for c in found]
    return choose_second(candidates, here, here_version, os_name)


def run_tests_on_second_jdk(project: Project) -> None:
    second = find_second_jdk()
    if not second:
        say("no second JDK found: the library's tests ran on one JDK only (set WORKBOOK_SECOND_JDK to add one)")
        return
    first_line = (capture([second, "-version"])[1].splitlines() or ["?"])[0]
    say(f"running the library's tests again on {first_line} ({second})")
    mvn = find_mvn() or "mvn"
    if run([mvn, "-B", "-q", "-Dstyle.color=never", host.maven_profile_off("exercises"), "surefire:test",
            f"-Djvm={second}"], cwd=project.root) != 0:
        fail(f"the library's tests failed on the second JDK ({second}): output above")
