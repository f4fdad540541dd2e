package backprop;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The multi-layer perceptron")
class MlpTest {

    /** A 2-2-1 ReLU network small enough to compute by hand. */
    static Mlp tiny() {
        return Mlp.of(Parameters.of(new int[] {2, 2, 1},
                new double[][] {{0.5, -1.0, 0.25, 2.0}, {1.5, -0.5}},
                new double[][] {{0.1, 0.2}, {-0.3}}), Activation.RELU);
    }

    @Nested
    @DisplayName("forward pass")
    class Forward {

        @Test
        @DisplayName("matches a hand computation: Z = X W + b, ReLU, then sigmoid")
        void handComputed() {
            double[] x = {1.0, 2.0, -1.0, 0.5};
            Mlp mlp = tiny();
            Workspace ws = mlp.newWorkspace(2);
            mlp.forward(x, ws);
            // row 0: z1 = (1*0.5 + 2*0.25 + 0.1, 1*-1 + 2*2 + 0.2) = (1.1, 3.2)
            // row 1: z1 = (-0.5 + 0.125 + 0.1, 1 + 1 + 0.2) = (-0.275, 2.2)
            double[] z1 = {1.1, 3.2, -0.275, 2.2};
            double[] a1 = {1.1, 3.2, 0.0, 2.2};
            double z2r0 = 1.1 * 1.5 + 3.2 * -0.5 - 0.3;
            double z2r1 = 0.0 * 1.5 + 2.2 * -0.5 - 0.3;
            assertAll(
                    () -> assertArrayEquals(z1, java.util.Arrays.copyOf(ws.z(0), 4), 1e-12),
                    () -> assertArrayEquals(a1, java.util.Arrays.copyOf(ws.a(0), 4), 1e-12),
                    () -> assertArrayEquals(new double[] {z2r0, z2r1}, java.util.Arrays.copyOf(ws.z(1), 2), 1e-12),
                    () -> assertArrayEquals(new double[] {1 / (1 + Math.exp(-z2r0)), 1 / (1 + Math.exp(-z2r1))},
                            mlp.predict(x), 1e-12));
        }

        @Test
        @DisplayName("gives each row the same output whether it is alone or in a batch")
        void rowsIndependent() {
            Mlp mlp = Mlp.create(new int[] {3, 5, 4, 1}, Activation.TANH, Initialisation.XAVIER, 11);
            double[] x = {0.1, -0.2, 0.3, 1.0, 2.0, -3.0, 0.0, 0.5, 0.25};
            double[] batch = mlp.predict(x);
            for (int n = 0; n < 3; n++) {
                double[] alone = mlp.predict(java.util.Arrays.copyOfRange(x, 3 * n, 3 * n + 3));
                assertEquals(alone[0], batch[n], 1e-15, "row " + n);
            }
        }
    }

    @Nested
    @DisplayName("backward pass")
    class Backward {

        @ParameterizedTest(name = "x={0}, y={1}, w1={2}, b1={3}, w2={4}, b2={5}")
        @CsvSource({
            "1.5, 1, 0.8, 0.1, -1.2, 0.3",
            "-0.7, 0, 0.4, 0.2, 2.0, -0.5",
            "2.0, 1, -0.3, -0.2, 0.9, 0.1",
        })
        @DisplayName("on a 1-1-1 network equals the scalar chain rule of lesson B")
        void matchesScalarChainRule(double x, double y, double w1, double b1, double w2, double b2) {
            ScalarNetwork scalar = new ScalarNetwork(w1, b1, w2, b2);
            java.util.Map<String, Double> ledger = new java.util.HashMap<>();
            scalar.ledger(x, y).forEach(s -> ledger.put(s.node(), s.gradient()));
            Mlp mlp = Mlp.of(Parameters.of(new int[] {1, 1, 1}, new double[][] {{w1}, {w2}},
                    new double[][] {{b1}, {b2}}), Activation.RELU);
            Parameters g = mlp.gradient(new double[] {x}, new double[] {y});
            assertAll(
                    () -> assertEquals(ledger.get("w1"), g.weights(0)[0], 1e-12, "dL/dw1"),
                    () -> assertEquals(ledger.get("b1"), g.biases(0)[0], 1e-12, "dL/db1"),
                    () -> assertEquals(ledger.get("w2"), g.weights(1)[0], 1e-12, "dL/dw2"),
                    () -> assertEquals(ledger.get("b2"), g.biases(1)[0], 1e-12, "dL/db2"));
        }

