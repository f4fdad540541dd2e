package workbook.display;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.DoubleStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.YAxisPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Builds an XChart {@link XYChart} from scatter and heatmap traces with numeric x.
 *
 * <p>Heatmaps: XChart cannot put a heatmap and a scatter in one chart, so a heatmap is drawn as
 * filled rectangles in the same XY chart. Each cell becomes a rectangle centred on its (x, y) grid
 * point whose edges lie half-way to the neighbouring grid points, as plotly draws heatmap bricks.
 * Values are binned into {@value #HEATMAP_LEVELS} colour levels between {@code zmin} and {@code
 * zmax} (plotly's default: the data's range), and all cells of one level form one XChart series of
 * polygons separated by NaN; this keeps the chart at about a hundred series instead of one per
 * cell. The level error is at most 1/254 of the colour range, below what the eye resolves. Cells
 * whose value is missing are left blank, as in plotly.
 */
final class XyChartPainter {

    static final int HEATMAP_LEVELS = 128;

    private XyChartPainter() {}

    static XYChart build(Map<?, ?> layout, List<TraceView> traces, int width, int height) {
        XYChart chart = new XYChart(width, height);
        ChartStyle.setUp(chart, layout, chart::setXAxisTitle, chart::setYAxisTitle);
        Map<?, ?> xAxis = ChartStyle.axis(layout, "xaxis");
        Map<?, ?> yAxis = ChartStyle.axis(layout, "yaxis");
        boolean xLog = ChartStyle.isLog(xAxis);
        boolean yLog = ChartStyle.isLog(yAxis);
        chart.getStyler().setXAxisLogarithmic(xLog);
        chart.getStyler().setYAxisLogarithmic(yLog);
        ChartStyle.applyRange(chart.getStyler(), xAxis, true);
        ChartStyle.applyRange(chart.getStyler(), yAxis, false);
        ChartStyle.applyAxisColors(chart.getStyler(), yAxis, 0);

        int legendEntries = 0;
        for (TraceView trace : traces) {
            if (trace.type().equals("heatmap")) {
                addHeatmap(chart, trace);
            } else if (addScatter(chart, trace, xLog, yLog)) {
                legendEntries += trace.inLegend() ? 1 : 0;
            }
        }
        if (traces.stream().anyMatch(TraceView::onSecondYAxis)) {
            chart.getStyler().setYAxisGroupPosition(1, YAxisPosition.Right);
            chart.setYAxisGroupTitle(1, PlotlyJson.titleText(ChartStyle.axis(layout, "yaxis2")));
            ChartStyle.applyRange(chart.getStyler(), ChartStyle.axis(layout, "yaxis2"), 1);
            ChartStyle.applyAxisColors(chart.getStyler(), ChartStyle.axis(layout, "yaxis2"), 1);
        }
        if (!xLog) {
            niceXTicks(chart);
        }
        if (xLog) {
            ChartStyle.logAxisLabels(chart.getStyler(), true, range(chart, true), width - 160);
        }
        if (yLog) {
            ChartStyle.logAxisLabels(chart.getStyler(), false, range(chart, false), height - 120);
        }
        if (chart.getSeriesCollection().isEmpty()) {
            XYSeries placeholder = chart.addSeries("empty", new double[] {1}, new double[] {1});
            placeholder.setShowInLegend(false);
            placeholder.setMarker(SeriesMarkers.NONE);
            placeholder.setLineColor(new Color(0, 0, 0, 0));
        }
        chart.getStyler().setLegendVisible(ChartStyle.showLegend(layout, legendEntries));
        return chart;
    }

    /** The positive range drawn on the x (or y) axis, or null if nothing positive is drawn. */
    private static double[] range(XYChart chart, boolean x) {
        return ChartStyle.positiveRange(chart.getSeriesCollection().stream()
                .flatMapToDouble(series -> DoubleStream.of(x ? series.getXData() : series.getYData())));
    }

    /**
     * XChart puts x ticks on the data's own x values when those are equally spaced (epochs 1, 2, 3,
     * ...), giving labels such as 1, 14, 27 that crowd each other; plotly picks round numbers. Adding
     * one invisible point half-way between the first two x values breaks the equal spacing, and
     * XChart then picks round numbers too. The point lies inside the data's range, so neither axis
     * changes. Short series (such as layers 1 to 6) keep their ticks on the data.
     */
    private static void niceXTicks(XYChart chart) {
        TreeSet<Double> xs = new TreeSet<>();
        double y = Double.NaN;
        for (XYSeries series : chart.getSeriesCollection()) {
            for (double x : series.getXData()) {
                if (!Double.isNaN(x)) {
                    xs.add(x);
                }
            }
            if (Double.isNaN(y) && series.getYAxisGroup() == 0) {
                for (double value : series.getYData()) {
                    if (!Double.isNaN(value)) {
                        y = value;
                        break;
                    }
                }
            }
        }
        if (xs.size() < TraceView.PLOTLY_MARKERS_BELOW || Double.isNaN(y)) {
            return;
        }
        double first = xs.first();
        double second = xs.higher(first);
        XYSeries helper =
                chart.addSeries(
                        "tick-helper", new double[] {first + (second - first) / 2}, new double[] {y});
        helper.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        helper.setMarker(SeriesMarkers.NONE);
        helper.setMarkerColor(new Color(0, 0, 0, 0));
        helper.setShowInLegend(false);
    }

