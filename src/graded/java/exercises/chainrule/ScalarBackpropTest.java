package exercises.chainrule;

import backprop.Activation;
import backprop.BinaryCrossEntropy;
import backprop.ChainRuleStep;
import backprop.ScalarNetwork;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import workbook.grading.Diagnosis;
import workbook.grading.Show;

@DisplayName("Exercise 03 · the chain rule on a 1-1-1 network")
@Tag("task:1")
class ScalarBackpropTest {

    private static final String SIGN = "the sign is flipped: the error at the output is dL/dz2 = a2 − y, not y − a2";
    private static final String NO_GATE = "you forgot the ReLU gate: dL/dz1 = dL/da1 · relu'(z1), and relu'(z1) = 0"
            + " when z1 <= 0";
    private static final String NO_A1 = "dw2 is missing the factor a1: dz2/dw2 = a1, the value that flowed in through w2";
    private static final String NO_W2 = "you skipped the factor w2 on the way back into layer 1: dL/da1 = dL/dz2 · w2";
    private static final String AT_A = "the derivative was taken at a instead of z: σ'(a2) instead of σ'(z2)"
            + " (or simply use the fused dL/dz2 = a2 − y)";
    private static final String DB2_ZEROED = "db2 is not 0 when the ReLU is off: b2 does not pass through the ReLU,"
            + " so dL/db2 = dL/dz2 = a2 − y whatever z1 is";
    private static final String AT_CORNER = "relu'(0) must be 0: you tested z1 >= 0; at exactly z1 = 0 the ReLU is off"
            + " and passes no gradient";
    private static final double STEP = 1e-6;

    /** One sample through the network, with its forward values. */
    record Case(double w1, double b1, double w2, double b2, double x, double y) {

        double z1() {
            return w1 * x + b1;
        }

        double a1() {
            return Activation.RELU.apply(z1());
        }

        double z2() {
            return w2 * a1() + b2;
        }

        double a2() {
            return Activation.SIGMOID.apply(z2());
        }

        String inputs() {
            return "w1 = " + Show.num(w1) + ", b1 = " + Show.num(b1) + ", w2 = " + Show.num(w2) + ", b2 = "
                    + Show.num(b2) + ", x = " + Show.num(x) + ", y = " + Show.num(y) + "; forward: z1 = "
                    + Show.num(z1()) + ", a1 = " + Show.num(a1()) + ", z2 = " + Show.num(z2()) + ", a2 = "
                    + Show.num(a2());
        }

        /** {dw1, db1, dw2, db2} from the library's chain-rule ledger. */
        double[] ledger() {
            List<ChainRuleStep> steps = new ScalarNetwork(w1, b1, w2, b2).ledger(x, y);
            return new double[] {gradient(steps, "w1"), gradient(steps, "b1"), gradient(steps, "w2"),
                    gradient(steps, "b2")};
        }

        /** The loss as a function of the four parameters, from the logit (exact for any z2). */
        double loss(double ww1, double bb1, double ww2, double bb2) {
            double a1 = Activation.RELU.apply(ww1 * x + bb1);
            return BinaryCrossEntropy.lossFromLogits(new double[] {y}, new double[] {ww2 * a1 + bb2});
        }

        /** {dw1, db1, dw2, db2} by centred differences, nudging one parameter at a time. */
        double[] finiteDifferences() {
            double h2 = 2 * STEP;
            return new double[] {
                (loss(w1 + STEP, b1, w2, b2) - loss(w1 - STEP, b1, w2, b2)) / h2,
                (loss(w1, b1 + STEP, w2, b2) - loss(w1, b1 - STEP, w2, b2)) / h2,
                (loss(w1, b1, w2 + STEP, b2) - loss(w1, b1, w2 - STEP, b2)) / h2,
                (loss(w1, b1, w2, b2 + STEP) - loss(w1, b1, w2, b2 - STEP)) / h2};
        }

        /**
         * {dw1, db1, dw2, db2} computed with one classic mistake or more.
         *
         * @param sign the error taken as y − a2
         * @param gate whether relu'(z1) is applied
         * @param a1Factor whether dw2 carries a1
         * @param w2Factor whether dL/da1 carries w2
         * @param sigmaAtA dL/dz2 as dL/da2 · σ'(a2) instead of a2 − y
         */
        double[] variant(boolean sign, boolean gate, boolean a1Factor, boolean w2Factor, boolean sigmaAtA) {
            double a2 = a2();
            double dLdz2 = sign ? y - a2 : a2 - y;
            if (sigmaAtA) {
                dLdz2 = BinaryCrossEntropy.derivative(y, a2) * Activation.SIGMOID.derivative(a2);
            }
            double dLdw2 = a1Factor ? dLdz2 * a1() : dLdz2;
            double dLda1 = w2Factor ? dLdz2 * w2 : dLdz2;
            double dLdz1 = gate ? dLda1 * Activation.RELU.derivative(z1()) : dLda1;
            return new double[] {dLdz1 * x, dLdz1, dLdw2, dLdz2};
        }

