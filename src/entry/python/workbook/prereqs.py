"""The prerequisites (JDK 17+, Maven, Python 3.10+ with venv), each checked with a message that says
what to install."""
from __future__ import annotations

import os
import re
import shutil

from . import host
from .console import capture, fail

MIN_JAVA = 17


def java_version(version_output: str) -> int | None:
    """The feature version in `java -version` output: 'version "17.0.15"' -> 17, '"1.8.0_402"' -> 8."""
    m = re.search(r'version "([^"]*)"', version_output)
    if not m:
        return None
    version = m.group(1)
    if version.startswith("1."):
        version = version[2:]
    digits = re.match(r"[0-9]+", version)
    return int(digits.group()) if digits else None


def has_jshell(list_modules_output: str) -> bool:
    return re.search(r"^jdk\.jshell@", list_modules_output, re.M) is not None


def check_java() -> str:
    """Returns the java on PATH, a JDK 17+ with JShell (the kernel runs JShell)."""
    java = shutil.which("java")
    if not java:
        fail(f"java not found on PATH: install a JDK {MIN_JAVA} or newer (e.g. Debian/Ubuntu 'sudo apt install "
             f"openjdk-17-jdk', macOS 'brew install openjdk@17', Windows 'winget install EclipseAdoptium.Temurin.17.JDK') "
             f"and put its bin/ on PATH")
    _, out = capture([java, "-version"])
    feature = java_version(out)
    if feature is None:
        fail(f"could not read the Java version from 'java -version' ({java}): install a JDK {MIN_JAVA}+ and put it "
             f"first on PATH")
    if feature < MIN_JAVA:
        fail(f"java on PATH is version {feature} ({java}), the workbook needs {MIN_JAVA} or newer: install a newer JDK "
             f"and put its bin/ first on PATH")
    _, modules = capture([java, "--list-modules"], stderr_too=False)
    if not has_jshell(modules):
        fail(f"java on PATH ({java}) is a JRE without JShell: install a full JDK {MIN_JAVA}+ (e.g. 'sudo apt install "
             f"openjdk-17-jdk') and put it first on PATH")
    return java


def find_mvn() -> str | None:
    """mvn on PATH (mvn.cmd on Windows: shutil.which knows PATHEXT)."""
    return shutil.which("mvn")


def check_mvn() -> str:
    mvn = find_mvn()
    if not mvn:
        fail("mvn not found on PATH: install Maven 3.8 or newer (e.g. Debian/Ubuntu 'sudo apt install maven', "
             "macOS 'brew install maven', Windows 'winget install Apache.Maven' or maven.apache.org)")
    return mvn


def maven_java_version(mvn_v_output: str) -> int | None:
    m = re.search(r"^Java version: ([0-9]+)", mvn_v_output, re.M)
    return int(m.group(1)) if m else None


def check_mvn_java(mvn: str) -> None:
    """Maven may run on another JDK than the java on PATH (JAVA_HOME); asked only when a build is due."""
    _, out = capture([mvn, "-v"], stderr_too=False)
    v = maven_java_version(out)
    if v is None:
        fail(f"'mvn -v' failed: check your Maven installation and JAVA_HOME (it must point at a JDK {MIN_JAVA}+)")
    if v < MIN_JAVA:
        fail(f"Maven runs on Java {v} (JAVA_HOME={os.environ.get('JAVA_HOME') or 'unset'}), the library needs "
             f"{MIN_JAVA}+: point JAVA_HOME at a JDK {MIN_JAVA}+ or unset it")


def check_python() -> None:
    """The running Python is 3.10+ (__main__ checked that); it must also be able to create .venv."""
    try:
        import ensurepip  # noqa: F401  (Debian ships ensurepip in python3-venv)
        import venv  # noqa: F401
    except ImportError:
        fail(f"{host.python_name()} cannot create virtual environments (no venv/ensurepip): install them, e.g. "
             f"Debian/Ubuntu 'sudo apt install python3-venv'")
