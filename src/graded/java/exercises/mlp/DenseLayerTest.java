package exercises.mlp;

import backprop.Activation;
import backprop.Initialisation;
import backprop.Mlp;
import backprop.Parameters;
import backprop.Workspace;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import workbook.grading.Check;
import workbook.grading.Diagnosis;
import workbook.grading.Show;

@DisplayName("Exercise 04 · DenseLayer: one layer's products, forward and backward")
class DenseLayerTest {

    /** What an output array holds before the call: a value no correct answer depends on. */
    static final double GARBAGE = 7.25;

    /** The mistake of taking N from an array's length instead of from {@code rows}. */
    static final String USED_LENGTH = "you used the array's length, not rows: arrays may be longer than the batch "
            + "(a workspace is sized for the largest batch)";

    @Nested
    @Tag("task:1")
    @DisplayName("Task 1 · forward: Z = A W + b")
    class Forward {

        @ParameterizedTest(name = "N = {0}, {1} inputs, {2} units, seed {3}")
        @CsvSource({"1, 3, 2, 101", "5, 2, 4, 102", "17, 4, 3, 103", "6, 3, 3, 104"})
        @DisplayName("matches the library's forward pass")
        void matchesTheLibrary(int rows, int in, int out, long seed) {
            Random random = new Random(seed);
            double[] a = gaussian(random, rows * in);
            double[] w = gaussian(random, in * out);
            double[] b = gaussian(random, out);
            double[] expected = libraryZ(a, rows, in, out, w, b);
            double[] z = filled(rows * out, GARBAGE);

            DenseLayer.forward(a.clone(), rows, in, out, w.clone(), b.clone(), z);

            String inputs = "N = " + rows + ", in = " + in + ", out = " + out + ", seed " + seed + "; A = "
                    + Show.array(a) + ", W = " + Show.array(w) + ", b = " + Show.array(b)
                    + ", z filled with " + Show.num(GARBAGE) + " before the call";
            verifyZ(expected, z, a, rows, in, out, w, b, inputs);
        }

        @Test
        @DisplayName("a 1 × 2 batch through a 2 × 3 layer, worked by hand")
        void byHand() {
            double[] a = {1, 2};
            double[] w = {1, 2, 3, 4, 5, 6}; // rows [1, 2, 3] and [4, 5, 6]
            double[] b = {0.5, -1, 2};
            double[] z = filled(3, GARBAGE);

            DenseLayer.forward(a, 1, 2, 3, w, b, z);

            // z[j] = b[j] + 1 · w[0, j] + 2 · w[1, j] = b + [9, 12, 15]
            verifyZ(new double[] {9.5, 11, 17}, z, a, 1, 2, 3, w, b,
                    "A = [1, 2] (1 × 2), W = [[1, 2, 3], [4, 5, 6]] (2 × 3), b = [0.5, -1, 2], z filled with "
                            + Show.num(GARBAGE) + " before the call");
        }

        @ParameterizedTest(name = "N = {0}, {1} inputs, {2} units")
        @CsvSource({"2, 3, 2", "4, 1, 5", "3, 2, 2"})
        @DisplayName("writes only the first N × out values of z and leaves A, W and b unchanged")
        void writesOnlyItsRows(int rows, int in, int out) {
            Random random = new Random(100L * rows + in);
            double[] a = gaussian(random, rows * in);
            double[] w = gaussian(random, in * out);
            double[] b = gaussian(random, out);
            double[] aBefore = a.clone();
            double[] wBefore = w.clone();
            double[] bBefore = b.clone();
            int spare = 2 * out; // z is sized for a larger batch, as a workspace is
            double[] z = filled(rows * out + spare, GARBAGE);

            DenseLayer.forward(a, rows, in, out, w, b, z);

            String inputs = "N = " + rows + ", in = " + in + ", out = " + out + "; z has " + z.length
                    + " values, filled with " + Show.num(GARBAGE);
            verifyZ(libraryZ(aBefore, rows, in, out, wBefore, bBefore), Arrays.copyOf(z, rows * out), aBefore, rows,
                    in, out, wBefore, bBefore, inputs);
            Check.closeArrays("z beyond the first N × out values", filled(spare, GARBAGE),
                    Arrays.copyOfRange(z, rows * out, z.length), inputs);
            Check.that(Arrays.equals(a, aBefore) && Arrays.equals(w, wBefore) && Arrays.equals(b, bBefore),
                    "A, W or b was modified: forward only writes z", inputs);
        }