        /** The right answer beside every classic mistake, for one of the four gradients. */
        Diagnosis diagnose(int k, double expected, double actual) {
            Diagnosis d = Diagnosis.of(NAMES[k], expected, actual, inputs());
            if (z1() == 0) {
                d = d.mistake(variant(false, false, true, true, false)[k], AT_CORNER);
            }
            if (k == 3 && z1() <= 0) {
                d = d.mistake(0.0, DB2_ZEROED);
            }
            return d.mistake(variant(true, true, true, true, false)[k], SIGN)
                    .mistake(variant(false, false, true, true, false)[k], NO_GATE)
                    .mistake(variant(false, true, false, true, false)[k], NO_A1)
                    .mistake(variant(false, true, true, false, false)[k], NO_W2)
                    .mistake(variant(false, true, true, true, true)[k], AT_A);
        }
    }

    private static final String[] NAMES = {"dL/dw1", "dL/db1", "dL/dw2", "dL/db2"};

    /** Backwards, as the chain is walked: db2, dw2, then db1, dw1, so the first wrong link is named first. */
    private static final int[] ORDER = {3, 2, 1, 0};

    static double gradient(List<ChainRuleStep> steps, String node) {
        for (ChainRuleStep s : steps) {
            if (s.node().equals(node)) {
                return s.gradient();
            }
        }
        throw new IllegalStateException("the library's ledger has no node " + node);
    }

    static double[] asArray(Gradients g) {
        return new double[] {g.dw1(), g.db1(), g.dw2(), g.db2()};
    }

    static double[] backward(Case c) {
        return asArray(ScalarBackprop.backward(c.w1(), c.b1(), c.w2(), c.b2(), c.x(), c.y()));
    }

    /** A random case with two-decimal values, its z1 kept away from the ReLU's corner. */
    static Case randomCase(long seed) {
        Random random = new Random(seed);
        while (true) {
            Case c = new Case(twoDecimals(random), twoDecimals(random), twoDecimals(random), twoDecimals(random),
                    twoDecimals(random), random.nextBoolean() ? 1 : 0);
            if (Math.abs(c.z1()) > 0.05) {
                return c;
            }
        }
    }

    static double twoDecimals(Random random) {
        return (random.nextInt(401) - 200) / 100.0; // [-2, 2]
    }

    static void verifyAll(Case c, double[] expected) {
        double[] actual = backward(c);
        for (int k : ORDER) {
            c.diagnose(k, expected[k], actual[k]).verify();
        }
    }

    @ParameterizedTest(name = "w1 = {0}, b1 = {1}, w2 = {2}, b2 = {3}, x = {4}, y = {5}")
    @CsvSource({
        "0.5, 0.05, -1.2, 0.3, 1.5, 1",
        "0.8, -0.2, 1.5, -0.4, 2.0, 0",
        "-0.7, 0.3, 0.9, 0.1, -1.1, 1",
        "1.3, 0.2, -0.6, 0.5, 0.4, 0",
        "2.0, -1.0, 2.5, -3.0, 1.7, 1"})
    @DisplayName("with the ReLU on, matches the library's chain-rule ledger (notebook: 1.186669, 0.791112, −0.527408, −0.659260)")
    void reluOn(double w1, double b1, double w2, double b2, double x, double y) {
        Case c = new Case(w1, b1, w2, b2, x, y);
        verifyAll(c, c.ledger());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33, 34, 35, 36})
    @DisplayName("on random parameters, matches the ledger and a centred finite difference of the loss")
    void randomParameters(long seed) {
        Case c = randomCase(seed);
        verifyAll(c, c.ledger());
        double[] numerical = c.finiteDifferences();
        double[] actual = backward(c);
        for (int k : ORDER) {
            if (Math.abs(actual[k] - numerical[k]) <= 1e-6 * Math.max(Math.abs(numerical[k]), Math.abs(actual[k])) + 1e-8) {
                continue;
            }
            c.diagnose(k, numerical[k], actual[k]).tolerance(1e-6).verify();
        }
    }

    @ParameterizedTest(name = "w1 = {0}, b1 = {1}, w2 = {2}, b2 = {3}, x = {4}, y = {5}")
    @CsvSource({
        "0.5, 0.05, -1.2, 0.3, -1.0, 1",
        "0.8, -0.2, 1.5, -0.4, -0.5, 0",
        "-0.7, -0.3, 0.9, 0.1, 0.2, 1",
        "1.0, -2.0, -0.8, 0.6, 2.0, 0"})
    @DisplayName("with the ReLU off (z1 <= 0, also exactly 0): dw1 = db1 = dw2 = 0 exactly, and db2 = a2 − y is not 0")
    void reluOff(double w1, double b1, double w2, double b2, double x, double y) {
        Case c = new Case(w1, b1, w2, b2, x, y);
        double[] actual = backward(c);
        double[] expected = c.ledger();
        c.diagnose(3, expected[3], actual[3]).verify();
        for (int k : new int[] {2, 1, 0}) {
            c.diagnose(k, 0.0, actual[k]).verify();
        }
    }
}
