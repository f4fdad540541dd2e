"""Where things are in the workbook's folder."""
from __future__ import annotations

import os
from dataclasses import dataclass

KERNEL_NAME = "backprop-java"
KERNEL_DISPLAY_NAME = "Java (Backprop Workbook)"


@dataclass(frozen=True)
class Project:
    root: str
    caller_cwd: str  # where the learner typed the command; relative arguments are read from here

    def path(self, *parts: str) -> str:
        return os.path.join(self.root, *parts)

    @property
    def venv(self) -> str:
        return self.path(".venv")

    @property
    def target(self) -> str:
        return self.path("target")

    @property
    def startup_script(self) -> str:
        return self.path("notebooks", "workbook-startup.jsh")

    @property
    def runner(self) -> str:
        return self.path("src", "test", "python", "run_notebooks.py")

    @property
    def browser_check(self) -> str:
        return self.path("src", "test", "python", "browser_check.py")

    @property
    def browser_dir(self) -> str:
        return self.path("src", "test", "browser")

    @property
    def bench_script(self) -> str:
        return self.path("src", "bench", "python", "bench.py")


def find_root() -> str:
    """The workbook's folder: this file is src/entry/python/workbook/project.py in it. Not resolved
    through symbolic links, so that paths written into the kernelspec are the ones the learner sees."""
    here = os.path.dirname(os.path.abspath(__file__))
    for _ in range(4):
        here = os.path.dirname(here)
    return here
