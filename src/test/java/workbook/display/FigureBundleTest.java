package workbook.display;

import static workbook.display.PlotTesting.assertPlainJson;
import static workbook.display.PlotTesting.assertSize;
import static workbook.display.PlotTesting.decodePng;
import static workbook.display.PlotTesting.distinctColors;
import static workbook.display.PlotTesting.doubles;
import static workbook.display.PlotTesting.list;
import static workbook.display.PlotTesting.map;
import static workbook.display.PlotTesting.titleText;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Config;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Font;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.PieTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;

@DisplayName("FigureBundle")
class FigureBundleTest {

    private static Figure lossFigure() {
        return Plots.loss(PlotTesting.history(50), Scale.LOG);
    }

    /** A figure written by tablesaw alone, with NaN, infinities and missing values in it. */
    private static Figure figureWithBadNumbers() {
        IntColumn epoch = IntColumn.create("epoch", 1, 2, 3, 4);
        DoubleColumn loss =
                DoubleColumn.create("loss", 0.5, Double.NaN, Double.POSITIVE_INFINITY, 0.1);
        ScatterTrace fromColumns = ScatterTrace.builder(epoch, loss).name("columns").build();
        ScatterTrace fromArrays =
                ScatterTrace.builder(new double[] {1, 2}, new double[] {Double.NEGATIVE_INFINITY, 3})
                        .name("arrays")
                        .build();
        HeatmapTrace heatmap =
                HeatmapTrace.builder(
                                new Object[] {0.0, 1.0},
                                new Object[] {0.0, 1.0},
                                new double[][] {{0.1, Double.NaN}, {0.3, 0.4}})
                        .build();
        BarTrace bars = BarTrace.builder(new Object[] {"W1", "b1"}, new double[] {Double.NaN, 2e-7}).build();
        Layout layout =
                Layout.builder("Bad numbers")
                        .titleFont(Font.builder().size(20).build())
                        .xAxis(Axis.builder().title("epoch").titleFont(Font.builder().size(12).build()).build())
                        .yAxis(Axis.builder().title("loss").type(Axis.Type.LOG).build())
                        .build();
        return new Figure(layout, fromColumns, fromArrays, heatmap, bars);
    }

    @Nested
    @DisplayName("of(figure)")
    class Bundle {

        @Test
        @DisplayName("carries plotly JSON, PNG and text, in that order")
        void carriesThreeMimeTypes() {
            Map<String, Object> bundle = FigureBundle.of(lossFigure());
            assertEquals(
                    List.of(FigureBundle.PLOTLY_JSON, FigureBundle.PNG, FigureBundle.TEXT),
                    List.copyOf(bundle.keySet()));
            assertAll(
                    () -> assertTrue(bundle.get(FigureBundle.PLOTLY_JSON) instanceof Map),
                    () -> assertTrue(bundle.get(FigureBundle.PNG) instanceof String),
                    () -> assertTrue(bundle.get(FigureBundle.TEXT) instanceof String));
        }

        @Test
        @DisplayName("text/plain is one line: title, traces, points")
        void textIsOneLine() {
            Object text = FigureBundle.of(Plots.learningCurves(PlotTesting.history(30))).get(FigureBundle.TEXT);
            assertEquals("Learning curves: 2 traces, 60 points", text);
        }

        @Test
        @DisplayName("the PNG decodes to the default 720×440 and is not blank")
        void defaultPng() {
            BufferedImage image = decodePng(FigureBundle.of(lossFigure()).get(FigureBundle.PNG));
            assertSize(FigureBundle.DEFAULT_WIDTH, FigureBundle.DEFAULT_HEIGHT, image);
            assertTrue(distinctColors(image) >= 5, "a blank image has one colour: " + distinctColors(image));
        }

