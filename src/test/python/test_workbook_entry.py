"""Tests of the entry point (src/entry/python/workbook): the platform-specific logic asked for both
Windows and POSIX on whatever machine runs them, the parsing and dispatch of commands, and the
classroom hub's configuration.

No Maven, JDK or kernel is started here; `./workbook test` runs these with the runner's tests:

    .venv/bin/python -m unittest discover -s src/test/python
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile
from pathlib import Path, PurePosixPath, PureWindowsPath
from types import SimpleNamespace
from unittest import mock

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "src" / "entry" / "python"))
from workbook import browser, cli, commands, exercises, host, jdks, kernel, prereqs, pyenv, stamps  # noqa: E402
from workbook.console import Exit, Failure  # noqa: E402
from workbook.project import Project  # noqa: E402

WINDOWS, POSIX = "nt", "posix"
PROJECT = Project(root=str(ROOT), caller_cwd=str(ROOT))


def posix(path: str) -> str:
    return path.replace("\\", "/")


class VenvPaths(unittest.TestCase):
    def test_scripts_folder_is_Scripts_on_windows_and_bin_on_posix(self):
        self.assertEqual(PureWindowsPath(host.venv_scripts_dir(r"C:\w\.venv", WINDOWS)),
                         PureWindowsPath(r"C:\w\.venv\Scripts"))
        self.assertEqual(posix(host.venv_scripts_dir("/w/.venv", POSIX)), "/w/.venv/bin")

    def test_programs_carry_exe_on_windows_only(self):
        self.assertEqual(PureWindowsPath(host.venv_executable(r"C:\w\.venv", "python", WINDOWS)),
                         PureWindowsPath(r"C:\w\.venv\Scripts\python.exe"))
        self.assertEqual(PureWindowsPath(host.venv_executable(r"C:\w\.venv", "jupyter", WINDOWS)).name, "jupyter.exe")
        self.assertEqual(posix(host.venv_executable("/w/.venv", "python", POSIX)), "/w/.venv/bin/python")
        self.assertEqual(host.executable_name("java", WINDOWS), "java.exe")
        self.assertEqual(host.executable_name("java", POSIX), "java")

    def test_this_machines_venv_path_is_where_venv_puts_python(self):
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, "-m", "venv", "--without-pip", tmp], check=True)
            self.assertTrue(os.path.isfile(host.venv_executable(tmp, "python")))

    def test_the_project_venv_and_the_running_environment(self):
        env = pyenv.project_venv(Project(root=r"C:\wb", caller_cwd=r"C:\wb"), WINDOWS)
        self.assertEqual(PureWindowsPath(env.python).parts[-2:], ("Scripts", "python.exe"))
        self.assertTrue(env.managed)
        self.assertEqual(pyenv.choose(PROJECT, {}).prefix, PROJECT.venv)
        running = pyenv.choose(PROJECT, {"WORKBOOK_CURRENT_PYTHON": "1"})
        self.assertEqual((running.prefix, running.python, running.managed), (sys.prefix, sys.executable, False))
        self.assertEqual(Path(running.kernels_dir), Path(sys.prefix, "share", "jupyter", "kernels"))


class PlatformFacts(unittest.TestCase):
    def test_classpath_separator(self):
        self.assertEqual(host.classpath(["a", "b/*"], ";"), "a;b/*")
        self.assertEqual(host.classpath(["a", "b/*"], ":"), "a:b/*")

    def test_root_only_where_there_is_an_effective_user_id(self):
        self.assertTrue(host.is_root(SimpleNamespace(geteuid=lambda: 0)))
        self.assertFalse(host.is_root(SimpleNamespace(geteuid=lambda: 1000)))
        self.assertFalse(host.is_root(SimpleNamespace()))  # Windows' os module has no geteuid

    def test_a_browser_needs_a_display_on_linux_only(self):
        self.assertTrue(host.can_open_browser("darwin", {}))
        self.assertTrue(host.can_open_browser("win32", {}))
        self.assertFalse(host.can_open_browser("linux", {}))
        self.assertTrue(host.can_open_browser("linux", {"DISPLAY": ":0"}))
        self.assertTrue(host.can_open_browser("linux", {"WAYLAND_DISPLAY": "wayland-0"}))

    def test_shim_python_and_maven_profile(self):
        self.assertEqual((host.shim(WINDOWS), host.shim(POSIX)), ("workbook", "./workbook"))
        self.assertEqual(host.python_name({}, POSIX), "python3")
        self.assertEqual(host.python_name({"WORKBOOK_PYTHON": "/opt/py"}, WINDOWS), "/opt/py")
        self.assertEqual(host.maven_profile_off("exercises", POSIX), "-P!exercises")
        self.assertEqual(host.maven_profile_off("exercises", WINDOWS), "-P-exercises")

    def test_grader_classpath_uses_the_platform_separator(self):
        cmd = exercises.grader_command(Project(root="/wb", caller_cwd="/"), ["grade"], ";")
        cp = cmd[cmd.index("-cp") + 1]
        self.assertEqual([posix(p) for p in cp.split(";")], ["/wb/target/classes", "/wb/target/grader-lib/*"])
        self.assertEqual(cmd[-3:], ["grade", "--root", "/wb"])


class BrowserTools(unittest.TestCase):
    def test_windows_skips_the_browser_check_with_a_reason(self):
        with self.assertRaises(browser.ToolMissing) as caught:
            browser.find_browser_tools({}, WINDOWS)
        self.assertIn("Linux and macOS only", str(caught.exception))

    def test_a_named_chromium_must_be_an_executable(self):
        with self.assertRaises(browser.ToolMissing) as caught:
            browser.find_browser_tools({"WORKBOOK_CHROMIUM": "/no/such/chromium"}, POSIX)
        self.assertEqual(str(caught.exception), "chromium not found (WORKBOOK_CHROMIUM=/no/such/chromium is not an executable)")


class SecondJdk(unittest.TestCase):
    def test_windows_looks_in_program_files_by_vendor(self):
        patterns = jdks.candidate_patterns(WINDOWS, {"ProgramFiles": r"C:\Program Files"})
        self.assertIn(r"C:\Program Files\Java\*\bin\java.exe", patterns)
        self.assertIn(r"C:\Program Files\Eclipse Adoptium\*\bin\java.exe", patterns)
        self.assertIn(r"C:\Program Files\Java\*\bin\java.exe", jdks.candidate_patterns(WINDOWS, {}))

    def test_posix_looks_in_usr_lib_jvm_and_macos_folder(self):
        self.assertEqual(jdks.candidate_patterns(POSIX, {}),
                         ["/usr/lib/jvm/*/bin/java", "/Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java"])

    def test_the_newest_other_jdk_wins(self):
        here = "/usr/lib/jvm/java-17"
        candidates = [("/usr/lib/jvm/java-17/bin/java", 17), ("/usr/lib/jvm/alias-17/bin/java", 17),
                      ("/usr/lib/jvm/java-8/bin/java", 1), ("/usr/lib/jvm/temurin-21/bin/java", 21),
                      ("/usr/lib/jvm/temurin-25/bin/java", 25), ("/usr/lib/jvm/other-25/bin/java", 25),
                      ("/usr/lib/jvm/broken/bin/java", None)]
        self.assertEqual(jdks.choose_second(candidates, here, 17, POSIX), "/usr/lib/jvm/temurin-25/bin/java")
        self.assertIsNone(jdks.choose_second(candidates[:3], here, 17, POSIX))
        # its own folder is skipped even when a version would qualify
        self.assertIsNone(jdks.choose_second([("/usr/lib/jvm/java-17/bin/java", 25)], here, 17, POSIX))

    def test_windows_discovery_end_to_end(self):
        found = {r"C:\Program Files\Java\*\bin\java.exe": [r"C:\Program Files\Java\jdk-17\bin\java.exe"],
                 r"C:\Program Files\Eclipse Adoptium\*\bin\java.exe":
                     [r"C:\Program Files\Eclipse Adoptium\jdk-21.0.2.13-hotspot\bin\java.exe"]}
        versions = {r"C:\Program Files\Java\jdk-17\bin\java.exe": 'openjdk version "17.0.9"',
                    r"C:\Program Files\Eclipse Adoptium\jdk-21.0.2.13-hotspot\bin\java.exe": 'openjdk version "21.0.2"'}

        def probe(argv):
            if argv[0] == "java":
                return ('    java.home = C:\\Program Files\\Java\\jdk-17\n' if "-XshowSettings:properties" in argv
                        else 'java version "17.0.9"')
            return versions[argv[0]]

        second = jdks.find_second_jdk({"ProgramFiles": r"C:\Program Files"}, WINDOWS, probe,
                                      lambda pattern: found.get(pattern, []), lambda p: True)
        self.assertEqual(second, r"C:\Program Files\Eclipse Adoptium\jdk-21.0.2.13-hotspot\bin\java.exe")

    def test_named_jdk_uses_java_exe_on_windows(self):
        seen = []
        second = jdks.find_second_jdk({"WORKBOOK_SECOND_JDK": r"D:\jdk-25"}, WINDOWS, lambda a: "",
                                      lambda p: [], lambda p: seen.append(p) or True)
        self.assertEqual(PureWindowsPath(second), PureWindowsPath(r"D:\jdk-25\bin\java.exe"))
        self.assertIsNone(jdks.find_second_jdk({"WORKBOOK_SECOND_JDK": "/jdk"}, POSIX, lambda a: "",
                                               lambda p: [], lambda p: False))


class VersionReading(unittest.TestCase):
    def test_java_version(self):
        self.assertEqual(prereqs.java_version('openjdk version "17.0.15" 2025-04-15'), 17)
        self.assertEqual(prereqs.java_version('java version "1.8.0_402"'), 8)
        self.assertEqual(prereqs.java_version('openjdk version "25" 2025-09-16'), 25)
        self.assertEqual(prereqs.java_version('openjdk version "21-ea"'), 21)
        self.assertIsNone(prereqs.java_version("command not found"))
        self.assertEqual(jdks.major_version('java version "1.8.0_402"'), 1)  # too old either way

    def test_jshell_and_maven_java(self):
        self.assertTrue(prereqs.has_jshell("java.base@17\njdk.jshell@17.0.15\n"))
        self.assertFalse(prereqs.has_jshell("java.base@17\nnot.jdk.jshell@17\n"))
        self.assertEqual(prereqs.maven_java_version("Maven home: /x\nJava version: 17.0.15, vendor: Debian"), 17)
        self.assertIsNone(prereqs.maven_java_version("Maven home: /x"))


class Kernelspec(unittest.TestCase):
    WHEEL = {"argv": ["java", "-jar", "{resource_dir}/jjava-launcher.jar"], "display_name": "Java (jjava)",
             "language": "java", "env": {}, "metadata": {}}

    def test_classpath_uses_the_platform_separator(self):
        spec = kernel.kernelspec(self.WHEEL, r"C:\wb", r"C:\wb\notebooks\workbook-startup.jsh", ";")
        entries = spec["env"]["JJAVA_CLASSPATH"].split(";")
        self.assertEqual([PureWindowsPath(e).parts[-2:] for e in entries], [("target", "classes"), ("lib", "*")])
        spec = kernel.kernelspec(self.WHEEL, "/wb", "/wb/notebooks/workbook-startup.jsh", ":")
        self.assertEqual(len(spec["env"]["JJAVA_CLASSPATH"].split(":")), 2)
        self.assertEqual((spec["argv"], spec["display_name"]), (self.WHEEL["argv"], "Java (Backprop Workbook)"))

    def test_written_once_then_the_same(self):
        with tempfile.TemporaryDirectory() as tmp:
            kernels = Path(tmp)
            self.assertEqual(kernel.write_kernelspec(str(kernels), "/wb", "/wb/s.jsh"), "missing")
            (kernels / "java").mkdir()
            (kernels / "java" / "kernel.json").write_text(json.dumps(self.WHEEL))
            (kernels / "java" / "jjava.jar").write_bytes(b"jar")
            self.assertEqual(kernel.write_kernelspec(str(kernels), "/wb", "/wb/s.jsh"), "changed")
            self.assertEqual(kernel.write_kernelspec(str(kernels), "/wb", "/wb/s.jsh"), "same")
            self.assertEqual((kernels / "backprop-java" / "jjava.jar").read_bytes(), b"jar")
            self.assertEqual(json.loads((kernels / "backprop-java" / "kernel.json").read_text())["env"]["WORKBOOK_ROOT"],
                             "/wb")
            self.assertEqual(kernel.write_kernelspec(str(kernels), "/other", "/other/s.jsh"), "changed")

    def test_startup_imports_are_found_in_classes_and_jars(self):
        script = "import backprop.*;\nimport static backprop.Mlp.create;\nimport java.util.*;\nimport tech.x.Table;\n" \
                 "import missing.pkg.*;\n"
        self.assertEqual(kernel.startup_imports(script), ["backprop", "backprop.Mlp", "java.util", "tech.x.Table",
                                                          "missing.pkg"])
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp)
            (target / "classes" / "backprop").mkdir(parents=True)
            (target / "classes" / "backprop" / "Mlp.class").write_bytes(b"")
            (target / "lib").mkdir()
            with zipfile.ZipFile(target / "lib" / "t.jar", "w") as z:
                z.writestr("tech/x/Table.class", b"")
            self.assertEqual(kernel.missing_imports(script, str(target)), ["missing.pkg"])


class Stamps(unittest.TestCase):
    def test_tree_hash_is_the_bash_scripts_hash_and_notices_changes(self):
        import hashlib
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            (root / "src" / "main" / "b").mkdir(parents=True)
            (root / "pom.xml").write_text("<p/>")
            (root / "src" / "main" / "b" / "A.java").write_text("class A {}")
            (root / "src" / "main" / "Z.java").write_text("class Z {}")
            h = hashlib.sha256()  # the bash script's algorithm, on relative '/' names
            for name in ["pom.xml", "src/main/Z.java", "src/main/b/A.java"]:
                h.update(name.encode() + b"\0" + (root / name).read_bytes() + b"\0")
            first = stamps.tree_hash(tmp, ["pom.xml", "src/main", "src/missing"])
            self.assertEqual(first, h.hexdigest())
            (root / "src" / "main" / "Z.java").write_text("class Z { }")
            self.assertNotEqual(stamps.tree_hash(tmp, ["pom.xml", "src/main"]), first)

    def test_stamp_round_trip(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "s")
            self.assertIsNone(stamps.read_stamp(path))
            stamps.write_stamp(path, "abc")
            self.assertEqual((stamps.read_stamp(path), Path(path).read_bytes()), ("abc", b"abc\n"))


class Usage(unittest.TestCase):
    def test_every_command_is_listed_with_the_platforms_shim(self):
        for os_name, shim in ((POSIX, "./workbook"), (WINDOWS, "workbook")):
            text = cli.usage(os_name)
            self.assertTrue(text.startswith(f"usage: {shim} COMMAND [options]"), text[:40])
            for name in cli.COMMANDS:
                self.assertRegex(text, rf"(?m)^  {name}\b")

    def test_no_arguments_and_help_print_the_usage(self):
        for argv in ([], ["--help"], ["-h"], ["help"]):
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                self.assertEqual(cli.dispatch(argv, PROJECT), 0)
            self.assertIn("lab [--port N]", out.getvalue())

    def test_unknown_command_prints_usage_to_stderr_and_fails(self):
        err = io.StringIO()
        with contextlib.redirect_stderr(err), self.assertRaises(Failure) as caught:
            cli.dispatch(["frobnicate"], PROJECT)
        self.assertEqual(str(caught.exception), "unknown command 'frobnicate'")
        self.assertIn("usage:", err.getvalue())

    def test_main_turns_a_failure_into_status_1_and_an_exit_into_its_status(self):
        err = io.StringIO()
        with mock.patch.dict(cli.COMMANDS, {"x": mock.Mock(side_effect=Failure("no luck"))}), \
                contextlib.redirect_stderr(err), mock.patch("os.chdir"):
            self.assertEqual(cli.main(["x"]), 1)
        self.assertEqual(err.getvalue(), "workbook: no luck\n")
        with mock.patch.dict(cli.COMMANDS, {"x": mock.Mock(side_effect=Exit(7))}), mock.patch("os.chdir"):
            self.assertEqual(cli.main(["x"]), 7)

    def test_a_command_gets_the_remaining_arguments(self):
        seen = mock.Mock(return_value=3)
        with mock.patch.dict(cli.COMMANDS, {"grade": seen}):
            self.assertEqual(cli.dispatch(["grade", "04", "--tree", "x"], PROJECT), 3)
        seen.assert_called_once_with(PROJECT, ["04", "--tree", "x"])


class Options(unittest.TestCase):
    def fails(self, message, fn, *args):
        with self.assertRaises(Failure) as caught:
            fn(*args)
        self.assertEqual(str(caught.exception), message)

    def test_lab_options(self):
        self.assertEqual(commands.parse_lab_args([]), ("8888", True, []))
        self.assertEqual(commands.parse_lab_args(["--port", "8899", "--no-browser", "--debug"]), ("8899", False, ["--debug"]))
        self.assertEqual(commands.parse_lab_args(["--port=9000"]), ("9000", True, []))
        self.fails("--port needs a number, e.g. --port 8899", commands.parse_lab_args, ["--port"])
        for bad in ("", "0", "65536", "80a", "-1", "²"):
            self.fails(f"--port must be a number from 1 to 65535, not '{bad}'", commands.parse_lab_args, [f"--port={bad}"])

    def test_lab_flags(self):
        flags = commands.lab_flags(PROJECT, "8899", False, True)
        self.assertIn("--ServerApp.port=8899", flags)
        self.assertIn("--KernelSpecManager.allowed_kernelspecs=backprop-java", flags)
        self.assertEqual(flags[-2:], ["--no-browser", "--allow-root"])
        self.assertNotIn("--allow-root", commands.lab_flags(PROJECT, "8899", True, False))

    def test_test_options(self):
        self.assertEqual(commands.parse_test_args(["--skip-maven", "--notebooks", "01-loss", "--notebooks=02"]),
                         (True, False, ["--notebooks", "01-loss", "--notebooks", "02"]))
        self.assertEqual(commands.parse_test_args(["--skip-browser"]), (False, True, []))
        self.fails("--notebooks needs a name, e.g. --notebooks 01-loss", commands.parse_test_args, ["--notebooks"])
        self.fails("unknown option for test: '--fast' (use --skip-maven, --skip-browser, --notebooks NAME[,NAME...])",
                   commands.parse_test_args, ["--fast"])
        self.fails("unknown option for browser-check: '-x' (use --notebooks NAME[,NAME...])",
                   commands.cmd_browser_check, PROJECT, ["-x"])

    def test_grade_hint_export_and_setup_arguments(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            self.assertEqual(commands.cmd_grade(PROJECT, ["04", "-h"]), 0)
        self.assertIn("grade [NAME...]", out.getvalue())
        self.fails(f"unknown option for grade: '--all' (usage: {host.shim()} grade [--tree DIR] [NAME...])",
                   commands.cmd_grade, PROJECT, ["--all"])
        self.fails(f"hint needs one exercise name, e.g. {host.shim()} hint 04-backprop-mlp",
                   commands.cmd_hint, PROJECT, ["01", "02"])
        self.fails("'export' is not implemented yet", commands.cmd_export, PROJECT, [])
        self.fails("unknown option for setup: '--user' (use --current-python)", commands.cmd_setup, PROJECT, ["--user"])


class Bench(unittest.TestCase):
    """bench is another branch's; here it only dispatches to src/bench/python/bench.py when that exists."""

    def project_with_bench(self, tmp: str) -> Project:
        script = Path(tmp, "src", "bench", "python", "bench.py")
        script.parent.mkdir(parents=True)
        script.write_text("")
        return Project(root=tmp, caller_cwd=tmp)

    def quiet_setup(self):
        stack = contextlib.ExitStack()
        for name in ("check_prerequisites", "build_library", "verify_exercises", "check_startup_imports",
                     "run_tests_on_second_jdk", "run_browser_check", "ensure_kernelspec"):
            stack.enter_context(mock.patch.object(commands, name))
        stack.enter_context(mock.patch.object(commands.pyenv, "ensure"))
        stack.enter_context(contextlib.redirect_stdout(io.StringIO()))
        return stack

    def test_without_the_script_bench_is_not_implemented(self):
        with tempfile.TemporaryDirectory() as tmp, self.assertRaises(Failure) as caught:
            commands.cmd_bench(Project(root=tmp, caller_cwd=tmp), ["--quick"])
        self.assertEqual(str(caught.exception), "'bench' is not implemented yet")

    def test_bench_runs_the_script_with_the_projects_python_after_the_build(self):
        with tempfile.TemporaryDirectory() as tmp, self.quiet_setup():
            project = self.project_with_bench(tmp)
            with mock.patch.object(commands, "run", return_value=4) as run:
                self.assertEqual(commands.cmd_bench(project, ["--sizes", "2,3"]), 4)
            commands.build_library.assert_called_once_with(project, "quick")
            env = pyenv.project_venv(project)
            run.assert_called_once_with([env.python, project.bench_script, "--sizes", "2,3", "--root", tmp], cwd=tmp)

    def test_test_runs_the_bench_smoke_after_the_maven_tests(self):
        with tempfile.TemporaryDirectory() as tmp, self.quiet_setup():
            project = self.project_with_bench(tmp)
            with mock.patch.object(commands, "run", return_value=0) as run:
                self.assertEqual(commands.cmd_test(project, ["--skip-browser", "--notebooks", "01"]), 0)
            self.assertEqual(run.call_args_list[0].args[0][1:], [project.bench_script, "--smoke", "--root", tmp])
            with mock.patch.object(commands, "run", return_value=0) as run:
                commands.cmd_test(project, ["--skip-maven", "--skip-browser", "--notebooks", "01"])
            self.assertNotIn("--smoke", [a for c in run.call_args_list for a in c.args[0]])


