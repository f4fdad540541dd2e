"""Tests of browser_check.py's own logic: which notebooks, the copy JupyterLab serves, process helpers.

No browser, JupyterLab or kernel is started here; `./workbook test` runs these with the runner's:

    .venv/bin/python -m unittest discover -s src/test/python
"""
import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

if os.name == "nt":  # browser_check.py drives its processes with POSIX signals and locks
    raise unittest.SkipTest("the browser check runs on Linux and macOS")

import nbformat  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import browser_check as bc  # noqa: E402
from test_run_notebooks import notebook_with_figures, tiny_png_base64  # noqa: E402


class Select(unittest.TestCase):
    def test_names_match_as_in_the_runner(self):
        with tempfile.TemporaryDirectory() as tmp:
            d = Path(tmp)
            for name in ("00-start-here", "01-loss", "02-activations", "notes"):
                (d / f"{name}.ipynb").write_text("{}")
            self.assertEqual([p.stem for p in bc.select(d, [])], ["00-start-here", "01-loss", "02-activations"])
            self.assertEqual([p.stem for p in bc.select(d, ["01", "00-start-here.ipynb", "01-loss"])],
                             ["01-loss", "00-start-here"])
            with self.assertRaises(SystemExit) as caught:
                bc.select(d, ["07"])
            self.assertIn("run ./workbook test first", str(caught.exception))


class LabCopy(unittest.TestCase):
    def test_the_copy_has_the_checked_notebooks_and_every_support_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            src, lab = Path(tmp) / "notebooks", Path(tmp) / "lab"
            (src / ".ipynb_checkpoints").mkdir(parents=True)
            (src / "data").mkdir()
            for name in ("01-loss.ipynb", "02-activations.ipynb", "setup.jsh", "workbook-startup.jsh",
                         "data/points.csv", ".ipynb_checkpoints/01-loss-checkpoint.ipynb"):
                (src / name).write_text(name)
            lab.mkdir()
            (lab / "stale.ipynb").write_text("from an earlier run")
            bc.prepare_lab_copy(src, lab, ["01-loss"])
            got = sorted(str(p.relative_to(lab)) for p in lab.rglob("*") if p.is_file())
            self.assertEqual(got, ["01-loss.ipynb", "data/points.csv", "setup.jsh", "workbook-startup.jsh"])

    def test_lab_settings_are_valid_json_for_known_plugins(self):
        for name, value in bc.LAB_SETTINGS.items():
            self.assertTrue(name.startswith("@jupyterlab/") and name.endswith(".jupyterlab-settings"), name)
            json.dumps(value)


class Figures(unittest.TestCase):
    def test_figure_count_of_an_executed_copy(self):
        nb = notebook_with_figures(tiny_png_base64(), None, tiny_png_base64())
        nb = nbformat.reads(nbformat.writes(nb), as_version=4)  # as read back from target/notebooks
        self.assertEqual(len(bc.figure_outputs(nb)), 3)


@unittest.skipUnless(Path("/proc/self/cmdline").exists(), "needs /proc")
class Processes(unittest.TestCase):
    def test_leftovers_are_found_by_their_folder_and_stopped(self):
        with tempfile.TemporaryDirectory() as tmp:
            marker = str(Path(tmp) / "runtime")
            # A child in a session of its own, as a kernel or Chromium runs, naming our folder.
            proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", marker],
                                    start_new_session=True)
            try:
                deadline = time.monotonic() + 10
                while proc.pid not in bc.processes_mentioning(marker) and time.monotonic() < deadline:
                    time.sleep(0.05)
                self.assertIn(proc.pid, bc.processes_mentioning(marker))
                self.assertNotIn(os.getpid(), bc.processes_mentioning(marker))
                with contextlib.redirect_stdout(io.StringIO()) as said:
                    bc.kill_leftovers(marker, "test")
                self.assertIn("stopping 1 leftover test process(es)", said.getvalue())
                self.assertIsNotNone(proc.wait(timeout=10))
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()

    def test_free_port_is_bindable(self):
        import socket
        port = bc.free_port()
        with socket.socket() as s:
            s.bind(("127.0.0.1", port))


if __name__ == "__main__":
    unittest.main()
