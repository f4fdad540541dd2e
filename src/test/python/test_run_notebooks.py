"""Tests of the notebook runner's own logic: expectations, output text, stripping.

No kernel is started here; `./workbook test` runs these before the notebooks:

    .venv/bin/python -m unittest discover -s src/test/python
"""
import json
import os
import sys
import tempfile
import unittest
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_notebooks as rn  # noqa: E402


def check(**raw):
    return rn.parse_check("test", {"label": "x", **raw})


def notebook_printing(*texts, plain=None):
    cell = new_code_cell("...")
    cell.outputs = [new_output("stream", name="stdout", text=t) for t in texts]
    if plain is not None:
        cell.outputs.append(new_output("execute_result", data={"text/plain": plain, "image/png": "AAAA"},
                                       execution_count=1))
    return new_notebook(cells=[new_markdown_cell("value: 999"), cell])


class ParseCheck(unittest.TestCase):
    def rejects(self, message, **raw):
        with self.assertRaises(rn.ExpectationsError) as caught:
            check(**raw)
        self.assertIn(message, str(caught.exception))

    def test_pattern_needs_exactly_one_capture_group(self):
        self.rejects("has 2 capture groups", pattern="(a)(b)", min=1)
        self.rejects("has 0 capture groups", pattern="a", min=1)
        check(pattern="(?:a|b) (\\d+)", min=1)

    def test_either_equals_or_bounds(self):
        self.rejects("either 'equals' or 'min'/'max'", pattern="(a)")
        self.rejects("either 'equals' or 'min'/'max'", pattern="(a)", min=1, equals="a")

    def test_typos_and_wrong_types_are_named(self):
        self.rejects("unknown key(s) ['mn']", pattern="(a)", mn=1)
        self.rejects("'min' must be a number", pattern="(a)", min="1")
        self.rejects("'min' must be a number", pattern="(a)", min=True)
        self.rejects("'equals' must be a string", pattern="(a)", equals=1)
        self.rejects("'occurrence' must be", pattern="(a)", min=1, occurrence="any")
        self.rejects("not a valid regular expression", pattern="(a", min=1)
        with self.assertRaises(rn.ExpectationsError):
            rn.parse_check("test", {"pattern": "(a)", "min": 1})  # no label


class RunSize(unittest.TestCase):
    def test_a_check_is_made_at_its_size_only(self):
        fast, full, both = (check(pattern="(a)", min=1, size=s) for s in ("fast", "full", "both"))
        default = check(pattern="(a)", min=1)
        self.assertEqual([True, False, True, True], [c.applies_to("fast") for c in (fast, full, both, default)])
        self.assertEqual([False, True, True, False], [c.applies_to("full") for c in (fast, full, both, default)])

    def test_an_unknown_size_is_named(self):
        with self.assertRaises(rn.ExpectationsError) as caught:
            check(pattern="(a)", min=1, size="small")
        self.assertIn("'size' must be \"fast\", \"full\" or \"both\"", str(caught.exception))

    def test_the_size_follows_workbook_fast(self):
        old = os.environ.get("WORKBOOK_FAST")
        try:
            os.environ["WORKBOOK_FAST"] = "1"
            self.assertEqual("fast", rn.run_size())
            os.environ["WORKBOOK_FAST"] = "0"
            self.assertEqual("full", rn.run_size())
            del os.environ["WORKBOOK_FAST"]
            self.assertEqual("full", rn.run_size())
        finally:
            if old is not None:
                os.environ["WORKBOOK_FAST"] = old


