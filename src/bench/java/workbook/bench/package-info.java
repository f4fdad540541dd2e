/**
 * The measurements behind {@code ./workbook bench}: JMH microbenchmarks of the lessons' workloads on
 * the library ({@link workbook.bench.EpochBenchmark}, {@link workbook.bench.EfficiencyBenchmark},
 * {@link workbook.bench.GradientCheckBenchmark}), a probe of one core's peak arithmetic rate
 * ({@link workbook.bench.PeakProbe}), the export of each workload's data and initial parameters for
 * the NumPy and PyTorch peers ({@link workbook.bench.ExportWorkloads}), and the chart of the results
 * ({@link workbook.bench.ResultsChart}).
 *
 * <p>Machinery, not lesson: it uses the library, the library never uses it. Built only by the Maven
 * profile {@code bench}, into {@code target/bench/classes}; the driver is
 * {@code src/bench/python/bench.py}.
 */
package workbook.bench;
