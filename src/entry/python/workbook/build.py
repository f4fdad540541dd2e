"""The library's Maven build, run only when its inputs changed.

The pom copies the kernel's jars to target/lib and the grader's to target/grader-lib. The exercises
profile (for editors) is switched off: a learner's exercise that does not compile must never break
the library's build.
"""
from __future__ import annotations

import os
import shutil

from . import host
from .console import capture, fail, run, say, show_log
from .prereqs import check_mvn, check_mvn_java
from .project import Project
from .stamps import read_stamp, remove_stamp, tree_hash, write_stamp

BUILD_INPUTS = ("pom.xml", "src/main", "src/machinery")


def build_stamp(project: Project) -> str:
    return os.path.join(project.target, ".workbook-build.sha256")


def build_library(project: Project, mode: str) -> None:
    """mode 'quick': package without tests, only when pom.xml, src/main or src/machinery changed;
    mode 'verify': always run the library's tests too (mvn -B verify)."""
    want = tree_hash(project.root, BUILD_INPUTS)
    built = all(os.path.isdir(os.path.join(project.target, d)) for d in ("classes", "lib", "grader-lib"))
    if mode == "quick" and built and read_stamp(build_stamp(project)) == want:
        return
    mvn = check_mvn()
    check_mvn_java(mvn)
    remove_stamp(build_stamp(project))
    for d in ("lib", "grader-lib"):  # no stale jars when a dependency version changes
        shutil.rmtree(os.path.join(project.target, d), ignore_errors=True)
    if mode == "verify":
        say("running the library's tests (mvn -B verify)")
        if run([mvn, "-B", "-Dstyle.color=never", host.maven_profile_off("exercises"), "verify"],
               cwd=project.root) != 0:
            fail("the library's build or tests failed (Maven output above)")
    else:
        say("building the library (pom.xml, src/main or src/machinery changed)")
        # Quiet unless it fails (Maven 3.8 still writes colour resets to a terminal with -q).
        status, log = capture([mvn, "-B", "-q", "-Dstyle.color=never", host.maven_profile_off("exercises"),
                               "-DskipTests", "package"], cwd=project.root)
        if status != 0:
            show_log(log)
            fail("the library did not build (Maven output above)")
    os.makedirs(project.target, exist_ok=True)
    write_stamp(build_stamp(project), want)
