"""The workbook's entry point: `./workbook` (Linux, macOS) and `workbook.cmd` (Windows) run this
package with the Python found on PATH (standard library only; the project's .venv may not exist yet).

One concern per module:

  cli          the usage text and the dispatch of a command to its function
  commands     the commands themselves (lab, test, grade, hint, build, strip, setup, ...)
  host         what differs between Windows and POSIX: venv paths, executable names, the shim's name
  console      say, fail, and running other programs
  project      where things are in the workbook's folder
  prereqs      Java, Maven and Python checks, with messages that say what to install
  stamps       the content hashes that make set-up happen only when something changed
  build        the library's Maven build
  pyenv        the Python environment the notebooks run in: .venv, or the running one on a hub
  kernel       the project's Jupyter kernelspec and the check of the kernel's startup imports
  jdks         a second JDK for the library's tests
  exercises    the grader: grading, hints, and the proof that solutions pass and stubs fail
  browser      the browser check's tools (Chromium, Node.js, playwright-core)
"""
