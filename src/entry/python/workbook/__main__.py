"""Runs the workbook's entry point: python src/entry/python/workbook [COMMAND ...].

This file is read by whatever Python the shim found, so it checks the version before importing the
rest, in syntax that even an old Python can parse.
"""
import os
import sys

MIN_PYTHON = (3, 10)

if sys.version_info < MIN_PYTHON:
    sys.stderr.write(
        "workbook: %s is Python %d.%d, the workbook needs %d.%d or newer: install one and put it on PATH "
        "as python3 (or set WORKBOOK_PYTHON=/path/to/python3.x)\n"
        % ((os.environ.get("WORKBOOK_PYTHON") or ("python" if os.name == "nt" else "python3"),) + tuple(sys.version_info[:2]) + MIN_PYTHON))
    sys.exit(1)

# Run as a folder (python .../workbook), Python puts this folder first on sys.path; the package's
# parent belongs there instead, so that `workbook.cli` imports as a package.
_here = os.path.dirname(os.path.abspath(__file__))
if sys.path and sys.path[0] and os.path.abspath(sys.path[0]) == _here:
    sys.path[0] = os.path.dirname(_here)
elif os.path.dirname(_here) not in sys.path:
    sys.path.insert(0, os.path.dirname(_here))

from workbook.cli import main  # noqa: E402

sys.exit(main(sys.argv[1:]))
