"""./workbook bench: the library beside NumPy and PyTorch on the lessons' workloads, in one run.

What it does, in order:
  1. builds the JMH benchmarks (mvn -P bench, into target/bench/classes) and exports every workload's
     data and initial parameters (target/bench/workloads.json), so that all implementations start
     from the same numbers;
  2. runs the JMH benchmarks of the library and the peak probe (sample mode: the median of single
     calls; forks, warm-up; the GC profiler's bytes allocated per call), the two epochs and the
     efficiency net's forward + backward once more with a workspace shared by two threads
     (TwoThreadsBenchmark: opt-in, the same bits), then counts the library's
     allocations per call once more without JMH's bookkeeping (AllocationProbe);
  3. runs the NumPy peer (peers_numpy.py) in fresh processes with one BLAS thread and with NumPy's
     default threads, and the PyTorch peer (peers_torch.py) when torch is importable; each peer first
     proves that its loss and gradient agree with the library's;
  4. prints the table, writes target/bench/results.json and draws target/bench/results.png.

NumPy comes from .venv-bench/ (made from src/bench/python/requirements.txt on the first run, never
the workbook's .venv), or from the Python given by --python / WORKBOOK_BENCH_PYTHON.

--smoke (used by ./workbook test) runs everything with tiny iteration counts into target/bench-smoke/,
skips the peers whose packages are not importable in the running Python, installs nothing, asserts
no timing, and checks that the table, the JSON and the chart were written with one row per workload.

Standard library only.
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import venv

HERE = os.path.dirname(os.path.abspath(__file__))

# The workloads, in the table's order: id (as in workbook.bench.Workload), title, the chart's short
# label, how the JMH benchmark is named in its JSON, and its FLOP formula. FLOPs count only the multiply-adds of the
# matrix products, 2 FLOPs each; activations, the loss, the biases and the update are left out (they
# are O(N · units), against O(N · weights) for the products). With N rows, layer sizes s_0 .. s_L,
# M = Σ s_l s_{l+1} weights and P parameters:
#   forward                  2 N M
#   backward                 2 N (2 M - s_0 s_1)   dW for every layer, delta_prev for all but the first
#   epoch                    forward + backward = 2 N (3 M - s_0 s_1)
#   full gradient check      one forward + backward, then 2 P forward passes
WORKLOADS = [
    ("circle-epoch", "circle epoch (2-16-8-1, 500 rows)", "circle epoch", "EpochBenchmark.epoch[circle]", "2N(3M - s0 s1)"),
    ("spirals-epoch", "spirals epoch (2-64-32-16-1, 600 rows)", "spirals epoch", "EpochBenchmark.epoch[spirals]", "2N(3M - s0 s1)"),
    ("efficiency-forward", "forward (20-128-64-1, 100 rows)", "forward", "EfficiencyBenchmark.forward", "2NM"),
    ("efficiency-forward-backward", "forward + backward (20-128-64-1, 100 rows)", "forward + backward",
     "EfficiencyBenchmark.forwardBackward", "2N(3M - s0 s1)"),
    ("gradient-check", "full gradient check (2-16-8-1, 500 rows)", "gradient check", "GradientCheckBenchmark.fullCheck",
     "2N(3M - s0 s1) + 2P · 2NM"),
]

JAVA = "Java library, 1 thread"
JAVA_2 = "Java library, 2 threads"
# The workloads also measured with a workspace shared by two threads (TwoThreadsBenchmark): its JMH key per workload.
TWO_THREAD_KEYS = {"circle-epoch": "TwoThreadsBenchmark.step[circle]", "spirals-epoch": "TwoThreadsBenchmark.step[spirals]",
                   "efficiency-forward-backward": "TwoThreadsBenchmark.step[efficiency]"}
NUMPY_1 = "NumPy, 1 BLAS thread"
NUMPY_DEFAULT = "NumPy, default BLAS threads"

# Variables that set how many threads a BLAS or OpenMP runtime starts: set to 1 for the one-thread
# run, removed for the default run.
THREAD_VARS = ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
               "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")
# Variables that change which kernels NumPy, its BLAS or PyTorch run (a forced older core type, a
# smaller cache size, disabled SIMD): reported, and the peers run also without them.
SLOW_VARS = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "GOTOBLAS_CORETYPE", "MKL_CBWR", "MKL_ENABLE_INSTRUCTIONS",
             "MKL_DEBUG_CPU_TYPE", "NPY_DISABLE_CPU_FEATURES", "ATEN_CPU_CAPABILITY")

# JMH settings per mode: forks, warm-up iterations, warm-up time, measured iterations, iteration time.
JMH_MODES = {
    "full": ("2", "3", "1s", "5", "1s"),
    "quick": ("1", "2", "500ms", "3", "500ms"),
    "smoke": ("1", "1", "50ms", "1", "50ms"),
}
# AllocationProbe's warm-up and measured calls per workload (a hundredth for the gradient check).
ALLOCATION_CALLS = {"full": ("1000", "300"), "quick": ("300", "100"), "smoke": ("2", "1")}
# Seconds of timed calls per peer workload, and the dgemm probe's matrix size.
PEER_BUDGET = {"full": 2.0, "quick": 0.5, "smoke": 0.02}
DGEMM_N = {"full": 1024, "quick": 512, "smoke": 64}
# A float64 peer whose gradient differs from the library's by more than this is not doing the same
# computation (the summation order of a BLAS differs, so bit-identity is not expected).
AGREEMENT = 1e-10


class BenchError(Exception):
    pass


def say(message):
    print("bench: " + message, flush=True)


# ---------------------------------------------------------------- arithmetic of the table

def flops(workload_id, sizes, rows, parameters):
    """FLOPs of one call of a workload (see WORKLOADS for the formulas)."""
    m = sum(a * b for a, b in zip(sizes, sizes[1:]))
    first = sizes[0] * sizes[1]
    forward = 2 * rows * m
    backward = 2 * rows * (2 * m - first)
    if workload_id == "efficiency-forward":
        return forward
    if workload_id == "gradient-check":
        return forward + backward + 2 * parameters * forward
    return forward + backward


def slow_vars(environ):
    """The kernel-changing variables set in an environment, as {name: value}."""
    return {k: environ[k] for k in SLOW_VARS if environ.get(k)}


def peer_environments(environ):
    """The environments the NumPy peer runs in: [(label, env)]. One BLAS thread and the default
    threads; when a slow-kernel variable is set, each of them as set (label names it) and without."""
    slow = slow_vars(environ)
    base = {k: v for k, v in environ.items() if k not in THREAD_VARS}
    one = dict(base, **{k: "1" for k in THREAD_VARS})
    runs = []
    for label, env in ((NUMPY_1, one), (NUMPY_DEFAULT, base)):
        if slow:
            runs.append((label + ", with " + ", ".join("%s=%s" % kv for kv in sorted(slow.items())), env))
            env = {k: v for k, v in env.items() if k not in slow}
        runs.append((label, env))
    return runs


def format_time(ns):
    if ns is None:
        return "-"
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return "%.3g %s" % (ns / scale, unit) if ns / scale < 100 else "%.0f %s" % (ns / scale, unit)
    return "%.0f ns" % ns


def fmt(value, pattern):
    return "-" if value is None else pattern % value


def table_lines(results):
    """The table as text lines, one block per workload."""
    header = ("implementation", "median", "× NumPy 1T", "GFLOPS", "% peak", "B/op")
    widths = (max([44] + [len(r["implementation"]) for r in results["rows"]]), 10, 11, 8, 7, 10)
    line = lambda cells: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    lines = []
    for w in results["workloads"]:
        rows = [r for r in results["rows"] if r["workload"] == w["id"]]
        lines.append("%s   [%s = %s FLOP]" % (w["title"], w["flop_formula"], "{:,}".format(w["flops"])))
        lines.append("  " + line(header))
        for r in rows:
            lines.append("  " + line((r["implementation"], format_time(r["median_ns"]),
                                      fmt(r["ratio_to_numpy_1thread"], "%.2f"), fmt(r["gflops"], "%.2f"),
                                      fmt(None if r["peak_share"] is None else 100 * r["peak_share"], "%.1f%%"),
                                      fmt(r["bytes_per_op"], "%.0f"))))
        lines.append("")
    return lines


def build_rows(workloads, measured, peak_gflops):
    """Rows with ratio, GFLOPS and share of the peak, from measured {(workload, implementation): dict}
    where each dict has median_ns and optionally bytes_per_op and disagreement."""
    rows = []
    implementations = []
    for (_, impl) in measured:
        if impl not in implementations:
            implementations.append(impl)
    for w in workloads:
        reference = measured.get((w["id"], NUMPY_1), {}).get("median_ns")
        for impl in implementations:
            m = measured.get((w["id"], impl))
            if m is None:
                continue
            t = m["median_ns"]
            gflops = w["flops"] / t if t else None
            rows.append({
                "workload": w["id"], "workload_title": w["title"], "workload_short": w["short"], "implementation": impl, "median_ns": t,
                "ratio_to_numpy_1thread": t / reference if reference else None,
                "gflops": gflops,
                "peak_share": gflops / peak_gflops if gflops and peak_gflops else None,
                "bytes_per_op": m.get("bytes_per_op"),
                "disagreement": m.get("disagreement"),
            })
    return rows


# ---------------------------------------------------------------- JMH

def parse_jmh(path):
    """{benchmark key: {median_ns, bytes_per_op}} from JMH's JSON (sample mode, time unit µs); the key
    is "Class.method" plus "[param]" when the benchmark has a parameter."""
    with open(path) as f:
        data = json.load(f)
    out, meta = {}, {}
    for b in data:
        name = ".".join(b["benchmark"].split(".")[-2:])
        params = b.get("params") or {}
        key = name + ("[" + ",".join(str(v) for v in params.values()) + "]" if params else "")
        primary = b["primaryMetric"]
        if primary["scoreUnit"] != "us/op":
            raise BenchError("unexpected JMH unit %s for %s: expected us/op" % (primary["scoreUnit"], key))
        median_us = primary.get("scorePercentiles", {}).get("50.0", primary["score"])
        alloc = b.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        out[key] = {"median_ns": median_us * 1e3, "bytes_per_op": alloc}
        meta = {"jmh": b.get("jmhVersion"), "jdk": b.get("jdkVersion"), "vm": "%s %s" % (b.get("vmName"), b.get("vmVersion")),
                "forks": b.get("forks"), "warmup": "%s × %s" % (b.get("warmupIterations"), b.get("warmupTime")),
                "measurement": "%s × %s" % (b.get("measurementIterations"), b.get("measurementTime"))}
    return out, meta


def run_jmh(java, classpath, out_dir, mode):
    forks, wi, w, i, r = JMH_MODES[mode]
    result = os.path.join(out_dir, "jmh.json")
    log_path = os.path.join(out_dir, "jmh.log")
    cmd = [java, "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true", "-cp", classpath,
           "org.openjdk.jmh.Main", r"workbook\.bench\..*", "-bm", "sample", "-tu", "us", "-f", forks,
           "-wi", wi, "-w", w, "-i", i, "-r", r, "-prof", "gc", "-rf", "json", "-rff", result]
    say("JMH: %s fork(s), %s × %s warm-up, %s × %s measured per benchmark (log: %s)" % (forks, wi, w, i, r, log_path))
    with open(log_path, "w") as log:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for text in proc.stdout:
            log.write(text)
            if text.startswith("# Benchmark:") or text.startswith("# Parameters:"):
                say("  " + text[2:].strip())
        if proc.wait() != 0:
            raise BenchError("JMH failed (exit %d): see %s" % (proc.returncode, log_path))
    return parse_jmh(result)


# ---------------------------------------------------------------- Python for the peers

def can_import(python, module, env=None):
    return subprocess.run([python, "-c", "import " + module], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, env=env).returncode == 0


def ensure_bench_venv(root, with_torch):
    """.venv-bench/ with the pinned NumPy (and PyTorch when asked), rebuilt when a requirements file
    or the Python changes. Returns its python."""
    path = os.path.join(root, ".venv-bench")
    python = os.path.join(path, "bin", "python")
    files = [os.path.join(HERE, "requirements.txt")] + ([os.path.join(HERE, "requirements-torch.txt")] if with_torch else [])
    h = hashlib.sha256()
    for name in files:
        with open(name, "rb") as f:
            h.update(f.read())
    want = "%s %s %s" % (h.hexdigest(), sys.executable, platform.python_version())
    stamp = os.path.join(path, ".bench-requirements.sha256")
    if os.path.isfile(stamp) and os.access(python, os.X_OK):
        with open(stamp) as f:
            if f.read().strip() == want:
                return python
    say("creating .venv-bench/ for the peers (NumPy%s from PyPI; once)" % (" and PyTorch, several GB," if with_torch else ""))
    shutil.rmtree(path, ignore_errors=True)
    venv.create(path, with_pip=True)
    for name in files:
        if subprocess.run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", name]).returncode:
            raise BenchError("pip could not install %s into .venv-bench (output above): check that PyPI is reachable" % name)
    with open(stamp, "w") as f:
        f.write(want + "\n")
    return python


def run_peer(python, script, args, env):
    # The script's folder is on its sys.path, so the peers find peer_timing.py without PYTHONPATH.
    proc = subprocess.run([python, os.path.join(HERE, script)] + args, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise BenchError("%s failed (exit %d):\n%s" % (script, proc.returncode, proc.stderr.strip()))
    return json.loads(proc.stdout)


# ---------------------------------------------------------------- versions

def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for text in f:
                if text.startswith("model name"):
                    return text.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def maven_build(root):
    say("building the benchmarks (mvn -P bench: target/bench/classes)")
    proc = subprocess.run(["mvn", "-B", "-q", "-Dstyle.color=never", "-P", "bench,!exercises", "-DskipTests", "compile"],
                          cwd=root, capture_output=True, text=True)
    if proc.returncode != 0:
        raise BenchError("the benchmarks did not build:\n" + (proc.stdout + proc.stderr).strip())
    with open(os.path.join(root, "target", "bench", "classpath.txt")) as f:
        deps = f.read().strip()
    return os.pathsep.join([os.path.join(root, "target", "bench", "classes"), os.path.join(root, "target", "classes"), deps])


def java_main(java, classpath, main, *args):
    proc = subprocess.run([java, "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true", "-cp", classpath,
                           "workbook.bench." + main] + list(args), capture_output=True, text=True)
    if proc.returncode != 0:
        raise BenchError("%s failed:\n%s" % (main, (proc.stdout + proc.stderr).strip()))


# ---------------------------------------------------------------- the run

def parse_args(argv):
    p = argparse.ArgumentParser(prog="./workbook bench", description="Measure the library beside NumPy and PyTorch.")
    p.add_argument("--root", default=os.path.abspath(os.path.join(HERE, "..", "..", "..")), help="the project folder")
    size = p.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="shorter runs (about a minute; noisier)")
    size.add_argument("--smoke", action="store_true",
                      help="tiny runs for ./workbook test into target/bench-smoke/: no timing claims, installs nothing")
    p.add_argument("--python", default=os.environ.get("WORKBOOK_BENCH_PYTHON"),
                   help="a Python with NumPy (and torch) for the peers instead of .venv-bench/ (env WORKBOOK_BENCH_PYTHON)")
    p.add_argument("--torch", action="store_true",
                   help="require the PyTorch rows: installs torch into .venv-bench/ (several GB) unless --python has it")
    p.add_argument("--java", default="java", help="the java executable (default: java on PATH)")
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    mode = "smoke" if args.smoke else "quick" if args.quick else "full"
    root = os.path.abspath(args.root)
    out_dir = os.path.join(root, "target", "bench-smoke" if args.smoke else "bench")
    os.makedirs(out_dir, exist_ok=True)
    classpath = maven_build(root)
    workloads_path = os.path.join(out_dir, "workloads.json")
    java_main(args.java, classpath, "ExportWorkloads", workloads_path)
    with open(workloads_path) as f:
        exported = json.load(f)
    by_id = {w["id"]: w for w in exported["workloads"]}

    # The peers' Python, decided before the long JMH run so that a missing package fails early.
    notes = []
    peer_python = args.python
    if peer_python is None:
        peer_python = sys.executable if args.smoke else ensure_bench_venv(root, args.torch)
    has_numpy = can_import(peer_python, "numpy")
    has_torch = can_import(peer_python, "torch")
    if not has_numpy:
        if not args.smoke:
            raise BenchError("NumPy is not importable in %s: install it there (pip install -r src/bench/python/requirements.txt) "
                             "or leave out --python / WORKBOOK_BENCH_PYTHON to use .venv-bench/" % peer_python)
        notes.append("NumPy not importable in %s: its rows skipped (--smoke)" % peer_python)
    if args.torch and not has_torch:
        raise BenchError("--torch: torch is not importable in %s (install it there, or point --python at a Python that has it)"
                         % peer_python)
    if not has_torch:
        notes.append("PyTorch not importable in %s: its rows skipped (add them with --torch, or --python PATH to a Python with torch)"
                     % peer_python)

    measured = {}
    jmh, jmh_meta = run_jmh(args.java, classpath, out_dir, mode)
    for wid, _, _, key, _ in WORKLOADS:
        if key not in jmh:
            raise BenchError("JMH reported no result for %s (%s)" % (key, wid))
        measured[(wid, JAVA)] = jmh[key]
    for wid, key in TWO_THREAD_KEYS.items():
        if key not in jmh:
            raise BenchError("JMH reported no result for %s (%s, two threads)" % (key, wid))
        measured[(wid, JAVA_2)] = jmh[key]

    say("counting the library's allocations without a harness (AllocationProbe)")
    allocation_path = os.path.join(out_dir, "allocation.json")
    java_main(args.java, classpath, "AllocationProbe", allocation_path, *ALLOCATION_CALLS[mode])
    with open(allocation_path) as f:
        allocation = json.load(f)

    versions = {"java": jmh_meta, "python (driver)": platform.python_version(), "cpu": cpu_model(),
                "cores": os.cpu_count(), "os": platform.platform()}
    env_slow = slow_vars(os.environ)
    dgemm = None
    common = ["--workloads", workloads_path, "--budget", str(PEER_BUDGET[mode]), "--min-calls", "1" if args.smoke else "5"]
    if has_numpy:
        for label, env in peer_environments(dict(os.environ)):
            say("NumPy peer: " + label)
            one_thread = label.startswith(NUMPY_1)
            peak_args = ["--peak", str(DGEMM_N[mode])] if one_thread and not slow_vars(env) else []
            out = run_peer(peer_python, "peers_numpy.py", common + peak_args, env)
            versions["numpy"] = dict(out["versions"], python=out["versions"]["python"] + " (" + peer_python + ")")
            dgemm = out.get("dgemm", dgemm)
            for r in out["results"]:
                measured[(r["workload"], label)] = r
    if has_torch:
        say("PyTorch peer: float64 and float32, 1 thread")
        env = {k: v for k, v in os.environ.items() if k not in env_slow}
        out = run_peer(peer_python, "peers_torch.py", common, env)
        versions["torch"] = out["versions"]
        for r in out["results"]:
            measured[(r["workload"], "PyTorch %s, 1 thread" % r["dtype"])] = r

    # The peak: the fastest of the probes, each a measured FLOP rate of one core.
    probes = {}
    probe = exported["peak_probe"]
    if "PeakProbe.vectorFma" in jmh:
        probes["java_vector_fma"] = probe["vector_flops_per_call"] / jmh["PeakProbe.vectorFma"]["median_ns"]
    if "PeakProbe.scalarFma" in jmh:
        probes["java_scalar_fma"] = probe["scalar_flops_per_call"] / jmh["PeakProbe.scalarFma"]["median_ns"]
    if dgemm:
        probes["numpy_dgemm_1thread"] = dgemm["gflops"]
    peak_value = max(v for k, v in probes.items() if k != "java_scalar_fma") if probes else None
    peak = {
        "gflops": peak_value,
        "probes_gflops": probes,
        "how": ("the highest of: java_vector_fma, %d independent chains of %d-lane double FMAs in registers "
                "(JMH, PeakProbe.vectorFma: the core's arithmetic peak); numpy_dgemm_1thread, NumPy's matrix product "
                "of two %d × %d float64 matrices with one BLAS thread (2n³ FLOPs). java_scalar_fma (one double per "
                "FMA) is the ceiling of code the JIT does not vectorise, shown for comparison")
               % (12, probe["vector_lanes"], DGEMM_N[mode], DGEMM_N[mode]),
    }

    workloads = []
    for wid, title, short, _, formula in WORKLOADS:
        w = by_id[wid]
        workloads.append({"id": wid, "title": title, "short": short, "flop_formula": formula, "sizes": w["sizes"], "rows": w["rows"],
                          "parameters": w["parameters"], "flops": flops(wid, w["sizes"], w["rows"], w["parameters"])})
    rows = build_rows(workloads, measured, peak_value)
    results = {
        "schema": 1,
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "mode": mode,
        "columns": {
            "median_ns": "median time of one call, nanoseconds",
            "ratio_to_numpy_1thread": "median time ÷ the median time of NumPy with one BLAS thread (below 1: faster than NumPy)",
            "gflops": "effective GFLOPS: the workload's FLOPs (matrix products only) ÷ the median time",
            "peak_share": "gflops ÷ peak.gflops, one core's measured peak",
            "bytes_per_op": "bytes allocated per call (JMH GC profiler, gc.alloc.rate.norm); Java only",
            "disagreement": "largest relative difference of the peer's float64 loss and gradient from the library's",
        },
        "flop_count": "multiply-adds of the matrix products, 2 FLOPs each. N rows, sizes s0..sL, M = Σ s_l s_{l+1} "
                      "weights, P parameters: forward 2NM; forward + backward (an epoch's work) 2N(3M - s0 s1); "
                      "full gradient check 2N(3M - s0 s1) + 2P · 2NM",
        "workloads": workloads,
        "rows": rows,
        "peak": peak,
        "versions": versions,
        "environment": {"slow_blas_variables": env_slow,
                        "thread_variables": {k: os.environ[k] for k in THREAD_VARS if k in os.environ}},
        "notes": notes,
        "allocation_without_harness": {
            "bytes_per_call": allocation,
            "how": "the JVM's per-thread allocation counter (com.sun.management.ThreadMXBean) around %s calls after %s "
                   "warm-up calls (a hundredth of each for the gradient check), outside JMH" % tuple(reversed(ALLOCATION_CALLS[mode])),
        },
        "chart": os.path.join(out_dir, "results.png"),
    }
    lines = table_lines(results) + footer_lines(results)
    results["table"] = lines
    results_path = os.path.join(out_dir, "results.json")
    with open(results_path, "w") as f:
        json.dump(results, f, indent=2, ensure_ascii=False)
        f.write("\n")
    java_main(args.java, classpath, "ResultsChart", results_path, results["chart"])
    print()
    print("\n".join(lines))
    say("wrote %s and %s" % (results_path, results["chart"]))

    bad = [r for r in rows if r["disagreement"] is not None and r["disagreement"] > AGREEMENT]
    if bad:
        raise BenchError("a peer does not compute what the library computes: " + "; ".join(
            "%s on %s differs by %.1e" % (r["implementation"], r["workload"], r["disagreement"]) for r in bad))
    if args.smoke:
        smoke_check(results, results_path)
        say("smoke check passed: %d workloads, %d rows, results.json and results.png written (no timing asserted)"
            % (len(workloads), len(rows)))
    return 0


def footer_lines(results):
    peak = results["peak"]
    lines = ["Columns: median time of one call; × NumPy 1T = median ÷ NumPy's median with one BLAS thread (below 1: faster);",
             "GFLOPS = FLOPs ÷ median, counting " + results["flop_count"] + ";",
             "% peak = GFLOPS ÷ one core's measured peak; B/op = bytes allocated per call (JMH GC profiler, Java only)."]
    if peak["gflops"]:
        lines.append("Peak: %.1f GFLOPS (%s). Probes: %s." % (peak["gflops"], peak["how"], ", ".join(
            "%s %.1f" % kv for kv in peak["probes_gflops"].items())))
    alloc = results["allocation_without_harness"]
    lines.append("JMH's B/op includes its own bookkeeping, spread over an iteration's calls. Bytes per call without a harness "
                 "(%s): %s." % (alloc["how"], ", ".join("%s %.1f" % kv for kv in alloc["bytes_per_call"].items())))
    agreement = [r["disagreement"] for r in results["rows"] if r["disagreement"] is not None]
    if agreement:
        lines.append("Peers agree with the library's loss and gradient before timing: largest relative difference %.1e (float64)."
                     % max(agreement))
    v = results["versions"]
    j = v["java"]
    lines.append("Versions: CPU %s, %s cores; %s; JDK %s (%s); JMH %s (%s forks, warm-up %s, measured %s, sample mode); Python %s (driver)"
                 % (v["cpu"], v["cores"], v["os"], j.get("jdk"), j.get("vm"), j.get("jmh"), j.get("forks"), j.get("warmup"),
                    j.get("measurement"), v["python (driver)"]))
    if "numpy" in v:
        n = v["numpy"]
        lines.append("NumPy %s, BLAS %s; Python %s" % (n["numpy"], " ".join(str(x) for x in n["blas"].values()), n["python"]))
    if "torch" in v:
        lines.append("PyTorch %s (torch.set_num_threads(1))" % v["torch"]["torch"])
    env = results["environment"]
    if env["slow_blas_variables"]:
        lines.append("Environment forces BLAS kernels: %s. Rows that name it ran with it; the others without it."
                     % ", ".join("%s=%s" % kv for kv in env["slow_blas_variables"].items()))
    if env["thread_variables"]:
        lines.append("Thread variables in the environment (set to 1 for the 1-thread rows, removed for the default rows): %s"
                     % ", ".join("%s=%s" % kv for kv in env["thread_variables"].items()))
    lines.extend("Note: " + n for n in results["notes"])
    if results["mode"] != "full":
        lines.append("Mode quick: short runs, the numbers are rough." if results["mode"] == "quick" else
                     "Mode smoke: a check that the machinery runs; most calls ran before the JIT compiled them, "
                     "so these numbers mean nothing.")
    return lines


def smoke_check(results, results_path):
    """What --smoke asserts: the structure of the outputs, never a time."""
    problems = []
    for w in results["workloads"]:
        java = [r for r in results["rows"] if r["workload"] == w["id"] and r["implementation"] == JAVA]
        if len(java) != 1 or not (java[0]["median_ns"] or 0) > 0:
            problems.append("no Java time for " + w["id"])
        elif java[0]["bytes_per_op"] is None:
            problems.append("no B/op for " + w["id"])
        if not w["flops"] > 0:
            problems.append("no FLOP count for " + w["id"])
        if w["id"] not in results["allocation_without_harness"]["bytes_per_call"]:
            problems.append("no allocation count for " + w["id"])
    if not results["peak"]["gflops"]:
        problems.append("no peak")
    with open(results_path) as f:
        if json.load(f)["rows"] != json.loads(json.dumps(results["rows"])):
            problems.append("results.json does not hold the rows")
    try:
        with open(results["chart"], "rb") as f:
            if f.read(8) != b"\x89PNG\r\n\x1a\n":
                problems.append("results.png is not a PNG")
    except OSError as e:
        problems.append("no chart: %s" % e)
    if problems:
        raise BenchError("smoke check failed: " + "; ".join(problems))


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as e:
        print("bench: " + str(e), file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("bench: interrupted", file=sys.stderr)
        sys.exit(130)