        @ParameterizedTest(name = "network {0}, layer {1}, N = {2} in arrays of {3} rows")
        @CsvSource({"2-5-3, 2, 3, 10", "3-4-2, 1, 1, 6", "4-3-3-2, 3, 5, 8"})
        @DisplayName("reads only the first N rows of A when the arrays hold more, as a workspace's do")
        void ignoresRowsBeyondN(String shape, int layer, int rows, int capacity) {
            StalePass pass = StalePass.run(shape, Activation.TANH, rows, capacity, 140L + rows);
            int l = layer - 1;
            int in = pass.sizes[l];
            int out = pass.sizes[l + 1];
            double[] a = pass.aPrev(l).clone();
            double[] w = pass.mlp.parameters().weights(l).clone();
            double[] b = pass.mlp.parameters().biases(l).clone();
            double[] aBefore = a.clone();
            double[] z = filled(capacity * out, GARBAGE);

            DenseLayer.forward(a, rows, in, out, w, b, z);

            String inputs = pass.describe() + "; layer " + layer + " (in = " + in + ", out = " + out + "), A has "
                    + a.length + " values (" + capacity + " rows), z has " + z.length + " values filled with "
                    + Show.num(GARBAGE) + "; only the first " + rows + " rows belong to the batch";
            double[] expected = Arrays.copyOf(pass.ws.z(l), rows * out);
            double[] head = Arrays.copyOf(z, rows * out);
            double[] allRows = libraryZ(aBefore, capacity, in, out, w, b);
            verifyZ(expected, head, Arrays.copyOf(aBefore, rows * in), rows, in, out, w, b, inputs);
            Diagnosis.of("z beyond the first N × out values", filled((capacity - rows) * out, GARBAGE),
                            Arrays.copyOfRange(z, rows * out, z.length), inputs)
                    .mistake(Arrays.copyOfRange(allRows, rows * out, allRows.length), USED_LENGTH)
                    .verify();
            Check.that(Arrays.equals(a, aBefore), "A was modified: forward only writes z", inputs);
        }

        /** Compares Z, naming the classic mistakes; z held GARBAGE before the call. */
        void verifyZ(double[] expected, double[] z, double[] a, int rows, int in, int out, double[] w, double[] b,
                     String inputs) {
            double[] product = times(a, rows, in, out, w, false);
            Diagnosis.of("Z", expected, z, inputs)
                    .mistake(plusRows(times(a, rows, in, out, w, true), b, rows, 1),
                            "W was read transposed: the weight from input i to unit j is w[i * out + j]")
                    .mistake(product, "the bias is missing: every row of Z gets b added once")
                    .mistake(plusRows(product, b, rows, in),
                            "b was added once per input, inside the loop over i: add it once per row and unit")
                    .mistake(plus(expected, GARBAGE),
                            "z was added to, not overwritten: start each z[n, j] from b[j], not from what z held")
                    .verify();
        }
    }

    @Nested
    @Tag("task:2")
    @DisplayName("Task 2 · backward: dW = A_prevᵀ δ, db = Σ_n δ")
    class Backward {

