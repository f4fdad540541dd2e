package workbook.display;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import tech.tablesaw.plotly.components.HoverLabel;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A heatmap trace of predicted probabilities on a fixed 0..1 colour scale.
 *
 * <p>tablesaw's {@code HeatmapTrace} cannot set a colour scale or its range, so its colours would
 * stretch over whatever range the predictions happen to cover (a model that is never sure would
 * look as confident as one that is). This trace writes {@code zmin: 0, zmax: 1}, an explicit
 * {@code colorscale} ({@link Colors#PROBABILITY_SCALE}) and a colour-bar title, in the same
 * JavaScript-literal form as tablesaw's own traces.
 */
final class ProbabilityHeatmap implements Trace {

    private static final MathContext SIX_DIGITS = new MathContext(6);

    private final double[] x;
    private final double[] y;
    private final double[][] z;
    private final String title;

    /**
     * @param x column centres, length n
     * @param y row centres, length m
     * @param z m rows of n probabilities: {@code z[row][col]} at {@code (x[col], y[row])}; not copied
     * @param title colour-bar title
     */
    ProbabilityHeatmap(double[] x, double[] y, double[][] z, String title) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.title = title;
    }

    @Override
    public String asJavascript(int i) {
        StringBuilder js = new StringBuilder(64 + 12 * y.length * x.length);
        js.append("var trace").append(i).append(" =\n{\n");
        js.append("x: ");
        array(js, x);
        js.append(",\ny: ");
        array(js, y);
        js.append(",\nz: [");
        for (int row = 0; row < z.length; row++) {
            if (row > 0) {
                js.append(',');
            }
            array(js, z[row]);
        }
        js.append("],\nzmin: 0,\nzmax: 1,\ncolorscale: [");
        List<List<Object>> scale = Colors.PROBABILITY_SCALE;
        for (int k = 0; k < scale.size(); k++) {
            js.append(k > 0 ? "," : "")
                    .append('[')
                    .append(scale.get(k).get(0))
                    .append(",'")
                    .append(scale.get(k).get(1))
                    .append("']");
        }
        // The bar fills the lower three quarters of the plot's height: the legend sits above it.
        js.append("],\ncolorbar: {title: {text: '")
                .append(escape(title))
                .append("'}, len: 0.75, y: 0, yanchor: 'bottom'},\n");
        js.append("showlegend: false,\ntype: 'heatmap',\nname: '").append(escape(title)).append("',\n};\n");
        return js.toString();
    }

    private static void array(StringBuilder js, double[] values) {
        js.append('[');
        for (int k = 0; k < values.length; k++) {
            if (k > 0) {
                js.append(',');
            }
            // NaN is written as plotly's gap marker; the JSON conversion turns it into null.
            js.append(Double.isFinite(values[k]) ? compact(values[k]) : "NaN");
        }
        js.append(']');
    }

    /** Six significant digits, no trailing zeros: a 100×100 grid stays near 100 kB of JSON. */
    static String compact(double value) {
        return new BigDecimal(value).round(SIX_DIGITS).stripTrailingZeros().toString();
    }

    /** Escapes text for a single-quoted literal the way tablesaw's templates do (HTML entities). */
    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    @Override
    public String name() {
        return title;
    }

    @Override
    public HoverLabel hoverLabel() {
        return null;
    }

    @Override
    public boolean showLegend() {
        return false;
    }
}
