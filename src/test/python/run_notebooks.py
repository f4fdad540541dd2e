#!/usr/bin/env python3
"""Execute the workbook's notebooks headless and check their key numbers.

Run by `./workbook test` with the Python of .venv (it needs nbclient,
nbconvert and nbformat, and the backprop-java kernelspec that ./workbook
installs there):

    run_notebooks.py run [--notebooks NAME[,NAME...]]   execute and check
    run_notebooks.py strip [NOTEBOOK...]                remove outputs in place

`run` executes every notebooks/[0-9]*.ipynb (or the ones named: a name
matches a notebook whose file name starts with it, so `01`, `01-loss` and
`01-loss.ipynb` all work) with the backprop-java kernel, working directory
notebooks/. A notebook fails when
  - it was committed with outputs or execution counts (run ./workbook strip),
  - its metadata names another kernel than backprop-java,
  - a cell produces an `error` output, the kernel dies, or a cell runs longer
    than WORKBOOK_CELL_TIMEOUT seconds (default 900),
  - it has no entry in notebooks/expectations.json, or one of its checks
    fails,
  - its HTML export does not show every figure as an image: each output that
    carries a figure (application/vnd.plotly.v1+json) must have its image/png
    as the src of an <img> in the HTML (checked only for notebooks with figures).
The executed copy goes to target/notebooks/<name>.ipynb and an HTML export
to target/notebooks/<name>.html, failed or not, and the kernel's own log to
target/notebooks/<name>.kernel.log. The last line printed is
`Notebooks: N passed, N failed`; the exit status is 0 only if none failed.

notebooks/expectations.json maps a notebook's name (file name without
.ipynb) to a list of checks. Keys that start with "_" are comments.

    {
      "_about": "...",
      "00-start-here": [
        {"label": "Java feature version", "pattern": "Java feature version: (\\\\d+)", "min": 17},
        {"label": "run size", "pattern": "Run size: (\\\\w+)", "equals": "fast"},
        {"label": "final loss", "pattern": "loss = (\\\\S+)", "max": 0.1, "occurrence": "last"}
      ]
    }

A check's `pattern` is a Python regular expression with exactly one capture
group. It is searched (multi-line mode) in the notebook's text: every
stream output (stdout and stderr) and every text/plain result or display, in
cell order, joined by newlines, with ANSI colour codes removed. A numeric
check has `min` and/or `max` (inclusive); an `equals` check compares the
captured text exactly. `occurrence` says which matches must pass: "all"
(default), "first" or "last". A pattern that matches nothing fails the check,
naming its label. `size` says at which run size the check is made: "fast"
(default: WORKBOOK_FAST=1, as ./workbook test runs), "full" (WORKBOOK_FAST
unset or not 1, the size a learner runs: `WORKBOOK_FAST=0 ./workbook test
--skip-maven --skip-browser --notebooks NAME`) or "both". A sentence whose
number differs between the sizes is backed by one check per size.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[3]
NOTEBOOKS = ROOT / "notebooks"
EXPECTATIONS = NOTEBOOKS / "expectations.json"
OUT = ROOT / "target" / "notebooks"
KERNEL = "backprop-java"
PLOTLY = "application/vnd.plotly.v1+json"
PNG_SRC = "data:image/png;base64,"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
CHECK_KEYS = {"label", "pattern", "min", "max", "equals", "occurrence", "size"}
SIZES = ("fast", "full", "both")


class ExpectationsError(Exception):
    """notebooks/expectations.json is malformed; the message says where."""


# ---------------------------------------------------------------- expectations

@dataclass(frozen=True)
class Check:
    label: str
    pattern: re.Pattern
    min: float | None = None
    max: float | None = None
    equals: str | None = None
    occurrence: str = "all"
    size: str = "fast"

    def applies_to(self, run_size: str) -> bool:
        """True if the check is made at this run size ("fast" or "full")."""
        return self.size in (run_size, "both")

    def bounds(self) -> str:
        if self.equals is not None:
            return f"equals {self.equals!r}"
        parts = []
        if self.min is not None:
            parts.append(f"min {self.min:g}")
        if self.max is not None:
            parts.append(f"max {self.max:g}")
        return ", ".join(parts)

    def accepts(self, seen: str) -> bool:
        if self.equals is not None:
            return seen == self.equals
        try:
            value = float(seen)
        except ValueError:
            return False
        if math.isnan(value):
            return False
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)

    def evaluate(self, text: str) -> tuple[bool, str]:
        """(passed, one line saying what was seen against which bounds)."""
        found = [m.group(1) for m in self.pattern.finditer(text)]
        if not found:
            return False, f"{self.label}: not found (pattern {self.pattern.pattern!r}; {self.bounds()})"
        if self.occurrence == "first":
            found = found[:1]
        elif self.occurrence == "last":
            found = found[-1:]
        bad = [v for v in found if not self.accepts(v)]
        shown = ", ".join(found[:5]) + (f", ... ({len(found)} matches)" if len(found) > 5 else "")
        line = f"{self.label}: {shown}  ({self.bounds()})"
        if bad:
            line += f"  out of bounds: {', '.join(bad[:5])}"
        return not bad, line


def parse_check(where: str, raw: object) -> Check:
    if not isinstance(raw, dict):
        raise ExpectationsError(f"{where}: a check must be an object, not {raw!r}")
    unknown = set(raw) - CHECK_KEYS
    if unknown:
        raise ExpectationsError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(CHECK_KEYS)}")
    label, pattern = raw.get("label"), raw.get("pattern")
    if not isinstance(label, str) or not label:
        raise ExpectationsError(f"{where}: 'label' (a non-empty string) is required")
    where = f"{where} ({label})"
    if not isinstance(pattern, str):
        raise ExpectationsError(f"{where}: 'pattern' (a regular expression string) is required")
    try:
        regex = re.compile(pattern, re.MULTILINE)
    except re.error as e:
        raise ExpectationsError(f"{where}: pattern {pattern!r} is not a valid regular expression: {e}") from None
    if regex.groups != 1:
        raise ExpectationsError(f"{where}: pattern {pattern!r} has {regex.groups} capture groups, needs exactly 1 "
                                "(use (?:...) for grouping without capture)")
    has_bounds = "min" in raw or "max" in raw
    if has_bounds == ("equals" in raw):
        raise ExpectationsError(f"{where}: give either 'equals' or 'min'/'max'")
    for key in ("min", "max"):
        if key in raw and (isinstance(raw[key], bool) or not isinstance(raw[key], (int, float))):
            raise ExpectationsError(f"{where}: '{key}' must be a number, not {raw[key]!r}")
    if "equals" in raw and not isinstance(raw["equals"], str):
        raise ExpectationsError(f"{where}: 'equals' must be a string, not {raw['equals']!r}")
    occurrence = raw.get("occurrence", "all")
    if occurrence not in ("all", "first", "last"):
        raise ExpectationsError(f"{where}: 'occurrence' must be \"all\", \"first\" or \"last\", not {occurrence!r}")
    size = raw.get("size", "fast")
    if size not in SIZES:
        raise ExpectationsError(f"{where}: 'size' must be \"fast\", \"full\" or \"both\", not {size!r}")
    return Check(label, regex, raw.get("min"), raw.get("max"), raw.get("equals"), occurrence, size)


def run_size() -> str:
    """"fast" when WORKBOOK_FAST=1 (./workbook test's default), else "full"."""
    return "fast" if os.environ.get("WORKBOOK_FAST") == "1" else "full"


def load_expectations(path: Path) -> dict[str, list[Check]]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExpectationsError(f"{path.relative_to(ROOT)} is missing") from None
    except json.JSONDecodeError as e:
        raise ExpectationsError(f"{path.relative_to(ROOT)} is not valid JSON: {e}") from None
    if not isinstance(raw, dict):
        raise ExpectationsError(f"{path.relative_to(ROOT)}: the top level must be an object of notebook names")
    result = {}
    for name, checks in raw.items():
        if name.startswith("_"):
            continue
        if not isinstance(checks, list):
            raise ExpectationsError(f"{path.name}: '{name}' must map to a list of checks")
        result[name] = [parse_check(f"{path.name}: {name}[{i}]", c) for i, c in enumerate(checks)]
    return result


# ---------------------------------------------------------------- notebooks

def output_text(nb) -> str:
    """Every stream output and text/plain result of the notebook, in cell order.

    Consecutive stream pieces are joined as the terminal would show them (JJava sends one
    printf as several pieces); a rich result always stands on lines of its own.
    """
    text = []

    def end_line():
        if text and not text[-1].endswith("\n"):
            text.append("\n")

    for cell in nb.cells:
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if out.output_type == "stream":
                text.append(_text(out.get("text", "")))
            elif out.output_type in ("execute_result", "display_data"):
                plain = out.get("data", {}).get("text/plain")
                if plain is not None:
                    end_line()
                    text.append(_text(plain))
                    end_line()
        end_line()
    return ANSI.sub("", "".join(text))


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def unstripped_cells(nb) -> list[int]:
    """Indexes of code cells that carry outputs or an execution count."""
    return [i for i, c in enumerate(nb.cells)
            if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count") is not None)]


def strip(nb) -> bool:
    """Remove outputs, execution counts and run-specific metadata in place; True if anything changed."""
    before = nbformat.writes(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        for key in ("execution", "collapsed", "scrolled"):
            cell.metadata.pop(key, None)
    nb.metadata.pop("widgets", None)
    if "language_info" in nb.metadata:  # the kernel writes its own JDK's version here
        nb.metadata.language_info = {"name": str(nb.metadata.language_info.get("name", "java")).lower()}
    return nbformat.writes(nb) != before


def error_outputs(nb) -> list[str]:
    found = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if out.output_type == "error":
                found.append(f"cell {i}{_first_line(cell)}: {ANSI.sub('', out.get('ename', ''))}: "
                             f"{ANSI.sub('', out.get('evalue', '')).strip()}")
    return found


def _first_line(cell) -> str:
    lines = [l for l in cell.source.splitlines() if l.strip()]
    if not lines:
        return ""
    line = lines[0].strip()
    return f" ({line[:60]}{'...' if len(line) > 60 else ''})"


def figure_outputs(nb) -> list:
    """The outputs that carry a figure (the plotly MIME type), in cell order."""
    return [out for cell in nb.cells if cell.cell_type == "code"
            for out in cell.get("outputs", [])
            if out.get("output_type") in ("display_data", "execute_result") and PLOTLY in out.get("data", {})]


class _PngImages(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images: list[str] = []

    def handle_starttag(self, tag, attrs):
        src = dict(attrs).get("src") or ""
        if tag == "img" and src.startswith(PNG_SRC):
            self.images.append("".join(src[len(PNG_SRC):].split()))


def html_png_images(html: str) -> list[str]:
    """The base64 payloads of every <img src="data:image/png;base64,..."> in the HTML, in order."""
    parser = _PngImages()
    parser.feed(html)
    parser.close()
    return parser.images


def html_figures(nb, html: str) -> tuple[int, int, int]:
    """(figure outputs, how many of them the HTML shows as their own PNG <img>, PNG <img>s in all)."""
    left: dict[str, int] = {}
    images = html_png_images(html)
    for b64 in images:
        left[b64] = left.get(b64, 0) + 1
    figures = figure_outputs(nb)
    shown = 0
    for out in figures:
        png = "".join(_text(out.get("data", {}).get("image/png", "")).split())
        if png and left.get(png, 0) > 0:
            left[png] -= 1
            shown += 1
    return len(figures), shown, len(images)


def select(names: list[str], folder: Path = NOTEBOOKS, missing_hint: str = "") -> list[Path]:
    """The numbered notebooks in folder that names pick (an exact stem or a prefix); all of them if none."""
    everything = sorted(folder.glob("[0-9]*.ipynb"))
    if not names:
        return everything
    chosen = []
    for name in names:
        stem = Path(name).name.removesuffix(".ipynb")
        matches = [p for p in everything if p.stem == stem] or [p for p in everything if p.stem.startswith(stem)]
        if not matches:
            raise SystemExit(f"{Path(sys.argv[0]).stem}: no notebook in {folder} matches '{name}' "
                             f"(have: {', '.join(p.stem for p in everything) or 'none'}{missing_hint})")
        chosen += [p for p in matches if p not in chosen]
    return chosen


def execute(nb, timeout: int, kernel_log: Path) -> str | None:
    """Run every cell; None on success, else a one-line reason. Outputs stay in nb either way.

    The kernel's own log (its stdout and stderr) goes to kernel_log, not to the console.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    client = NotebookClient(nb, timeout=timeout, startup_timeout=180, kernel_name=KERNEL,
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    kernel_log.parent.mkdir(parents=True, exist_ok=True)
    see_log = f"kernel log: {kernel_log.relative_to(ROOT)}"
    try:
        with open(kernel_log, "wb") as log:
            client.execute(stdout=log, stderr=log)
    except CellTimeoutError:
        running = [f"cell {i}{_first_line(c)}" for i, c in enumerate(nb.cells)
                   if "shell.execute_reply" not in c.get("metadata", {}).get("execution", {"shell.execute_reply": 0})]
        return f"{running[0] if running else 'a cell'} ran longer than {timeout} s (WORKBOOK_CELL_TIMEOUT)"
    except DeadKernelError:
        return ("the kernel died (System.exit or running out of memory are the usual causes; "
                f"{see_log})")
    except CellExecutionError:
        pass  # reported from the error outputs below
    except Exception as e:  # kernel missing, failed to start, ...
        msg = ANSI.sub("", str(e)).strip().splitlines()
        return f"{type(e).__name__}: {msg[0] if msg else ''} ({see_log})"
    errors = error_outputs(nb)
    return "; ".join(errors) if errors else None


# MathJax 2 for the HTML exports, from the pinned jupyter-server-mathjax package (its static/
# folder: MathJax.js, the TeX input, HTML-CSS and SVG output, STIX-Web fonts), copied beside the
# exports so that their formulas render offline. Its HTML-CSS output looks for TeX web fonts by
# default, which the package does not ship: config/workbook.js points it at STIX-Web.
MATHJAX_DIR = "mathjax"
MATHJAX_CONFIG = "workbook"
MATHJAX_URL = f"{MATHJAX_DIR}/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full,Safe,{MATHJAX_CONFIG}"
MATHJAX_CONFIG_JS = """MathJax.Hub.Config({
  "HTML-CSS": {availableFonts: [], preferredFont: null, webFont: "STIX-Web", imageFont: null}
});
MathJax.Ajax.loadComplete("[MathJax]/config/%s.js");
""" % MATHJAX_CONFIG


def vendor_mathjax(out: Path) -> Path:
    """Copies MathJax beside the exports in out (once) and returns its MathJax.js."""
    import shutil

    import jupyter_server_mathjax

    target = out / MATHJAX_DIR
    script = target / "MathJax.js"
    config = target / "config" / f"{MATHJAX_CONFIG}.js"
    if not script.is_file() or not config.is_file():
        source = Path(jupyter_server_mathjax.__file__).parent / "static"
        shutil.copytree(source, target, dirs_exist_ok=True)
        config.write_text(MATHJAX_CONFIG_JS, encoding="utf-8")
    return script


def export(nb, name: str, out: Path | None = None) -> str:
    """Writes the executed copy and its HTML export (MathJax from a local copy); returns the HTML."""
    from nbconvert import HTMLExporter

    out = OUT if out is None else out
    out.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out / f"{name}.ipynb")
    vendor_mathjax(out)
    html, _ = HTMLExporter(mathjax_url=MATHJAX_URL).from_notebook_node(nb)
    (out / f"{name}.html").write_text(html, encoding="utf-8")
    return html


def run_one(path: Path, checks: list[Check] | None, timeout: int) -> bool:
    name = path.stem
    problems, lines = [], []
    nb = nbformat.read(path, as_version=4)
    dirty = unstripped_cells(nb)
    if dirty:
        problems.append(f"committed with outputs in cell(s) {', '.join(map(str, dirty[:10]))}: run ./workbook strip")
    kernel = nb.metadata.get("kernelspec", {}).get("name")
    if kernel != KERNEL:
        problems.append(f"metadata kernelspec is {kernel!r}, expected {KERNEL!r}")
    if checks is None:
        problems.append(f"no expectations: add \"{name}\" to notebooks/expectations.json")

    started = time.monotonic()
    failure = execute(nb, timeout, OUT / f"{name}.kernel.log")
    seconds = time.monotonic() - started
    if failure:
        problems.append(failure)
    html = None
    try:
        html = export(nb, name)
    except Exception as e:
        problems.append(f"could not write target/notebooks/{name}.ipynb/.html: {type(e).__name__}: {e}")

    if checks is not None and not failure:
        text = output_text(nb)
        for check in (c for c in checks if c.applies_to(run_size())):
            ok, line = check.evaluate(text)
            lines.append(f"   {'ok  ' if ok else 'FAIL'} {line}")
            if not ok:
                problems.append(f"check failed: {check.label}")
    if html is not None:
        figures, shown, _ = html_figures(nb, html)
        if figures:  # every figure must show in the HTML export as its own PNG
            ok = shown == figures
            lines.append(f"   {'ok  ' if ok else 'FAIL'} HTML export: {shown} of {figures} figures shown as PNG images")
            if not ok:
                problems.append("check failed: HTML export images")
    passed = not problems
    print(f"{'PASS' if passed else 'FAIL'} {name}  {seconds:.1f} s  -> target/notebooks/{name}.html", flush=True)
    for line in lines:
        print(line, flush=True)
    for problem in problems:
        if not problem.startswith("check failed:"):
            print(f"   FAIL {problem}", flush=True)
    return passed


def cmd_run(args) -> int:
    try:
        expectations = load_expectations(EXPECTATIONS)
    except ExpectationsError as e:
        print(f"run_notebooks: {e}", flush=True)
        print("Notebooks: 0 passed, 1 failed")
        return 1
    names = [n for arg in args.notebooks for n in arg.split(",") if n]
    paths = select(names)
    if not paths:
        print("run_notebooks: no notebooks/[0-9]*.ipynb to run")
        print("Notebooks: 0 passed, 0 failed")
        return 1
    for stale in sorted(set(expectations) - {p.stem for p in NOTEBOOKS.glob("[0-9]*.ipynb")}):
        print(f"warning: expectations.json has checks for '{stale}', which is not a notebook", flush=True)
    try:
        timeout = int(os.environ.get("WORKBOOK_CELL_TIMEOUT", "900"))
    except ValueError:
        print(f"run_notebooks: WORKBOOK_CELL_TIMEOUT must be a whole number of seconds, "
              f"not {os.environ['WORKBOOK_CELL_TIMEOUT']!r}")
        print("Notebooks: 0 passed, 0 failed")
        return 1
    print(f"Executing {len(paths)} notebook(s) with kernel {KERNEL}, WORKBOOK_FAST={os.environ.get('WORKBOOK_FAST', '')!s}, "
          f"cell timeout {timeout} s", flush=True)
    passed = failed = 0
    for path in paths:
        if run_one(path, expectations.get(path.stem), timeout):
            passed += 1
        else:
            failed += 1
    print(f"Notebooks: {passed} passed, {failed} failed", flush=True)
    return 0 if failed == 0 else 1


def cmd_strip(args) -> int:
    paths = [Path(p) for p in args.paths] or sorted(NOTEBOOKS.glob("*.ipynb"))
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        if strip(nb):
            nbformat.write(nb, path)
            print(f"stripped {os.path.relpath(path, Path.cwd())}")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="run_notebooks.py", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="execute the notebooks and check their expectations")
    run.add_argument("--notebooks", action="append", default=[], metavar="NAME[,NAME...]",
                     help="only these notebooks (a name matches a file name that starts with it)")
    run.set_defaults(func=cmd_run)
    strip_cmd = sub.add_parser("strip", help="remove outputs and execution counts in place")
    strip_cmd.add_argument("paths", nargs="*", help="notebooks (default: notebooks/*.ipynb)")
    strip_cmd.set_defaults(func=cmd_strip)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
