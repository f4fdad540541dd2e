"""Content hashes that make set-up happen only when something changed.

A stamp file holds the hash of the inputs a step last ran on (target/.workbook-build.sha256 for the
library, .venv/.workbook-requirements.sha256 for the Python environment). The hash covers relative
names with '/' separators, so that it is the same on every platform and matches the stamps the
earlier bash entry point wrote.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence


def tree_hash(root: str, tops: Sequence[str]) -> str:
    """sha256 over the names and contents of the given files and folders, relative to root ('/'-separated);
    missing ones count as absent."""
    h = hashlib.sha256()
    for top in tops:
        full = os.path.join(root, *top.split("/"))
        if os.path.isfile(full):
            names = [top]
        else:
            names = sorted(
                "/".join([top, *os.path.relpath(os.path.join(d, f), full).split(os.sep)])
                for d, _, fs in os.walk(full) for f in fs)
        for name in names:
            h.update(name.encode() + b"\0")
            with open(os.path.join(root, *name.split("/")), "rb") as f:
                h.update(f.read())
            h.update(b"\0")
    return h.hexdigest()


def read_stamp(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().rstrip("\n")
    except OSError:
        return None


def write_stamp(path: str, value: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(value + "\n")


def remove_stamp(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
