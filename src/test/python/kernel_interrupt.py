#!/usr/bin/env python3
"""The Interrupt button, checked on the real kernel (run by `./workbook test`).

JJava answers an interrupt by cancelling the cell and setting the interrupt flag of the thread
that runs it; the thread stops only if the code looks at the flag. The library's long loops do.
This script, with the venv's Python and the backprop-java kernel:

  1. starts a training run of lesson B's spirals for a million epochs, then interrupts it;
     the cell must end within 2 s of the interrupt;
  2. reads a weight twice, a second apart: the training thread must have stopped changing it;
  3. checks that the kernel still answers;
  4. starts grading every exercise from a cell, interrupts it, and checks that no test JVM of
     the grader is left running two seconds later.

Prints one line per check and exits 1 if any fails.
"""
from __future__ import annotations

import queue
import subprocess
import sys
import time
from pathlib import Path

from jupyter_client.manager import start_new_kernel

KERNEL = "backprop-java"
failures = 0


def check(ok: bool, label: str, detail: str) -> None:
    global failures
    print(("   ok   " if ok else "   FAIL ") + label + ": " + detail)
    failures += 0 if ok else 1


def run(kc, code: str, timeout: float = 120) -> tuple[str, float]:
    """Executes code; returns its text output (errors included) and how long it took."""
    msg_id = kc.execute(code)
    return collect(kc, msg_id, time.time(), timeout)


def collect(kc, msg_id: str, start: float, timeout: float) -> tuple[str, float]:
    out = []
    while True:
        try:
            m = kc.get_iopub_msg(timeout=timeout)
        except queue.Empty:
            return "".join(out) + "\n(no answer within %.0f s)" % timeout, time.time() - start
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        kind = m["msg_type"]
        if kind == "stream":
            out.append(m["content"]["text"])
        elif kind in ("execute_result", "display_data"):
            out.append(m["content"]["data"].get("text/plain", ""))
        elif kind == "error":
            out.append("ERROR %s: %s" % (m["content"]["ename"], m["content"]["evalue"]))
        elif kind == "status" and m["content"]["execution_state"] == "idle":
            return "".join(out), time.time() - start


def interrupt_after(km, kc, code: str, seconds: float) -> tuple[str, float]:
    """Starts code, interrupts it after `seconds`; returns its output and the time from interrupt to idle."""
    msg_id = kc.execute(code)
    time.sleep(seconds)
    start = time.time()
    km.interrupt_kernel()
    return collect(kc, msg_id, start, 30)


# This workbook's classes, on the classpath of each of its grader's test JVMs: another checkout's
# grading on the same machine must not count here.
OWN_CLASSES = {str(root / "target" / "classes").encode()
               for root in (Path(__file__).absolute().parents[3], Path(__file__).resolve().parents[3])}


def test_jvms() -> int:
    """The number of running test JVMs of this workbook's grader (Linux: read from /proc)."""
    count = 0
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            text = cmdline.read_bytes()
            if b"workbook.grading.TestJvm" in text and any(own in text for own in OWN_CLASSES):
                count += 1
        except OSError:
            pass
    return count


def main() -> int:
    print("Kernel interrupt check (backprop-java)")
    # The kernel logs to its standard error; the checks below say what matters.
    km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=180, stderr=subprocess.DEVNULL)
    try:
        text, _ = run(kc, "import backprop.data.*;\nimport backprop.train.*;\n"
                          "Mlp net = Mlp.create(new int[] {2, 64, 32, 16, 1}, Activation.RELU, Initialisation.HE, 42);\n"
                          "DataSet spirals = DataSets.spirals(300, 0.15, 42);\n"
                          "System.out.println(\"ready\");")
        check("ready" in text, "set-up cell", text.strip()[:200])

        text, seconds = interrupt_after(km, kc, "Trainer.train(net, spirals, new Sgd(0.05), "
                                                "TrainingOptions.fullBatch(1_000_000));", 4)
        check(seconds < 2, "training cell ends after the interrupt", "%.2f s" % seconds)

        code = "System.out.println(Double.toString(net.parameters().weights(0)[0]));"
        first, _ = run(kc, code)
        time.sleep(1)
        second, _ = run(kc, code)
        check(first.strip() == second.strip() and first.strip() != "", "training stopped changing the network",
              "W1[0] = %s, a second later %s" % (first.strip(), second.strip()))

        text, seconds = run(kc, "System.out.println(\"answering\");", 30)
        check("answering" in text, "the kernel answers afterwards", "%.2f s" % seconds)

        msg_id = kc.execute("workbook.grading.Grade.all()")
        deadline = time.time() + 60
        while test_jvms() == 0 and time.time() < deadline:
            time.sleep(0.1)
        running = test_jvms()
        start = time.time()
        km.interrupt_kernel()
        text, seconds = collect(kc, msg_id, start, 30)
        check(running > 0 and seconds < 2, "grading cell ends after the interrupt",
              "%d test JVM(s) running at the interrupt, cell ended %.2f s later" % (running, seconds))
        time.sleep(2)
        left = test_jvms()
        check(left == 0, "the grader's test JVMs are stopped", "%d still running 2 s later" % left)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print("Kernel interrupt check: %s" % ("passed" if failures == 0 else "%d failed" % failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
