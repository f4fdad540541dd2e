package exercises.mlp;

import backprop.Activation;
import backprop.Initialisation;
import backprop.Mlp;
import backprop.Objective;
import backprop.Parameters;
import backprop.Workspace;
import backprop.check.GradientCheck;
import backprop.check.GradientCheckReport;
import backprop.check.PlantedBug;
import backprop.check.TensorCheck;
import backprop.data.DataSet;
import backprop.data.DataSets;
import backprop.train.Sgd;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import workbook.grading.Check;
import workbook.grading.Diagnosis;
import workbook.grading.Show;

@Tag("task:3")
@DisplayName("Exercise 04 · Task 3 · Backprop: the backward pass of a whole network")
class BackpropTest {

    /** What the gradient holds before the call: a value no correct answer depends on. */
    static final double GARBAGE = 7.25;

    @ParameterizedTest(name = "network {0}, {1} hidden, N = {2}, seed {3}")
    @CsvSource({
        "3-1,       SIGMOID, 5,  501",
        "4-2,       RELU,    17, 502",
        "2-5-1,     TANH,    1,  503",
        "2-5-1,     SIGMOID, 17, 504",
        "2-3-2,     RELU,    1,  505",
        "2-4-3-1,   RELU,    17, 506",
        "2-4-3-1,   TANH,    5,  507",
        "3-6-5-4-2, SIGMOID, 5,  508",
        "4-7-6-5-1, TANH,    17, 509",
    })
    @DisplayName("gives the library's gradient, tensor by tensor")
    void matchesTheLibrary(String shape, Activation hidden, int rows, long seed) {
        int[] sizes = parseSizes(shape);
        Mlp mlp = network(sizes, hidden, seed);
        Random random = new Random(seed + 7);
        double[] x = gaussian(random, rows * sizes[0]);
        double[] y = labels(random, rows * mlp.outputSize());
        Parameters before = mlp.parameters().copy();
        Parameters expected = mlp.gradient(x, y);

        Workspace ws = mlp.newWorkspace(rows);
        mlp.forward(x, ws);
        Parameters gradient = garbageLike(mlp.parameters());
        double[] xCopy = x.clone();
        double[] yCopy = y.clone();
        Backprop.backward(mlp, xCopy, yCopy, ws, gradient);

        String inputs = "network " + Show.sizes(sizes) + ", " + hidden + " hidden, N = " + rows + ", seed " + seed
                + "; x = " + Show.array(x) + ", y = " + Show.array(y) + ", gradient filled with "
                + Show.num(GARBAGE) + " before the call";
        verifyGradient(mlp, x, y, expected, gradient, inputs);
        Check.that(mlp.parameters().sameValues(before), "the network's weights or biases were modified: the "
                + "backward pass only reads them", inputs);
        Check.that(Arrays.equals(x, xCopy) && Arrays.equals(y, yCopy),
                "x or y was modified: the backward pass only reads them", inputs);
    }

    @ParameterizedTest(name = "network {0}, {1} hidden, N = {2}")
    @CsvSource({"2-4-3-1, TANH, 5", "3-5-2, SIGMOID, 1", "2-6-1, RELU, 9"})
    @DisplayName("uses only the N rows of the last forward pass when the workspace holds more")
    void usesTheRowsOfTheLastPass(String shape, Activation hidden, int rows) {
        int[] sizes = parseSizes(shape);
        long seed = 600 + rows;
        Mlp mlp = network(sizes, hidden, seed);
        Random random = new Random(seed + 7);
        int bigger = rows + 7;
        double[] xBig = gaussian(random, bigger * sizes[0]);
        double[] x = gaussian(random, rows * sizes[0]);
        double[] y = labels(random, rows * mlp.outputSize());
        Parameters expected = mlp.gradient(x, y);

        Workspace ws = mlp.newWorkspace(bigger);
        mlp.forward(xBig, ws); // leaves values in rows N .. N+6 that must not be read
        mlp.forward(x, ws);
        Parameters gradient = garbageLike(mlp.parameters());
        Backprop.backward(mlp, x, y, ws, gradient);

        String inputs = "network " + Show.sizes(sizes) + ", " + hidden + " hidden, N = " + rows + ", seed " + seed
                + "; the workspace holds " + bigger + " rows and saw a pass of " + bigger + " rows before this "
                + "one of " + rows + " (ws.rows() = " + rows + ")";
        verifyGradient(mlp, x, y, expected, gradient, inputs);
    }