    /** @return whether a series was added (a trace with no drawable point adds none) */
    private static boolean addScatter(XYChart chart, TraceView trace, boolean xLog, boolean yLog) {
        List<?> xs = trace.x();
        List<?> ys = trace.y();
        int n = Math.min(xs.size(), ys.size());
        double[] x = new double[n];
        double[] y = new double[n];
        boolean drawable = false;
        for (int i = 0; i < n; i++) {
            x[i] = ChartStyle.onAxis(TraceView.value(xs.get(i)), xLog);
            y[i] = ChartStyle.onAxis(TraceView.value(ys.get(i)), yLog);
            drawable |= !Double.isNaN(x[i]) && !Double.isNaN(y[i]);
        }
        if (!drawable) {
            return false;
        }
        XYSeries series = chart.addSeries("trace" + chart.getSeriesCollection().size(), x, y);
        series.setLabel(trace.label());
        series.setShowInLegend(trace.inLegend());
        series.setLineColor(trace.color());
        series.setMarkerColor(trace.markerColor());
        if (trace.drawsLines()) {
            series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            series.setLineStyle(trace.lineStroke());
            // XChart strokes each segment on its own, restarting the dash pattern, so a dashed line of
            // many short segments looks solid; a smoothed series is stroked as one path. For dense data
            // the smoothed curve is the polyline to within a pixel.
            series.setSmooth(trace.isDashed() && n >= TraceView.PLOTLY_MARKERS_BELOW);
        } else {
            series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        }
        series.setMarker(trace.drawsMarkers() ? trace.marker() : SeriesMarkers.NONE);
        if (trace.onSecondYAxis()) {
            series.setYAxisGroup(1);
        }
        return true;
    }

    private static void addHeatmap(XYChart chart, TraceView trace) {
        List<?> rows = trace.z();
        double[] xEdges = edges(trace.x(), rows.isEmpty() ? 0 : TraceView.list(rows.get(0)).size());
        double[] yEdges = edges(trace.y(), rows.size());
        double[] range = ChartStyle.zRange(trace);
        Colors.Ramp scale = Colors.scale(trace.get("colorscale"));
        List<List<Double>> levelX = new ArrayList<>();
        List<List<Double>> levelY = new ArrayList<>();
        for (int level = 0; level < HEATMAP_LEVELS; level++) {
            levelX.add(new ArrayList<>());
            levelY.add(new ArrayList<>());
        }
        for (int row = 0; row < rows.size() && row + 1 < yEdges.length; row++) {
            List<?> cells = TraceView.list(rows.get(row));
            for (int col = 0; col < cells.size() && col + 1 < xEdges.length; col++) {
                double z = TraceView.value(cells.get(col));
                if (Double.isNaN(z)) {
                    continue;
                }
                int level = level(z, range);
                addRectangle(
                        levelX.get(level), levelY.get(level),
                        xEdges[col], xEdges[col + 1], yEdges[row], yEdges[row + 1]);
            }
        }
        for (int level = 0; level < HEATMAP_LEVELS; level++) {
            if (levelX.get(level).isEmpty()) {
                continue;
            }
            Color color = scale.at(level / (double) (HEATMAP_LEVELS - 1));
            XYSeries series =
                    chart.addSeries(
                            "heatmap" + chart.getSeriesCollection().size(),
                            toArray(levelX.get(level)),
                            toArray(levelY.get(level)));
            series.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
            series.setFillColor(color);
            // An outline in the fill colour closes the anti-aliasing seams between adjacent cells.
            series.setLineColor(color);
            series.setLineStyle(new BasicStroke(1f));
            series.setMarker(SeriesMarkers.NONE);
            series.setShowInLegend(false);
        }
    }

    static int level(double z, double[] range) {
        double span = range[1] - range[0];
        double t = span > 0 ? (z - range[0]) / span : 0.5;
        int level = (int) Math.round(t * (HEATMAP_LEVELS - 1));
        return Math.max(0, Math.min(HEATMAP_LEVELS - 1, level));
    }

    private static void addRectangle(
            List<Double> xs, List<Double> ys, double x0, double x1, double y0, double y1) {
        if (!xs.isEmpty()) {
            xs.add(Double.NaN);
            ys.add(Double.NaN);
        }
        xs.add(x0);
        ys.add(y0);
        xs.add(x1);
        ys.add(y0);
        xs.add(x1);
        ys.add(y1);
        xs.add(x0);
        ys.add(y1);
    }

    /**
     * Cell edges for {@code count} cells centred on {@code centres}: half-way between neighbours,
     * and half a step beyond the first and last centre. Without centres, cells sit on 0, 1, 2, ...
     */
    static double[] edges(List<?> centres, int count) {
        double[] c = new double[count];
        for (int i = 0; i < count; i++) {
            c[i] = i < centres.size() ? TraceView.value(centres.get(i)) : i;
        }
        double[] edges = new double[count + 1];
        if (count == 0) {
            return edges;
        }
        if (count == 1) {
            edges[0] = c[0] - 0.5;
            edges[1] = c[0] + 0.5;
            return edges;
        }
        for (int i = 1; i < count; i++) {
            edges[i] = (c[i - 1] + c[i]) / 2;
        }
        edges[0] = c[0] - (c[1] - c[0]) / 2;
        edges[count] = c[count - 1] + (c[count - 1] - c[count - 2]) / 2;
        return edges;
    }

    private static double[] toArray(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
