package exercises.training;

import backprop.Activation;
import backprop.Initialisation;
import backprop.Mlp;
import backprop.Parameters;
import backprop.Workspace;
import backprop.data.DataSet;
import backprop.data.DataSets;
import backprop.train.History;
import backprop.train.Sgd;
import backprop.train.Trainer;
import backprop.train.TrainingOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import workbook.grading.Check;
import workbook.grading.Diagnosis;
import workbook.grading.Show;

@DisplayName("Exercise 06 · the training loop")
class TrainingLoopTest {

    private static final String SHIFTED =
            "your rows are shifted by one: row e holds the loss measured before update e, so row e + 1 repeats "
                    + "row e's network; record the forward pass of the network after e updates as row e";
    private static final String ASCENT =
            "the loss goes up: you stepped along the gradient (θ + η∇θL); step against it, θ ← θ − η∇θL";
    private static final String RATE_IGNORED =
            "these are the numbers of η = 1: the learning rate was ignored; multiply the gradient by η";
    private static final String LAST_ROW_MISSING =
            "your history has one row per update, measured before it, so the last row (the network you "
                    + "return) is missing: after the loop, measure the trained network once more";
    private static final String FIRST_ROW_MISSING =
            "your history has one row per update, measured after it, so row 0 (the untrained network) is "
                    + "missing";
    private static final String FIRST_IS_AFTER_UPDATE =
            "your row 0 is the network after the first update: measure the untrained network before any update";
    private static final String LAST_ROW_BEFORE_UPDATE =
            "your last row is the loss of the forward pass before the last update, not of the network you "
                    + "return: measure it again after the loop";