        @ParameterizedTest(name = "network {0}, {1} hidden, N = {2}, seed {3}")
        @CsvSource({"3-4-2, TANH, 1, 201", "2-5-3, SIGMOID, 5, 202", "4-3-2, RELU, 17, 203",
                "3-3-3, TANH, 6, 204"})
        @DisplayName("gives the library's dW and db for both layers of a network")
        void matchesTheLibrary(String shape, Activation hidden, int rows, long seed) {
            Pass pass = Pass.run(shape, hidden, rows, seed);
            for (int l = pass.layers() - 1; l >= 0; l--) {
                int in = pass.sizes[l];
                int out = pass.sizes[l + 1];
                double[] aPrev = Arrays.copyOf(pass.aPrev(l), rows * in);
                double[] delta = Arrays.copyOf(pass.ws.delta(l), rows * out);
                double[] dW = filled(in * out, GARBAGE);
                double[] db = filled(out, GARBAGE);

                DenseLayer.backward(aPrev, delta, rows, in, out, dW, db);

                double[] expectedW = pass.gradient.weights(l);
                double[] expectedB = pass.gradient.biases(l);
                String inputs = pass.describe() + "; layer " + (l + 1) + " (in = " + in + ", out = " + out
                        + "), A_prev = " + Show.array(aPrev) + ", δ = " + Show.array(delta)
                        + ", dW and db filled with " + Show.num(GARBAGE) + " before the call";
                Diagnosis.of("dW" + (l + 1), expectedW, dW, inputs)
                        .mistake(transposed(expectedW, in, out),
                                "dW is transposed: you stored δᵀA; dW[i, j] belongs at dW[i * out + j], in × out "
                                        + "like W")
                        .mistake(plus(expectedW, GARBAGE),
                                "dW was added to, not overwritten: set it to 0 before summing over the batch")
                        .verify();
                Diagnosis.of("db" + (l + 1), expectedB, db, inputs)
                        .mistake(scaled(expectedB, 1.0 / rows),
                                "your db is N times too small: the bias gradient was averaged, but δ already "
                                        + "carries 1/N")
                        .mistake(plus(expectedB, GARBAGE),
                                "db was added to, not overwritten: set it to 0 before summing over the batch")
                        .verify();
            }
        }

        @ParameterizedTest(name = "network {0}, N = {1}")
        @CsvSource({"2-3-2, 4", "3-2-1, 1", "2-4-3, 9"})
        @DisplayName("called twice on garbage-filled outputs, gives the same gradients both times")
        void overwritesItsOutputs(String shape, int rows) {
            Pass pass = Pass.run(shape, Activation.TANH, rows, 300L + rows);
            int l = pass.layers() - 1;
            int in = pass.sizes[l];
            int out = pass.sizes[l + 1];
            double[] aPrev = Arrays.copyOf(pass.aPrev(l), rows * in);
            double[] delta = Arrays.copyOf(pass.ws.delta(l), rows * out);
            double[] dW = filled(in * out, GARBAGE);
            double[] db = filled(out, GARBAGE);

            DenseLayer.backward(aPrev, delta, rows, in, out, dW, db);
            DenseLayer.backward(aPrev, delta, rows, in, out, dW, db);

            String inputs = pass.describe() + "; output layer, called twice, dW and db filled with "
                    + Show.num(GARBAGE) + " before the first call";
            String accumulated = "the gradient accumulated across calls: overwrite dW and db (start from 0) on "
                    + "every call";
            double[] expectedW = pass.gradient.weights(l);
            double[] expectedB = pass.gradient.biases(l);
            Diagnosis.of("dW" + (l + 1) + " after the second call", expectedW, dW, inputs)
                    .mistake(plus(scaled(expectedW, 2), GARBAGE), accumulated)
                    .mistake(scaled(expectedW, 2), accumulated)
                    .verify();
            Diagnosis.of("db" + (l + 1) + " after the second call", expectedB, db, inputs)
                    .mistake(plus(scaled(expectedB, 2), GARBAGE), accumulated)
                    .mistake(scaled(expectedB, 2), accumulated)
                    .verify();
        }

        @ParameterizedTest(name = "network {0}, {1} hidden, N = {2} in arrays of {3} rows")
        @CsvSource({"3-4-2, TANH, 3, 10", "2-5-3, SIGMOID, 1, 6", "4-3-2, RELU, 5, 12", "3-3-4-2, TANH, 2, 7"})
        @DisplayName("reads only the first N rows of A_prev and δ when the arrays hold more, as a workspace's do")
        void ignoresRowsBeyondN(String shape, Activation hidden, int rows, int capacity) {
            StalePass pass = StalePass.run(shape, hidden, rows, capacity, 240L + rows);
            for (int l = pass.layers() - 1; l >= 0; l--) {
                int in = pass.sizes[l];
                int out = pass.sizes[l + 1];
                double[] aPrev = pass.aPrev(l).clone();
                double[] delta = pass.ws.delta(l).clone();
                double[] aBefore = aPrev.clone();
                double[] deltaBefore = delta.clone();
                double[] dW = filled(in * out, GARBAGE);
                double[] db = filled(out, GARBAGE);

                DenseLayer.backward(aPrev, delta, rows, in, out, dW, db);

                String inputs = pass.describe() + "; layer " + (l + 1) + " (in = " + in + ", out = " + out
                        + "), A_prev has " + aPrev.length + " values and δ " + delta.length + " (" + capacity
                        + " rows each); only the first " + rows + " rows belong to the batch";
                double[][] allRows = layerGradient(aBefore, deltaBefore, capacity, in, out);
                Diagnosis.of("dW" + (l + 1), pass.gradient.weights(l), dW, inputs)
                        .mistake(allRows[0], USED_LENGTH)
                        .verify();
                Diagnosis.of("db" + (l + 1), pass.gradient.biases(l), db, inputs)
                        .mistake(allRows[1], USED_LENGTH)
                        .verify();
                Check.that(Arrays.equals(aPrev, aBefore) && Arrays.equals(delta, deltaBefore),
                        "A_prev or δ was modified: backward only writes dW and db", inputs);
            }
        }