        @Test
        @DisplayName("the PNG takes the figure's own size when it states one: a decision boundary is squarer")
        void pngOfLayoutSize() {
            Figure boundary = Plots.decisionBoundary(new double[] {-1, -1, 1, 1}, new double[] {0, 1},
                    grid -> new double[grid.length / 2], 10);
            Map<String, Object> bundle = FigureBundle.of(boundary);
            Map<?, ?> layout = (Map<?, ?>) ((Map<?, ?>) bundle.get(FigureBundle.PLOTLY_JSON)).get("layout");
            BufferedImage image = decodePng(bundle.get(FigureBundle.PNG));
            assertSize(((Number) layout.get("width")).intValue(), ((Number) layout.get("height")).intValue(), image);
            assertTrue(image.getHeight() > 0.8 * image.getWidth(), image.getWidth() + "×" + image.getHeight());
        }

        @ParameterizedTest(name = "{0}×{1}")
        @CsvSource({"320, 200", "1000, 600", "400, 400"})
        @DisplayName("the PNG has the size asked for")
        void pngOfStatedSize(int width, int height) {
            BufferedImage image = decodePng(FigureBundle.of(lossFigure(), width, height).get(FigureBundle.PNG));
            assertSize(width, height, image);
        }

        @Test
        @DisplayName("cannot be modified")
        void unmodifiable() {
            Map<String, Object> bundle = FigureBundle.of(lossFigure());
            assertThrows(UnsupportedOperationException.class, () -> bundle.put("text/html", "<p>"));
        }