    /** One training run: the network (built afresh each time from the seed), the data, η and the epochs. */
    record Case(int[] sizes, Activation hidden, long networkSeed, int points, long dataSeed, double eta,
                int epochs) {

        Mlp network() {
            return Mlp.create(sizes, hidden, Initialisation.HE, networkSeed);
        }

        DataSet data() {
            return DataSets.circle(points, dataSeed);
        }

        String inputs() {
            return "Mlp.create(" + Show.sizes(sizes) + ", " + hidden + ", HE, seed " + networkSeed
                    + "), DataSets.circle(" + points + ", " + dataSeed + "), η = " + Show.num(eta)
                    + ", epochs = " + epochs;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %s, N = %d, η = %s, %d epochs", Show.sizes(sizes), hidden,
                    points, Show.num(eta), epochs);
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(new int[] {2, 16, 8, 1}, Activation.RELU, 42, 60, 1, 0.1, 15),
                new Case(new int[] {2, 5, 1}, Activation.TANH, 3, 17, 2, 0.3, 10),
                new Case(new int[] {2, 8, 8, 4, 1}, Activation.RELU, 7, 100, 3, 0.05, 20),
                new Case(new int[] {2, 3, 1}, Activation.SIGMOID, 11, 1, 4, 0.2, 6));
    }

    /** The losses, accuracies and final parameters of a hand-run loop θ ← θ − step · ∇θL. */
    record Run(double[] losses, double[] accuracies, Parameters parameters) {
    }

    /** The right loop with {@code step} in place of η: −η is gradient ascent, 1 ignores η. */
    static Run descend(Case c, double step) {
        Mlp mlp = c.network();
        DataSet data = c.data();
        double[] x = data.x();
        double[] y = data.y();
        Workspace ws = mlp.newWorkspace(data.rows());
        Parameters theta = mlp.parameters();
        Parameters g = theta.zerosLike();
        double[] losses = new double[c.epochs() + 1];
        double[] accuracies = new double[c.epochs() + 1];
        for (int e = 0; e <= c.epochs(); e++) {
            losses[e] = mlp.lossAndGradient(x, y, ws, g);
            accuracies[e] = accuracy(ws.output(), y);
            if (e < c.epochs()) {
                for (int k = 0; k < theta.tensorCount(); k++) {
                    double[] t = theta.tensor(k);
                    double[] gk = g.tensor(k);
                    for (int i = 0; i < t.length; i++) {
                        t[i] -= step * gk[i];
                    }
                }
            }
        }
        return new Run(losses, accuracies, theta);
    }

    /** The fraction of rows with (a > 0.5) == (y == 1), computed here, not with the exercise's helper. */
    static double accuracy(double[] a, double[] y) {
        int correct = 0;
        for (int n = 0; n < y.length; n++) {
            correct += ((a[n] > 0.5) == (y[n] == 1.0)) ? 1 : 0;
        }
        return (double) correct / y.length;
    }

    /** The expected history and network, from the library's trainer with Sgd(η). */
    record Expected(History history, Mlp mlp) {
    }

    static Expected library(Case c) {
        Mlp mlp = c.network();
        History h = Trainer.train(mlp, c.data(), new Sgd(c.eta()), TrainingOptions.fullBatch(c.epochs()));
        return new Expected(h, mlp);
    }

    /** Row e + 1 holds row e: the pre-update loss of step e + 1 recorded after row 0. */
    static double[] shifted(double[] rows) {
        double[] s = rows.clone();
        System.arraycopy(rows, 0, s, 1, rows.length - 1);
        return s;
    }

    static List<Epoch> runLearner(Mlp mlp, Case c) {
        List<Epoch> h = TrainingLoop.train(mlp, c.data(), c.eta(), c.epochs());
        Check.that(h != null, "train returned null: expected a list of epochs + 1 rows", c.inputs());
        for (int e = 0; e < h.size(); e++) {
            Check.that(h.get(e) != null, "row " + e + " of your history is null", c.inputs());
        }
        return h;
    }

    static double[] losses(List<Epoch> h) {
        return h.stream().mapToDouble(Epoch::loss).toArray();
    }

    static double[] accuracies(List<Epoch> h) {
        return h.stream().mapToDouble(Epoch::accuracy).toArray();
    }

    /** The classic mistakes of the loss column, for a diagnosis of the whole column. */
    static Diagnosis lossDiagnosis(Case c, double[] expected, double[] actual) {
        return Diagnosis.of("loss per row", expected, actual, c.inputs())
                .mistake(Arrays.copyOf(expected, expected.length - 1), LAST_ROW_MISSING)
                .mistake(Arrays.copyOfRange(expected, 1, expected.length), FIRST_ROW_MISSING)
                .mistake(shifted(expected), SHIFTED)
                .mistake(descend(c, -c.eta()).losses(), ASCENT)
                .mistake(descend(c, 1.0).losses(), RATE_IGNORED);
    }

    @Nested
    @Tag("task:1")
    @DisplayName("Task 1 · full-batch gradient descent and its history")
    class Task1 {

        @ParameterizedTest(name = "{0}")
        @MethodSource("exercises.training.TrainingLoopTest#cases")
        @DisplayName("returns epochs + 1 rows, numbered 0, 1, …, epochs")
        void rows(Case c) {
            Expected expected = library(c);
            List<Epoch> h = runLearner(c.network(), c);
            double[] want = expected.history().losses();
            double[] got = TrainingLoopTest.losses(h);
            if (h.size() == c.epochs()) {
                String rows = "your history has epochs = " + c.epochs() + " rows: expected epochs + 1 = "
                        + (c.epochs() + 1) + "; ";
                Check.that(!Check.near(Arrays.copyOf(want, c.epochs()), got, Diagnosis.MATCH_TOLERANCE),
                        rows + LAST_ROW_MISSING, c.inputs());
                Check.that(!Check.near(Arrays.copyOfRange(want, 1, want.length), got, Diagnosis.MATCH_TOLERANCE),
                        rows + FIRST_ROW_MISSING, c.inputs());
            }
            Check.that(h.size() == c.epochs() + 1, "your history has " + h.size() + " rows: expected epochs + 1 = "
                    + (c.epochs() + 1) + ", row 0 for the untrained network and one row after each update",
                    c.inputs());
            for (int e = 0; e < h.size(); e++) {
                Check.that(h.get(e).epoch() == e, "row " + e + " has epoch = " + h.get(e).epoch()
                        + ": expected " + e + ", the number of updates made before it was measured", c.inputs());
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("exercises.training.TrainingLoopTest#cases")
        @DisplayName("records the same losses as the library's trainer, row for row")
        void losses(Case c) {
            Expected expected = library(c);
            List<Epoch> h = runLearner(c.network(), c);
            lossDiagnosis(c, expected.history().losses(), TrainingLoopTest.losses(h)).verify();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("exercises.training.TrainingLoopTest#cases")
        @DisplayName("records the same accuracies as the library's trainer, row for row")
        void accuracies(Case c) {
            Expected expected = library(c);
            List<Epoch> h = runLearner(c.network(), c);
            double[] want = expected.history().accuracies();
            Diagnosis.of("accuracy per row", want, TrainingLoopTest.accuracies(h), c.inputs())
                    .mistake(Arrays.copyOf(want, want.length - 1), LAST_ROW_MISSING)
                    .mistake(Arrays.copyOfRange(want, 1, want.length), FIRST_ROW_MISSING)
                    .mistake(shifted(want), SHIFTED)
                    .mistake(descend(c, -c.eta()).accuracies(), ASCENT)
                    .mistake(descend(c, 1.0).accuracies(), RATE_IGNORED)
                    .verify();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("exercises.training.TrainingLoopTest#cases")
        @DisplayName("leaves the network with the same weights and biases as the library's trainer")
        void parameters(Case c) {
            Expected expected = library(c);
            Mlp mlp = c.network();
            runLearner(mlp, c);
            Parameters want = expected.mlp().parameters();
            Parameters got = mlp.parameters();
            Parameters ascent = descend(c, -c.eta()).parameters();
            Parameters rateIgnored = descend(c, 1.0).parameters();
            for (int k = 0; k < want.tensorCount(); k++) {
                Diagnosis.of(want.tensorName(k) + " after training", want.tensor(k), got.tensor(k), c.inputs())
                        .mistake(ascent.tensor(k), ASCENT)
                        .mistake(rateIgnored.tensor(k), RATE_IGNORED)
                        .verify();
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("exercises.training.TrainingLoopTest#cases")
        @DisplayName("row 0 is the untrained network and the last row the returned one, measured again")
        void firstAndLastRows(Case c) {
            Mlp mlp = c.network();
            DataSet data = c.data();
            double untrained = mlp.loss(data.x(), data.y());
            double untrainedAccuracy = Trainer.accuracy(mlp, data);
            List<Epoch> h = runLearner(mlp, c);
            Check.that(!h.isEmpty(), "your history is empty: expected epochs + 1 rows", c.inputs());
            Epoch first = h.get(0);
            Epoch last = h.get(h.size() - 1);
            double[] rows = library(c).history().losses();
            Diagnosis.of("row 0 loss (the untrained network)", untrained, first.loss(), c.inputs())
                    .mistake(rows.length >= 2 ? rows[1] : Double.NaN, FIRST_IS_AFTER_UPDATE)
                    .verify();
            Check.close("row 0 accuracy (the untrained network)", untrainedAccuracy, first.accuracy(), c.inputs());
            double lastPreUpdate = rows.length >= 2 ? rows[rows.length - 2] : Double.NaN;
            Diagnosis.of("last row loss (the returned network, measured again)", mlp.loss(data.x(), data.y()),
                            last.loss(), c.inputs())
                    .mistake(lastPreUpdate, LAST_ROW_BEFORE_UPDATE)
                    .verify();
            Check.close("last row accuracy (the returned network, measured again)", Trainer.accuracy(mlp, data),
                    last.accuracy(), c.inputs());
        }

        @Test
        @DisplayName("with 0 epochs returns one row, the untrained network, and changes nothing")
        void zeroEpochs() {
            Case c = new Case(new int[] {2, 4, 1}, Activation.RELU, 5, 30, 6, 0.1, 0);
            Mlp mlp = c.network();
            Parameters before = mlp.parameters().copy();
            DataSet data = c.data();
            List<Epoch> h = runLearner(mlp, c);
            Check.that(h.size() == 1, "with 0 epochs your history has " + h.size()
                    + " rows: expected 1, the untrained network", c.inputs());
            Check.that(before.sameValues(mlp.parameters()), "with 0 epochs the parameters changed: expected "
                    + "no update at all", c.inputs());
            Check.that(h.get(0).epoch() == 0, "row 0 has epoch = " + h.get(0).epoch() + ": expected 0", c.inputs());
            Check.close("row 0 loss", mlp.loss(data.x(), data.y()), h.get(0).loss(), c.inputs());
            Check.close("row 0 accuracy", Trainer.accuracy(mlp, data), h.get(0).accuracy(), c.inputs());
        }
    }

    @Nested
    @Tag("task:2")
    @DisplayName("Task 2 · lesson B's circle")
    class Task2 {

        @Test
        @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
        @DisplayName("reaches at least 99% training accuracy with lesson B's set-up (2-16-8-1, η = 0.1, 1000 epochs)")
        void lessonB() {
            Case c = new Case(new int[] {2, 16, 8, 1}, Activation.RELU, 42, 500, 42, 0.1, 1000);
            Mlp mlp = c.network();
            DataSet data = c.data();
            double untrained = mlp.loss(data.x(), data.y());
            runLearner(mlp, c);
            double accuracy = Trainer.accuracy(mlp, data);
            double loss = mlp.loss(data.x(), data.y());
            Check.that(accuracy >= 0.99, String.format(Locale.ROOT, "after 1000 epochs your network gets %.1f%% "
                    + "of the circle right (loss %.4f): expected at least 99%% (the library reaches 99.6%%, "
                    + "loss 0.0405)%s", 100 * accuracy, loss, loss < untrained ? ""
                    : "; the loss did not go down from the untrained " + Show.num(untrained) + ": " + ASCENT),
                    c.inputs());
        }
    }
}