    @ParameterizedTest(name = "network {0}, {1} hidden, N = {2} after a pass of {3} rows")
    @CsvSource({"2-4-3-1, TANH, 3, 10", "3-5-2, SIGMOID, 1, 6", "2-6-1, RELU, 4, 9", "4-7-6-5-1, TANH, 7, 16"})
    @DisplayName("after a larger forward and backward pass in the same workspace, uses only the N rows of the last")
    void ignoresTheRowsOfALargerPass(String shape, Activation hidden, int rows, int capacity) {
        int[] sizes = parseSizes(shape);
        long seed = 650 + rows;
        Mlp mlp = network(sizes, hidden, seed);
        Random random = new Random(seed + 7);
        double[] xBig = gaussian(random, capacity * sizes[0]);
        double[] yBig = labels(random, capacity * mlp.outputSize());
        double[] x = gaussian(random, rows * sizes[0]);
        double[] y = labels(random, rows * mlp.outputSize());
        Parameters expected = mlp.gradient(x, y);

        Workspace ws = mlp.newWorkspace(capacity);
        mlp.lossAndGradient(xBig, yBig, ws, mlp.parameters().zerosLike()); // fills every row, δ included
        mlp.forward(x, ws);
        Parameters allRows = usingArrayLengths(mlp, x, y, ws);
        Parameters gradient = garbageLike(mlp.parameters());
        Backprop.backward(mlp, x, y, ws, gradient);

        String inputs = "network " + Show.sizes(sizes) + ", " + hidden + " hidden, N = " + rows + ", seed " + seed
                + "; the workspace holds " + capacity + " rows and saw a forward and backward pass of " + capacity
                + " rows before the forward pass of these " + rows + " (ws.rows() = " + rows + "), so its z, a and "
                + "δ arrays hold that pass's values beyond row " + rows + "; x = " + Show.array(x) + ", y = "
                + Show.array(y);
        verifyGradient(mlp, x, y, expected, gradient, inputs, allRows, DenseLayerTest.USED_LENGTH);
    }

    @ParameterizedTest(name = "network {0}, {1} hidden, N = {2}")
    @CsvSource({"2-5-4-1, TANH, 7", "3-4-2, SIGMOID, 5", "2-3-3-3-1, TANH, 12"})
    @DisplayName("agrees with centred differences of the loss, a second, independent way")
    void agreesWithFiniteDifferences(String shape, Activation hidden, int rows) {
        int[] sizes = parseSizes(shape);
        long seed = 700 + rows;
        Mlp mlp = network(sizes, hidden, seed);
        Random random = new Random(seed + 7);
        double[] x = gaussian(random, rows * sizes[0]);
        double[] y = labels(random, rows * mlp.outputSize());
        Workspace ws = mlp.newWorkspace(rows);
        Objective yours = new Objective() {
            @Override
            public Parameters parameters() {
                return mlp.parameters();
            }

            @Override
            public double loss() {
                return mlp.loss(x, y);
            }

            @Override
            public double lossAndGradient(Parameters gradient) {
                mlp.forward(x, ws);
                double loss = mlp.forwardLoss(y, ws);
                Backprop.backward(mlp, x, y, ws, gradient);
                return loss;
            }
        };

        GradientCheckReport report = GradientCheck.create().run(yours);

        String inputs = "network " + Show.sizes(sizes) + ", " + hidden + " hidden, N = " + rows + ", seed " + seed
                + ", step h = " + Show.num(GradientCheck.DEFAULT_STEP) + ", x = " + Show.array(x) + ", y = "
                + Show.array(y);
        Check.that(report.passed(), "the gradient check fails for "
                + report.failures().stream().map(TensorCheck::tensor).toList() + ": " + report.summary(), inputs);
    }

