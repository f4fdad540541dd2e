"""Talking to the learner, and running other programs.

Messages start with 'workbook: '; progress goes to stdout and a failure to stderr with exit status 1,
as the bash script before this did. A command ends with a status, or raises Failure.
"""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from typing import NoReturn


class Failure(Exception):
    """A command cannot go on; the message says why and what to do."""


class Exit(Exception):
    """A command ends with this status; whatever failed has already said why."""

    def __init__(self, status: int):
        super().__init__(status)
        self.status = status


def say(message: str) -> None:
    print("workbook: " + message, flush=True)


def fail(message: str) -> NoReturn:
    raise Failure(message)


def run(argv: Sequence[str], *, cwd: str | None = None, env: Mapping[str, str] | None = None) -> int:
    """Runs a program with our stdout and stderr; returns its exit status."""
    sys.stdout.flush()
    try:
        return subprocess.call(list(argv), cwd=cwd, env=None if env is None else dict(env))
    except OSError as e:
        print(f"workbook: could not start {argv[0]}: {e}", file=sys.stderr, flush=True)
        return 127


def capture(argv: Sequence[str], *, cwd: str | None = None, env: Mapping[str, str] | None = None,
            stderr_too: bool = True) -> tuple[int, str]:
    """Runs a program and returns its exit status and output (stdout, and stderr unless told not to)."""
    try:
        done = subprocess.run(list(argv), cwd=cwd, env=None if env is None else dict(env),
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT if stderr_too else subprocess.DEVNULL,
                              text=True, errors="replace")
    except OSError as e:
        return 127, f"could not start {argv[0]}: {e}"
    return done.returncode, done.stdout


def show_log(log: str) -> None:
    """Prints a captured log to stderr, as `printf '%s\\n' "$log"` did (trailing newlines folded)."""
    sys.stderr.write(log.rstrip("\n") + "\n")
    sys.stderr.flush()


def replace_process(argv: Sequence[str], env: Mapping[str, str]) -> NoReturn:
    """Becomes the program on POSIX (as `exec` did: Ctrl-C reaches it alone). Windows has no such
    exec, so there the program runs as a child and its exit status is passed on."""
    sys.stdout.flush()
    sys.stderr.flush()
    if os.name == "nt":
        child = subprocess.Popen(list(argv), env=dict(env))
        while True:
            try:
                raise Exit(child.wait())
            except KeyboardInterrupt:
                continue  # the console sends Ctrl-C to the child too; it decides when to stop
    try:
        os.execve(argv[0], list(argv), dict(env))
    except OSError as e:
        fail(f"could not start {argv[0]}: {e}")
