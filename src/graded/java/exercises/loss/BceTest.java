package exercises.loss;

import backprop.Activation;
import backprop.BinaryCrossEntropy;
import java.util.Arrays;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import workbook.grading.Check;
import workbook.grading.Diagnosis;
import workbook.grading.Show;

@DisplayName("Exercise 01 · binary cross-entropy: the loss and its gradient")
class BceTest {

    private static final String LOSS_SIGN =
            "the sign is flipped: L = −(1/N) Σ [y ln p + (1 − y) ln(1 − p)] has a minus in front, so a loss is never negative";
    private static final String LOSS_SUMMED =
            "your L is N times too large: that is the sum over the batch; the loss is the mean, so divide by N";
    private static final String MISSING_INV_N =
            "the 1/N is missing: L is the mean over the batch, so every entry carries a factor 1/N";
    private static final String GRADIENT_SIGN_P =
            "the sign is flipped: dL/dp = −y/p + (1 − y)/(1 − p) is negative for y = 1, so that descent raises p";
    private static final String GRADIENT_SIGN_Z = "the sign is flipped: the error is a − y, not y − a";
    private static final String ADDED = "you added to what was already in the output array (+=); overwrite each entry (=)";
    private static final String CLAMP = "pass every p through clamp(p) before the logarithm or the division:"
            + " at p = 0 or 1 a logarithm or a division by 0 gives ±Infinity or NaN";
    private static final double STEP = 1e-6;

    // ---------------------------------------------------------------- data and messages

