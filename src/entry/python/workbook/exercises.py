"""The grader (workbook.grading.GradeMain, built into target/classes): grading, hints, and the
build's proof that every graded test passes on solutions/ and fails on the untouched stubs."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import tarfile
from collections.abc import Sequence

from . import host
from .console import fail, run, say
from .project import Project


def grader_command(project: Project, args: Sequence[str], pathsep: str = os.pathsep) -> list[str]:
    """java with the grader on its classpath (target/classes and target/grader-lib/*)."""
    cp = host.classpath([project.path("target", "classes"), project.path("target", "grader-lib", "*")], pathsep)
    return ["java", "-Djava.awt.headless=true", "-cp", cp, "workbook.grading.GradeMain", *args,
            "--root", project.root]


def run_grader(project: Project, args: Sequence[str]) -> int:
    return run(grader_command(project, args), cwd=project.root)


def _git(project: Project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", project.root, *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL)


def exercises_differ_from_head(project: Project) -> bool:
    """True when git knows a committed exercises/ and the working tree's differs from it."""
    if not shutil.which("git"):
        return False
    if _git(project, "rev-parse", "--verify", "-q", "HEAD").returncode != 0:
        return False
    tree = _git(project, "ls-tree", "-d", "HEAD", "exercises")
    if tree.returncode != 0 or not tree.stdout.strip():
        return False
    return bool(_git(project, "status", "--porcelain", "--", "exercises").stdout.strip())


def extract_committed_exercises(project: Project, dest: str) -> None:
    """git archive HEAD exercises, unpacked into dest with Python's tarfile (no tar needed)."""
    archive = _git(project, "archive", "--format=tar", "HEAD", "exercises")
    if archive.returncode != 0:
        fail("git archive HEAD exercises failed: cannot check the committed stubs")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout), mode="r:") as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(dest, filter="data")
        else:
            tar.extractall(dest)  # noqa: S202  (our own repository's archive)


def verify_exercises(project: Project) -> None:
    """Solutions pass, untouched stubs fail, test by test. The stubs are those committed (git HEAD) when
    the working tree's exercises/ differ from them, so a learner's own work does not count as a stub."""
    stubs = project.path("exercises")
    if exercises_differ_from_head(project):
        check_dir = project.path("target", "grade-check")
        stubs = os.path.join(check_dir, "exercises")
        shutil.rmtree(check_dir, ignore_errors=True)
        os.makedirs(check_dir)
        extract_committed_exercises(project, check_dir)
        say("exercises/ has your changes: checking the committed stubs (git HEAD) instead")
    say("checking the exercises: every graded test passes on solutions/ and fails on the stubs")
    if run_grader(project, ["verify", "--stubs", stubs]) != 0:
        fail("the exercises' check failed (above)")
