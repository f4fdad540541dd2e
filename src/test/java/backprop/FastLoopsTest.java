package backprop;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Timeout;
import java.util.stream.Stream;

/**
 * The fast loops of {@link Mlp} add the same products in the same order as the straightforward
 * loops kept in {@link ReferenceLoops}, so every activation, delta, loss and gradient must be equal
 * bit for bit, not merely close. Shapes are chosen to reach every branch of {@link ScaledRows} and
 * {@link ColumnDots}: widths below, at and above the four products per statement, widths that are
 * not a multiple of 4 (the edge tiles of two by four), one-unit layers, a batch of one, batches that
 * are not a multiple of the four-row block, batches smaller than the workspace, and layers wider,
 * narrower and as wide as their input, on both sides of the size where the weight gradient moves
 * from tiles to lines ({@link Mlp#LINES_SHORT_SIDE}).
 */
@DisplayName("The fast loops give the same bits as the reference loops")
class FastLoopsTest {

    /** Compares two doubles by their bits: -0.0 and 0.0 differ, as they would in the next step's sums. */
    private static Executable sameBits(String what, double expected, double actual) {
        return () -> assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> what + ": expected " + expected + " but was " + actual);
    }

    private static List<Executable> sameBits(String what, double[] expected, double[] actual, int count) {
        List<Executable> checks = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            checks.add(sameBits(what + "[" + k + "]", expected[k], actual[k]));
        }
        return checks;
    }

    private static int[] parseSizes(String sizes) {
        String[] parts = sizes.split("-");
        int[] s = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            s[i] = Integer.parseInt(parts[i].trim());
        }
        return s;
    }

    /**
     * Random inputs in [-2, 2) with a few exact zeros (ReLU's kink, and -0.0 against 0.0 in the
     * sums), labels in [0, 1] including 0 and 1, and biases set away from zero so they count.
     */
    private static void checkPass(int[] sizes, Activation hidden, int rows, int capacity, long seed, int threads) {
        Mlp mlp = Mlp.create(sizes, hidden, Initialisation.XAVIER, seed);
        Random random = new Random(seed);
        Parameters p = mlp.parameters();
        for (int l = 0; l < p.layerCount(); l++) {
            double[] b = p.biases(l);
            for (int j = 0; j < b.length; j++) {
                b[j] = 0.2 * random.nextGaussian();
            }
        }
        double[] x = new double[rows * sizes[0]];
        for (int k = 0; k < x.length; k++) {
            x[k] = k % 7 == 3 ? 0.0 : 4 * random.nextDouble() - 2;
        }
        double[] y = new double[rows * sizes[sizes.length - 1]];
        for (int k = 0; k < y.length; k++) {
            y[k] = k % 5 == 0 ? random.nextInt(2) : random.nextDouble();
        }

        ReferenceLoops reference = new ReferenceLoops(mlp, rows);
        Parameters expectedGradient = p.zerosLike();
        reference.forward(x);
        double expectedLoss = reference.loss(y);
        reference.backward(x, y, expectedGradient);

        Parameters gradient = p.zerosLike();
        List<Executable> checks = new ArrayList<>();
        try (Workspace ws = mlp.newWorkspace(capacity, threads)) {
            double loss = mlp.lossAndGradient(x, y, ws, gradient);
            checks.add(sameBits("loss", expectedLoss, loss));
            for (int l = 0; l < sizes.length - 1; l++) {
                int count = rows * sizes[l + 1];
                checks.addAll(sameBits("z(" + l + ")", reference.z[l], ws.z(l), count));
                checks.addAll(sameBits("a(" + l + ")", reference.a[l], ws.a(l), count));
                checks.addAll(sameBits("delta(" + l + ")", reference.delta[l], ws.delta(l), count));
            }
        }
        checks.addAll(sameBits(expectedGradient, gradient));
        assertAll(checks.stream());
    }

    private static List<Executable> sameBits(Parameters expected, Parameters actual) {
        List<Executable> checks = new ArrayList<>();
        for (int k = 0; k < expected.tensorCount(); k++) {
            double[] e = expected.tensor(k);
            checks.addAll(sameBits("d" + expected.tensorName(k), e, actual.tensor(k), e.length));
        }
        return checks;
    }

    /** The table of shapes: size list, hidden activation, rows, workspace capacity. */
    static Stream<Arguments> shapes() {
        return Stream.of(
                // the lessons' networks
                Arguments.of("2-16-8-1", Activation.RELU, 500, 500),
                Arguments.of("2-64-32-16-1", Activation.RELU, 600, 600),
                Arguments.of("20-128-64-1", Activation.RELU, 100, 100),
                // one-unit layers and a batch of one
                Arguments.of("1-1-1", Activation.SIGMOID, 1, 1),
                Arguments.of("1-1-1-1", Activation.TANH, 3, 8),
                Arguments.of("3-1-5-1", Activation.RELU, 9, 9),
                // widths not a multiple of 4 or 8, around the four products per statement
                Arguments.of("3-5-7-1", Activation.TANH, 13, 20),
                Arguments.of("5-9-6-2", Activation.SIGMOID, 7, 7),
                Arguments.of("7-13-11-3", Activation.IDENTITY, 10, 16),
                Arguments.of("4-8-4-1", Activation.RELU, 4, 4),
                Arguments.of("9-17-33-1", Activation.RELU, 31, 64),
                Arguments.of("8-8-8-1", Activation.TANH, 12, 12),
                Arguments.of("40-3-2-1", Activation.RELU, 6, 6),
                // the weight gradient by lines, both ways, at odd widths and at the size limits
                Arguments.of("35-19-2", Activation.TANH, 7, 9),
                Arguments.of("16-32-16-15", Activation.RELU, 10, 10),
                Arguments.of("31-16-31-1", Activation.SIGMOID, 5, 5),
                // batches of 1 to 5: every remainder of the four-row block
                Arguments.of("6-10-1", Activation.TANH, 1, 6),
                Arguments.of("6-10-1", Activation.RELU, 2, 6),
                Arguments.of("6-10-1", Activation.SIGMOID, 3, 6),
                Arguments.of("6-10-1", Activation.IDENTITY, 5, 6),
                // a single layer: no hidden activation, no delta below it
                Arguments.of("5-1", Activation.RELU, 11, 12),
                Arguments.of("5-3", Activation.TANH, 6, 6));
    }

    @Nested
    @DisplayName("on a table of shapes")
    class Shapes {

        @ParameterizedTest(name = "{0}, {1} hidden, {2} rows in a workspace of {3}")
        @MethodSource("backprop.FastLoopsTest#shapes")
        @DisplayName("activations, deltas, loss and gradients are equal bit for bit")
        void sameBitsAsReference(String sizes, Activation hidden, int rows, int capacity) {
            checkPass(parseSizes(sizes), hidden, rows, capacity, 31L * rows + capacity, 1);
        }

        @ParameterizedTest(name = "{0}, {1} hidden, {2} rows in a workspace of {3}")
        @MethodSource("backprop.FastLoopsTest#shapes")
        @DisplayName("and so they are when 2 or 3 threads share each pass")
        @Timeout(60)
        void sameBitsOnSeveralThreads(String sizes, Activation hidden, int rows, int capacity) {
            for (int threads = 2; threads <= 3; threads++) {
                checkPass(parseSizes(sizes), hidden, rows, capacity, 31L * rows + capacity, threads);
            }
        }

        @ParameterizedTest(name = "{0} hidden")
        @EnumSource(Activation.class)
        @DisplayName("every activation, on a network with widths 1 to 6")
        void everyActivation(Activation hidden) {
            checkPass(new int[] {6, 5, 4, 3, 2, 1}, hidden, 23, 30, 5, 1);
            checkPass(new int[] {6, 5, 4, 3, 2, 1}, hidden, 23, 30, 5, 2);
        }
    }

    @Nested
    @DisplayName("across calls")
    class AcrossCalls {

        @Test
        @DisplayName("reads the weights as they are at each call, not a stale copy from the last pass")
        void liveWeights() {
            Mlp mlp = Mlp.create(new int[] {3, 6, 5, 1}, Activation.RELU, Initialisation.HE, 3);
            Workspace ws = mlp.newWorkspace(8);
            Parameters gradient = mlp.parameters().zerosLike();
            double[] x = {0.5, -1, 2, 1.5, 0.25, -0.75, 0.1, 0.2, 0.3};
            double[] y = {1, 0, 1};
            mlp.lossAndGradient(x, y, ws, gradient);
            for (int l = 0; l < 3; l++) {
                double[] w = mlp.parameters().weights(l);
                for (int k = 0; k < w.length; k++) {
                    w[k] = w[k] * -0.5 + 0.01 * k;
                }
            }
            double loss = mlp.lossAndGradient(x, y, ws, gradient);
            ReferenceLoops reference = new ReferenceLoops(mlp, 3);
            Parameters expected = mlp.parameters().zerosLike();
            reference.forward(x);
            reference.backward(x, y, expected);
            List<Executable> checks = sameBits(expected, gradient);
            checks.add(sameBits("loss", reference.loss(y), loss));
            assertAll(checks.stream());
        }

        @Test
        @DisplayName("gives a short batch the same bits after a full one left the workspace dirty")
        void dirtyWorkspace() {
            Mlp mlp = Mlp.create(new int[] {4, 7, 5, 1}, Activation.TANH, Initialisation.XAVIER, 9);
            Random random = new Random(2);
            double[] full = new double[9 * 4];
            for (int k = 0; k < full.length; k++) {
                full[k] = random.nextGaussian();
            }
            Workspace ws = mlp.newWorkspace(9);
            Parameters gradient = mlp.parameters().zerosLike();
            mlp.lossAndGradient(full, new double[] {1, 0, 1, 1, 0, 0, 1, 0, 1}, ws, gradient);
            double[] x = java.util.Arrays.copyOf(full, 2 * 4);
            double[] y = {0, 1};
            double loss = mlp.lossAndGradient(x, y, ws, gradient);
            ReferenceLoops reference = new ReferenceLoops(mlp, 2);
            Parameters expected = mlp.parameters().zerosLike();
            reference.forward(x);
            reference.backward(x, y, expected);
            List<Executable> checks = sameBits(expected, gradient);
            checks.add(sameBits("loss", reference.loss(y), loss));
            assertAll(checks.stream());
        }
    }
}
