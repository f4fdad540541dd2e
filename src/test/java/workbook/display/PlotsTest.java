package workbook.display;

import static workbook.display.PlotTesting.doubles;
import static workbook.display.PlotTesting.layout;
import static workbook.display.PlotTesting.list;
import static workbook.display.PlotTesting.map;
import static workbook.display.PlotTesting.titleText;
import static workbook.display.PlotTesting.trace;
import static workbook.display.PlotTesting.traces;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

@DisplayName("Plots")
class PlotsTest {

    private static final double EXACT = 0;
    private static final double SIX_DIGITS = 1e-5;

    @Nested
    @DisplayName("line")
    class LineTests {

        @Test
        @DisplayName("draws one line per series, in map order, with the given titles")
        void lines() {
            Map<String, double[][]> series = new LinkedHashMap<>();
            series.put("y = 1", new double[][] {{0.1, 0.5, 0.9}, {2.3, 0.69, 0.1}});
            series.put("y = 0", new double[][] {{0.1, 0.5, 0.9}, {0.1, 0.69, 2.3}});
            Figure figure = Plots.line("BCE", "a", "loss", series);
            assertAll(
                    () -> assertEquals(2, traces(figure).size()),
                    () -> assertEquals("y = 1", trace(figure, 0).get("name")),
                    () -> assertEquals("lines", trace(figure, 1).get("mode")),
                    () -> assertArrayEquals(new double[] {0.1, 0.69, 2.3}, doubles(trace(figure, 1).get("y")), EXACT),
                    () -> assertEquals("BCE", titleText(layout(figure))),
                    () -> assertEquals("a", titleText(layout(figure).get("xaxis"))),
                    () -> assertEquals("loss", titleText(layout(figure).get("yaxis"))));
        }

        @Test
        @DisplayName("rejects x and y of different lengths, naming the series and both sizes")
        void mismatched() {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> Plots.line("t", "x", "y", Map.of("bce", new double[][] {{1, 2, 3}, {1, 2}})));
            assertEquals(
                    "series[\"bce\"][0] (x) and series[\"bce\"][1] (y) must have the same length: 3 != 2",
                    e.getMessage());
        }