    @Test
    @DisplayName("trains lesson B's circle exactly as the library's backward pass does")
    void trainsTheCircle() {
        DataSet circle = DataSets.circle(200, 42);
        int[] sizes = {2, 8, 1};
        int epochs = 150;
        for (long seed : new long[] {43, 44, 45}) {
            Mlp library = Mlp.create(sizes, Activation.RELU, Initialisation.HE, seed);
            Mlp yours = Mlp.create(sizes, Activation.RELU, Initialisation.HE, seed);
            Parameters libraryGradient = library.parameters().zerosLike();
            Parameters yourGradient = yours.parameters().zerosLike();
            Workspace libraryWs = library.newWorkspace(circle.rows());
            Workspace yourWs = yours.newWorkspace(circle.rows());
            Sgd librarySgd = new Sgd(0.5);
            Sgd yourSgd = new Sgd(0.5);
            double firstLoss = Double.NaN;
            for (int epoch = 0; epoch < epochs; epoch++) {
                library.lossAndGradient(circle.x(), circle.y(), libraryWs, libraryGradient);
                librarySgd.step(library.parameters(), libraryGradient);
                yours.forward(circle.x(), yourWs);
                if (epoch == 0) {
                    firstLoss = yours.forwardLoss(circle.y(), yourWs);
                }
                Backprop.backward(yours, circle.x(), circle.y(), yourWs, yourGradient);
                yourSgd.step(yours.parameters(), yourGradient);
            }
            String inputs = "circle of 200 points (seed 42), network 2-8-1, RELU hidden, He weights from seed "
                    + seed + ", full-batch gradient descent, learning rate 0.5, " + epochs + " epochs";
            double expected = library.loss(circle.x(), circle.y());
            double actual = yours.loss(circle.x(), circle.y());
            Check.close("loss after " + epochs + " epochs", expected, actual, 1e-6, inputs);
            Check.that(actual < 0.8 * firstLoss, "the loss fell only from " + Show.num(firstLoss) + " to "
                    + Show.num(actual), inputs);
        }
    }

    /** Compares every tensor, naming the planted bug the learner's gradient matches, if any. */
    static void verifyGradient(Mlp mlp, double[] x, double[] y, Parameters expected, Parameters actual,
                               String inputs) {
        verifyGradient(mlp, x, y, expected, actual, inputs, null, null);
    }

    /** As above, with one more mistake: the gradient it gives and its explanation (or null, null). */
    static void verifyGradient(Mlp mlp, double[] x, double[] y, Parameters expected, Parameters actual,
                               String inputs, Parameters other, String otherExplanation) {
        PlantedBug[] bugs = PlantedBug.values();
        Parameters[] buggy = new Parameters[bugs.length];
        for (int k = 0; k < bugs.length; k++) {
            buggy[k] = mlp.parameters().zerosLike();
            bugs[k].objective(mlp, x, y).lossAndGradient(buggy[k]);
        }
        int outputs = mlp.outputSize();
        int[] sizes = mlp.sizes();
        String byNOnly = "the output δ was divided by N only: the loss is the mean over all N × outputs values, "
                + "so δ = (a − y) / (N · outputs)";
        boolean oneRow = x.length == mlp.inputSize(); // then dividing by N only is dividing by nothing
        for (int t = 0; t < expected.tensorCount(); t++) {
            String name = "d" + expected.tensorName(t);
            Diagnosis d = Diagnosis.of(name, expected.tensor(t), actual.tensor(t), inputs);
            if (!oneRow) {
                d.mistake(scaled(expected.tensor(t), outputs), byNOnly);
            }
            for (int k = 0; k < bugs.length; k++) {
                d.mistake(buggy[k].tensor(t), explain(bugs[k]));
            }
            if (t % 2 == 0) {
                int l = t / 2;
                d.mistake(transposed(expected.tensor(t), sizes[l], sizes[l + 1]),
                        "dW is transposed: you stored δᵀA; dW[i, j] belongs at dW[i * out + j], in × out like W");
            }
            d.mistake(plus(expected.tensor(t), GARBAGE),
                    "the gradient was added to, not overwritten: it held " + Show.num(GARBAGE) + " before the call");
            if (other != null) {
                d.mistake(other.tensor(t), otherExplanation);
            }
            d.verify();
        }
    }