class Evaluate(unittest.TestCase):
    def test_numeric_bounds_are_inclusive(self):
        c = check(pattern="^v = (\\S+)$", min=0.5, max=0.5)
        self.assertEqual(c.evaluate("v = 0.5")[0], True)
        ok, line = c.evaluate("v = 0.50001")
        self.assertFalse(ok)
        self.assertIn("out of bounds: 0.50001", line)

    def test_not_found_names_the_label(self):
        ok, line = rn.parse_check("t", {"label": "final loss", "pattern": "loss (\\S+)", "max": 1}).evaluate("nothing")
        self.assertFalse(ok)
        self.assertTrue(line.startswith("final loss: not found"))

    def test_every_match_must_pass_unless_first_or_last(self):
        text = "loss 0.9\nloss 0.4\nloss 0.1"
        self.assertFalse(check(pattern="loss (\\S+)", max=0.5).evaluate(text)[0])
        self.assertTrue(check(pattern="loss (\\S+)", max=0.5, occurrence="last").evaluate(text)[0])
        self.assertTrue(check(pattern="loss (\\S+)", min=0.8, occurrence="first").evaluate(text)[0])

    def test_non_numbers_and_nan_fail_numeric_checks(self):
        self.assertFalse(check(pattern="v (\\S+)", min=0).evaluate("v NaN")[0])
        self.assertFalse(check(pattern="v (\\S+)", min=0).evaluate("v abc")[0])

    def test_equals_compares_text_exactly(self):
        self.assertTrue(check(pattern="size: (\\w+)", equals="fast").evaluate("size: fast")[0])
        self.assertFalse(check(pattern="size: (\\w+)", equals="fast").evaluate("size: faster")[0])


class OutputText(unittest.TestCase):
    def test_streams_and_plain_results_without_colour_codes_or_markdown(self):
        nb = notebook_printing("a = 1\n", "\x1b[31mb = 2\x1b[0m\n", plain="3.5")
        text = rn.output_text(nb)
        self.assertIn("a = 1", text)
        self.assertIn("b = 2", text)
        self.assertIn("3.5", text)
        self.assertNotIn("\x1b", text)
        self.assertNotIn("999", text)   # markdown is not output
        self.assertNotIn("AAAA", text)  # nor are images


    def test_stream_pieces_of_one_line_are_joined_as_printed(self):
        # JJava sends one printf as several stream outputs: "loss = " then "0.5\n".
        nb = notebook_printing("loss = ", "0.5\n", plain="3.5")
        text = rn.output_text(nb)
        self.assertIn("loss = 0.5\n", text)
        self.assertIn("\n3.5\n", text)  # a rich result stands on its own line

class Strip(unittest.TestCase):
    def test_strip_removes_outputs_counts_and_run_metadata(self):
        nb = notebook_printing("x\n", plain="1")
        nb.cells[1].execution_count = 4
        nb.cells[1].metadata["execution"] = {"iopub.status.busy": "..."}
        nb.metadata["language_info"] = {"name": "Java", "version": "17.0.15"}  # as the kernel writes it
        self.assertEqual(rn.unstripped_cells(nb), [1])
        self.assertTrue(rn.strip(nb))
        self.assertEqual(rn.unstripped_cells(nb), [])
        self.assertNotIn("execution", nb.cells[1].metadata)
        self.assertEqual(nb.metadata["language_info"], {"name": "java"})
        self.assertFalse(rn.strip(nb), "stripping twice changes nothing")
        nbformat.validate(nb)


def tiny_png_base64() -> str:
    """A valid 1x1 PNG, base64."""
    import base64
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))
    return base64.b64encode(png).decode()


def notebook_with_figures(*pngs):
    """One display_data output per PNG, carrying the three MIME types of FigureBundle."""
    cells = []
    for png in pngs:
        cell = new_code_cell("NotebookDisplay.show(...);")
        data = {rn.PLOTLY: {"data": [], "layout": {}, "config": {}}, "text/plain": "t: 1 trace, 3 points"}
        if png is not None:
            data["image/png"] = png
        cell.outputs = [new_output("display_data", data=data)]
        cells.append(cell)
    plain = new_code_cell("1")
    plain.outputs = [new_output("display_data", data={"image/png": tiny_png_base64(), "text/plain": "an image"})]
    return new_notebook(cells=cells + [plain])