class CommittedStubs(unittest.TestCase):
    @unittest.skipUnless(shutil.which("git"), "needs git")
    def test_changed_exercises_are_replaced_by_the_committed_ones(self):
        with tempfile.TemporaryDirectory() as tmp:
            git = ["git", "-C", tmp, "-c", "user.name=t", "-c", "user.email=t@t"]
            subprocess.run(["git", "init", "-q", tmp], check=True)
            Path(tmp, "exercises", "01").mkdir(parents=True)
            Path(tmp, "exercises", "01", "Loss.java").write_text("stub")
            subprocess.run(git + ["add", "-A"], check=True)
            subprocess.run(git + ["commit", "-q", "-m", "stubs"], check=True)
            project = Project(root=tmp, caller_cwd=tmp)
            self.assertFalse(exercises.exercises_differ_from_head(project))
            Path(tmp, "exercises", "01", "Loss.java").write_text("learner's work")
            self.assertTrue(exercises.exercises_differ_from_head(project))
            dest = Path(tmp, "target", "grade-check")
            dest.mkdir(parents=True)
            exercises.extract_committed_exercises(project, str(dest))
            self.assertEqual((dest / "exercises" / "01" / "Loss.java").read_text(), "stub")


class Shims(unittest.TestCase):
    def test_windows_shim_finds_python_passes_arguments_and_its_status(self):
        raw = (ROOT / "workbook.cmd").read_bytes()
        self.assertNotIn(b"\n", raw.replace(b"\r\n", b""), "workbook.cmd must have CRLF line endings")
        text = raw.decode()
        self.assertIn(r"%~dp0src\entry\python\workbook", text)
        for runner in ('py -3 "%WORKBOOK_ENTRY%" %*', 'python "%WORKBOOK_ENTRY%" %*',
                       '"%WORKBOOK_PYTHON%" "%WORKBOOK_ENTRY%" %*'):
            self.assertIn(runner + "\r\nexit /b %ERRORLEVEL%", text)
        labels = {line[1:].strip() for line in text.splitlines() if line.startswith(":")}
        gotos = {line.split()[-1] for line in text.splitlines() if " goto " in f" {line}"}
        self.assertTrue(gotos and gotos <= labels, f"goto {gotos - labels} has no label")

    @unittest.skipIf(os.name == "nt", "the POSIX shim")
    def test_posix_shim_lists_the_commands_and_names_a_missing_python(self):
        done = subprocess.run([str(ROOT / "workbook")], stdout=subprocess.PIPE, text=True)
        self.assertEqual(done.returncode, 0)
        self.assertIn("usage: ./workbook COMMAND", done.stdout)
        done = subprocess.run([str(ROOT / "workbook"), "help"], stderr=subprocess.PIPE, text=True,
                              stdout=subprocess.DEVNULL, env=dict(os.environ, WORKBOOK_PYTHON="no-such-python"))
        self.assertEqual((done.returncode, done.stderr),
                         (1, "workbook: no-such-python not found on PATH: install Python 3.10 or newer "
                             "(or set WORKBOOK_PYTHON to one)\n"))


