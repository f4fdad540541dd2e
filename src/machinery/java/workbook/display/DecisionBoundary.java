package workbook.display;

import java.util.function.Function;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.Trace;

/**
 * The decision-boundary figure: a model's predicted probability on a grid over the data, drawn as
 * a heatmap, with the data points on top coloured by label.
 *
 * <p>Points are rows of a flat row-major n×2 array: point {@code i} is {@code (x[2 * i], x[2 * i +
 * 1])}. The grid is r×r points spanning the data's bounding box widened by {@value #PADDING} of
 * its extent on every side; it is handed to the model as a row-major (r·r)×2 array in which the
 * first coordinate varies fastest, so the model's k-th probability belongs to grid row {@code k /
 * r} (second coordinate) and grid column {@code k % r} (first coordinate).
 */
final class DecisionBoundary {

    /** The figure's size in pixels, for the interactive plot and the PNG alike. */
    static final int WIDTH = 640;

    static final int HEIGHT = 560;

    static final double PADDING = 0.1;
    static final int MIN_RESOLUTION = 2;
    static final int MAX_RESOLUTION = 400;

    private static final String CLASS_0 = "#0b3d91";
    private static final String CLASS_1 = "#8b0a1a";
    private static final String OUTLINE = "#ffffff";

    private DecisionBoundary() {}

    static Figure figure(
            String title, double[] x, double[] y, Function<double[], double[]> model, int resolution) {
        int n = checkPoints(x, y);
        FigureArguments.notNull("model", model, "the network's probabilities for points, e.g. mlp::predict");
        if (resolution < MIN_RESOLUTION || resolution > MAX_RESOLUTION) {
            throw new IllegalArgumentException(
                    "resolution must be between "
                            + MIN_RESOLUTION
                            + " and "
                            + MAX_RESOLUTION
                            + " grid points per side, got "
                            + resolution);
        }
        double[] xs = axis(x, 0, n, resolution);
        double[] ys = axis(x, 1, n, resolution);
        double[][] p = predict(model, xs, ys);

        double[][] byLabel = splitByLabel(x, y, n);
        Trace heatmap = new ProbabilityHeatmap(xs, ys, p, "P(y = 1)");
        Trace class0 = FigureParts.markers("y = 0", byLabel[0], byLabel[1], CLASS_0, OUTLINE);
        Trace class1 = FigureParts.markers("y = 1", byLabel[2], byLabel[3], CLASS_1, OUTLINE);
        return new Figure(
                // Squarer than the default, so that the plane's two axes come out at about the same
                // scale beside the legend and colour bar: a circle should look like one.
                FigureParts.layout(title, "x1", Scale.LINEAR, "x2", Scale.LINEAR).width(WIDTH).height(HEIGHT).build(),
                heatmap,
                class0,
                class1);
    }

    /** @return the number of points n */
    private static int checkPoints(double[] x, double[] y) {
        FigureArguments.notNull("x", x, "the points' first coordinates");
        FigureArguments.notNull("y", y, "the points' second coordinates");
        if (x.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "x must hold n rows of 2 coordinates (row-major n×2), but its length " + x.length + " is odd");
        }
        int n = x.length / 2;
        if (y.length != n) {
            throw new IllegalArgumentException(
                    "y must hold one label per row of x: " + y.length + " labels != " + n + " rows");
        }
        if (n == 0) {
            throw new IllegalArgumentException("x must hold at least one point, got 0 rows");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(
                        "x[" + i + "] (row " + i / 2 + ", column " + i % 2 + ") is " + x[i]
                                + "; expected a finite number");
            }
        }
        for (int i = 0; i < n; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("y[" + i + "] is " + y[i] + "; expected a label 0 or 1");
            }
        }
        return n;
    }

    /** {@code resolution} evenly spaced values over column {@code column} of x, padded. */
    private static double[] axis(double[] x, int column, int n, int resolution) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, x[2 * i + column]);
            max = Math.max(max, x[2 * i + column]);
        }
        double pad = max > min ? PADDING * (max - min) : 0.5;
        double low = min - pad;
        double step = (max + pad - low) / (resolution - 1);
        double[] values = new double[resolution];
        for (int k = 0; k < resolution; k++) {
            values[k] = low + k * step;
        }
        return values;
    }

    private static double[][] predict(Function<double[], double[]> model, double[] xs, double[] ys) {
        int r = xs.length;
        double[] grid = new double[2 * r * r];
        for (int row = 0; row < r; row++) {
            for (int col = 0; col < r; col++) {
                int k = row * r + col;
                grid[2 * k] = xs[col];
                grid[2 * k + 1] = ys[row];
            }
        }
        double[] probabilities = model.apply(grid);
        if (probabilities == null || probabilities.length != r * r) {
            throw new IllegalArgumentException(
                    "model must return one probability per grid point: "
                            + (probabilities == null ? "null" : probabilities.length + " values")
                            + " != "
                            + r * r
                            + " grid points ("
                            + r
                            + "×"
                            + r
                            + ")");
        }
        double[][] p = new double[r][r];
        for (int k = 0; k < r * r; k++) {
            double value = probabilities[k];
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(
                        "model returned "
                                + value
                                + " at grid point ("
                                + ProbabilityHeatmap.compact(grid[2 * k])
                                + ", "
                                + ProbabilityHeatmap.compact(grid[2 * k + 1])
                                + "); expected a probability in [0, 1]: "
                                + "did it return logits z instead of sigmoid(z), or did training diverge?");
            }
            p[k / r][k % r] = value;
        }
        return p;
    }

    /** {x1 of label 0, x2 of label 0, x1 of label 1, x2 of label 1}. */
    private static double[][] splitByLabel(double[] x, double[] y, int n) {
        int ones = 0;
        for (int i = 0; i < n; i++) {
            ones += y[i] == 1 ? 1 : 0;
        }
        double[][] split = {new double[n - ones], new double[n - ones], new double[ones], new double[ones]};
        int zero = 0;
        int one = 0;
        for (int i = 0; i < n; i++) {
            if (y[i] == 1) {
                split[2][one] = x[2 * i];
                split[3][one++] = x[2 * i + 1];
            } else {
                split[0][zero] = x[2 * i];
                split[1][zero++] = x[2 * i + 1];
            }
        }
        return split;
    }
}
