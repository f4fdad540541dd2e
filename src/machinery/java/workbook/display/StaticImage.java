package workbook.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Draws a plotly JSON tree as a static image with XChart, headless.
 *
 * <p>The image is drawn from the same tree that goes to plotly.js, not from the tablesaw figure, so
 * the two cannot drift apart. XChart paints the chart into a {@link BufferedImage} of the requested
 * size (what XChart's {@code BitmapEncoder} does); when the figure has a heatmap that shows its
 * scale, XChart paints into the left part and a colour bar, which XChart's XY charts lack, is
 * painted in a strip on the right.
 *
 * <p>Supported: {@code scatter} (lines, markers, both; several traces; a second y axis on the
 * right), {@code bar} (with scatter traces over the same categories), {@code heatmap} (with
 * scatter traces on top), linear and log axes. The log setting of the first y axis applies to all
 * y axes, an XChart limit. Values a log axis cannot show (zero, negative) are left out, as plotly
 * leaves them out.
 */
final class StaticImage {

    static final Set<String> SUPPORTED_TYPES = Set.of("scatter", "bar", "heatmap");

    private static final int COLORBAR_STRIP = 84;
    private static final int COLORBAR_WIDTH = 16;

    private StaticImage() {}

    /**
     * @throws IllegalArgumentException if a trace has a type the static renderer cannot draw
     */
    static BufferedImage render(Map<String, Object> tree, int width, int height) {
        Map<?, ?> layout = (Map<?, ?>) tree.get("layout");
        List<TraceView> traces = new ArrayList<>();
        List<?> data = TraceView.list(tree.get("data"));
        for (int i = 0; i < data.size(); i++) {
            TraceView trace = new TraceView((Map<?, ?>) data.get(i), i);
            if (!SUPPORTED_TYPES.contains(trace.type())) {
                throw new IllegalArgumentException(
                        "trace "
                                + i
                                + " has type '"
                                + trace.type()
                                + "'; the static image supports "
                                + SUPPORTED_TYPES.stream().sorted().toList());
            }
            traces.add(trace);
        }
        TraceView scaled = traceWithColorBar(traces);
        int chartWidth = scaled == null ? width : Math.max(1, width - COLORBAR_STRIP);
        Chart<?, ?> chart =
                BarChartPainter.needed(traces)
                        ? BarChartPainter.build(layout, traces, chartWidth, height)
                        : XyChartPainter.build(layout, traces, chartWidth, height);

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            chart.paint(g, chartWidth, height);
            if (scaled != null) {
                paintColorBar(g, scaled, chartWidth, height);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static TraceView traceWithColorBar(List<TraceView> traces) {
        for (TraceView trace : traces) {
            if (trace.type().equals("heatmap") && !Boolean.FALSE.equals(trace.get("showscale"))) {
                return trace;
            }
        }
        return null;
    }

    /** A vertical colour bar with its title above and the range's ends and middle as ticks. */
    private static void paintColorBar(Graphics2D g, TraceView heatmap, int left, int height) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        double[] range = ChartStyle.zRange(heatmap);
        Colors.Ramp scale = Colors.scale(heatmap.get("colorscale"));
        int top = height / 5;
        int bottom = height - height / 5;
        int x = left + 8;
        for (int py = top; py <= bottom; py++) {
            double t = (bottom - py) / (double) (bottom - top);
            g.setColor(scale.at(t));
            g.drawLine(x, py, x + COLORBAR_WIDTH, py);
        }
        g.setColor(new Color(0x44, 0x44, 0x44));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics metrics = g.getFontMetrics();
        for (int i = 0; i <= 2; i++) {
            double value = range[0] + i * (range[1] - range[0]) / 2;
            int py = bottom - i * (bottom - top) / 2;
            g.drawLine(x + COLORBAR_WIDTH, py, x + COLORBAR_WIDTH + 3, py);
            g.drawString(tick(value), x + COLORBAR_WIDTH + 6, py + metrics.getAscent() / 2 - 1);
        }
        String title = PlotlyJson.titleText(heatmap.map("colorbar"));
        if (!title.isEmpty()) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(title, x, top - 10);
        }
    }

    private static String tick(double value) {
        String text = String.format(Locale.ROOT, "%.3g", value);
        if (text.contains(".") && !text.contains("e")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text;
    }
}