        @ParameterizedTest(name = "sizes {0}-{1}-{2}, hidden {3}")
        @CsvSource({"2, 4, 1, SIGMOID", "3, 5, 1, SIGMOID", "2, 3, 2, SIGMOID", "4, 6, 1, TANH", "2, 4, 1, RELU"})
        @DisplayName("gives the same gradients as lesson A's column layout")
        void matchesLessonAColumnLayout(int in, int hidden, int out, Activation f) {
            Random random = new Random(in * 100 + hidden * 10 + out);
            Mlp mlp = Mlp.create(new int[] {in, hidden, out}, f, Initialisation.HE, random.nextLong());
            mlp.parameters().biases(0)[0] = 0.3; // non-zero biases so their gradients differ from each other
            mlp.parameters().biases(1)[0] = -0.2;
            int m = 7;
            double[] x = new double[m * in];
            double[] y = new double[m * out];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextGaussian();
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = random.nextBoolean() ? 1 : 0;
            }
            Parameters rowLayout = mlp.gradient(x, y);
            ColumnLayoutNetwork lessonA = ColumnLayoutNetwork.fromRowLayout(mlp.parameters(), f);
            Parameters columnLayout = lessonA.toRowLayout(lessonA.gradients(
                    RowMajor.transpose(x, m, in), RowMajor.transpose(y, m, out)));
            for (int k = 0; k < rowLayout.tensorCount(); k++) {
                assertArrayEquals(columnLayout.tensor(k), rowLayout.tensor(k), 1e-14, rowLayout.tensorName(k));
            }
        }

        @Test
        @DisplayName("takes the bias gradient as the sum of deltas that already carry 1/N")
        void biasGradientIsSumOfDelta() {
            Mlp mlp = tiny();
            double[] x = {1.0, 2.0, -1.0, 0.5, 0.3, 0.3};
            double[] y = {1, 0, 1};
            Workspace ws = mlp.newWorkspace(3);
            Parameters g = mlp.parameters().zerosLike();
            mlp.lossAndGradient(x, y, ws, g);
            double[] a = ws.output();
            double expected = ((a[0] - 1) + (a[1] - 0) + (a[2] - 1)) / 3;
            assertEquals(expected, g.biases(1)[0], 1e-15);
        }

