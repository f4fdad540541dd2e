"""Tests of the arithmetic and plumbing of ./workbook bench (src/bench/python/bench.py), without running anything."""

import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench", "python"))

import bench  # noqa: E402


class FlopsTest(unittest.TestCase):
    def test_forward_counts_two_flops_per_multiply_add(self):
        # lesson 08's network: 100 × (20·128 + 128·64 + 64·1) = 100 × 10,816 multiply-adds
        self.assertEqual(2 * 100 * 10816, bench.flops("efficiency-forward", [20, 128, 64, 1], 100, 11009))

    def test_forward_backward_is_the_lessons_count(self):
        # notebook 08: backward = 100 × (2 · 10,816 − 20 · 128) = 100 × 19,072 multiply-adds
        self.assertEqual(2 * 100 * (10816 + 19072),
                         bench.flops("efficiency-forward-backward", [20, 128, 64, 1], 100, 11009))

    def test_an_epoch_counts_forward_and_backward(self):
        m = 2 * 16 + 16 * 8 + 8
        self.assertEqual(2 * 500 * (3 * m - 32), bench.flops("circle-epoch", [2, 16, 8, 1], 500, 193))

    def test_a_gradient_check_adds_two_forward_passes_per_parameter(self):
        m = 2 * 16 + 16 * 8 + 8
        epoch = 2 * 500 * (3 * m - 32)
        self.assertEqual(epoch + 2 * 193 * 2 * 500 * m, bench.flops("gradient-check", [2, 16, 8, 1], 500, 193))


class EnvironmentTest(unittest.TestCase):
    def test_one_thread_and_default_threads_without_slow_variables(self):
        runs = bench.peer_environments({"PATH": "/bin", "OPENBLAS_NUM_THREADS": "4"})
        self.assertEqual([bench.NUMPY_1, bench.NUMPY_DEFAULT], [label for label, _ in runs])
        self.assertEqual("1", runs[0][1]["OPENBLAS_NUM_THREADS"])
        self.assertEqual("1", runs[0][1]["MKL_NUM_THREADS"])
        self.assertNotIn("OPENBLAS_NUM_THREADS", runs[1][1])
        self.assertEqual("/bin", runs[1][1]["PATH"])

    def test_a_slow_kernel_variable_is_named_and_also_left_out(self):
        runs = bench.peer_environments({"OPENBLAS_CORETYPE": "Prescott"})
        labels = [label for label, _ in runs]
        self.assertEqual([bench.NUMPY_1 + ", with OPENBLAS_CORETYPE=Prescott", bench.NUMPY_1,
                          bench.NUMPY_DEFAULT + ", with OPENBLAS_CORETYPE=Prescott", bench.NUMPY_DEFAULT], labels)
        self.assertEqual("Prescott", runs[0][1]["OPENBLAS_CORETYPE"])
        self.assertNotIn("OPENBLAS_CORETYPE", runs[1][1])
        self.assertEqual({"OPENBLAS_CORETYPE": "Prescott"}, bench.slow_vars({"OPENBLAS_CORETYPE": "Prescott", "HOME": "/"}))


class TableTest(unittest.TestCase):
    WORKLOADS = [{"id": "w", "title": "w title", "short": "w", "flop_formula": "2NM", "flops": 2_000_000}]

    def test_ratio_gflops_and_peak_share(self):
        measured = {("w", bench.JAVA): {"median_ns": 1000.0, "bytes_per_op": 0.0},
                    ("w", bench.NUMPY_1): {"median_ns": 2000.0, "disagreement": 1e-16}}
        rows = bench.build_rows(self.WORKLOADS, measured, peak_gflops=40.0)
        java, numpy = rows
        self.assertEqual(0.5, java["ratio_to_numpy_1thread"])
        self.assertEqual(2000.0, java["gflops"])  # 2e6 FLOP in 1 µs
        self.assertEqual(50.0, java["peak_share"])
        self.assertEqual(1.0, numpy["ratio_to_numpy_1thread"])
        self.assertEqual(1e-16, numpy["disagreement"])

    def test_without_numpy_there_is_no_ratio(self):
        rows = bench.build_rows(self.WORKLOADS, {("w", bench.JAVA): {"median_ns": 1000.0}}, peak_gflops=None)
        self.assertIsNone(rows[0]["ratio_to_numpy_1thread"])
        self.assertIsNone(rows[0]["peak_share"])
        lines = bench.table_lines({"workloads": self.WORKLOADS, "rows": rows})
        self.assertIn("w title", lines[0])
        self.assertIn("2,000,000", lines[0])
        self.assertIn(" 1 µs", lines[2])

    def test_times_in_readable_units(self):
        self.assertEqual("250 µs", bench.format_time(250_000))
        self.assertEqual("1.5 ms", bench.format_time(1_500_000))
        self.assertEqual("2.25 s", bench.format_time(2_250_000_000))
        self.assertEqual("-", bench.format_time(None))


class JmhTest(unittest.TestCase):
    def test_the_median_and_bytes_per_op_of_sample_mode(self):
        data = [{
            "jmhVersion": "1.37", "benchmark": "workbook.bench.EpochBenchmark.epoch", "jdkVersion": "17.0.15",
            "vmName": "OpenJDK 64-Bit Server VM", "vmVersion": "17.0.15+6", "forks": 2, "warmupIterations": 3,
            "warmupTime": "1 s", "measurementIterations": 5, "measurementTime": "1 s", "params": {"workload": "circle"},
            "primaryMetric": {"score": 130.0, "scoreUnit": "us/op", "scorePercentiles": {"0.0": 100.0, "50.0": 120.5}},
            "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 0.02, "scoreUnit": "B/op"}},
        }]
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(data, f)
        try:
            results, meta = bench.parse_jmh(f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual({"EpochBenchmark.epoch[circle]": {"median_ns": 120500.0, "bytes_per_op": 0.02}}, results)
        self.assertEqual("1.37", meta["jmh"])
        self.assertEqual("17.0.15", meta["jdk"])


if __name__ == "__main__":
    unittest.main()