class HtmlFigures(unittest.TestCase):
    def export(self, nb):
        from nbconvert import HTMLExporter
        return HTMLExporter().from_notebook_node(nb)[0]

    def test_only_outputs_with_the_plotly_type_are_figures(self):
        nb = notebook_with_figures(tiny_png_base64(), tiny_png_base64())
        self.assertEqual(len(rn.figure_outputs(nb)), 2)
        self.assertEqual(rn.figure_outputs(notebook_printing("x\n", plain="1")), [])

    def test_every_figure_shows_as_its_png_in_the_nbconvert_export(self):
        nb = notebook_with_figures(tiny_png_base64(), tiny_png_base64())
        # Two figures and one plain image: all three are <img>s, the figures' own PNGs among them.
        self.assertEqual(rn.html_figures(nb, self.export(nb)), (2, 2, 3))

    def test_a_figure_without_png_is_not_shown(self):
        nb = notebook_with_figures(tiny_png_base64(), None)
        self.assertEqual(rn.html_figures(nb, self.export(nb)), (2, 1, 2))

    def test_images_are_read_from_img_tags_only(self):
        png = tiny_png_base64()
        html = (f'<style>a {{ background: url(data:image/png;base64,{png}) }}</style>'
                f'<script src="data:image/png;base64,{png}"></script>'
                f'<img alt="x" src="data:image/png;base64,{png[:10]}\n{png[10:]}">')
        self.assertEqual(rn.html_png_images(html), [png])
        self.assertEqual(rn.html_figures(notebook_with_figures(png), html), (1, 1, 1))


class OfflineMathJax(unittest.TestCase):
    """The HTML exports load MathJax from a copy beside them, never from the network."""

    def test_an_export_loads_mathjax_from_a_local_file_that_exists(self):
        import re
        nb = new_notebook(cells=[new_markdown_cell("The loss $L = -\\ln p$ and $$\\sigma(z) = 1/(1 + e^{-z})$$")])
        with tempfile.TemporaryDirectory() as tmp:
            html = rn.export(nb, "formulas", Path(tmp))
            self.assertEqual(html, (Path(tmp) / "formulas.html").read_text(encoding="utf-8"))
            sources = re.findall(r'<script[^>]*\bsrc="([^"]*)"', html)
            mathjax = [s for s in sources if "mathjax" in s.lower()]
            self.assertEqual(len(mathjax), 1, f"one MathJax script expected, found {mathjax}")
            self.assertNotRegex(mathjax[0], r"^(https?:)?//", "MathJax must not come from the network")
            self.assertIsNone(re.search(r"https?://[^\s\"'<>]*mathjax", html, re.IGNORECASE),
                              "no http(s) URL for MathJax anywhere in the export")
            local = Path(tmp) / mathjax[0].split("?")[0]
            self.assertTrue(local.is_file(), f"{local} is missing")
            self.assertIn("MathJax", local.read_text(encoding="utf-8")[:2000])
            configs = re.search(r"config=([^&\"]+)", mathjax[0]).group(1).split(",")
            for config in configs:
                self.assertTrue((local.parent / "config" / f"{config}.js").is_file(), f"config {config}.js is missing")
            self.assertTrue(any((local.parent / "fonts" / "HTML-CSS" / "STIX-Web").iterdir()),
                            "the web fonts the workbook config names are there")

    def test_a_second_export_reuses_the_copy(self):
        nb = new_notebook(cells=[new_markdown_cell("$x$")])
        with tempfile.TemporaryDirectory() as tmp:
            script = rn.vendor_mathjax(Path(tmp))
            stamp = script.stat().st_mtime_ns
            rn.export(nb, "again", Path(tmp))
            self.assertEqual(script.stat().st_mtime_ns, stamp)


class LoadExpectations(unittest.TestCase):
    def load(self, data):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "expectations.json"
            path.write_text(json.dumps(data) if not isinstance(data, str) else data)
            original = rn.ROOT
            rn.ROOT = Path(tmp)
            try:
                return rn.load_expectations(path)
            finally:
                rn.ROOT = original

    def test_comment_keys_are_skipped(self):
        got = self.load({"_about": "text", "01-loss": [{"label": "l", "pattern": "(a)", "min": 0}]})
        self.assertEqual(list(got), ["01-loss"])

    def test_shape_errors(self):
        for bad in ({"01": {"label": "l"}}, [], "{"):
            with self.assertRaises(rn.ExpectationsError):
                self.load(bad)

    def test_the_committed_file_is_valid(self):
        self.assertIn("00-start-here", rn.load_expectations(rn.EXPECTATIONS))


if __name__ == "__main__":
    unittest.main()