    /** N labels, each 0 or 1. */
    static double[] labels(int n, Random random) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextBoolean() ? 1 : 0;
        }
        return y;
    }

    /** N probabilities from 0.01 to 0.99 with two decimals, so that a message shows them exactly. */
    static double[] probabilities(int n, Random random) {
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = (1 + random.nextInt(99)) / 100.0;
        }
        return p;
    }

    /** N logits in [-range, range] with two decimals. */
    static double[] logits(int n, Random random, int range) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = (random.nextInt(200 * range + 1) - 100 * range) / 100.0;
        }
        return z;
    }

    /** Every value, as {@code {1, 0, 0.37}}. */
    static String all(double[] values) {
        StringJoiner s = new StringJoiner(", ", "{", "}");
        for (double v : values) {
            s.add(Show.num(v));
        }
        return s.toString();
    }

    static String batch(double[] y, String name, double[] values) {
        return "N = " + y.length + ", y = " + all(y) + ", " + name + " = " + all(values);
    }

    static String batch(double[] y, String name, double[] values, long seed) {
        return batch(y, name, values) + " (seed " + seed + ")";
    }

    /** Fails unless {@code after} holds exactly the values of {@code before}: no method may write into its inputs. */
    static void unchanged(String name, double[] before, double[] after, String inputs) {
        Check.that(Arrays.equals(before, after), "you changed the input " + name + ": it was " + all(before)
                + ", after the call it is " + all(after) + "; y, p, z and a are input only"
                + " (copy, or clamp into a local variable)", inputs);
    }

    /** The given arrays, copied, to compare with after a call. */
    static double[][] copies(double[]... arrays) {
        double[][] c = new double[arrays.length][];
        for (int i = 0; i < arrays.length; i++) {
            c[i] = arrays[i].clone();
        }
        return c;
    }

    static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    static double[] scaled(double[] values, double factor) {
        double[] s = values.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] *= factor;
        }
        return s;
    }

    static double[] plus(double[] values, double offset) {
        double[] s = values.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] += offset;
        }
        return s;
    }

    /** Fails naming {@code hint} unless every value is finite. */
    static void finite(String quantity, double[] values, String hint, String inputs) {
        for (int i = 0; i < values.length; i++) {
            Check.that(Double.isFinite(values[i]), quantity + (values.length > 1 ? "[" + i + "]" : "") + " is "
                    + values[i] + ": " + hint, inputs);
        }
    }

    // ---------------------------------------------------------------- Task 1

    /** The flipped labels 1 − y: the loss with the two terms swapped. */
    static double[] flipped(double[] y) {
        double[] f = new double[y.length];
        for (int n = 0; n < y.length; n++) {
            f[n] = 1 - y[n];
        }
        return f;
    }

    /** The library's loss beside the classic wrong ones. */
    static Diagnosis lossDiagnosis(String quantity, double[] y, double[] p, double actual, String inputs) {
        double expected = BinaryCrossEntropy.loss(y, p);
        return Diagnosis.of(quantity, expected, actual, inputs)
                .mistake(-expected, LOSS_SIGN)
                .mistake(expected * y.length, LOSS_SUMMED)
                .mistake(expected / Math.log(10), "you used log10; the loss takes the natural logarithm ln (Math.log)")
                .mistake(BinaryCrossEntropy.loss(flipped(y), p),
                        "you swapped the two terms: y goes with ln p, and 1 − y with ln(1 − p)");
    }

    @Nested
    @Tag("task:1")
    @DisplayName("Task 1 · loss(y, p): the mean binary cross-entropy")
    class Loss {

        @ParameterizedTest(name = "N = {0}, seed {1}")
        @CsvSource({"1, 11", "3, 22", "7, 33", "12, 44"})
        @DisplayName("equals the library's mean BCE on a random batch, and leaves y and p alone")
        void randomBatch(int n, long seed) {
            Random random = new Random(seed);
            double[] y = labels(n, random);
            double[] p = probabilities(n, random);
            String inputs = batch(y, "p", p, seed);
            double[] y0 = y.clone();
            double[] p0 = p.clone();
            lossDiagnosis("L", y, p, Bce.loss(y, p), inputs).verify();
            unchanged("y", y0, y, inputs);
            unchanged("p", p0, p, inputs);
        }

        @Test
        @DisplayName("reproduces lesson B's sanity checks, one sample at a time (0.0101, 0.0101, 4.6052, 4.6052, 0.6931) and as one batch (1.9847)")
        void lessonSanityChecks() {
            double[] y = {1, 0, 1, 0, 1};
            double[] p = {0.99, 0.01, 0.01, 0.99, 0.50};
            for (int n = 0; n < y.length; n++) {
                double[] yn = {y[n]};
                double[] pn = {p[n]};
                String inputs = batch(yn, "p", pn);
                double[][] before = copies(yn, pn);
                double actual = Bce.loss(yn, pn);
                unchanged("y", before[0], yn, inputs);
                unchanged("p", before[1], pn, inputs);
                lossDiagnosis("BCE(" + Show.num(y[n]) + ", " + Show.num(p[n]) + ")", yn, pn, actual, inputs).verify();
            }
            String inputs = batch(y, "p", p);
            double[][] before = copies(y, p);
            double actual = Bce.loss(y, p);
            unchanged("y", before[0], y, inputs);
            unchanged("p", before[1], p, inputs);
            lossDiagnosis("L of the five-sample batch", y, p, actual, inputs).verify();
        }

        @Test
        @DisplayName("clamps a prediction of exactly 0 or 1: a certain mistake costs −ln(EPSILON) = 27.631, never Infinity or NaN, and p keeps its 0 or 1")
        void clampsCorners() {
            double[][] cases = {{1, 0}, {0, 1}, {0, 0}, {1, 1}};
            for (double[] c : cases) {
                double[] y = {c[0]};
                double[] p = {c[1]};
                checkClamped(y, p);
            }
            checkClamped(new double[] {1, 0, 1, 0, 1, 0}, new double[] {0.99, 0.01, 0.01, 0.99, 0.50, 0.0});
        }

        private void checkClamped(double[] y, double[] p) {
            String inputs = batch(y, "p", p);
            double[][] before = copies(y, p);
            double actual = Bce.loss(y, p);
            unchanged("y", before[0], y, inputs);
            unchanged("p", before[1], p, inputs);
            finite("L", new double[] {actual}, CLAMP, inputs);
            double expected = BinaryCrossEntropy.loss(y, p);
            if (Math.abs(actual - expected) <= 1e-11) {
                return; // a certain, right answer may cost 0 or −ln(1 − EPSILON) ≈ 1e-12: both are fine
            }
            double[] lessonClamp = new double[p.length];
            for (int n = 0; n < p.length; n++) {
                lessonClamp[n] = Math.min(Math.max(p[n], 1e-15), 1 - 1e-15);
            }
            double lessonLoss = 0;
            for (int n = 0; n < p.length; n++) {
                lessonLoss -= (y[n] * Math.log(lessonClamp[n]) + (1 - y[n]) * Math.log(1 - lessonClamp[n])) / p.length;
            }
            lossDiagnosis("L", y, p, actual, inputs)
                    .mistake(lessonLoss, "you clamped with 1e-15, lesson B's value; the workbook's EPSILON is 1e-12:"
                            + " use the given clamp(p)")
                    .verify();
        }
    }

    // ---------------------------------------------------------------- Task 2

    @Nested
    @Tag("task:2")
    @DisplayName("Task 2 · derivative(y, p, dp): dL/dp of the mean loss")
    class Derivative {

        @ParameterizedTest(name = "N = {0}, seed {1}")
        @CsvSource({"1, 5", "3, 6", "7, 7", "12, 8"})
        @DisplayName("equals the library's gradient on a random batch, overwrites dp, and leaves y and p alone")
        void randomBatch(int n, long seed) {
            Random random = new Random(seed);
            double[] y = labels(n, random);
            double[] p = probabilities(n, random);
            String inputs = batch(y, "p", p, seed) + ", dp filled with 0.5 before the call";
            double[] y0 = y.clone();
            double[] p0 = p.clone();
            double[] expected = new double[n];
            BinaryCrossEntropy.derivative(y, p, expected);
            double[] dp = filled(n, 0.5);
            Bce.derivative(y, p, dp);
            Diagnosis.of("dp", expected, dp, inputs)
                    .mistake(scaled(expected, n), MISSING_INV_N)
                    .mistake(scaled(expected, -1), GRADIENT_SIGN_P)
                    .mistake(scaled(expected, -n), "the sign is flipped and the 1/N is missing")
                    .mistake(plus(expected, 0.5), ADDED)
                    .verify();
            unchanged("y", y0, y, inputs);
            unchanged("p", p0, p, inputs);
        }

        @Test
        @DisplayName("reproduces lesson B's values (−5, −1.1111, 5, 1.1111), and a quarter of each in a batch of four")
        void lessonValues() {
            double[] y = {1, 1, 0, 0};
            double[] p = {0.2, 0.9, 0.8, 0.1};
            for (int n = 0; n < y.length; n++) {
                double[] yn = {y[n]};
                double[] pn = {p[n]};
                double[] expected = new double[1];
                BinaryCrossEntropy.derivative(yn, pn, expected);
                double[] dp = new double[1];
                double[][] before = copies(yn, pn);
                Bce.derivative(yn, pn, dp);
                unchanged("y", before[0], yn, batch(yn, "p", pn));
                unchanged("p", before[1], pn, batch(yn, "p", pn));
                Diagnosis.of("dL/dp", expected, dp, batch(yn, "p", pn))
                        .mistake(scaled(expected, -1), GRADIENT_SIGN_P)
                        .verify();
            }
            double[] expected = new double[4];
            BinaryCrossEntropy.derivative(y, p, expected);
            double[] dp = new double[4];
            double[][] before = copies(y, p);
            Bce.derivative(y, p, dp);
            unchanged("y", before[0], y, batch(y, "p", p));
            unchanged("p", before[1], p, batch(y, "p", p));
            Diagnosis.of("dp", expected, dp, batch(y, "p", p))
                    .mistake(scaled(expected, 4), MISSING_INV_N)
                    .mistake(scaled(expected, -1), GRADIENT_SIGN_P)
                    .verify();
        }

        @ParameterizedTest(name = "N = {0}, seed {1}")
        @CsvSource({"2, 90", "5, 91", "9, 92"})
        @DisplayName("is the slope of the mean loss: a centred finite difference agrees, one prediction at a time")
        void finiteDifference(int n, long seed) {
            Random random = new Random(seed);
            double[] y = labels(n, random);
            double[] p = probabilities(n, random);
            String inputs = batch(y, "p", p, seed) + ", step h = " + Show.num(STEP);
            double[] numerical = new double[n];
            for (int i = 0; i < n; i++) {
                double[] up = p.clone();
                double[] down = p.clone();
                up[i] += STEP;
                down[i] -= STEP;
                numerical[i] = (BinaryCrossEntropy.loss(y, up) - BinaryCrossEntropy.loss(y, down)) / (2 * STEP);
            }
            double[] dp = new double[n];
            double[][] before = copies(y, p);
            Bce.derivative(y, p, dp);
            unchanged("y", before[0], y, inputs);
            unchanged("p", before[1], p, inputs);
            Diagnosis.of("dp (against the finite difference)", numerical, dp, inputs)
                    .tolerance(1e-6)
                    .mistake(scaled(numerical, n), MISSING_INV_N)
                    .mistake(scaled(numerical, -1), GRADIENT_SIGN_P)
                    .verify();
        }

        @Test
        @DisplayName("clamps a prediction of exactly 0 or 1: finite gradients, −1/EPSILON for a certain mistake, and p keeps its 0 or 1")
        void clampsCorners() {
            double[][] cases = {{1, 0}, {0, 1}, {0, 0}, {1, 1}};
            for (double[] c : cases) {
                double[] y = {c[0]};
                double[] p = {c[1]};
                String inputs = batch(y, "p", p);
                double[] expected = new double[1];
                BinaryCrossEntropy.derivative(y, p, expected);
                double[] dp = new double[1];
                double[][] before = copies(y, p);
                Bce.derivative(y, p, dp);
                unchanged("y", before[0], y, inputs);
                unchanged("p", before[1], p, inputs);
                finite("dp", dp, CLAMP, inputs);
                Diagnosis.of("dp", expected, dp, inputs)
                        .mistake(scaled(expected, -1), GRADIENT_SIGN_P)
                        .verify();
            }
        }
    }

    // ---------------------------------------------------------------- Task 3

    /** The loss written the long way, p = σ(z) and then the clamped logarithms: the library's probability form. */
    static double throughProbabilities(double[] y, double[] z) {
        return BinaryCrossEntropy.loss(y, Activation.SIGMOID.applied(z));
    }

    /** The long way without the clamp: p = σ(z), then the plain logarithms (Infinity or NaN at large |z|). */
    static double unclampedThroughProbabilities(double[] y, double[] z) {
        double sum = 0;
        for (int n = 0; n < y.length; n++) {
            double p = Activation.SIGMOID.apply(z[n]);
            sum -= y[n] * Math.log(p) + (1 - y[n]) * Math.log(1 - p);
        }
        return sum / y.length;
    }

    /** True if both are the same number, or both NaN. */
    static boolean same(double a, double b) {
        return Double.compare(a, b) == 0 || (Double.isNaN(a) && Double.isNaN(b));
    }

    /** The stable formula without the absolute value: ln(1 + e^-z). */
    static double withoutAbs(double[] y, double[] z) {
        double sum = 0;
        for (int n = 0; n < y.length; n++) {
            sum += Math.max(z[n], 0) - y[n] * z[n] + Math.log1p(Math.exp(-z[n]));
        }
        return sum / y.length;
    }

    @Nested
    @Tag("task:3")
    @DisplayName("Task 3 · lossFromLogits(y, z): the mean loss from logits, stable for any z")
    class LossFromLogits {

        private static final String VIA_P = "you went through p = σ(z) and ln p: at large |z|, σ(z) rounds to 0 or 1;"
                + " use max(z, 0) − y z + ln(1 + e^−|z|), which needs no p";
        private static final String NO_ABS = "ln(1 + e^−|z|) needs the absolute value |z|: without it the term is wrong"
                + " for every z < 0 and overflows for large negative z";

        @ParameterizedTest(name = "N = {0}, seed {1}")
        @CsvSource({"1, 101", "3, 102", "7, 103", "12, 104"})
        @DisplayName("equals the library's loss on a random batch of logits in [−8, 8], and leaves y and z alone")
        void randomBatch(int n, long seed) {
            Random random = new Random(seed);
            double[] y = labels(n, random);
            double[] z = logits(n, random, 8);
            String inputs = batch(y, "z", z, seed);
            double[] y0 = y.clone();
            double[] z0 = z.clone();
            double expected = BinaryCrossEntropy.lossFromLogits(y, z);
            double actual = Bce.lossFromLogits(y, z);
            Diagnosis.of("L", expected, actual, inputs)
                    .mistake(expected * n, LOSS_SUMMED)
                    .mistake(-expected, "the sign is flipped: every term max(z, 0) − y z + ln(1 + e^−|z|) is >= 0")
                    .mistake(withoutAbs(y, z), NO_ABS)
                    .verify();
            unchanged("y", y0, y, inputs);
            unchanged("z", z0, z, inputs);
        }

        @ParameterizedTest(name = "y = {0}, z = {1}")
        @CsvSource({"1, -100", "0, 100", "1, -500", "0, 500", "0, 10000", "1, -10000", "1, -40", "0, 40",
                "1, 100", "0, -100", "1, 10000", "0, -500"})
        @DisplayName("is exact far from 0: about |z| for a confident mistake, about 0 for a confident right answer")
        void extremeLogits(double label, double logit) {
            double[] y = {label};
            double[] z = {logit};
            checkExtreme(y, z);
        }

        @Test
        @DisplayName("averages a batch of extreme logits: (100 + 100 + 500 + 10000)/4 = 2675")
        void extremeBatch() {
            checkExtreme(new double[] {1, 0, 0, 1}, new double[] {-100, 100, 500, -10000});
        }

        private void checkExtreme(double[] y, double[] z) {
            String inputs = batch(y, "z", z);
            double[][] before = copies(y, z);
            double actual = Bce.lossFromLogits(y, z);
            unchanged("y", before[0], y, inputs);
            unchanged("z", before[1], z, inputs);
            if (!Double.isFinite(actual)) {
                boolean viaP = same(actual, unclampedThroughProbabilities(y, z));
                boolean noAbs = same(actual, withoutAbs(y, z));
                String hint = viaP && noAbs ? "either " + VIA_P + "; or " + NO_ABS
                        : noAbs ? NO_ABS : VIA_P;
                finite("L", new double[] {actual}, hint, inputs);
            }
            double expected = BinaryCrossEntropy.lossFromLogits(y, z);
            if (Math.abs(actual - expected) <= 1e-15) {
                return; // ln(1 + e^-100) may come out as 0 instead of 3.7e-44: both are right
            }
            Diagnosis.of("L", expected, actual, inputs)
                    .mistake(throughProbabilities(y, z), VIA_P + " (with the clamp, a certain mistake costs at most 27.63)")
                    .mistake(withoutAbs(y, z), NO_ABS)
                    .mistake(expected * y.length, LOSS_SUMMED)
                    .verify();
        }
    }

    // ---------------------------------------------------------------- Task 4

    @Nested
    @Tag("task:4")
    @DisplayName("Task 4 · logitGradient(y, a, dz): the fused gradient (a − y)/N")
    class LogitGradient {

        @ParameterizedTest(name = "N = {0}, seed {1}")
        @CsvSource({"1, 201", "3, 202", "7, 203", "12, 204"})
        @DisplayName("equals the library's fused gradient on a random batch, overwrites dz, and leaves y and a alone")
        void randomBatch(int n, long seed) {
            Random random = new Random(seed);
            double[] y = labels(n, random);
            double[] z = logits(n, random, 6);
            double[] a = Activation.SIGMOID.applied(z);
            String inputs = batch(y, "z", z, seed) + ", a = σ(z) = " + all(a) + ", dz filled with 0.5 before the call";
            double[] y0 = y.clone();
            double[] a0 = a.clone();
            double[] expected = new double[n];
            BinaryCrossEntropy.logitGradient(y, a, expected);
            double[] dz = filled(n, 0.5);
            Bce.logitGradient(y, a, dz);
            Diagnosis.of("dz", expected, dz, inputs)
                    .mistake(scaled(expected, n), MISSING_INV_N)
                    .mistake(scaled(expected, -1), GRADIENT_SIGN_Z)
                    .mistake(scaled(expected, -n), "the sign is flipped (the error is a − y) and the 1/N is missing")
                    .mistake(plus(expected, 0.5), ADDED)
                    .verify();
            unchanged("y", y0, y, inputs);
            unchanged("a", a0, a, inputs);
        }

        @ParameterizedTest(name = "N = {0}, seed {1}")
        @CsvSource({"2, 301", "5, 302", "9, 303"})
        @DisplayName("is the slope of lossFromLogits: a centred finite difference in z agrees")
        void finiteDifference(int n, long seed) {
            Random random = new Random(seed);
            double[] y = labels(n, random);
            double[] z = logits(n, random, 4);
            double[] a = Activation.SIGMOID.applied(z);
            String inputs = batch(y, "z", z, seed) + ", a = σ(z), step h = " + Show.num(STEP);
            double[] numerical = new double[n];
            for (int i = 0; i < n; i++) {
                double[] up = z.clone();
                double[] down = z.clone();
                up[i] += STEP;
                down[i] -= STEP;
                numerical[i] = (BinaryCrossEntropy.lossFromLogits(y, up) - BinaryCrossEntropy.lossFromLogits(y, down))
                        / (2 * STEP);
            }
            double[] dz = new double[n];
            double[][] before = copies(y, a);
            Bce.logitGradient(y, a, dz);
            unchanged("y", before[0], y, inputs);
            unchanged("a", before[1], a, inputs);
            Diagnosis.of("dz (against the finite difference)", numerical, dz, inputs)
                    .tolerance(1e-6)
                    .mistake(scaled(numerical, n), MISSING_INV_N)
                    .mistake(scaled(numerical, -1), GRADIENT_SIGN_Z)
                    .verify();
        }

        @Test
        @DisplayName("keeps full strength where the output is confidently wrong (z = ±40, ±100): about ±1/N, not 0")
        void saturatedOutputs() {
            double[][] labelSets = {{1}, {0}, {1, 0, 1, 0}};
            double[][] logitSets = {{-100}, {40}, {-100, 100, -40, 40}};
            for (int c = 0; c < labelSets.length; c++) {
                double[] y = labelSets[c];
                double[] z = logitSets[c];
                double[] a = Activation.SIGMOID.applied(z);
                String inputs = batch(y, "z", z) + ", a = σ(z) = " + all(a);
                double[] expected = new double[y.length];
                BinaryCrossEntropy.logitGradient(y, a, expected);
                double[] longWay = new double[y.length];
                BinaryCrossEntropy.derivative(y, a, longWay);
                for (int n = 0; n < y.length; n++) {
                    longWay[n] *= a[n] * (1 - a[n]);
                }
                double[] dz = new double[y.length];
                double[][] before = copies(y, a);
                Bce.logitGradient(y, a, dz);
                unchanged("y", before[0], y, inputs);
                unchanged("a", before[1], a, inputs);
                finite("dz", dz, "did you divide by a(1 − a) or by 1 − a? The fused (a − y)/N divides by nothing", inputs);
                Diagnosis.of("dz", expected, dz, inputs)
                        .mistake(longWay, "you multiplied dL/da by σ'(z) = a(1 − a), the long way round: where the output"
                                + " saturates that product collapses towards 0; the fused (a − y)/N does not")
                        .mistake(scaled(expected, y.length), MISSING_INV_N)
                        .mistake(scaled(expected, -1), GRADIENT_SIGN_Z)
                        .verify();
            }
        }
    }
}