        @Test
        @DisplayName("overwrites the gradient instead of adding to what it held")
        void overwrites() {
            Mlp mlp = tiny();
            double[] x = {1.0, 2.0};
            double[] y = {1};
            Parameters g = mlp.gradient(x, y);
            Parameters again = g.copy();
            mlp.lossAndGradient(x, y, mlp.newWorkspace(1), again);
            assertTrue(g.sameValues(again));
        }
    }

    @Nested
    @DisplayName("initialisation")
    class Initialising {

        @Test
        @DisplayName("is the same bit for bit for the same seed, different for another")
        void seeded() {
            int[] sizes = {2, 16, 8, 1};
            Parameters a = Mlp.create(sizes, Activation.RELU, Initialisation.HE, 42).parameters();
            Parameters b = Mlp.create(sizes, Activation.RELU, Initialisation.HE, 42).parameters();
            Parameters c = Mlp.create(sizes, Activation.RELU, Initialisation.HE, 43).parameters();
            assertTrue(a.sameValues(b));
            assertTrue(!a.sameValues(c));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"HE, 0.005", "XAVIER, 0.00303030303030303"})
        @DisplayName("draws weights with the stated variance (layer of 400 inputs, 260 outputs) and zero biases")
        void variance(Initialisation init, double expectedVariance) {
            Parameters p = init.initialise(new int[] {32, 400, 260}, 5);
            double[] w = p.weights(1);
            double sum = 0;
            double sq = 0;
            for (double v : w) {
                sum += v;
                sq += v * v;
            }
            double mean = sum / w.length;
            double variance = sq / w.length - mean * mean;
            assertEquals(0.0, mean, 0.01 * Math.sqrt(expectedVariance));
            assertEquals(expectedVariance, variance, 0.03 * expectedVariance);
            assertArrayEquals(new double[260], p.biases(1));
        }
    }

    @Nested
    @DisplayName("in steady state")
    class SteadyState {

        @ParameterizedTest(name = "on {0} thread(s)")
        @ValueSource(ints = {1, 2})
        @Timeout(30)
        @DisplayName("allocates nothing per forward + backward + update step, on the caller or a helper")
        void noAllocation(int threadCount) {
            Mlp mlp = Mlp.create(new int[] {2, 16, 8, 1}, Activation.RELU, Initialisation.HE, 1);
            backprop.data.DataSet data = backprop.data.DataSets.circle(200, 1);
            try (Workspace ws = mlp.newWorkspace(200, threadCount)) {
                Parameters g = mlp.parameters().zerosLike();
                backprop.train.Optimizer opt = new backprop.train.Adam(0.01);
                double[] x = data.x();
                double[] y = data.y();
                Runnable step = () -> {
                    mlp.lossAndGradient(x, y, ws, g);
                    opt.step(mlp.parameters(), g);
                };
                for (int i = 0; i < 3000; i++) {
                    step.run();
                }
                com.sun.management.ThreadMXBean threads =
                        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                long[] ids = java.util.stream.LongStream.concat(
                        java.util.stream.LongStream.of(Thread.currentThread().getId()),
                        Thread.getAllStackTraces().keySet().stream()
                                .filter(t -> t.getName().startsWith("backprop-team-")).mapToLong(Thread::getId))
                        .toArray();
                long[] before = threads.getThreadAllocatedBytes(ids);
                for (int i = 0; i < 1000; i++) {
                    step.run();
                }
                long[] after = threads.getThreadAllocatedBytes(ids);
                long allocated = 0;
                for (int k = 0; k < ids.length; k++) {
                    allocated += Math.max(0, after[k] - before[k]);
                }
                assertTrue(allocated < 1000, "1000 steps allocated " + allocated + " bytes; expected none");
            }
        }
    }

    @Nested
    @DisplayName("rejects bad input, naming it, and stays unchanged")
    class BadInput {

        private final Mlp mlp = Mlp.create(new int[] {2, 3, 1}, Activation.RELU, Initialisation.HE, 3);
        private final Parameters before = mlp.parameters().copy();

        private void rejects(String message, Executable call) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
            assertEquals(message, e.getMessage());
            assertTrue(before.sameValues(mlp.parameters()), "parameters changed");
        }

        private Parameters grad() {
            return mlp.parameters().zerosLike();
        }

        @Test
        @DisplayName("inputs whose length is not a multiple of the input width")
        void ragged() {
            rejects("x has 5 values, not a multiple of the input width 2 of layer sizes [2, 3, 1]",
                    () -> mlp.lossAndGradient(new double[5], new double[2], mlp.newWorkspace(3), grad()));
        }

        @Test
        @DisplayName("an empty batch")
        void empty() {
            rejects("x is empty: expected at least one row of 2 inputs",
                    () -> mlp.lossAndGradient(new double[0], new double[0], mlp.newWorkspace(1), grad()));
        }

        @Test
        @DisplayName("rows of X and labels that disagree")
        void labelCount() {
            rejects("y has 3 labels but x has 2 rows: expected 2 labels (1 per row)",
                    () -> mlp.lossAndGradient(new double[4], new double[3], mlp.newWorkspace(2), grad()));
        }

        @Test
        @DisplayName("NaN in the inputs")
        void nanInput() {
            rejects("x[3] is NaN: expected a finite number",
                    () -> mlp.lossAndGradient(new double[] {0, 1, 2, Double.NaN}, new double[2], mlp.newWorkspace(2),
                            grad()));
        }

        @Test
        @DisplayName("infinity in the inputs")
        void infiniteInput() {
            rejects("x[0] is Infinity: expected a finite number",
                    () -> mlp.predict(new double[] {Double.POSITIVE_INFINITY, 1}));
        }

        @Test
        @DisplayName("a label outside [0, 1]")
        void labelRange() {
            rejects("y[1] is 2.0: expected a value in [0, 1]",
                    () -> mlp.lossAndGradient(new double[4], new double[] {1, 2}, mlp.newWorkspace(2), grad()));
        }

        @Test
        @DisplayName("a NaN label")
        void nanLabel() {
            rejects("y[0] is NaN: expected a value in [0, 1]",
                    () -> mlp.lossAndGradient(new double[2], new double[] {Double.NaN}, mlp.newWorkspace(1), grad()));
        }

        @Test
        @DisplayName("more rows than the workspace holds")
        void workspaceTooSmall() {
            rejects("x has 3 rows but the workspace holds at most 2: expected a workspace with capacity >= 3",
                    () -> mlp.forward(new double[6], mlp.newWorkspace(2)));
        }

        @Test
        @DisplayName("a gradient of another shape")
        void gradientShape() {
            rejects("parameters have sizes [2, 4, 1] but expected [2, 3, 1]",
                    () -> mlp.lossAndGradient(new double[2], new double[1], mlp.newWorkspace(1),
                            Parameters.zeros(2, 4, 1)));
        }

        @Test
        @DisplayName("asking for the loss of a workspace that has seen no forward pass")
        void lossBeforeForward() {
            rejects("workspace holds no forward pass of this network: expected one from newWorkspace() of the "
                    + "network with sizes [2, 3, 1], after forward()", () -> mlp.forwardLoss(new double[0], mlp.newWorkspace(1)));
        }

        @Test
        @DisplayName("fewer than two layer sizes")
        void tooFewSizes() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Mlp.create(new int[] {2}, Activation.RELU, Initialisation.HE, 1));
            assertEquals("sizes is [2]: expected at least two layer sizes (inputs and outputs)", e.getMessage());
        }

        @Test
        @DisplayName("a layer size below 1")
        void sizeBelowOne() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Mlp.create(new int[] {2, 0, 1}, Activation.RELU, Initialisation.HE, 1));
            assertEquals("sizes[1] is 0 in [2, 0, 1]: expected every layer size to be at least 1", e.getMessage());
        }
    }
}