        @Test
        @DisplayName("writes nothing to standard output")
        void printsNothing() {
            PrintStream original = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                FigureBundle.of(figureWithBadNumbers());
                FigureBundle.of(Plots.learningCurves(PlotTesting.history(10)));
            } finally {
                System.setOut(original);
            }
            assertEquals("", captured.toString(StandardCharsets.UTF_8));
        }
    }

    @Nested
    @DisplayName("plotlyJson(figure)")
    class PlotlyJson {

        @Test
        @DisplayName("is {data, layout, config} of plain JSON values")
        void shape() {
            Map<String, Object> tree = FigureBundle.plotlyJson(lossFigure());
            assertEquals(List.of("data", "layout", "config"), List.copyOf(tree.keySet()));
            assertPlainJson(tree, "tree");
        }

        @Test
        @DisplayName("has no NaN or infinity even when the figure has them: they become null")
        void noNonFiniteNumbers() {
            Map<String, Object> tree = FigureBundle.plotlyJson(figureWithBadNumbers());
            assertPlainJson(tree, "tree");
            List<?> data = list(tree.get("data"));
            assertAll(
                    () -> assertEquals(List.of(0.5), list(map(data.get(0)).get("y")).subList(0, 1)),
                    () -> assertNull(list(map(data.get(0)).get("y")).get(1), "NaN from a column"),
                    () -> assertNull(list(map(data.get(0)).get("y")).get(2), "Infinity from a column"),
                    () -> assertNull(list(map(data.get(1)).get("y")).get(0), "-Infinity from an array"),
                    () -> assertNull(list(list(map(data.get(2)).get("z")).get(0)).get(1), "bare NaN in z"),
                    () -> assertNull(list(map(data.get(3)).get("y")).get(0), "bare NaN in bar y"));
        }

        @Test
        @DisplayName("holds every trace in order, though tablesaw names each heatmap trace0")
        void tracesInOrder() {
            List<?> data = list(FigureBundle.plotlyJson(figureWithBadNumbers()).get("data"));
            assertEquals(4, data.size());
            assertAll(
                    () -> assertEquals("scatter", map(data.get(0)).get("type")),
                    () -> assertEquals("columns", map(data.get(0)).get("name")),
                    () -> assertEquals("arrays", map(data.get(1)).get("name")),
                    () -> assertEquals("heatmap", map(data.get(2)).get("type")),
                    () -> assertEquals("bar", map(data.get(3)).get("type")));
        }

        @Test
        @DisplayName("writes titles in plotly.js 3 form, fonts moved into them")
        void plotly3Titles() {
            Map<String, Object> layout = map(FigureBundle.plotlyJson(figureWithBadNumbers()).get("layout"));
            Map<String, Object> xAxis = map(layout.get("xaxis"));
            assertAll(
                    () -> assertEquals("Bad numbers", titleText(layout)),
                    () -> assertEquals(20, map(map(layout.get("title")).get("font")).get("size")),
                    () -> assertFalse(layout.containsKey("titlefont"), "layout.titlefont left behind"),
                    () -> assertEquals("epoch", titleText(xAxis)),
                    () -> assertEquals(12, map(map(xAxis.get("title")).get("font")).get("size")),
                    () -> assertFalse(xAxis.containsKey("titlefont"), "xaxis.titlefont left behind"),
                    () -> assertEquals("loss", titleText(layout.get("yaxis"))),
                    () -> assertEquals("log", map(layout.get("yaxis")).get("type")));
        }

        @Test
        @DisplayName("turns numeric strings from columns into numbers, and keeps text as text")
        void numbersFromStrings() {
            List<?> data = list(FigureBundle.plotlyJson(figureWithBadNumbers()).get("data"));
            assertAll(
                    () -> assertEquals(List.of(1, 2, 3, 4), list(map(data.get(0)).get("x"))),
                    () -> assertEquals(List.of(1.0, 2.0), list(map(data.get(1)).get("x"))),
                    () -> assertEquals(List.of("W1", "b1"), list(map(data.get(3)).get("x"))));
        }

        @Test
        @DisplayName("turns quoted axis ranges and flags into numbers and booleans")
        void axisRanges() {
            Map<String, Object> yAxis2 =
                    map(PlotTesting.layout(Plots.learningCurves(PlotTesting.history(5))).get("yaxis2"));
            assertAll(
                    () -> assertEquals(List.of(0, 1), yAxis2.get("range")),
                    () -> assertEquals(false, yAxis2.get("autorange")));
        }

        @Test
        @DisplayName("keeps the figure's config, or an empty one")
        void config() {
            Figure withConfig =
                    new Figure(
                            Layout.builder("c").build(),
                            Config.builder().displayModeBar(false).build(),
                            ScatterTrace.builder(new double[] {1}, new double[] {2}).build());
            assertAll(
                    () -> assertEquals(Map.of("displayModeBar", false),
                            FigureBundle.plotlyJson(withConfig).get("config")),
                    () -> assertEquals(Map.of(), FigureBundle.plotlyJson(lossFigure()).get("config")));
        }

        @Test
        @DisplayName("keeps < > & escaped for plotly's HTML-like text, quotes plain; describe() decodes all")
        void escapedText() {
            Figure figure =
                    new Figure(
                            Layout.builder("p < 0.5 & \"it's\"").build(),
                            ScatterTrace.builder(new double[] {1}, new double[] {2}).build());
            assertAll(
                    () -> assertEquals("p &lt; 0.5 &amp; \"it's\"", titleText(PlotTesting.layout(figure))),
                    () -> assertEquals("p < 0.5 & \"it's\": 1 trace, 1 point", FigureBundle.describe(figure)));
        }

        @Test
        @DisplayName("is a fresh tree on every call")
        void fresh() {
            Figure figure = lossFigure();
            Map<String, Object> first = FigureBundle.plotlyJson(figure);
            first.clear();
            assertEquals(3, FigureBundle.plotlyJson(figure).size());
        }
    }

    @Nested
    @DisplayName("the PNG")
    class Png {

        @Test
        @DisplayName("draws a decision boundary in many colours, blue where P is low and red where high")
        void decisionBoundary() {
            double[] x = {-1, -1, 1, 1, -1, 1, 1, -1};
            double[] y = {0, 1, 0, 1};
            Figure figure =
                    Plots.decisionBoundary(
                            x,
                            y,
                            grid -> {
                                double[] p = new double[grid.length / 2];
                                for (int k = 0; k < p.length; k++) {
                                    p[k] = grid[2 * k] > 0 ? 0.99 : 0.01;
                                }
                                return p;
                            },
                            20);
            BufferedImage image = FigureBundle.image(figure, 720, 440);
            assertTrue(distinctColors(image) >= 20, "colours: " + distinctColors(image));
            int[] left = rgb(image.getRGB(150, 220));
            int[] right = rgb(image.getRGB(450, 220));
            assertAll(
                    () -> assertTrue(left[2] > left[0], "left half (P = 0.01) should be blue: " + List.of(left[0],
                            left[1], left[2])),
                    () -> assertTrue(right[0] > right[2], "right half (P = 0.99) should be red: " + List.of(right[0],
                            right[1], right[2])));
        }

        @Test
        @DisplayName("draws a bar chart on a log axis, with zero and missing bars left out")
        void logBars() {
            Figure figure =
                    Plots.gradientCheck(
                            tech.tablesaw.api.Table.create(
                                    "errors",
                                    tech.tablesaw.api.StringColumn.create("tensor", "W1", "b1", "W2"),
                                    DoubleColumn.create("max relative error", 1e-10, 0.0, 3e-5)),
                            1e-7);
            BufferedImage image = FigureBundle.image(figure, 720, 440);
            assertTrue(distinctColors(image) >= 5);
        }

        @Test
        @DisplayName("draws an empty history as empty axes")
        void emptyHistory() {
            BufferedImage image = FigureBundle.image(Plots.learningCurves(PlotTesting.history(0)), 720, 440);
            assertSize(720, 440, image);
            assertEquals("Learning curves: 2 traces, 0 points",
                    FigureBundle.describe(Plots.learningCurves(PlotTesting.history(0))));
        }

        @Test
        @DisplayName("leaves out values a log axis cannot show, as plotly does")
        void logAxisWithZeros() {
            double[] parameters = {10, 100, 1000};
            Figure figure = Plots.gradientNorms(Map.of("relu", new double[] {0.0, -1.0, 0.5}));
            assertSize(720, 440, FigureBundle.image(figure, 720, 440));
            assertSize(720, 440, FigureBundle.image(Plots.timing(parameters, Map.of("t", new double[] {0, 1, 2})), 720,
                    440));
        }
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("a null figure")
        void nullFigure() {
            NullPointerException e = assertThrows(NullPointerException.class, () -> FigureBundle.of(null));
            assertTrue(e.getMessage().startsWith("figure is null: expected "), e.getMessage());
        }

        @ParameterizedTest(name = "{0}×{1}")
        @CsvSource({"0, 440, width, 0", "720, -3, height, -3", "5000, 440, width, 5000"})
        @DisplayName("a PNG size outside 1..4000, naming the side and the value")
        void badSize(int width, int height, String side, int bad) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> FigureBundle.of(lossFigure(), width, height));
            assertEquals(side + " must be between 1 and 4000 pixels, got " + bad, e.getMessage());
        }

        @Test
        @DisplayName("a trace type the PNG cannot draw, naming it")
        void unsupportedTrace() {
            Figure pie = new Figure(PieTrace.builder(new Object[] {"a", "b"}, new double[] {1, 2}).build());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FigureBundle.of(pie));
            assertEquals(
                    "trace 0 has type 'pie'; the static image supports [bar, heatmap, scatter]", e.getMessage());
        }
    }

    private static int[] rgb(int pixel) {
        return new int[] {(pixel >> 16) & 0xFF, (pixel >> 8) & 0xFF, pixel & 0xFF};
    }

    @Test
    @DisplayName("plotly JSON x values of a loss curve are the epochs")
    void epochsAsNumbers() {
        assertEquals(1.0, doubles(PlotTesting.trace(lossFigure(), 0).get("x"))[0]);
    }
}