        @Test
        @DisplayName("rejects a series that is not {x, y}")
        void notPairs() {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> Plots.line("t", "x", "y", Map.of("bce", new double[][] {{1, 2, 3}})));
            assertEquals("series[\"bce\"] must be {x, y}: 2 arrays, got 1", e.getMessage());
        }

        @Test
        @DisplayName("draws log-log axes when asked, e.g. for a step-size sweep")
        void logLog() {
            Figure figure = Plots.line("sweep", "h", Scale.LOG, "error", Scale.LOG,
                    Map.of("tanh", new double[][] {{1e-1, 1e-5, 1e-9}, {6e-2, 1e-7, 1e-3}}));
            assertAll(
                    () -> assertEquals("log", ((Map<?, ?>) layout(figure).get("xaxis")).get("type")),
                    () -> assertEquals("log", ((Map<?, ?>) layout(figure).get("yaxis")).get("type")));
        }

        @Test
        @DisplayName("rejects a zero on a log axis, naming the series")
        void zeroOnLogAxis() {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> Plots.line("t", "h", Scale.LOG, "error", Scale.LOG,
                                    Map.of("relu", new double[][] {{1e-1, 1e-2}, {0.5, 0.0}})));
            assertTrue(e.getMessage().startsWith("series[\"relu\"][1] (y, log axis)"), e.getMessage());
        }

        @Test
        @DisplayName("rejects no series at all")
        void empty() {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Plots.line("t", "x", "y", Map.of()));
            assertEquals("series must hold at least one series, got none", e.getMessage());
        }
    }

    @Nested
    @DisplayName("learning curves")
    class LearningCurves {

        @Test
        @DisplayName("loss on a log scale: one line of the loss per epoch, y axis log")
        void logLoss() {
            Table history = PlotTesting.history(40);
            Figure figure = Plots.loss(history, Scale.LOG);
            assertAll(
                    () -> assertEquals(1, traces(figure).size()),
                    () -> assertArrayEquals(history.doubleColumn("loss").asDoubleArray(), doubles(trace(figure,
                            0).get("y")), EXACT),
                    () -> assertArrayEquals(history.intColumn("epoch").asDoubleArray(), doubles(trace(figure,
                            0).get("x")), EXACT),
                    () -> assertEquals("log", map(layout(figure).get("yaxis")).get("type")),
                    () -> assertEquals("epoch", titleText(layout(figure).get("xaxis"))));
        }

        @Test
        @DisplayName("loss on a linear scale has no axis type")
        void linearLoss() {
            assertFalse(map(layout(Plots.loss(PlotTesting.history(5), Scale.LINEAR)).get("yaxis")).containsKey("type"));
        }

        @Test
        @DisplayName("accuracy: one line of the accuracy per epoch")
        void accuracy() {
            Table history = PlotTesting.history(10);
            Figure figure = Plots.accuracy(history);
            assertArrayEquals(
                    history.doubleColumn("accuracy").asDoubleArray(), doubles(trace(figure, 0).get("y")), EXACT);
        }

        @Test
        @DisplayName("learningCurves: loss on the left axis, accuracy on the right from 0 to 1")
        void twoAxes() {
            Figure figure = Plots.learningCurves(PlotTesting.history(20));
            Map<String, Object> yAxis2 = map(layout(figure).get("yaxis2"));
            assertAll(
                    () -> assertEquals(List.of("loss", "accuracy"), List.of(trace(figure, 0).get("name"), trace(figure,
                            1).get("name"))),
                    () -> assertEquals("y", trace(figure, 0).get("yaxis")),
                    () -> assertEquals("y2", trace(figure, 1).get("yaxis")),
                    () -> assertEquals("y", yAxis2.get("overlaying")),
                    () -> assertEquals("right", yAxis2.get("side")),
                    () -> assertEquals("accuracy", titleText(yAxis2)),
                    () -> assertEquals(List.of(0, 1), yAxis2.get("range")),
                    () -> assertEquals("auto", yAxis2.get("tickmode"), "plotly.js 3 would sync the ticks to y"));
        }

        @Test
        @DisplayName("learningCurves: each axis coloured like its line, instead of a legend")
        void axisColours() {
            Figure figure = Plots.learningCurves(PlotTesting.history(5));
            Map<String, Object> layout = layout(figure);
            Object lossColor = map(trace(figure, 0).get("line")).get("color");
            Object accuracyColor = map(trace(figure, 1).get("line")).get("color");
            assertAll(
                    () -> assertEquals(false, layout.get("showlegend")),
                    () -> assertEquals(lossColor,
                            map(map(map(layout.get("yaxis")).get("title")).get("font")).get("color")),
                    () -> assertEquals(lossColor, map(map(layout.get("yaxis")).get("tickfont")).get("color")),
                    () -> assertEquals(accuracyColor,
                            map(map(map(layout.get("yaxis2")).get("title")).get("font")).get("color")),
                    () -> assertEquals("\"Open Sans\", verdana, arial, sans-serif",
                            map(map(layout.get("yaxis2")).get("tickfont")).get("family")));
        }

        @Test
        @DisplayName("a missing loss becomes a gap (null), not NaN")
        void missingLoss() {
            Table history = PlotTesting.history(3);
            history.doubleColumn("loss").set(1, Double.NaN);
            assertNull(list(trace(Plots.loss(history, Scale.LOG), 0).get("y")).get(1));
        }

        @Test
        @DisplayName("comparing runs: one line per run, named and ordered as the map")
        void comparison() {
            Map<String, Table> runs = new LinkedHashMap<>();
            runs.put("SGD", PlotTesting.history(30));
            runs.put("momentum", PlotTesting.history(20));
            runs.put("Adam", PlotTesting.history(10));
            Figure loss = Plots.loss(runs, Scale.LOG);
            Figure accuracy = Plots.accuracy(runs);
            assertAll(
                    () -> assertEquals(3, traces(loss).size()),
                    () -> assertEquals("momentum", trace(loss, 1).get("name")),
                    () -> assertEquals(10, list(trace(loss, 2).get("y")).size()),
                    () -> assertEquals("Adam", trace(accuracy, 2).get("name")),
                    () -> assertEquals("accuracy", titleText(layout(accuracy).get("yaxis"))));
        }

        @Test
        @DisplayName("rejects a history without a loss column, listing the columns it has")
        void missingColumn() {
            Table history = PlotTesting.history(3).removeColumns("loss");
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Plots.learningCurves(history));
            assertEquals(
                    "history has no column \"loss\"; its columns are [epoch, accuracy]; expected a history with"
                            + " columns epoch (IntColumn), loss (DoubleColumn), accuracy (DoubleColumn)",
                    e.getMessage());
        }

        @Test
        @DisplayName("rejects a text column where numbers belong, naming the run")
        void textColumn() {
            Table history = PlotTesting.history(2).removeColumns("accuracy");
            history.addColumns(StringColumn.create("accuracy", "high", "higher"));
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Plots.accuracy(Map.of("Adam", history)));
            assertTrue(
                    e.getMessage().startsWith("histories[\"Adam\"] column \"accuracy\" is a STRING column; expected"),
                    e.getMessage());
        }

        @Test
        @DisplayName("rejects a null history")
        void nullHistory() {
            NullPointerException e =
                    assertThrows(NullPointerException.class, () -> Plots.loss((Table) null, Scale.LOG));
            assertEquals("history is null: expected a history table, e.g. history.asTable()", e.getMessage());
        }
    }

    @Nested
    @DisplayName("decisionBoundary")
    class DecisionBoundaryTests {

        private final double[] x = {0, 0, 2, 1, 1, 3, -1, 2};
        private final double[] y = {0, 1, 1, 0};

        /** P(y = 1) = sigmoid(x1 - x2), a boundary along the diagonal. */
        private final Function<double[], double[]> diagonal =
                grid -> {
                    double[] p = new double[grid.length / 2];
                    for (int k = 0; k < p.length; k++) {
                        p[k] = 1 / (1 + Math.exp(-(grid[2 * k] - grid[2 * k + 1])));
                    }
                    return p;
                };

        @Test
        @Timeout(10)
        @DisplayName("draws a probability heatmap on a fixed 0..1 scale, then the points by label")
        void traces() {
            Figure figure = Plots.decisionBoundary(x, y, diagonal, 25);
            Map<String, Object> heatmap = trace(figure, 0);
            assertAll(
                    () -> assertEquals(3, PlotTesting.traces(figure).size()),
                    () -> assertEquals("heatmap", heatmap.get("type")),
                    () -> assertEquals(0, heatmap.get("zmin")),
                    () -> assertEquals(1, heatmap.get("zmax")),
                    () -> assertEquals("P(y = 1)", titleText(heatmap.get("colorbar"))),
                    () -> assertEquals(25, list(heatmap.get("z")).size()),
                    () -> assertEquals(25, list(list(heatmap.get("z")).get(0)).size()),
                    () -> assertEquals("y = 0", trace(figure, 1).get("name")),
                    () -> assertArrayEquals(new double[] {0, -1}, doubles(trace(figure, 1).get("x")), EXACT),
                    () -> assertArrayEquals(new double[] {0, 2}, doubles(trace(figure, 1).get("y")), EXACT),
                    () -> assertEquals("y = 1", trace(figure, 2).get("name")),
                    () -> assertArrayEquals(new double[] {2, 1}, doubles(trace(figure, 2).get("x")), EXACT),
                    () -> assertEquals("markers", trace(figure, 2).get("mode")));
        }

        @Test
        @Timeout(10)
        @DisplayName("z[row][col] is the model's probability at (x[col], y[row])")
        void gridOrientation() {
            Map<String, Object> heatmap = trace(Plots.decisionBoundary(x, y, diagonal, 7), 0);
            double[] xs = doubles(heatmap.get("x"));
            double[] ys = doubles(heatmap.get("y"));
            List<?> z = list(heatmap.get("z"));
            for (int row = 0; row < ys.length; row++) {
                double[] zRow = doubles(z.get(row));
                for (int col = 0; col < xs.length; col++) {
                    double expected = 1 / (1 + Math.exp(-(xs[col] - ys[row])));
                    assertEquals(expected, zRow[col], SIX_DIGITS, "z[" + row + "][" + col + "]");
                }
            }
        }

        @Test
        @Timeout(10)
        @DisplayName("the grid spans the data plus 10% on each side, and the model is called once")
        void gridSpan() {
            AtomicInteger calls = new AtomicInteger();
            Map<String, Object> heatmap =
                    trace(Plots.decisionBoundary(x, y, g -> { calls.incrementAndGet(); return diagonal.apply(g); }, 11),
                            0);
            double[] xs = doubles(heatmap.get("x"));
            double[] ys = doubles(heatmap.get("y"));
            assertAll(
                    () -> assertEquals(1, calls.get()),
                    () -> assertEquals(-1.3, xs[0], SIX_DIGITS),
                    () -> assertEquals(2.3, xs[10], SIX_DIGITS),
                    () -> assertEquals(-0.3, ys[0], SIX_DIGITS),
                    () -> assertEquals(3.3, ys[10], SIX_DIGITS));
        }

        @Test
        @DisplayName("rejects x with an odd length")
        void oddX() {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Plots.decisionBoundary(new double[] {1, 2, 3},
                            new double[] {0}, diagonal, 10));
            assertEquals("x must hold n rows of 2 coordinates (row-major n×2), but its length 3 is odd",
                    e.getMessage());
        }

        @Test
        @DisplayName("rejects one label too few, naming both sizes")
        void labelCount() {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Plots.decisionBoundary(x, new double[] {0, 1, 1},
                            diagonal, 10));
            assertEquals("y must hold one label per row of x: 3 labels != 4 rows", e.getMessage());
        }

        @Test
        @DisplayName("rejects a label other than 0 or 1")
        void badLabel() {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Plots.decisionBoundary(x, new double[] {0, 1, -1,
                            0}, diagonal, 10));
            assertEquals("y[2] is -1.0; expected a label 0 or 1", e.getMessage());
        }

        @Test
        @DisplayName("rejects a resolution below 2")
        void badResolution() {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Plots.decisionBoundary(x, y, diagonal, 1));
            assertEquals("resolution must be between 2 and 400 grid points per side, got 1", e.getMessage());
        }

        @Test
        @DisplayName("rejects a model that returns the wrong number of probabilities")
        void wrongLength() {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Plots.decisionBoundary(x, y, g -> new double[3],
                            4));
            assertEquals("model must return one probability per grid point: 3 values != 16 grid points (4×4)",
                    e.getMessage());
        }

        @Test
        @DisplayName("rejects a model that returns logits, suggesting so")
        void logits() {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> Plots.decisionBoundary(x, y,
                                    g -> { double[] p = new double[g.length / 2]; p[0] = 2.5; return p; }, 4));
            assertEquals(
                    "model returned 2.5 at grid point (-1.3, -0.3); expected a probability in [0, 1]: "
                            + "did it return logits z instead of sigmoid(z), or did training diverge?",
                    e.getMessage());
        }

        @Test
        @DisplayName("rejects a point that is not finite, naming row and column")
        void nanPoint() {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> Plots.decisionBoundary(new double[] {0, 0, 1, Double.NaN}, new double[] {0, 1},
                                    diagonal, 4));
            assertEquals("x[3] (row 1, column 1) is NaN; expected a finite number", e.getMessage());
        }
    }

    @Nested
    @DisplayName("activations")
    class Activations {

        private final double[] z = {-1, 0, 1};

        @Test
        @DisplayName("one activation: the function solid, its derivative dashed")
        void one() {
            Figure figure = Plots.activation("sigmoid", z, new double[] {0.27, 0.5, 0.73}, new double[] {0.2, 0.25,
                    0.2});
            assertAll(
                    () -> assertEquals("sigmoid(z)", trace(figure, 0).get("name")),
                    () -> assertEquals("sigmoid'(z)", trace(figure, 1).get("name")),
                    () -> assertEquals("solid", map(trace(figure, 0).get("line")).get("dash")),
                    () -> assertEquals("dash", map(trace(figure, 1).get("line")).get("dash")),
                    () -> assertArrayEquals(z, doubles(trace(figure, 1).get("x")), EXACT));
        }

        @Test
        @DisplayName("several activations: two lines each, one colour per activation")
        void several() {
            Map<String, double[][]> curves = new LinkedHashMap<>();
            curves.put("relu", new double[][] {{0, 0, 1}, {0, 0, 1}});
            curves.put("tanh", new double[][] {{-0.76, 0, 0.76}, {0.42, 1, 0.42}});
            Figure figure = Plots.activations(z, curves);
            assertAll(
                    () -> assertEquals(4, traces(figure).size()),
                    () -> assertEquals("tanh'(z)", trace(figure, 3).get("name")),
                    () -> assertEquals(map(trace(figure, 2).get("line")).get("color"), map(trace(figure,
                            3).get("line")).get("color")),
                    () -> assertFalse(map(trace(figure, 0).get("line")).get("color").equals(map(trace(figure,
                            2).get("line")).get("color"))));
        }

        @Test
        @DisplayName("rejects a derivative of another length, naming both sizes")
        void mismatched() {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Plots.activation("relu", z, new double[3],
                            new double[2]));
            assertEquals("z and derivative must have the same length: 3 != 2", e.getMessage());
        }

        @Test
        @DisplayName("rejects a curve that is not {value, derivative}")
        void notPairs() {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Plots.activations(z, Map.of("relu",
                            new double[][] {z, z, z})));
            assertEquals("curves[\"relu\"] must be {value, derivative}: 2 arrays, got 3", e.getMessage());
        }
    }

    @Nested
    @DisplayName("gradientCheck")
    class GradientCheck {

        private final Table errors =
                Table.create(
                        "errors",
                        StringColumn.create("tensor", "W1", "b1", "W2"),
                        DoubleColumn.create("max relative error", 3e-9, 2e-5, 1e-8));

        @Test
        @DisplayName("bars on a log axis, passes and failures apart, and a threshold line")
        void bars() {
            Figure figure = Plots.gradientCheck(errors, 1e-7);
            List<?> passed = list(trace(figure, 0).get("y"));
            List<?> failed = list(trace(figure, 1).get("y"));
            assertAll(
                    () -> assertEquals("bar", trace(figure, 0).get("type")),
                    () -> assertEquals(List.of("W1", "b1", "W2"), trace(figure, 0).get("x")),
                    () -> assertEquals(3e-9, passed.get(0)),
                    () -> assertNull(passed.get(1)),
                    () -> assertEquals(2e-5, failed.get(1)),
                    () -> assertNull(failed.get(0)),
                    () -> assertEquals("scatter", trace(figure, 2).get("type")),
                    () -> assertArrayEquals(new double[] {1e-7, 1e-7, 1e-7}, doubles(trace(figure, 2).get("y")), EXACT),
                    () -> assertEquals("log", map(layout(figure).get("yaxis")).get("type")),
                    () -> assertEquals("overlay", layout(figure).get("barmode")));
        }

        @Test
        @DisplayName("carries a title of its own when given one")
        void titled() {
            Figure figure = Plots.gradientCheck("Planted bug: bias averaged twice", errors, 1e-7);
            assertEquals("Planted bug: bias averaged twice", titleText(layout(figure)));
            assertEquals("Gradient check: max relative error per tensor",
                    titleText(layout(Plots.gradientCheck(errors, 1e-7))));
        }

        @Test
        @DisplayName("rejects a threshold of zero")
        void zeroThreshold() {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Plots.gradientCheck(errors, 0));
            assertEquals("threshold is 0.0; expected a finite number > 0 (log axis)", e.getMessage());
        }

        @Test
        @DisplayName("rejects a table without the error column, listing its columns")
        void missingColumn() {
            Table wrong = Table.create("e", StringColumn.create("tensor", "W1"), DoubleColumn.create("error", 1e-9));
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Plots.gradientCheck(wrong, 1e-7));
            assertEquals(
                    "errors has no column \"max relative error\"; its columns are [tensor, error]; expected"
                            + " columns tensor (StringColumn) and max relative error (DoubleColumn)",
                    e.getMessage());
        }
    }

    @Nested
    @DisplayName("timing and gradient norms")
    class Diagnostics {

        @Test
        @DisplayName("timing: both axes log, one line with markers per method")
        void timing() {
            Map<String, double[]> ms = new LinkedHashMap<>();
            ms.put("backprop", new double[] {0.01, 0.1, 1});
            ms.put("numerical", new double[] {0.1, 10, 1000});
            Figure figure = Plots.timing(new double[] {10, 100, 1000}, ms);
            assertAll(
                    () -> assertEquals(2, traces(figure).size()),
                    () -> assertEquals("numerical", trace(figure, 1).get("name")),
                    () -> assertEquals("lines+markers", trace(figure, 1).get("mode")),
                    () -> assertEquals("log", map(layout(figure).get("xaxis")).get("type")),
                    () -> assertEquals("log", map(layout(figure).get("yaxis")).get("type")));
        }

        @Test
        @DisplayName("timing rejects a parameter count of zero, which a log axis cannot show")
        void zeroParameters() {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Plots.timing(new double[] {0, 10}, Map.of("b",
                            new double[2])));
            assertEquals("parameters[0] is 0.0; expected a finite number > 0 (log axis)", e.getMessage());
        }

        @Test
        @DisplayName("timing rejects times of another length, naming the method and both sizes")
        void timingLengths() {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Plots.timing(new double[] {1, 10}, Map.of("b",
                            new double[3])));
            assertEquals("parameters and milliseconds[\"b\"] must have the same length: 2 != 3", e.getMessage());
        }

        @Test
        @DisplayName("gradient norms: layers numbered from 1, y log, series of different depths")
        void norms() {
            Map<String, double[]> norms = new LinkedHashMap<>();
            norms.put("sigmoid", new double[] {1e-5, 1e-3, 1e-1});
            norms.put("relu", new double[] {0.2, 0.3});
            Figure figure = Plots.gradientNorms(norms);
            assertAll(
                    () -> assertArrayEquals(new double[] {1, 2, 3}, doubles(trace(figure, 0).get("x")), EXACT),
                    () -> assertArrayEquals(new double[] {1, 2}, doubles(trace(figure, 1).get("x")), EXACT),
                    () -> assertEquals("log", map(layout(figure).get("yaxis")).get("type")),
                    () -> assertEquals("layer", titleText(layout(figure).get("xaxis"))));
        }

        @Test
        @DisplayName("gradient norms reject a series given as null, naming it")
        void nullSeries() {
            Map<String, double[]> norms = new LinkedHashMap<>();
            norms.put("relu", null);
            NullPointerException e = assertThrows(NullPointerException.class, () -> Plots.gradientNorms(norms));
            assertEquals("normsPerLayer[\"relu\"] is null: expected the values of series \"relu\"", e.getMessage());
        }
    }
}
