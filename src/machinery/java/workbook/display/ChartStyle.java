package workbook.display;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.DoubleStream;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * The look of the static images, close to plotly.js's defaults (white paper, light grid, legend
 * outside on the right), and the layout settings both chart painters read.
 */
final class ChartStyle {

    private static final Color TEXT = new Color(0x44, 0x44, 0x44);
    private static final Color GRID = new Color(0xE5, 0xE5, 0xE5);

    private ChartStyle() {}

    static void apply(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridLinesColor(GRID);
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setAxisTicksLineVisible(false);
        styler.setAxisTickMarksColor(GRID);
        styler.setChartFontColor(TEXT);
        styler.setAxisTickLabelsColor(TEXT);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendPosition(LegendPosition.OutsideE);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setLegendBackgroundColor(Color.WHITE);
        styler.setLegendSeriesLineLength(24);
        styler.setChartPadding(12);
        styler.setAntiAlias(true);
        styler.setTextAntiAlias(true);
    }

    /**
     * Styles a chart with axes, and sets its title and axis titles from the plotly layout (XChart
     * declares the axis-title setters on each kind of chart, hence the two setters passed in).
     */
    static <S extends AxesChartStyler> void setUp(Chart<S, ?> chart, Map<?, ?> layout,
                                                  Consumer<String> xAxisTitle, Consumer<String> yAxisTitle) {
        apply(chart.getStyler());
        chart.setTitle(PlotlyJson.titleText(layout));
        xAxisTitle.accept(PlotlyJson.titleText(axis(layout, "xaxis")));
        yAxisTitle.accept(PlotlyJson.titleText(axis(layout, "yaxis")));
    }

    static Map<?, ?> axis(Map<?, ?> layout, String key) {
        Object axis = layout.get(key);
        return axis instanceof Map ? (Map<?, ?>) axis : Map.of();
    }

    static boolean isLog(Map<?, ?> axis) {
        return "log".equals(axis.get("type"));
    }

    /** A value as drawn on an axis: NaN where a log axis cannot show it (zero, negative). */
    static double onAxis(double value, boolean log) {
        return log && !(value > 0) ? Double.NaN : value;
    }

    /**
     * Copies an axis {@code range} to the styler. plotly gives the range of a log axis in powers of
     * ten ({@code [-3, 0]} means 0.001 to 1), XChart in data units.
     */
    static void applyRange(AxesChartStyler styler, Map<?, ?> axis, boolean isX) {
        applyRange(styler, axis, isX ? -1 : 0);
    }

    /** @param yGroup XChart's y axis group (0 left, 1 right), or -1 for the x axis */
    static void applyRange(AxesChartStyler styler, Map<?, ?> axis, int yGroup) {
        List<?> range = TraceView.list(axis.get("range"));
        if (range.size() != 2
                || !(range.get(0) instanceof Number)
                || !(range.get(1) instanceof Number)) {
            return;
        }
        double low = ((Number) range.get(0)).doubleValue();
        double high = ((Number) range.get(1)).doubleValue();
        if (isLog(axis)) {
            low = Math.pow(10, low);
            high = Math.pow(10, high);
        }
        if (yGroup < 0) {
            styler.setXAxisMin(Math.min(low, high));
            styler.setXAxisMax(Math.max(low, high));
        } else {
            styler.setYAxisMin(yGroup, Math.min(low, high));
            styler.setYAxisMax(yGroup, Math.max(low, high));
        }
    }

    /**
     * Colours a y axis's title and tick labels as the layout asks ({@code title.font.color}, {@code
     * tickfont.color}), as plots with two y axes do to tell them apart.
     */
    static void applyAxisColors(AxesChartStyler styler, Map<?, ?> axis, int yGroup) {
        Object title = axis.get("title");
        Object titleFont = title instanceof Map ? ((Map<?, ?>) title).get("font") : null;
        Color titleColor = Colors.parse(titleFont instanceof Map ? ((Map<?, ?>) titleFont).get("color") : null, null);
        Object tickFont = axis.get("tickfont");
        Color tickColor = Colors.parse(tickFont instanceof Map ? ((Map<?, ?>) tickFont).get("color") : null, null);
        if (titleColor != null) {
            styler.setYAxisGroupTitleColor(yGroup, titleColor);
        }
        if (tickColor != null) {
            styler.setYAxisGroupTickLabelsColorMap(yGroup, tickColor);
        }
    }

    /** plotly's rule: the layout's {@code showlegend} if given, else a legend for two or more. */
    static boolean showLegend(Map<?, ?> layout, int legendEntries) {
        Object show = layout.get("showlegend");
        return show instanceof Boolean ? (Boolean) show && legendEntries > 0 : legendEntries >= 2;
    }

    /** A heatmap's colour range: {@code zmin}/{@code zmax} if given, else the data's range. */
    static double[] zRange(TraceView heatmap) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Object row : heatmap.z()) {
            for (Object cell : TraceView.list(row)) {
                double z = TraceView.value(cell);
                if (!Double.isNaN(z)) {
                    low = Math.min(low, z);
                    high = Math.max(high, z);
                }
            }
        }
        low = TraceView.number(heatmap.get("zmin"), low);
        high = TraceView.number(heatmap.get("zmax"), high);
        return Double.isFinite(low) && Double.isFinite(high) ? new double[] {low, high} : new double[] {0, 1};
    }

    /** @return {min, max} of the positive finite values, or null if there are none */
    static double[] positiveRange(DoubleStream values) {
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        values.filter(v -> v > 0 && Double.isFinite(v)).forEach(v -> {
            range[0] = Math.min(range[0], v);
            range[1] = Math.max(range[1], v);
        });
        return range[0] <= range[1] ? range : null;
    }

    /**
     * Labels a log axis with {@link LogAxisLabels}: one format, thinned over many decades, 2 and 5
     * added on narrow ranges.
     *
     * @param range the axis's positive data range, or null to keep XChart's labels
     * @param pixels the axis length in pixels
     */
    static void logAxisLabels(AxesChartStyler styler, boolean xAxis, double[] range, int pixels) {
        if (range == null) {
            return;
        }
        if (xAxis) {
            styler.setXAxisLogarithmicDecadeOnly(!LogAxisLabels.isNarrow(range));
            styler.setXAxisTickLabelsFormattingFunction(LogAxisLabels.forRange(range, pixels));
        } else {
            styler.setYAxisLogarithmicDecadeOnly(!LogAxisLabels.isNarrow(range));
            styler.setYAxisTickLabelsFormattingFunction(LogAxisLabels.forRange(range, pixels));
        }
    }
}
