package workbook.display;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Builds an XChart {@link CategoryChart} for figures with bar traces or text x values. Categories
 * are the distinct x values in order of first appearance over all traces, as plotly orders a
 * category axis. Scatter traces on such an axis (a threshold line over bars, say) become line or
 * marker series over the same categories; a category a trace does not mention is a gap.
 */
final class BarChartPainter {

    private BarChartPainter() {}

    static boolean needed(List<TraceView> traces) {
        for (TraceView trace : traces) {
            if (trace.type().equals("bar")) {
                return true;
            }
            for (Object x : trace.x()) {
                if (x instanceof String) {
                    return true;
                }
            }
        }
        return false;
    }

    static CategoryChart build(Map<?, ?> layout, List<TraceView> traces, int width, int height) {
        CategoryChart chart = new CategoryChart(width, height);
        ChartStyle.setUp(chart, layout, chart::setXAxisTitle, chart::setYAxisTitle);
        Map<?, ?> yAxis = ChartStyle.axis(layout, "yaxis");
        boolean yLog = ChartStyle.isLog(yAxis);
        chart.getStyler().setYAxisLogarithmic(yLog);
        chart.getStyler().setOverlapped("overlay".equals(layout.get("barmode")));
        chart.getStyler().setStacked("stack".equals(layout.get("barmode")));
        ChartStyle.applyRange(chart.getStyler(), yAxis, false);
        // XChart skips category labels closer than its default spacing hint (74 px): six tensor
        // names at 720 px lost every other label. Short labels such as "W1" need far less room.
        chart.getStyler().setXAxisTickMarkSpacingHint(24);

        Map<String, Integer> categories = categories(traces);
        List<String> labels = new ArrayList<>(categories.keySet());
        int legendEntries = 0;
        for (TraceView trace : traces) {
            double[] y = new double[labels.size()];
            Arrays.fill(y, Double.NaN);
            List<?> xs = trace.x();
            List<?> ys = trace.y();
            boolean drawable = false;
            for (int i = 0; i < Math.min(xs.size(), ys.size()); i++) {
                int at = categories.get(label(xs.get(i)));
                y[at] = ChartStyle.onAxis(TraceView.value(ys.get(i)), yLog);
                drawable |= !Double.isNaN(y[at]);
            }
            if (!drawable) {
                continue;
            }
            List<Double> values = new ArrayList<>(y.length);
            for (double v : y) {
                values.add(v);
            }
            CategorySeries series =
                    chart.addSeries("trace" + chart.getSeriesCollection().size(), labels, values);
            series.setLabel(trace.label());
            series.setShowInLegend(trace.inLegend());
            legendEntries += trace.inLegend() ? 1 : 0;
            if (trace.type().equals("bar")) {
                series.setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Bar);
                series.setFillColor(trace.markerColor());
                series.setMarker(SeriesMarkers.NONE);
            } else {
                series.setChartCategorySeriesRenderStyle(
                        trace.drawsLines() ? CategorySeriesRenderStyle.Line : CategorySeriesRenderStyle.Scatter);
                series.setLineColor(trace.color());
                series.setLineStyle(trace.lineStroke());
                series.setMarkerColor(trace.markerColor());
                series.setMarker(trace.drawsMarkers() ? trace.marker() : SeriesMarkers.NONE);
            }
        }
        if (yLog) {
            double[] range = ChartStyle.positiveRange(traces.stream()
                    .flatMap(trace -> trace.y().stream())
                    .mapToDouble(TraceView::value));
            if (TraceView.list(yAxis.get("range")).isEmpty()) {
                decadeRange(chart, range);
            }
            ChartStyle.logAxisLabels(chart.getStyler(), false, range, height - 120);
        }
        if (chart.getSeriesCollection().isEmpty()) {
            CategorySeries placeholder =
                    chart.addSeries("empty", List.of(" "), List.of(yLog ? 1.0 : 0.0));
            placeholder.setShowInLegend(false);
            placeholder.setFillColor(new Color(0, 0, 0, 0));
        }
        chart.getStyler().setLegendVisible(ChartStyle.showLegend(layout, legendEntries));
        return chart;
    }

    /**
     * XChart anchors bar charts at zero, which a log axis cannot show; plotly instead starts the bars
     * at the bottom of the axis. Fixing the axis to whole powers of ten around the positive values
     * gives the plotly picture.
     */
    private static void decadeRange(CategoryChart chart, double[] range) {
        if (range != null) {
            // Below the smallest bar by at least a third of a decade, so that no bar has zero height.
            double low = Math.pow(10, Math.floor(Math.log10(range[0]) - 0.3));
            double high = Math.pow(10, Math.ceil(Math.log10(range[1])));
            chart.getStyler().setYAxisMin(low);
            chart.getStyler().setYAxisMax(high > low ? high : low * 10);
        }
    }

    private static Map<String, Integer> categories(List<TraceView> traces) {
        Map<String, Integer> categories = new LinkedHashMap<>();
        for (TraceView trace : traces) {
            for (Object x : trace.x()) {
                categories.putIfAbsent(label(x), categories.size());
            }
        }
        return categories;
    }

    /** A category label: text decoded, whole numbers without a trailing ".0". */
    static String label(Object x) {
        if (x instanceof Double && ((Double) x) == Math.rint((Double) x) && Math.abs((Double) x) < 1e15) {
            return Long.toString(((Double) x).longValue());
        }
        return x == null ? "" : PlotlyJson.plainText(x);
    }
}
