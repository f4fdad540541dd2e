package workbook.display;

import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Font;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.ScatterTrace;

/** The tablesaw pieces the figure builders share: layouts, axes and scatter traces. */
final class FigureParts {

    private static final double LINE_WIDTH = 2;
    private static final double MARKER_SIZE = 7;

    private FigureParts() {}

    /** A layout of the bundle's default size with a title and two titled axes. */
    static Layout.LayoutBuilder layout(
            String title, String xTitle, Scale xScale, String yTitle, Scale yScale) {
        return Layout.builder(title)
                .width(FigureBundle.DEFAULT_WIDTH)
                .height(FigureBundle.DEFAULT_HEIGHT)
                .xAxis(axis(xTitle, xScale))
                .yAxis(axis(yTitle, yScale));
    }

    static Axis axis(String title, Scale scale) {
        Axis.AxisBuilder axis = Axis.builder().title(title);
        if (scale == Scale.LOG) {
            axis.type(Axis.Type.LOG);
        }
        return axis.build();
    }

    /** A font in plotly's default family. */
    static Font font(String color, int size) {
        return Font.builder().color(color).size(size).build();
    }

    /** A line without markers. */
    static ScatterTrace line(String name, double[] x, double[] y, String color, Line.Dash dash) {
        return ScatterTrace.builder(x, y)
                .mode(ScatterTrace.Mode.LINE)
                .name(name)
                .line(Line.builder().color(color).width(LINE_WIDTH).dash(dash).build())
                .build();
    }

    /** A line with a marker on every point, for short series such as one value per layer. */
    static ScatterTrace lineWithMarkers(String name, double[] x, double[] y, String color) {
        return ScatterTrace.builder(x, y)
                .mode(ScatterTrace.Mode.LINE_AND_MARKERS)
                .name(name)
                .line(Line.builder().color(color).width(LINE_WIDTH).build())
                .marker(Marker.builder().color(color).size(MARKER_SIZE).build())
                .build();
    }

    /** Markers only, each with a thin outline so it stays visible over a heatmap. */
    static ScatterTrace markers(String name, double[] x, double[] y, String color, String outline) {
        return ScatterTrace.builder(x, y)
                .mode(ScatterTrace.Mode.MARKERS)
                .name(name)
                .marker(
                        Marker.builder()
                                .color(color)
                                .size(MARKER_SIZE)
                                .line(Line.builder().color(outline).width(1).build())
                                .build())
                .build();
    }
}
