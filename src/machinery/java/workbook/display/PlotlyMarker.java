package workbook.display;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.style.markers.Marker;

/**
 * An XChart marker drawn the way plotly draws {@code marker: {symbol, size, color, line}}: its own
 * size (XChart's styler has one size for every series), a fill, and an optional outline, so that
 * points stay visible over a coloured heatmap.
 */
final class PlotlyMarker extends Marker {

    private final String symbol;
    private final double size;
    private final Color fill;
    private final Color outline;
    private final float outlineWidth;

    /**
     * @param symbol plotly symbol name; {@code square}, {@code diamond}, {@code triangle-up} and
     *     {@code triangle-down} are drawn as such, anything else as a circle
     * @param size diameter in pixels
     * @param outline outline colour, or {@code null} for none
     */
    PlotlyMarker(String symbol, double size, Color fill, Color outline, float outlineWidth) {
        this.symbol = symbol == null ? "circle" : symbol;
        this.size = size;
        this.fill = fill;
        this.outline = outline;
        this.outlineWidth = outlineWidth;
    }

    @Override
    public void paint(Graphics2D g, double x, double y, int ignoredStylerSize) {
        Shape shape = shape(x, y, size / 2);
        g.setColor(fill);
        g.fill(shape);
        if (outline != null && outlineWidth > 0) {
            g.setColor(outline);
            g.setStroke(new BasicStroke(outlineWidth));
            g.draw(shape);
        }
    }

    private Shape shape(double x, double y, double r) {
        switch (symbol) {
            case "square":
                return new Rectangle2D.Double(x - r, y - r, 2 * r, 2 * r);
            case "diamond":
                return polygon(new double[] {x, x + r, x, x - r}, new double[] {y - r, y, y + r, y});
            case "triangle-up":
                return polygon(new double[] {x, x + r, x - r}, new double[] {y - r, y + r, y + r});
            case "triangle-down":
                return polygon(new double[] {x - r, x + r, x}, new double[] {y - r, y - r, y + r});
            default:
                return new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
        }
    }

    private static Shape polygon(double[] xs, double[] ys) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        path.closePath();
        return path;
    }
}