        @Test
        @DisplayName("a batch of 2 through a 2 × 3 layer, worked by hand")
        void byHand() {
            double[] aPrev = {1, 2, 3, 4};          // rows [1, 2] and [3, 4]
            double[] delta = {0.5, -1, 2, 0.25, 0, -0.5}; // rows [0.5, -1, 2] and [0.25, 0, -0.5]
            double[] dW = filled(6, GARBAGE);
            double[] db = filled(3, GARBAGE);

            DenseLayer.backward(aPrev, delta, 2, 2, 3, dW, db);

            String inputs = "A_prev = [[1, 2], [3, 4]] (2 × 2), δ = [[0.5, -1, 2], [0.25, 0, -0.5]] (2 × 3)";
            // dW[i, j] = 1st row's a_i δ_j + 2nd row's a_i δ_j
            Check.closeArrays("dW", new double[] {1.25, -1, 0.5, 2, -2, 2}, dW, inputs);
            Diagnosis.of("db", new double[] {0.75, -1, 1.5}, db, inputs)
                    .mistake(new double[] {0.375, -0.5, 0.75},
                            "your db is N times too small: the bias gradient was averaged, but δ already carries 1/N")
                    .verify();
        }
    }

    @Nested
    @Tag("task:2")
    @DisplayName("Task 2 · deltaPrevious: δ_prev = (δ Wᵀ) ⊙ f'(Z_prev)")
    class DeltaPrevious {

        @ParameterizedTest(name = "network {0}, {1} hidden, N = {2}, seed {3}")
        @CsvSource({"3-4-2, TANH, 1, 401", "2-5-3, SIGMOID, 5, 402", "4-3-2, RELU, 17, 403",
                "3-3-3, SIGMOID, 6, 404", "2-6-4, TANH, 9, 405"})
        @DisplayName("gives the library's δ of the hidden layer")
        void matchesTheLibrary(String shape, Activation hidden, int rows, long seed) {
            Pass pass = Pass.run(shape, hidden, rows, seed);
            int in = pass.sizes[1];
            int out = pass.sizes[2];
            double[] delta = Arrays.copyOf(pass.ws.delta(1), rows * out);
            double[] w = pass.mlp.parameters().weights(1).clone();
            double[] zPrev = Arrays.copyOf(pass.ws.z(0), rows * in);
            double[] deltaPrev = filled(rows * in, GARBAGE);

            DenseLayer.deltaPrevious(delta, w, zPrev, hidden, rows, in, out, deltaPrev);

            double[] expected = Arrays.copyOf(pass.ws.delta(0), rows * in);
            double[] back = timesTransposed(delta, w, rows, in, out, false);
            String inputs = pass.describe() + "; δ2 = " + Show.array(delta) + " (" + rows + " × " + out
                    + "), W2 = " + Show.array(w) + " (" + in + " × " + out + "), Z1 = " + Show.array(zPrev)
                    + ", f = " + hidden + ", deltaPrev filled with " + Show.num(GARBAGE);
            Diagnosis.of("δ1", expected, deltaPrev, inputs)
                    .mistake(times(back, derivatives(hidden, zPrev, true)),
                            "the derivative was taken at a instead of z: use f'(z), not f'(f(z))")
                    .mistake(times(timesTransposed(delta, w, rows, in, out, true), derivatives(hidden, zPrev, false)),
                            "W was not transposed: δ Wᵀ reads the weight from unit i to j as w[i * out + j]")
                    .mistake(back, "the factor f'(Z_prev) is missing: multiply δ Wᵀ element by element by f'(z)")
                    .mistake(plus(expected, GARBAGE),
                            "deltaPrev was added to, not overwritten: write each δ_prev[n, i] once")
                    .verify();
            Check.that(Arrays.equals(delta, 0, rows * out, pass.ws.delta(1), 0, rows * out),
                    "δ was modified: deltaPrevious only writes deltaPrev", inputs);
        }

