package backprop.train;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.Activation;
import backprop.Initialisation;
import backprop.Mlp;
import backprop.Parameters;
import backprop.data.DataSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Mini-batch training observed from outside: an optimizer that records every step it is asked to
 * take shows how many batches an epoch has and which rows each one held. A single-row batch's
 * gradient is recognised by computing every row's gradient at the parameters before the step; the
 * trainer and {@link Mlp#gradient} do the same arithmetic, so the match is bit for bit.
 */
@Timeout(2) // every test loops; each takes well under a second
@DisplayName("Mini-batch training")
class MiniBatchTest {

    private static final Activation HIDDEN = Activation.TANH;
    private static final double LEARNING_RATE = 0.5;

    /** Gradients of the same batch summed in another row order. */
    private static final double SUMMATION_ORDER = 1e-12;

    /** A network 2-3-1 with tanh: smooth, so every row has its own gradient. */
    private static Mlp network() {
        return Mlp.create(new int[] {2, 3, 1}, HIDDEN, Initialisation.XAVIER, 11);
    }

    /** Rows of Gaussian features with alternating labels, all distinct. */
    private static DataSet rows(int n) {
        Random random = new Random(100 + n);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        for (int r = 0; r < n; r++) {
            y[r] = r % 2;
        }
        return new DataSet(n + " random rows", 2, x, y);
    }

    private static double[] x(DataSet data, int row) {
        return Arrays.copyOfRange(data.x(), 2 * row, 2 * row + 2);
    }

    private static double[] y(DataSet data, int row) {
        return new double[] {data.y()[row]};
    }

    /** SGD that keeps, for every step, the parameters before it and the gradient it was given. */
    private static final class Recorder implements Optimizer {

        private final Sgd sgd = new Sgd(LEARNING_RATE);
        final List<Parameters> before = new ArrayList<>();
        final List<Parameters> gradients = new ArrayList<>();

        @Override
        public void step(Parameters theta, Parameters gradient) {
            before.add(theta.copy());
            gradients.add(gradient.copy());
            sgd.step(theta, gradient);
        }

        @Override
        public double learningRate() {
            return sgd.learningRate();
        }

        @Override
        public void reset() {
            sgd.reset();
        }

        @Override
        public String describe() {
            return "recording " + sgd.describe();
        }

        int steps() {
            return before.size();
        }
    }

    /** A training run with a recorder and the step count seen at each epoch's end. */
    private record Run(Recorder recorder, List<Integer> stepsAtEpoch, History history) {

        static Run of(DataSet data, int epochs, int batchSize, long seed) {
            Recorder recorder = new Recorder();
            List<Integer> steps = new ArrayList<>();
            History h = Trainer.train(network(), data, recorder, TrainingOptions.miniBatch(epochs, batchSize, seed),
                    (e, loss, accuracy) -> steps.add(recorder.steps()));
            return new Run(recorder, steps, h);
        }

        /** @return the steps of epoch e (1-based) as indices into the recorder's lists */
        int firstStep(int e) {
            return stepsAtEpoch.get(e - 1);
        }

        int endStep(int e) {
            return stepsAtEpoch.get(e);
        }
    }

    /** @return every row whose own gradient at theta equals the given gradient, bit for bit */
    private static List<Integer> rowsWithGradient(DataSet data, Parameters theta, Parameters gradient) {
        Mlp at = Mlp.of(theta.copy(), HIDDEN);
        List<Integer> matches = new ArrayList<>();
        for (int r = 0; r < data.rows(); r++) {
            if (at.gradient(x(data, r), y(data, r)).sameValues(gradient)) {
                matches.add(r);
            }
        }
        return matches;
    }

    /** @return the row of a single-row step, failing unless exactly one row matches */
    private static int rowOfStep(DataSet data, Recorder recorder, int step) {
        List<Integer> rows = rowsWithGradient(data, recorder.before.get(step), recorder.gradients.get(step));
        assertEquals(1, rows.size(), "step " + step + " should be the gradient of exactly one row, matched rows "
                + rows + " (a batch holding stale or extra rows matches none)");
        return rows.get(0);
    }

    @Nested
    @DisplayName("batches")
    class Batches {

        @ParameterizedTest(name = "{0} rows in batches of {1}: {2} steps per epoch")
        @CsvSource({
            "10, 4, 3",
            "10, 3, 4",
            "10, 5, 2",
            "10, 9, 2",
            " 5, 4, 2",
            " 7, 1, 7",
            "10, 10, 1",
            "10, 50, 1",
        })
        @DisplayName("take ceil(rows / batch size) optimizer steps per epoch: the last, partial batch is kept")
        void stepsPerEpoch(int rows, int batchSize, int expected) {
            int epochs = 3;
            Run run = Run.of(rows(rows), epochs, batchSize, 1);
            assertEquals(epochs + 1, run.stepsAtEpoch().size());
            for (int e = 1; e <= epochs; e++) {
                assertEquals(expected, run.endStep(e) - run.firstStep(e), "steps in epoch " + e);
            }
        }

        @Test
        @DisplayName("of one row visit every row exactly once per epoch, in an order that changes between epochs")
        void permutationPerEpoch() {
            DataSet data = rows(6);
            int epochs = 4;
            Run run = Run.of(data, epochs, 1, 5);
            List<List<Integer>> orders = new ArrayList<>();
            for (int e = 1; e <= epochs; e++) {
                List<Integer> order = new ArrayList<>();
                for (int s = run.firstStep(e); s < run.endStep(e); s++) {
                    order.add(rowOfStep(data, run.recorder(), s));
                }
                assertEquals(List.of(0, 1, 2, 3, 4, 5), order.stream().sorted().toList(),
                        "epoch " + e + " visited " + order + ": expected each row once");
                orders.add(order);
            }
            for (int e = 1; e < epochs; e++) {
                assertNotEquals(orders.get(e - 1), orders.get(e),
                        "epochs " + e + " and " + (e + 1) + " used the same order: " + orders);
            }
            assertFalse(orders.contains(List.of(0, 1, 2, 3, 4, 5)), "an epoch was not shuffled: " + orders);
            // The shuffle of epoch e rearranges epoch e-1's order: order_e[i] = order_{e-1}[s_e[i]].
            // A fresh draw gives a new s_e each epoch; re-applying one shuffle repeats s.
            List<List<Integer>> shuffles = new ArrayList<>();
            List<Integer> previous = List.of(0, 1, 2, 3, 4, 5);
            for (List<Integer> order : orders) {
                List<Integer> s = new ArrayList<>();
                for (int row : order) {
                    s.add(previous.indexOf(row));
                }
                shuffles.add(s);
                previous = order;
            }
            for (int e = 1; e < epochs; e++) {
                assertNotEquals(shuffles.get(e - 1), shuffles.get(e),
                        "epochs " + e + " and " + (e + 1) + " applied the same shuffle: " + shuffles);
            }
        }

        @Test
        @DisplayName("leave a last batch of exactly the remaining row (5 rows, batch 4), the rest in the first")
        void remainderBatch() {
            DataSet data = rows(5);
            int epochs = 3;
            Run run = Run.of(data, epochs, 4, 2);
            Recorder rec = run.recorder();
            for (int e = 1; e <= epochs; e++) {
                int first = run.firstStep(e);
                int last = run.endStep(e) - 1;
                assertEquals(2, run.endStep(e) - first, "steps in epoch " + e + ": a batch of 4 and a batch of 1");
                int remaining = rowOfStep(data, rec, last);
                // The first batch is the other four rows; their order inside it is the shuffle's, so
                // compare with a tolerance for the order of the sum.
                double[] x = new double[8];
                double[] y = new double[4];
                int k = 0;
                for (int r = 0; r < 5; r++) {
                    if (r != remaining) {
                        System.arraycopy(data.x(), 2 * r, x, 2 * k, 2);
                        y[k++] = data.y()[r];
                    }
                }
                Parameters expected = Mlp.of(rec.before.get(first).copy(), HIDDEN).gradient(x, y);
                Parameters actual = rec.gradients.get(first);
                for (int t = 0; t < expected.tensorCount(); t++) {
                    double[] ex = expected.tensor(t);
                    double[] ac = actual.tensor(t);
                    for (int i = 0; i < ex.length; i++) {
                        assertEquals(ex[i], ac[i], SUMMATION_ORDER, "epoch " + e + ", first batch, "
                                + expected.tensorName(t) + "[" + i + "]: expected all rows but " + remaining);
                    }
                }
            }
        }
    }

    @Nested
    @DisplayName("shuffling")
    class Shuffling {

        @Test
        @DisplayName("is reproducible: the same seed gives the same history and parameters, bit for bit")
        void sameSeed() {
            DataSet data = rows(10);
            Mlp a = network();
            Mlp b = network();
            History ha = Trainer.train(a, data, new Sgd(LEARNING_RATE), TrainingOptions.miniBatch(3, 4, 9));
            History hb = Trainer.train(b, data, new Sgd(LEARNING_RATE), TrainingOptions.miniBatch(3, 4, 9));
            assertAll(
                    () -> assertTrue(ha.sameAs(hb), ha + " vs " + hb),
                    () -> assertTrue(a.parameters().sameValues(b.parameters())));
        }

        @Test
        @DisplayName("depends on the seed: another seed gives another history")
        void otherSeed() {
            DataSet data = rows(10);
            History h1 = Trainer.train(network(), data, new Sgd(LEARNING_RATE), TrainingOptions.miniBatch(3, 4, 1));
            History h2 = Trainer.train(network(), data, new Sgd(LEARNING_RATE), TrainingOptions.miniBatch(3, 4, 2));
            assertFalse(h1.sameAs(h2), "seeds 1 and 2 trained identically: " + Arrays.toString(h1.losses()));
        }

        @Test
        @DisplayName("with batches of one is per-row SGD in exactly one order of the rows, another each epoch")
        void replayedAsPerRowSgd() {
            DataSet data = rows(4);
            TrainingOptions oneEpoch = TrainingOptions.miniBatch(1, 1, 3);
            TrainingOptions twoEpochs = TrainingOptions.miniBatch(2, 1, 3);
            Mlp afterOne = network();
            Mlp afterTwo = network();
            Trainer.train(afterOne, data, new Sgd(LEARNING_RATE), oneEpoch);
            Trainer.train(afterTwo, data, new Sgd(LEARNING_RATE), twoEpochs);

            List<int[]> first = ordersReaching(data, network().parameters(), afterOne.parameters());
            List<int[]> second = ordersReaching(data, afterOne.parameters(), afterTwo.parameters());
            assertEquals(1, first.size(), "orders of epoch 1 that reproduce the trained parameters");
            assertEquals(1, second.size(), "orders of epoch 2 that reproduce the trained parameters");
            assertFalse(Arrays.equals(first.get(0), second.get(0)),
                    "both epochs visited the rows in the order " + Arrays.toString(first.get(0)));
        }

        /** @return every order of the rows whose per-row SGD steps take start to end, bit for bit */
        private List<int[]> ordersReaching(DataSet data, Parameters start, Parameters end) {
            List<int[]> matches = new ArrayList<>();
            for (int[] order : permutations(data.rows())) {
                Parameters theta = start.copy();
                Mlp mlp = Mlp.of(theta, HIDDEN);
                Sgd sgd = new Sgd(LEARNING_RATE);
                for (int row : order) {
                    sgd.step(theta, mlp.gradient(x(data, row), y(data, row)));
                }
                if (theta.sameValues(end)) {
                    matches.add(order);
                }
            }
            return matches;
        }

        private List<int[]> permutations(int n) {
            List<int[]> all = new ArrayList<>();
            permute(new int[n], new boolean[n], 0, all);
            return all;
        }

        private void permute(int[] prefix, boolean[] used, int depth, List<int[]> all) {
            if (depth == prefix.length) {
                all.add(prefix.clone());
                return;
            }
            for (int r = 0; r < prefix.length; r++) {
                if (!used[r]) {
                    used[r] = true;
                    prefix[depth] = r;
                    permute(prefix, used, depth + 1, all);
                    used[r] = false;
                }
            }
        }
    }
}
