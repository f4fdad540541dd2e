package backprop.check;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import backprop.Activation;
import backprop.Initialisation;
import backprop.Mlp;
import backprop.Parameters;
import backprop.data.DataSet;
import backprop.data.DataSets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bug zoo's backward pass is a second copy of {@link Mlp}'s. Pinned here to the library's:
 * each bug changes exactly the tensors it should, in the way it should, and leaves every other
 * tensor equal to {@code Mlp}'s gradient bit for bit. A change to one copy that is not made to the
 * other fails this test.
 */
@DisplayName("Each planted bug differs from Mlp's backward pass exactly where it should")
class PlantedBugTest {

    static final int[] SIZES = {3, 5, 4, 2};
    static final int ROWS = 12;
    static final double[] X = new double[ROWS * 3];
    static final double[] Y = new double[ROWS * 2];

    /** Three inputs and two outputs per row, so that no layer is square and no count is 1. */
    static {
        DataSet circle = DataSets.circle(ROWS, 9);
        double[] c = circle.x();
        double[] labels = circle.y();
        for (int n = 0; n < ROWS; n++) {
            X[3 * n] = c[2 * n];
            X[3 * n + 1] = c[2 * n + 1];
            X[3 * n + 2] = c[2 * n] * c[2 * n + 1];
            Y[2 * n] = labels[n];
            Y[2 * n + 1] = 1 - labels[n];
        }
    }

    static Mlp network() {
        return Mlp.create(SIZES, Activation.TANH, Initialisation.XAVIER, 17);
    }

    static Parameters buggy(PlantedBug bug) {
        Mlp mlp = network();
        Parameters g = mlp.parameters().zerosLike();
        bug.objective(mlp, X, Y).lossAndGradient(g);
        return g;
    }

    static Parameters truth() {
        return network().gradient(X, Y);
    }

    static double[] map(double[] t, DoubleUnaryOperator f) {
        return Arrays.stream(t).map(f).toArray();
    }

    @Test
    @DisplayName("a flipped sign negates every tensor, bit for bit")
    void flippedSign() {
        Parameters bug = buggy(PlantedBug.FLIPPED_SIGN);
        Parameters truth = truth();
        List<Executable> checks = new ArrayList<>();
        for (int k = 0; k < truth.tensorCount(); k++) {
            int t = k;
            checks.add(() -> assertArrayEquals(map(truth.tensor(t), v -> -v), bug.tensor(t), truth.tensorName(t)));
        }
        assertAll(checks);
    }

    @Test
    @DisplayName("a bias averaged twice leaves every W alone and divides every b by N")
    void biasAveragedTwice() {
        Parameters bug = buggy(PlantedBug.BIAS_AVERAGED_TWICE);
        Parameters truth = truth();
        int rows = ROWS;
        List<Executable> checks = new ArrayList<>();
        for (int l = 0; l < truth.layerCount(); l++) {
            int layer = l;
            checks.add(() -> assertArrayEquals(truth.weights(layer), bug.weights(layer), "W" + (layer + 1)));
            checks.add(() -> assertArrayEquals(map(truth.biases(layer), v -> v / rows), bug.biases(layer),
                    "b" + (layer + 1)));
        }
        assertAll(checks);
    }

    @Test
    @DisplayName("a missing 1/N multiplies every tensor by N · outputs")
    void missingOneOverN() {
        Parameters bug = buggy(PlantedBug.MISSING_ONE_OVER_N);
        Parameters truth = truth();
        double count = ROWS * SIZES[SIZES.length - 1];
        List<Executable> checks = new ArrayList<>();
        for (int k = 0; k < truth.tensorCount(); k++) {
            int t = k;
            double[] expected = map(truth.tensor(t), v -> v * count);
            for (int i = 0; i < expected.length; i++) {
                int e = i;
                checks.add(() -> assertEquals(expected[e], bug.tensor(t)[e], 1e-13 * Math.max(1, Math.abs(expected[e])),
                        truth.tensorName(t) + "[" + e + "]"));
            }
        }
        assertAll(checks);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PlantedBug.class, names = {"TRANSPOSED_WEIGHTS", "DERIVATIVE_AT_ACTIVATION"})
    @DisplayName("a bug in sending δ back leaves the output layer's W and b alone, and changes every layer below")
    void sendingDeltaBack(PlantedBug planted) {
        Parameters bug = buggy(planted);
        Parameters truth = truth();
        int last = truth.layerCount() - 1;
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertArrayEquals(truth.weights(last), bug.weights(last), "W" + (last + 1)));
        checks.add(() -> assertArrayEquals(truth.biases(last), bug.biases(last), "b" + (last + 1)));
        for (int l = 0; l < last; l++) {
            int layer = l;
            checks.add(() -> assertFalse(Arrays.equals(truth.weights(layer), bug.weights(layer)),
                    "W" + (layer + 1) + " should differ"));
            checks.add(() -> assertFalse(Arrays.equals(truth.biases(layer), bug.biases(layer)),
                    "b" + (layer + 1) + " should differ"));
        }
        assertAll(checks);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PlantedBug.class)
    @DisplayName("the buggy objective's loss is the network's true loss")
    void trueLoss(PlantedBug planted) {
        Mlp mlp = network();
        Parameters g = mlp.parameters().zerosLike();
        assertEquals(mlp.loss(X, Y), planted.objective(mlp, X, Y).lossAndGradient(g));
    }
}