        @ParameterizedTest(name = "network {0}, {1} hidden, N = {2} in arrays of {3} rows")
        @CsvSource({"3-4-2, TANH, 3, 10", "2-5-3, SIGMOID, 1, 6", "4-3-2, RELU, 5, 12", "3-3-4-2, TANH, 2, 7"})
        @DisplayName("reads only the first N rows and writes only the first N × in values when the arrays hold more")
        void ignoresRowsBeyondN(String shape, Activation hidden, int rows, int capacity) {
            StalePass pass = StalePass.run(shape, hidden, rows, capacity, 440L + rows);
            for (int l = pass.layers() - 1; l >= 1; l--) {
                int in = pass.sizes[l];
                int out = pass.sizes[l + 1];
                double[] delta = pass.ws.delta(l).clone();
                double[] w = pass.mlp.parameters().weights(l).clone();
                double[] zPrev = pass.ws.z(l - 1).clone();
                double[] deltaBefore = delta.clone();
                double[] zBefore = zPrev.clone();
                double[] deltaPrev = filled(capacity * in, GARBAGE);

                DenseLayer.deltaPrevious(delta, w, zPrev, hidden, rows, in, out, deltaPrev);

                String inputs = pass.describe() + "; δ" + (l + 1) + " has " + delta.length + " values, Z" + l
                        + " and deltaPrev " + deltaPrev.length + " (" + capacity + " rows each, deltaPrev filled "
                        + "with " + Show.num(GARBAGE) + "), W" + (l + 1) + " is " + in + " × " + out + ", f = "
                        + hidden + "; only the first " + rows + " rows belong to the batch";
                double[] allRows = times(timesTransposed(deltaBefore, w, capacity, in, out, false),
                        derivatives(hidden, zBefore, false));
                Diagnosis.of("δ" + l, Arrays.copyOf(pass.ws.delta(l - 1), rows * in),
                        Arrays.copyOf(deltaPrev, rows * in), inputs).verify();
                Diagnosis.of("deltaPrev beyond the first N × in values", filled((capacity - rows) * in, GARBAGE),
                                Arrays.copyOfRange(deltaPrev, rows * in, deltaPrev.length), inputs)
                        .mistake(Arrays.copyOfRange(allRows, rows * in, allRows.length), USED_LENGTH)
                        .mistake(new double[(capacity - rows) * in], "deltaPrev was cleared beyond the batch: "
                                + "write only its first rows · in values")
                        .verify();
                Check.that(Arrays.equals(delta, deltaBefore) && Arrays.equals(zPrev, zBefore),
                        "δ or Z_prev was modified: deltaPrevious only writes deltaPrev", inputs);
            }
        }

        @Test
        @DisplayName("ReLU gates the error: a unit that was off (z <= 0) passes back 0, worked by hand")
        void reluGatesByHand() {
            double[] delta = {1, -2};                   // 1 × 2
            double[] w = {1, 0, 0, 1, 1, 1};            // 3 × 2: rows [1, 0], [0, 1], [1, 1]
            double[] zPrev = {0.5, -0.3, 2};            // relu' = [1, 0, 1]
            double[] deltaPrev = filled(3, GARBAGE);

            DenseLayer.deltaPrevious(delta, w, zPrev, Activation.RELU, 1, 3, 2, deltaPrev);

            // δ Wᵀ = [1, -2, -1], then gated by relu'(z) = [1, 0, 1]
            Diagnosis.of("δ_prev", new double[] {1, 0, -1}, deltaPrev,
                            "δ = [1, -2] (1 × 2), W = [[1, 0], [0, 1], [1, 1]] (3 × 2), Z_prev = [0.5, -0.3, 2], "
                                    + "f = RELU")
                    .mistake(new double[] {1, -2, -1},
                            "the factor f'(Z_prev) is missing: multiply δ Wᵀ element by element by f'(z)")
                    .verify();
        }
    }

