package backprop.check;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.Activation;
import backprop.Initialisation;
import backprop.Mlp;
import backprop.Objective;
import backprop.Parameters;
import backprop.data.DataSet;
import backprop.data.DataSets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

@DisplayName("Gradient checking")
class GradientCheckTest {

    /** 50 random architectures and seeds: 2 to 4 weight layers, widths 1 to 7, every activation. */
    static Stream<Arguments> randomArchitectures() {
        Random random = new Random(2024);
        List<Arguments> cases = new ArrayList<>();
        Activation[] hidden = {Activation.RELU, Activation.SIGMOID, Activation.TANH};
        for (int c = 0; c < 50; c++) {
            int layers = 2 + random.nextInt(3);
            int[] sizes = new int[layers + 1];
            for (int i = 0; i < layers; i++) {
                sizes[i] = 1 + random.nextInt(7);
            }
            sizes[layers] = 1;
            cases.add(Arguments.of(java.util.Arrays.toString(sizes), sizes, hidden[c % 3], random.nextLong()));
        }
        return cases.stream();
    }

    private static DataSet batch(int features, int rows, long seed) {
        Random random = new Random(seed);
        double[] x = new double[rows * features];
        double[] y = new double[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        for (int n = 0; n < rows; n++) {
            y[n] = random.nextBoolean() ? 1 : 0;
        }
        return new DataSet("random", features, x, y);
    }

    @Nested
    @DisplayName("on the library's own backward pass")
    class Correct {

        @ParameterizedTest(name = "sizes {0}, {2} hidden")
        @MethodSource("backprop.check.GradientCheckTest#randomArchitectures")
        @Timeout(20)
        @DisplayName("passes on every tensor, biases included, for 50 random architectures and seeds")
        void passes(String name, int[] sizes, Activation hidden, long seed) {
            Mlp mlp = Mlp.create(sizes, hidden, Initialisation.HE, seed);
            Random random = new Random(seed);
            for (int k = 1; k < mlp.parameters().tensorCount(); k += 2) {
                double[] b = mlp.parameters().tensor(k);
                for (int i = 0; i < b.length; i++) {
                    b[i] = 0.1 * random.nextGaussian(); // biases away from zero so their paths are exercised
                }
            }
            DataSet d = batch(sizes[0], 9, seed + 1);
            GradientCheckReport report = GradientCheck.create().run(mlp.objective(d.x(), d.y()));
            assertEquals(mlp.parameters().tensorCount(), report.tensors().size());
            assertTrue(report.passed(), report.summary());
            for (TensorCheck t : report.tensors()) {
                assertEquals(t.size(), t.checked(), "every element of " + t.tensor() + " is probed");
            }
        }

        @Test
        @Timeout(20)
        @DisplayName("passes on a deep sigmoid network whose first-layer gradients have vanished to ~1e-9")
        void vanishingGradientsPass() {
            int[] sizes = {2, 8, 8, 8, 8, 8, 8, 8, 1};
            for (long seed = 1; seed <= 4; seed++) {
                Mlp mlp = Mlp.create(sizes, Activation.SIGMOID, Initialisation.XAVIER, seed);
                DataSet d = batch(2, 12, seed + 10);
                GradientCheckReport report = GradientCheck.create().run(mlp.objective(d.x(), d.y()));
                assertTrue(report.passed(), "seed " + seed + ": " + report.summary());
            }
        }

        @Test
        @DisplayName("leaves every parameter bit-for-bit as it found it")
        void restoresParameters() {
            Mlp mlp = Mlp.create(new int[] {3, 6, 4, 1}, Activation.TANH, Initialisation.XAVIER, 9);
            Parameters before = mlp.parameters().copy();
            DataSet d = batch(3, 5, 1);
            GradientCheck.create().withStep(0.1).run(mlp.objective(d.x(), d.y()));
            assertTrue(before.sameValues(mlp.parameters()));
        }
    }

    @Nested
    @DisplayName("on the bug zoo")
    class Bugs {

        @ParameterizedTest(name = "{0}")
        @EnumSource(PlantedBug.class)
        @DisplayName("fails and names a tensor the bug touches")
        void catchesEveryPlantedBug(PlantedBug bug) {
            Mlp mlp = Mlp.create(new int[] {2, 5, 3, 1}, Activation.SIGMOID, Initialisation.XAVIER, 3);
            DataSet d = DataSets.circle(12, 7);
            GradientCheckReport report = GradientCheck.create().run(bug.objective(mlp, d.x(), d.y()));
            assertEquals(Verdict.FAIL, report.verdict(), report.summary());
            List<String> failed = report.failures().stream().map(TensorCheck::tensor).toList();
            List<String> expected = switch (bug) {
                case BIAS_AVERAGED_TWICE -> List.of("b1", "b2", "b3");
                case MISSING_ONE_OVER_N, FLIPPED_SIGN -> List.of("W1", "b1", "W2", "b2", "W3", "b3");
                // W3 is a 3 × 1 column: read flat, it is its own transpose, so only W2's misuse shows.
                case TRANSPOSED_WEIGHTS -> List.of("W1", "b1");
                case DERIVATIVE_AT_ACTIVATION -> List.of("W1", "b1", "W2", "b2");
            };
            assertEquals(expected, failed, report.summary());
            assertTrue(report.summary().startsWith("FAIL: worst "), report.summary());
        }

        @Test
        @DisplayName("lesson B's bias bug is caught with a relative error of 1 - 1/N")
        void biasBugSize() {
            Mlp mlp = Mlp.create(new int[] {2, 4, 1}, Activation.RELU, Initialisation.HE, 42);
            DataSet d = DataSets.circle(10, 42);
            GradientCheckReport report = GradientCheck.create()
                    .run(PlantedBug.BIAS_AVERAGED_TWICE.objective(mlp, d.x(), d.y()));
            TensorCheck b2 = report.tensors().get(3);
            assertEquals("b2", b2.tensor());
            assertEquals(0.9, b2.maxRelativeError(), 1e-6, "analytic is numerical / 10");
        }
    }

    @Nested
    @DisplayName("never hides a NaN")
    class NotANumber {

        /** The network's true loss and gradient, except that one analytic entry is replaced. */
        private Objective plantingNaN(Mlp mlp, DataSet d, int tensor, int index) {
            Objective truth = mlp.objective(d.x(), d.y());
            return new Objective() {
                @Override
                public Parameters parameters() {
                    return truth.parameters();
                }

                @Override
                public double loss() {
                    return truth.loss();
                }

                @Override
                public double lossAndGradient(Parameters gradient) {
                    double loss = truth.lossAndGradient(gradient);
                    gradient.tensor(tensor)[index] = Double.NaN;
                    return loss;
                }
            };
        }

        @Test
        @DisplayName("a NaN in the first element of a tensor fails that tensor, even when later elements agree")
        void firstElement() {
            Mlp mlp = Mlp.create(new int[] {2, 3, 1}, Activation.TANH, Initialisation.XAVIER, 4);
            DataSet d = batch(2, 6, 5);
            GradientCheckReport report = GradientCheck.create().run(plantingNaN(mlp, d, 0, 0));
            TensorCheck w1 = report.tensors().get(0);
            assertAll(
                    () -> assertEquals(Verdict.FAIL, w1.verdict()),
                    () -> assertEquals(0, w1.worstIndex()),
                    () -> assertTrue(Double.isNaN(w1.maxRelativeError())),
                    () -> assertFalse(report.passed()),
                    () -> assertEquals("W1", report.worst().tensor()));
        }

        @Test
        @DisplayName("a NaN tensor early in the list makes the whole report fail")
        void firstTensor() {
            Mlp mlp = Mlp.create(new int[] {2, 3, 1}, Activation.TANH, Initialisation.XAVIER, 4);
            DataSet d = batch(2, 6, 5);
            GradientCheckReport report = GradientCheck.create().run(plantingNaN(mlp, d, 1, 2));
            assertEquals("b1", report.worst().tensor());
            assertEquals(Verdict.FAIL, report.verdict());
        }
    }

    @Nested
    @DisplayName("reports")
    class Reporting {

        @Test
        @DisplayName("per tensor: size, count checked, worst error and index, as a table")
        void table() {
            Mlp mlp = Mlp.create(new int[] {2, 3, 1}, Activation.RELU, Initialisation.HE, 1);
            DataSet d = batch(2, 4, 2);
            Table t = GradientCheck.create().run(mlp.objective(d.x(), d.y())).asTable();
            assertEquals(List.of("tensor", "size", "checked", "max relative error", "worst index", "analytic",
                    "numerical", "verdict"), t.columnNames());
            assertEquals(List.of("W1", "b1", "W2", "b2"), t.stringColumn("tensor").asList());
            assertEquals(List.of(6, 3, 3, 1), t.intColumn("size").asList());
        }

        @Test
        @DisplayName("sampling probes the stated number of elements per tensor, the same ones for the same seed")
        void sampling() {
            Mlp mlp = Mlp.create(new int[] {20, 30, 1}, Activation.RELU, Initialisation.HE, 1);
            DataSet d = batch(20, 6, 2);
            GradientCheck check = GradientCheck.create().sampling(10, 5);
            GradientCheckReport a = check.run(mlp.objective(d.x(), d.y()));
            GradientCheckReport b = check.run(mlp.objective(d.x(), d.y()));
            assertAll(
                    () -> assertEquals(List.of(10, 10, 10, 1),
                            a.tensors().stream().map(TensorCheck::checked).toList()),
                    () -> assertEquals(a, b));
        }

        @ParameterizedTest(name = "analytic {0}, numerical {1} -> {2}")
        @CsvSource({"0, 0, 0", "1, 1, 0", "1, -1, 2", "2, 1, 0.5", "1e-12, 3e-12, 2e-6", "1e-7, 2e-7, 0.1"})
        @DisplayName("relative error is |a - n| / max(|a|, |n|, 1e-6), 0 when both are 0")
        void relativeError(double a, double n, double expected) {
            assertEquals(expected, GradientCheck.create().relativeError(a, n), 1e-15);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"0, PASS", "9e-8, PASS", "1e-7, PASS_WITH_KINKS", "5e-3, SUSPICIOUS", "0.01, FAIL", "NaN, FAIL"})
        @DisplayName("verdicts follow the threshold ladder")
        void ladder(double error, Verdict expected) {
            assertEquals(expected, Verdict.of(error));
        }
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {
        @Test
        @DisplayName("a step that is not a positive finite number")
        void step() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GradientCheck.create().withStep(0));
            assertEquals("step is 0.0: expected a positive finite number", e.getMessage());
        }

        @Test
        @DisplayName("a sample size below 1")
        void sample() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GradientCheck.create().sampling(0, 1));
            assertEquals("maxPerTensor is 0: expected at least 1", e.getMessage());
        }
    }
}