    /**
     * The gradient a backward pass gives when each layer takes its number of rows from an array's
     * length (A_prev's in backward, Z_prev's in deltaPrevious) instead of N, on copies of the
     * workspace: rows beyond N hold an earlier, larger pass's values.
     */
    static Parameters usingArrayLengths(Mlp mlp, double[] x, double[] y, Workspace ws) {
        int[] sizes = mlp.sizes();
        int last = sizes.length - 2;
        int rows = ws.rows();
        Activation f = mlp.hiddenActivation();
        double[][] z = new double[last + 1][];
        double[][] a = new double[last + 1][];
        double[][] delta = new double[last + 1][];
        for (int l = 0; l <= last; l++) {
            z[l] = ws.z(l).clone();
            a[l] = ws.a(l).clone();
            delta[l] = ws.delta(l).clone();
        }
        int count = rows * sizes[last + 1];
        for (int k = 0; k < count; k++) {
            delta[last][k] = (a[last][k] - y[k]) / count;
        }
        Parameters g = mlp.parameters().zerosLike();
        for (int l = last; l >= 0; l--) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] aPrev = l == 0 ? x : a[l - 1];
            double[][] layer = DenseLayerTest.layerGradient(aPrev, delta[l], aPrev.length / in, in, out);
            System.arraycopy(layer[0], 0, g.weights(l), 0, in * out);
            System.arraycopy(layer[1], 0, g.biases(l), 0, out);
            if (l > 0) {
                double[] w = mlp.parameters().weights(l);
                for (int n = 0; n < z[l - 1].length / in; n++) {
                    for (int i = 0; i < in; i++) {
                        double sum = 0;
                        for (int j = 0; j < out; j++) {
                            sum += delta[l][n * out + j] * w[i * out + j];
                        }
                        delta[l - 1][n * in + i] = sum * f.derivative(z[l - 1][n * in + i]);
                    }
                }
            }
        }
        return g;
    }

    static String explain(PlantedBug bug) {
        return switch (bug) {
            case BIAS_AVERAGED_TWICE -> "your db is N times too small: the bias gradient was averaged, but δ "
                    + "already carries 1/N";
            case MISSING_ONE_OVER_N -> "the 1/N is missing: the loss is a mean, so the output δ is "
                    + "(a − y) / (N · outputs)";
            case TRANSPOSED_WEIGHTS -> "W was read transposed when sending δ back: in δ Wᵀ the weight from "
                    + "unit i to unit j is w[i * out + j]";
            case FLIPPED_SIGN -> "the sign is flipped: the error is a − y, not y − a";
            case DERIVATIVE_AT_ACTIVATION -> "the derivative was taken at a instead of z: use f'(Z_prev), "
                    + "not f'(A_prev)";
        };
    }

    static Parameters garbageLike(Parameters p) {
        Parameters g = p.zerosLike();
        for (int t = 0; t < g.tensorCount(); t++) {
            Arrays.fill(g.tensor(t), GARBAGE);
        }
        return g;
    }

    static int[] parseSizes(String shape) {
        return Arrays.stream(shape.trim().split("-")).mapToInt(Integer::parseInt).toArray();
    }

    /** He-initialised weights and non-zero biases. */
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