    /** A forward and backward pass of the library on a small random network, kept for comparison. */
    static final class Pass {
        final int[] sizes;
        final Activation hidden;
        final int rows;
        final long seed;
        final Mlp mlp;
        final double[] x;
        final double[] y;
        final Workspace ws;
        final Parameters gradient;

        private Pass(int[] sizes, Activation hidden, int rows, long seed) {
            this.sizes = sizes;
            this.hidden = hidden;
            this.rows = rows;
            this.seed = seed;
            this.mlp = network(sizes, hidden, seed);
            Random random = new Random(seed + 7);
            this.x = gaussian(random, rows * sizes[0]);
            this.y = labels(random, rows * sizes[sizes.length - 1]);
            this.ws = mlp.newWorkspace(rows);
            this.gradient = mlp.parameters().zerosLike();
            mlp.lossAndGradient(x, y, ws, gradient);
        }

        static Pass run(String shape, Activation hidden, int rows, long seed) {
            return new Pass(parseSizes(shape), hidden, rows, seed);
        }

        int layers() {
            return sizes.length - 1;
        }

        double[] aPrev(int l) {
            return l == 0 ? x : ws.a(l - 1);
        }

        String describe() {
            return "network " + Show.sizes(sizes) + ", " + hidden + " hidden, N = " + rows + ", seed " + seed;
        }
    }

    /**
     * The library's forward and backward pass on a batch of N rows in a workspace sized for more,
     * after a pass on a full batch: the rows beyond N hold that earlier pass's values, not zeros. The
     * inputs of layer 1 sit in a buffer of the same capacity, the batch in its first rows.
     */
    static final class StalePass {
        final int[] sizes;
        final Activation hidden;
        final int rows;
        final int capacity;
        final long seed;
        final Mlp mlp;
        final double[] xBuffer;
        final Workspace ws;
        final Parameters gradient;

        private StalePass(int[] sizes, Activation hidden, int rows, int capacity, long seed) {
            this.sizes = sizes;
            this.hidden = hidden;
            this.rows = rows;
            this.capacity = capacity;
            this.seed = seed;
            this.mlp = network(sizes, hidden, seed);
            Random random = new Random(seed + 7);
            double[] xBig = gaussian(random, capacity * sizes[0]);
            double[] yBig = labels(random, capacity * sizes[sizes.length - 1]);
            double[] x = gaussian(random, rows * sizes[0]);
            double[] y = labels(random, rows * sizes[sizes.length - 1]);
            this.ws = mlp.newWorkspace(capacity);
            mlp.lossAndGradient(xBig, yBig, ws, mlp.parameters().zerosLike());
            this.gradient = mlp.parameters().zerosLike();
            mlp.lossAndGradient(x, y, ws, gradient);
            this.xBuffer = xBig.clone();
            System.arraycopy(x, 0, xBuffer, 0, x.length);
        }

        static StalePass run(String shape, Activation hidden, int rows, int capacity, long seed) {
            return new StalePass(parseSizes(shape), hidden, rows, capacity, seed);
        }

        int layers() {
            return sizes.length - 1;
        }

        /** The inputs of layer l (0-based), all {@code capacity} rows. */
        double[] aPrev(int l) {
            return l == 0 ? xBuffer : ws.a(l - 1);
        }

        String describe() {
            return "network " + Show.sizes(sizes) + ", " + hidden + " hidden, seed " + seed + ": a forward and "
                    + "backward pass on " + capacity + " rows, then one on N = " + rows + " rows in the same "
                    + "workspace (rows " + rows + " to " + (capacity - 1) + " still hold the first pass's values)";
        }
    }

    /** {dW, db} summed over the first {@code rows} rows. */
    static double[][] layerGradient(double[] aPrev, double[] delta, int rows, int in, int out) {
        double[] dW = new double[in * out];
        double[] db = new double[out];
        for (int n = 0; n < rows; n++) {
            for (int j = 0; j < out; j++) {
                db[j] += delta[n * out + j];
                for (int i = 0; i < in; i++) {
                    dW[i * out + j] += aPrev[n * in + i] * delta[n * out + j];
                }
            }
        }
        return new double[][] {dW, db};
    }

    static int[] parseSizes(String shape) {
        return Arrays.stream(shape.split("-")).mapToInt(Integer::parseInt).toArray();
    }

