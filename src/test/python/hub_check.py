#!/usr/bin/env python3
"""The classroom hub's post-build step, run as repo2docker runs it (by `./workbook test`).

repo2docker (Binder, JupyterHub images) installs .binder/apt.txt and .binder/requirements.txt into
its Python environment, then runs .binder/postBuild in the repository's folder with that
environment's programs first on PATH. This check, with the standard library only:

  1. copies the workbook's files (not target/, .venv/, .git or node_modules) to
     target/hub-check/repo, as a fresh clone would be;
  2. makes a stand-in for the hub's Python environment, target/hub-check/env: a new venv that sees
     the packages of an environment where requirements.txt is installed (--borrow, the project's
     .venv) and holds the jjava wheel's `java` kernelspec, as `pip install -r requirements.txt`
     leaves it. No network is needed, and the project's kernel can be found there only if postBuild
     registers it;
  3. runs .binder/postBuild in the copy with HOME an empty folder and NB_PYTHON_PREFIX the stand-in
     (Maven reads its local repository from the real ~/.m2, so that the build downloads nothing);
  4. checks that the stand-in's Jupyter lists the backprop-java kernel, in the stand-in, with the
     library of the copy on its classpath;
  5. executes notebooks/00-start-here.ipynb with nbclient on that kernel, in the clean HOME.

Prints one line per check and exits 1 if any fails. Its files stay in target/hub-check for a look.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "src" / "entry" / "python"))
from workbook import host  # noqa: E402
from workbook.project import KERNEL_NAME  # noqa: E402

NOTEBOOK = "00-start-here.ipynb"
TOP_SKIPPED = {"target", ".venv", ".git"}  # the build, the Python environment and git's own files
SKIPPED = {"node_modules", "__pycache__", ".ipynb_checkpoints"}  # anywhere
failures = 0


def check(ok: bool, label: str, detail: str) -> bool:
    global failures
    print(("   ok   " if ok else "   FAIL ") + label + ": " + detail, flush=True)
    failures += 0 if ok else 1
    return ok


def python_says(python: str, code: str, env: dict | None = None) -> str:
    return subprocess.run([python, "-c", code], check=True, stdout=subprocess.PIPE, text=True, env=env).stdout.strip()


def copy_workbook(dest: Path) -> None:
    def ignore(folder: str, names: list[str]) -> list[str]:
        top = Path(folder) == ROOT
        return [n for n in names if n in SKIPPED or (top and n in TOP_SKIPPED)]

    shutil.copytree(ROOT, dest, symlinks=True, ignore=ignore)


def make_hub_env(env_dir: Path, borrow: Path) -> str:
    """A venv that imports the borrowed environment's packages and holds its `java` kernelspec."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    python = host.venv_executable(str(env_dir), "python")
    borrowed_python = host.venv_executable(str(borrow), "python")
    site_code = "import sysconfig; print(sysconfig.get_path('purelib')); print(sysconfig.get_path('platlib'))"
    own_site = python_says(python, site_code).splitlines()[0]
    borrowed = sorted(set(python_says(borrowed_python, site_code).splitlines()))
    # addsitedir also reads the borrowed folder's own .pth files, as that environment does.
    Path(own_site, "_workbook_hub_check.pth").write_text(
        "".join(f"import site; site.addsitedir({p!r})\n" for p in borrowed))
    kernels = Path("share", "jupyter", "kernels", "java")
    shutil.copytree(borrow / kernels, env_dir / kernels)
    return python


def hub_environ(home: Path, env_dir: Path, python: str) -> dict:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("JUPYTER", "WORKBOOK_", "VIRTUAL_ENV", "PYTHON", "CONDA"))}
    env.update(HOME=str(home), NB_PYTHON_PREFIX=str(env_dir),
               PATH=os.path.dirname(python) + os.pathsep + os.environ.get("PATH", ""))
    m2 = Path.home() / ".m2" / "repository"
    if m2.is_dir():
        env["MAVEN_OPTS"] = (os.environ.get("MAVEN_OPTS", "") + f" -Dmaven.repo.local={m2}").strip()
    return env


LIST_KERNELS = """
import json
from jupyter_client.kernelspec import KernelSpecManager
print(json.dumps(KernelSpecManager().get_all_specs()))
"""

EXECUTE = """
import sys, nbformat
from nbclient import NotebookClient
path = sys.argv[1]
nb = nbformat.read(path, as_version=4)
NotebookClient(nb, kernel_name=sys.argv[2], timeout=600, resources={"metadata": {"path": sys.argv[3]}}).execute()
errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
cells = sum(1 for c in nb.cells if c.cell_type == "code")
print("%d code cells ran, %d errors" % (cells, len(errors)))
sys.exit(1 if errors else 0)
"""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="hub_check.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--borrow", type=Path, default=ROOT / ".venv",
                        help="an environment with requirements.txt installed (default .venv)")
    parser.add_argument("--out", type=Path, default=ROOT / "target" / "hub-check")
    args = parser.parse_args(argv)
    if os.name == "nt":
        print("workbook: hub check skipped: repo2docker images are Linux, and postBuild is a POSIX shell script")
        return 0
    print("workbook: checking the classroom hub's set-up (.binder/postBuild in a clean HOME, "
          f"{args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out})", flush=True)
    shutil.rmtree(args.out, ignore_errors=True)
    repo, env_dir, home = args.out / "repo", args.out / "env", args.out / "home"
    home.mkdir(parents=True)
    copy_workbook(repo)
    python = make_hub_env(env_dir, args.borrow.resolve())
    env = hub_environ(home, env_dir, python)

    with open(args.out / "postBuild.log", "w") as log:
        built = subprocess.run([str(repo / ".binder" / "postBuild")], cwd=repo, env=env, stdin=subprocess.DEVNULL,
                               stdout=log, stderr=subprocess.STDOUT).returncode == 0
    last = (args.out / "postBuild.log").read_text().strip().splitlines()[-1:] or [""]
    if not check(built, "postBuild", f"{last[0]} (log: target/hub-check/postBuild.log)"):
        return 1

    specs = json.loads(python_says(python, LIST_KERNELS, env))
    spec = specs.get(KERNEL_NAME)
    in_env = spec is not None and Path(spec["resource_dir"]).resolve().is_relative_to(env_dir.resolve())
    classpath = spec["spec"].get("env", {}).get("JJAVA_CLASSPATH", "") if spec else ""
    check(in_env, "kernel registered",
          f"{KERNEL_NAME} in {spec['resource_dir']}" if spec else f"{KERNEL_NAME} missing, found {sorted(specs)}")
    check(str(repo / "target" / "classes") in classpath.split(os.pathsep), "kernel's classpath",
          classpath or "no JJAVA_CLASSPATH")
    if failures:
        return 1

    run_env = dict(env, WORKBOOK_FAST="1")
    done = subprocess.run([python, "-c", EXECUTE, str(repo / "notebooks" / NOTEBOOK), KERNEL_NAME,
                           str(repo / "notebooks")], env=run_env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    check(done.returncode == 0, f"{NOTEBOOK} on the registered kernel",
          (done.stdout.strip().splitlines() or ["no output"])[-1])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
