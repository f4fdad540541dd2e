package workbook.display;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;

/**
 * Reads one trace of a plotly JSON tree with plotly.js's defaults filled in, for the static
 * renderer. Not modified.
 */
final class TraceView {

    /** plotly.js draws scatter traces with fewer points than this with markers as well as lines. */
    static final int PLOTLY_MARKERS_BELOW = 20;

    private static final double DEFAULT_LINE_WIDTH = 2;
    private static final double DEFAULT_MARKER_SIZE = 6;

    private final Map<?, ?> trace;
    private final int index;

    TraceView(Map<?, ?> trace, int index) {
        this.trace = trace;
        this.index = index;
    }

    String type() {
        Object type = trace.get("type");
        return type == null ? "scatter" : type.toString();
    }

    /** The legend label: the trace's name, or plotly's {@code trace N} for an unnamed trace. */
    String label() {
        String name = PlotlyJson.plainText(trace.get("name"));
        return name.isEmpty() ? "trace " + index : name;
    }

    boolean inLegend() {
        return !Boolean.FALSE.equals(trace.get("showlegend"));
    }

    boolean onSecondYAxis() {
        return "y2".equals(trace.get("yaxis"));
    }

    List<?> x() {
        return list(trace.get("x"));
    }

    List<?> y() {
        return list(trace.get("y"));
    }

    List<?> z() {
        return list(trace.get("z"));
    }

    Object get(String key) {
        return trace.get(key);
    }

    Map<?, ?> map(String key) {
        Object value = trace.get(key);
        return value instanceof Map ? (Map<?, ?>) value : Map.of();
    }

    /** Number of data points: cells for a heatmap, values of y (or x) otherwise. */
    int pointCount() {
        if (type().equals("heatmap")) {
            int cells = 0;
            for (Object row : z()) {
                cells += list(row).size();
            }
            return cells;
        }
        return Math.max(x().size(), y().size());
    }

    boolean drawsLines() {
        Object mode = trace.get("mode");
        return mode == null ? true : mode.toString().contains("lines");
    }

    boolean drawsMarkers() {
        Object mode = trace.get("mode");
        return mode == null ? pointCount() < PLOTLY_MARKERS_BELOW : mode.toString().contains("markers");
    }

    /** The trace colour: line colour, else a single marker colour, else plotly's default. */
    Color color() {
        Color fallback = Colors.parse(Colors.defaultColor(index), Color.GRAY);
        Color marker = Colors.parse(map("marker").get("color"), fallback);
        return Colors.parse(map("line").get("color"), marker);
    }

    Color markerColor() {
        return Colors.parse(map("marker").get("color"), color());
    }

    BasicStroke lineStroke() {
        float width = (float) number(map("line").get("width"), DEFAULT_LINE_WIDTH);
        float[] dash = dashPattern(map("line").get("dash"), width);
        return dash == null
                ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    boolean isDashed() {
        return dashPattern(map("line").get("dash"), 1f) != null;
    }

    PlotlyMarker marker() {
        Map<?, ?> marker = map("marker");
        Map<?, ?> outline = marker.get("line") instanceof Map ? (Map<?, ?>) marker.get("line") : Map.of();
        Object size = marker.get("size");
        Color outlineColor = Colors.parse(outline.get("color"), null);
        float outlineWidth = (float) number(outline.get("width"), outlineColor == null ? 0 : 1);
        return new PlotlyMarker(
                marker.get("symbol") == null ? null : marker.get("symbol").toString(),
                number(size instanceof List ? null : size, DEFAULT_MARKER_SIZE),
                markerColor(),
                outlineColor,
                outlineWidth);
    }

    private static float[] dashPattern(Object dash, float width) {
        if (dash == null) {
            return null;
        }
        float w = Math.max(1f, width);
        switch (dash.toString()) {
            case "dot":
                return new float[] {w, 2 * w};
            case "dash":
                return new float[] {5 * w, 3 * w};
            case "longdash":
                return new float[] {10 * w, 3 * w};
            case "dashdot":
                return new float[] {5 * w, 2 * w, w, 2 * w};
            case "longdashdot":
                return new float[] {10 * w, 2 * w, w, 2 * w};
            default:
                return null;
        }
    }

    static List<?> list(Object value) {
        return value instanceof List ? (List<?>) value : List.of();
    }

    static double number(Object value, double fallback) {
        return value instanceof Number ? ((Number) value).doubleValue() : fallback;
    }

    /** A data value as a double: numbers as they are, anything else (null, text) as NaN. */
    static double value(Object value) {
        return value instanceof Number ? ((Number) value).doubleValue() : Double.NaN;
    }
}