    /** He-initialised weights and non-zero biases, so that a forgotten bias shows. */
    static Mlp network(int[] sizes, Activation hidden, long seed) {
        Mlp mlp = Mlp.create(sizes, hidden, Initialisation.HE, seed);
        Random random = new Random(seed + 1);
        for (int l = 0; l < mlp.parameters().layerCount(); l++) {
            double[] b = mlp.parameters().biases(l);
            for (int j = 0; j < b.length; j++) {
                b[j] = 0.5 * random.nextGaussian();
            }
        }
        return mlp;
    }

    /** Z of a single layer, computed by the library's forward pass. */
    static double[] libraryZ(double[] a, int rows, int in, int out, double[] w, double[] b) {
        int[] sizes = {in, out};
        Mlp layer = Mlp.of(Parameters.of(sizes, new double[][] {w}, new double[][] {b}), Activation.IDENTITY);
        Workspace ws = layer.newWorkspace(rows);
        layer.forward(a, ws);
        return Arrays.copyOf(ws.z(0), rows * out);
    }

    /** A W without b; with {@code transposed}, W read as w[j * in + i]. */
    static double[] times(double[] a, int rows, int in, int out, double[] w, boolean transposed) {
        double[] z = new double[rows * out];
        for (int n = 0; n < rows; n++) {
            for (int j = 0; j < out; j++) {
                double sum = 0;
                for (int i = 0; i < in; i++) {
                    sum += a[n * in + i] * w[transposed ? j * in + i : i * out + j];
                }
                z[n * out + j] = sum;
            }
        }
        return z;
    }

    /** δ Wᵀ ({@code rows × in}); with {@code wrong}, W read as w[j * in + i]. */
    static double[] timesTransposed(double[] delta, double[] w, int rows, int in, int out, boolean wrong) {
        double[] result = new double[rows * in];
        for (int n = 0; n < rows; n++) {
            for (int i = 0; i < in; i++) {
                double sum = 0;
                for (int j = 0; j < out; j++) {
                    sum += delta[n * out + j] * w[wrong ? j * in + i : i * out + j];
                }
                result[n * in + i] = sum;
            }
        }
        return result;
    }

    /** f'(z), or with {@code atActivation} the mistaken f'(f(z)). */
    static double[] derivatives(Activation f, double[] z, boolean atActivation) {
        double[] d = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            d[k] = f.derivative(atActivation ? f.apply(z[k]) : z[k]);
        }
        return d;
    }

    /** Adds {@code copies × b} to every row of m. */
    static double[] plusRows(double[] m, double[] b, int rows, int copies) {
        double[] result = m.clone();
        int out = b.length;
        for (int n = 0; n < rows; n++) {
            for (int j = 0; j < out; j++) {
                result[n * out + j] += copies * b[j];
            }
        }
        return result;
    }

    /** An in × out matrix stored as its out × in transpose. */
    static double[] transposed(double[] m, int in, int out) {
        double[] t = new double[m.length];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                t[j * in + i] = m[i * out + j];
            }
        }
        return t;
    }

    static double[] times(double[] u, double[] v) {
        double[] r = new double[u.length];
        for (int k = 0; k < u.length; k++) {
            r[k] = u[k] * v[k];
        }
        return r;
    }

    static double[] plus(double[] v, double c) {
        double[] r = v.clone();
        for (int k = 0; k < r.length; k++) {
            r[k] += c;
        }
        return r;
    }

    static double[] scaled(double[] v, double c) {
        double[] r = v.clone();
        for (int k = 0; k < r.length; k++) {
            r[k] *= c;
        }
        return r;
    }

    static double[] filled(int length, double value) {
        double[] v = new double[length];
        Arrays.fill(v, value);
        return v;
    }

    static double[] gaussian(Random random, int length) {
        double[] v = new double[length];
        for (int k = 0; k < length; k++) {
            v[k] = random.nextGaussian();
        }
        return v;
    }

    /** Labels in [0, 1]: mostly 0 or 1, some in between, as soft labels are allowed. */
    static double[] labels(Random random, int length) {
        double[] v = new double[length];
        for (int k = 0; k < length; k++) {
            v[k] = (k % 4 == 3) ? random.nextDouble() : random.nextInt(2);
        }
        return v;
    }
}
