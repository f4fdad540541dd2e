"""The project's Jupyter kernelspec, and the check that the kernel can start.

The kernelspec is the jjava wheel's `java` kernelspec plus an env block that puts the library on
the classpath and runs the startup script. It is rewritten only when it would change.
"""
from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import zipfile

from . import host
from .console import fail, say
from .project import KERNEL_DISPLAY_NAME, KERNEL_NAME, Project
from .pyenv import PythonEnv


def kernelspec(wheel_spec: dict, root: str, startup_script: str, pathsep: str = os.pathsep) -> dict:
    """The project's kernel.json from the wheel's. argv stays as the wheel wrote it: its launcher starts
    the kernel JVM with the `java` on PATH, which the workbook has checked and Jupyter inherits."""
    spec = dict(wheel_spec)
    spec["display_name"] = KERNEL_DISPLAY_NAME
    spec["env"] = {
        "WORKBOOK_ROOT": root,  # Grade.exercise(...) finds the exercises from here
        "JJAVA_CLASSPATH": host.classpath([os.path.join(root, "target", "classes"),
                                           os.path.join(root, "target", "lib", "*")], pathsep),
        "JJAVA_JVM_OPTS": "-Djava.awt.headless=true",
        "JJAVA_STARTUP_SCRIPTS_PATH": startup_script,
    }
    return spec


def write_kernelspec(kernels_dir: str, root: str, startup_script: str) -> str:
    """Writes kernels_dir/backprop-java from kernels_dir/java; returns 'changed', 'same' or 'missing'."""
    src, dst = os.path.join(kernels_dir, "java"), os.path.join(kernels_dir, KERNEL_NAME)
    if not os.path.isfile(os.path.join(src, "kernel.json")):
        return "missing"
    with open(os.path.join(src, "kernel.json"), encoding="utf-8") as f:
        spec = kernelspec(json.load(f), root, startup_script)
    text = json.dumps(spec, indent=2) + "\n"
    os.makedirs(dst, exist_ok=True)
    changed = False
    for entry in os.listdir(src):
        if entry == "kernel.json":
            continue
        a, b = os.path.join(src, entry), os.path.join(dst, entry)
        if not os.path.exists(b) or not filecmp.cmp(a, b, shallow=False):
            shutil.copy2(a, b)
            changed = True
    target = os.path.join(dst, "kernel.json")
    old = None
    if os.path.exists(target):
        with open(target, encoding="utf-8", newline="") as f:
            old = f.read()
    if old != text:
        with open(target, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        changed = True
    return "changed" if changed else "same"


def ensure_kernelspec(project: Project, env: PythonEnv) -> None:
    try:
        result = write_kernelspec(env.kernels_dir, project.root, project.startup_script)
    except (OSError, ValueError) as e:
        fail(f"could not write the '{KERNEL_NAME}' kernelspec ({e}): "
             + ("delete .venv and rerun" if env.managed else f"check that {env.kernels_dir} is writable"))
    if result == "changed":
        where = (f".venv/share/jupyter/kernels/{KERNEL_NAME}" if env.managed
                 else os.path.join(env.kernels_dir, KERNEL_NAME))
        say(f"installed the Jupyter kernel '{KERNEL_NAME}' ({where})")
    elif result == "missing":
        if env.managed:
            fail("the jjava package did not install its 'java' kernelspec into .venv: delete .venv and rerun")
        fail(f"the jjava package's 'java' kernelspec is not in this Python environment ({env.kernels_dir}): "
             f"install requirements.txt into it first (python -m pip install -r requirements.txt)")


def startup_imports(script_text: str) -> list[str]:
    """The names a startup script imports; for `import static p.C.m` the class p.C that must exist."""
    imports = []
    for static, name, star in re.findall(r"^\s*import\s+(static\s+)?([\w.]+?)(\.\*)?\s*;", script_text, re.M):
        imports.append(name.rsplit(".", 1)[0] if static and not star else name)
    return imports


def missing_imports(script_text: str, target: str) -> list[str]:
    """Imports (a package p.* or a class p.C) with no classes in target/classes or target/lib/*.jar."""
    wanted = {i: i.replace(".", "/") for i in startup_imports(script_text)
              if not i.startswith(("java.", "javax.", "jdk."))}
    found = set()
    for name, path in wanted.items():
        d = os.path.join(target, "classes", *path.split("/"))
        if (os.path.isdir(d) and any(f.endswith(".class") for f in os.listdir(d))) or os.path.isfile(d + ".class"):
            found.add(name)
    lib = os.path.join(target, "lib")
    jars = sorted(os.path.join(lib, j) for j in os.listdir(lib) if j.endswith(".jar")) if os.path.isdir(lib) else []
    for jar in jars:
        if found == set(wanted):
            break
        with zipfile.ZipFile(jar) as z:
            entries = z.namelist()
        for name, path in wanted.items():
            if name not in found and any(e == path + ".class" or (e.startswith(path + "/") and e.endswith(".class")
                                                                  and "/" not in e[len(path) + 1:]) for e in entries):
                found.add(name)
    return sorted(set(wanted) - found)


def check_startup_imports(project: Project) -> None:
    """An import in the startup script of a package that has no classes kills the kernel before the
    first cell (JShell cannot resolve it), with nothing shown in the notebook. So check every import
    against target/classes and target/lib/*.jar here, where a clear message is possible."""
    try:
        with open(project.startup_script, encoding="utf-8") as f:
            missing = missing_imports(f.read(), project.target)
    except (OSError, zipfile.BadZipFile):
        fail("could not check the imports of notebooks/workbook-startup.jsh")
    if missing:
        fail(f"notebooks/workbook-startup.jsh imports {' '.join(missing)}, which has no classes in target/classes "
             f"or target/lib (the kernel would die on start): remove that import or add the classes")
