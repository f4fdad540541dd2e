package workbook.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Draws the results of {@code ./workbook bench} as a bar chart: the effective GFLOPS of every
 * implementation on every workload, grouped by workload, on a logarithmic axis (the workloads span
 * three orders of magnitude). Reads the {@code rows} and {@code peak} of results.json; an
 * implementation that lacks a workload is left out of the chart.
 *
 * <p>Usage: {@code ResultsChart RESULTS.json OUTPUT.png}
 */
public final class ResultsChart {

    private ResultsChart() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ResultsChart RESULTS.json OUTPUT.png (got " + args.length + " arguments)");
        }
        JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        List<String> workloads = new ArrayList<>();
        Map<String, Map<String, Double>> bySeries = new LinkedHashMap<>();
        for (JsonNode row : results.get("rows")) {
            String workload = row.path("workload_short").asText(row.get("workload_title").asText());
            if (!workloads.contains(workload)) {
                workloads.add(workload);
            }
            JsonNode gflops = row.get("gflops");
            if (gflops != null && gflops.isNumber() && gflops.asDouble() > 0) {
                bySeries.computeIfAbsent(row.get("implementation").asText(), k -> new LinkedHashMap<>())
                        .put(workload, gflops.asDouble());
            }
        }
        JsonNode peak = results.path("peak").path("gflops");
        String title = "Effective GFLOPS per workload (higher is faster)"
                + (peak.isNumber() ? String.format(java.util.Locale.ROOT, "; one core's measured peak: %.1f GFLOPS",
                        peak.asDouble()) : "");
        CategoryChart chart = new CategoryChartBuilder().width(1200).height(650).title(title)
                .xAxisTitle("workload").yAxisTitle("GFLOPS (log scale)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        // Bars grow from the axis minimum; a logarithmic axis has no 0, so start at the power of ten below the smallest value.
        double smallest = bySeries.values().stream().flatMap(m -> m.values().stream()).mapToDouble(Double::doubleValue)
                .min().orElse(1);
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(smallest))));
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setAvailableSpaceFill(0.8);
        for (Map.Entry<String, Map<String, Double>> series : bySeries.entrySet()) {
            // A logarithmic axis cannot draw a missing value, and the groups must line up: a series
            // is drawn only when it has every workload (the table still lists it).
            if (series.getValue().size() == workloads.size()) {
                List<Double> values = new ArrayList<>();
                for (String workload : workloads) {
                    values.add(series.getValue().get(workload));
                }
                chart.addSeries(series.getKey(), workloads, values);
            }
        }
        BitmapEncoder.saveBitmap(chart, args[1], BitmapEncoder.BitmapFormat.PNG);
    }
}
