package workbook.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.components.TickSettings;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * The workbook's figures, as tablesaw-jsplot {@link Figure}s sized for {@link FigureBundle}'s
 * default image ({@value FigureBundle#DEFAULT_WIDTH}×{@value FigureBundle#DEFAULT_HEIGHT}). Show
 * one in a notebook with {@code NotebookDisplay.show(figure)}.
 *
 * <p>Every builder checks its arguments and throws {@link IllegalArgumentException} with a message
 * naming the argument, the bad value or both sizes, and what was expected. Inputs are not
 * modified. Series appear in the iteration order of the map they come in: pass a {@code
 * LinkedHashMap} to choose it ({@code Map.of} has no fixed order). Missing values (NaN) become
 * gaps.
 */
public final class Plots {

    private static final String HISTORY_COLUMNS =
            "a history with columns epoch (IntColumn), loss (DoubleColumn), accuracy (DoubleColumn)";

    private Plots() {}

    /**
     * Lines, one per series, e.g. the loss against the predicted probability.
     *
     * @param series name → {@code {x, y}}: two arrays of equal length
     */
    public static Figure line(
            String title, String xLabel, String yLabel, Map<String, double[][]> series) {
        return line(title, xLabel, Scale.LINEAR, yLabel, Scale.LINEAR, series);
    }

    /**
     * Lines with chosen axis scales, e.g. the gradient check's error against the step size on
     * log-log axes. On a log axis every value must be finite and greater than 0.
     *
     * @param series name → {@code {x, y}}: two arrays of equal length
     * @throws IllegalArgumentException if a series is malformed, or a value on a log axis is not
     *     finite and positive
     */
    public static Figure line(String title, String xLabel, Scale xScale, String yLabel, Scale yScale,
                              Map<String, double[][]> series) {
        FigureArguments.notEmpty("series", series);
        List<Trace> traces = new ArrayList<>();
        for (Map.Entry<String, double[][]> entry : series.entrySet()) {
            String name = "series[\"" + entry.getKey() + "\"]";
            double[][] xy = entry.getValue();
            if (xy.length != 2) {
                throw new IllegalArgumentException(
                        name + " must be {x, y}: 2 arrays, got " + xy.length);
            }
            FigureArguments.sameLength(name + "[0] (x)", xy[0], name + "[1] (y)", xy[1]);
            if (xScale == Scale.LOG) {
                FigureArguments.positiveFinite(name + "[0] (x, log axis)", xy[0]);
            }
            if (yScale == Scale.LOG) {
                FigureArguments.positiveFinite(name + "[1] (y, log axis)", xy[1]);
            }
            traces.add(
                    FigureParts.line(
                            entry.getKey(), xy[0], xy[1], Colors.defaultColor(traces.size()), Line.Dash.SOLID));
        }
        return figure(FigureParts.layout(title, xLabel, xScale, yLabel, yScale), traces);
    }

    /**
     * The training loss per epoch.
     *
     * @param history columns {@code epoch}, {@code loss} (any numeric column types)
     * @param scale {@link Scale#LOG} to see the late, small losses
     */
    public static Figure loss(Table history, Scale scale) {
        return loss(Map.of("loss", FigureArguments.notNull("history", history, "a history table, e.g. history.asTable()")), scale);
    }

    /** The training accuracy per epoch, y from 0 to 1. */
    public static Figure accuracy(Table history) {
        return accuracy(Map.of("accuracy", FigureArguments.notNull("history", history, "a history table, e.g. history.asTable()")));
    }

    /**
     * {@link #learningCurves(Table)} under a title of your own, e.g. the progress of a run.
     *
     * @throws NullPointerException if title is null
     */
    public static Figure learningCurves(String title, Table history) {
        FigureArguments.notNull("title", title, "a title");
        return learningCurvesTitled(title, history);
    }

    /**
     * Loss (left axis) and accuracy (right axis, 0 to 1) per epoch in one figure; redraw it while
     * training runs with {@code NotebookDisplay.update}. Both axes linear. Each axis is coloured like
     * its line instead of a legend, which plotly would draw over the right axis's labels.
     */
    public static Figure learningCurves(Table history) {
        return learningCurvesTitled("Learning curves", history);
    }

    private static Figure learningCurvesTitled(String title, Table history) {
        double[] epoch = FigureArguments.numericColumn("history", history, "epoch", HISTORY_COLUMNS);
        double[] loss = FigureArguments.numericColumn("history", history, "loss", HISTORY_COLUMNS);
        double[] accuracy = FigureArguments.numericColumn("history", history, "accuracy", HISTORY_COLUMNS);
        String lossColor = Colors.defaultColor(0);
        String accuracyColor = Colors.defaultColor(1);
        Trace lossTrace = FigureParts.line("loss", epoch, loss, lossColor, Line.Dash.SOLID);
        Trace accuracyTrace =
                ScatterTrace.builder(epoch, accuracy)
                        .mode(ScatterTrace.Mode.LINE)
                        .name("accuracy")
                        .yAxis(ScatterTrace.YAxis.Y2)
                        .line(Line.builder().color(accuracyColor).width(2).dash(Line.Dash.SOLID).build())
                        .build();
        Axis lossAxis =
                Axis.builder()
                        .title("loss")
                        .titleFont(FigureParts.font(lossColor, 14))
                        .tickSettings(
                                TickSettings.builder()
                                        .tickMode(TickSettings.TickMode.AUTO)
                                        .font(FigureParts.font(lossColor, 12))
                                        .build())
                        .build();
        Axis accuracyAxis =
                Axis.builder()
                        .title("accuracy")
                        .titleFont(FigureParts.font(accuracyColor, 14))
                        .overlaying(ScatterTrace.YAxis.Y)
                        .side(Axis.Side.right)
                        .range(0, 1)
                        .showGrid(false)
                        // plotly.js 3 lines an overlaying axis's ticks up with the first axis ('sync'), which
                        // puts accuracy ticks at 0.047, 0.302, ...; 'auto' gives 0, 0.2, 0.4, ...
                        .tickSettings(
                                TickSettings.builder()
                                        .tickMode(TickSettings.TickMode.AUTO)
                                        .font(FigureParts.font(accuracyColor, 12))
                                        .build())
                        .build();
        Layout layout =
                FigureParts.layout(title, "epoch", Scale.LINEAR, "loss", Scale.LINEAR)
                        .yAxis(lossAxis)
                        .yAxis2(accuracyAxis)
                        .showLegend(false)
                        .build();
        return new Figure(layout, lossTrace, accuracyTrace);
    }

    /**
     * The loss per epoch of several runs, e.g. one per optimizer.
     *
     * @param histories run name → history with columns {@code epoch}, {@code loss}
     */
    public static Figure loss(Map<String, Table> histories, Scale scale) {
        FigureArguments.notEmpty("histories", histories);
        FigureArguments.notNull("scale", scale, "Scale.LINEAR or Scale.LOG");
        String title = scale == Scale.LOG ? "Loss per epoch (log scale)" : "Loss per epoch";
        return curves(histories, "loss", title, scale);
    }

    /**
     * The accuracy per epoch of several runs.
     *
     * @param histories run name → history with columns {@code epoch}, {@code accuracy}
     */
    public static Figure accuracy(Map<String, Table> histories) {
        FigureArguments.notEmpty("histories", histories);
        return curves(histories, "accuracy", "Accuracy per epoch", Scale.LINEAR);
    }

    private static Figure curves(Map<String, Table> histories, String column, String title, Scale scale) {
        List<Trace> traces = new ArrayList<>();
        for (Map.Entry<String, Table> run : histories.entrySet()) {
            String name = "histories[\"" + run.getKey() + "\"]";
            double[] epoch = FigureArguments.numericColumn(name, run.getValue(), "epoch", HISTORY_COLUMNS);
            double[] values = FigureArguments.numericColumn(name, run.getValue(), column, HISTORY_COLUMNS);
            traces.add(
                    FigureParts.line(
                            run.getKey(), epoch, values, Colors.defaultColor(traces.size()), Line.Dash.SOLID));
        }
        return figure(FigureParts.layout(title, "epoch", Scale.LINEAR, column, scale), traces);
    }

    /**
     * A decision boundary titled "Decision boundary".
     *
     * @see #decisionBoundary(String, double[], double[], Function, int)
     */
    public static Figure decisionBoundary(
            double[] x, double[] y, Function<double[], double[]> model, int resolution) {
        return decisionBoundary("Decision boundary", x, y, model, resolution);
    }

    /**
     * The model's predicted probability P(y = 1) over the plane as a heatmap on a fixed 0..1 colour
     * scale, with the data points on top, blue for label 0 and red for label 1.
     *
     * @param x n points as a flat row-major n×2 array: point i is {@code (x[2*i], x[2*i+1])}
     * @param y n labels, each 0 or 1
     * @param model maps a row-major m×2 array of grid points to their m probabilities; called once
     *     with m = resolution², the first coordinate varying fastest
     * @param resolution grid points per side, 2 to 400; the grid spans the data plus 10% each side
     * @throws IllegalArgumentException on a bad shape, a label other than 0 or 1, a resolution out
     *     of range, or a model output of the wrong length or outside [0, 1]
     */
    public static Figure decisionBoundary(
            String title, double[] x, double[] y, Function<double[], double[]> model, int resolution) {
        return DecisionBoundary.figure(FigureArguments.notNull("title", title, "a title"), x, y, model, resolution);
    }

    /**
     * One activation function and its derivative against z: the function as a solid line, the
     * derivative dashed.
     *
     * @param name e.g. "sigmoid"; the legend shows {@code name(z)} and {@code name'(z)}
     * @param z the inputs
     * @param value the activation at each z, as long as {@code z}
     * @param derivative its derivative at each z, as long as {@code z}
     */
    public static Figure activation(String name, double[] z, double[] value, double[] derivative) {
        FigureArguments.notNull("name", name, "the activation's name");
        FigureArguments.sameLength("z", z, "value", value);
        FigureArguments.sameLength("z", z, "derivative", derivative);
        return figure(
                FigureParts.layout(name + " and its derivative", "z", Scale.LINEAR, "", Scale.LINEAR),
                List.of(
                        FigureParts.line(name + "(z)", z, value, Colors.defaultColor(0), Line.Dash.SOLID),
                        FigureParts.line(name + "'(z)", z, derivative, Colors.defaultColor(1), Line.Dash.DASH)));
    }

    /**
     * Several activation functions on one z grid: one colour per function, the function solid and
     * its derivative dashed.
     *
     * @param curves name → {@code {value, derivative}}, each as long as {@code z}
     */
    public static Figure activations(double[] z, Map<String, double[][]> curves) {
        FigureArguments.notNull("z", z, "the pre-activations to plot");
        FigureArguments.notEmpty("curves", curves);
        List<Trace> traces = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, double[][]> curve : curves.entrySet()) {
            String name = "curves[\"" + curve.getKey() + "\"]";
            double[][] pair = curve.getValue();
            if (pair.length != 2) {
                throw new IllegalArgumentException(
                        name + " must be {value, derivative}: 2 arrays, got " + pair.length);
            }
            FigureArguments.sameLength("z", z, name + "[0] (value)", pair[0]);
            FigureArguments.sameLength("z", z, name + "[1] (derivative)", pair[1]);
            String color = Colors.defaultColor(k++);
            traces.add(FigureParts.line(curve.getKey() + "(z)", z, pair[0], color, Line.Dash.SOLID));
            traces.add(FigureParts.line(curve.getKey() + "'(z)", z, pair[1], color, Line.Dash.DASH));
        }
        return figure(
                FigureParts.layout(
                        "Activation functions (solid) and derivatives (dashed)", "z", Scale.LINEAR, "", Scale.LINEAR),
                traces);
    }

    /**
     * The largest relative error of each parameter tensor from a gradient check, as bars on a log
     * axis: green at or below {@code threshold}, red above, and a dashed line at the threshold.
     * A relative error of exactly 0 cannot be drawn on a log axis and shows no bar.
     *
     * @param errors columns {@code tensor} (StringColumn) and {@code max relative error} (numeric)
     * @param threshold the pass mark, finite and > 0, e.g. 1e-7
     */
    public static Figure gradientCheck(Table errors, double threshold) {
        return gradientCheck("Gradient check: max relative error per tensor", errors, threshold);
    }

    /**
     * The same bars with a title of your own, e.g. to tell a planted bug's check from the real one.
     *
     * @param title the figure's title
     * @param errors columns {@code tensor} (StringColumn) and {@code max relative error} (numeric)
     * @param threshold the pass mark, finite and > 0
     */
    public static Figure gradientCheck(String title, Table errors, double threshold) {
        String expected = "columns tensor (StringColumn) and max relative error (DoubleColumn)";
        double[] error = FigureArguments.numericColumn("errors", errors, "max relative error", expected);
        if (!errors.containsColumn("tensor") || !(errors.column("tensor") instanceof StringColumn)) {
            throw new IllegalArgumentException(
                    "errors needs a StringColumn \"tensor\"; its columns are "
                            + errors.columnNames()
                            + "; expected "
                            + expected);
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException(
                    "threshold is " + threshold + "; expected a finite number > 0 (log axis)");
        }
        String[] tensors = errors.stringColumn("tensor").asObjectArray();
        double[] passed = new double[error.length];
        double[] failed = new double[error.length];
        double[] line = new double[error.length];
        for (int i = 0; i < error.length; i++) {
            boolean pass = error[i] <= threshold;
            passed[i] = pass ? error[i] : Double.NaN;
            failed[i] = pass ? Double.NaN : error[i];
            line[i] = threshold;
        }
        Trace passTrace = bars("≤ threshold", tensors, passed, "#2ca02c");
        Trace failTrace = bars("> threshold", tensors, failed, "#d62728");
        Trace thresholdTrace =
                ScatterTrace.builder(StringColumn.create("tensor", tensors), DoubleColumn.create("threshold", line))
                        .mode(tensors.length == 1 ? ScatterTrace.Mode.LINE_AND_MARKERS : ScatterTrace.Mode.LINE)
                        .name("threshold " + ProbabilityHeatmap.compact(threshold))
                        .line(Line.builder().color("#444444").width(2).dash(Line.Dash.DASH).build())
                        .marker(Marker.builder().color("#444444").size(7).build())
                        .build();
        Layout layout =
                FigureParts.layout(
                                title,
                                "tensor",
                                Scale.LINEAR,
                                "max relative error",
                                Scale.LOG)
                        .barMode(Layout.BarMode.OVERLAY)
                        .build();
        return new Figure(layout, passTrace, failTrace, thresholdTrace);
    }

    private static Trace bars(String name, String[] categories, double[] values, String color) {
        return BarTrace.builder(categories, values)
                .name(name)
                .marker(Marker.builder().color(color).build())
                .build();
    }

    /**
     * Time per step against the number of parameters, both axes log, one line per method (e.g.
     * "backprop", "numerical").
     *
     * @param parameters parameter counts, each finite and > 0
     * @param milliseconds method → times, each array as long as {@code parameters}
     */
    public static Figure timing(double[] parameters, Map<String, double[]> milliseconds) {
        FigureArguments.positiveFinite("parameters", parameters);
        FigureArguments.notEmpty("milliseconds", milliseconds);
        List<Trace> traces = new ArrayList<>();
        for (Map.Entry<String, double[]> series : milliseconds.entrySet()) {
            FigureArguments.sameLength(
                    "parameters", parameters, "milliseconds[\"" + series.getKey() + "\"]", series.getValue());
            traces.add(
                    FigureParts.lineWithMarkers(
                            series.getKey(), parameters, series.getValue(), Colors.defaultColor(traces.size())));
        }
        return figure(
                FigureParts.layout(
                        "Time vs number of parameters", "parameters", Scale.LOG, "milliseconds", Scale.LOG),
                traces);
    }

    /**
     * The gradient norm of each layer, layer 1 first, y on a log axis, one line per series (e.g.
     * "sigmoid", "relu"), to see gradients vanish.
     *
     * @param normsPerLayer series → norm per layer; series may have different depths
     */
    public static Figure gradientNorms(Map<String, double[]> normsPerLayer) {
        FigureArguments.notEmpty("normsPerLayer", normsPerLayer);
        List<Trace> traces = new ArrayList<>();
        for (Map.Entry<String, double[]> series : normsPerLayer.entrySet()) {
            double[] norms = series.getValue();
            double[] layer = new double[norms.length];
            for (int i = 0; i < layer.length; i++) {
                layer[i] = i + 1;
            }
            traces.add(
                    FigureParts.lineWithMarkers(
                            series.getKey(), layer, norms, Colors.defaultColor(traces.size())));
        }
        return figure(
                FigureParts.layout(
                        "Gradient norm per layer", "layer", Scale.LINEAR, "gradient norm", Scale.LOG),
                traces);
    }

    private static Figure figure(Layout.LayoutBuilder layout, List<Trace> traces) {
        return new Figure(layout.build(), traces.toArray(new Trace[0]));
    }
}