class HubConfiguration(unittest.TestCase):
    BINDER = ROOT / ".binder"

    def test_packages_requirements_and_runtime(self):
        apt = [line.split("#")[0].strip() for line in (self.BINDER / "apt.txt").read_text().splitlines()]
        self.assertIn("openjdk-17-jdk-headless", apt)
        self.assertIn("maven", apt)
        reqs = [line for line in (self.BINDER / "requirements.txt").read_text().splitlines()
                if line.strip() and not line.startswith("#")]
        self.assertEqual(reqs, ["-r ../requirements.txt"])  # one pinned list, not a copy that drifts
        self.assertRegex((self.BINDER / "runtime.txt").read_text().strip(), r"^python-3\.1[0-3]$")

    def test_post_build_runs_the_same_setup_as_lab_in_the_hubs_python(self):
        post = self.BINDER / "postBuild"
        if os.name != "nt":
            self.assertTrue(os.access(post, os.X_OK), "postBuild must be executable")
        self.assertIn("exec ./workbook setup --current-python", post.read_text())
        with mock.patch.object(commands, "check_prerequisites"), mock.patch.object(commands, "prepare") as prepare, \
                contextlib.redirect_stdout(io.StringIO()):
            commands.cmd_setup(PROJECT, ["--current-python"])
        env = prepare.call_args.args[1]
        self.assertEqual((env.prefix, env.managed), (sys.prefix, False))


if __name__ == "__main__":
    unittest.main()
