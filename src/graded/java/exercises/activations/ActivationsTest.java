package exercises.activations;

import backprop.Activation;
import java.util.Random;
import java.util.StringJoiner;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import workbook.grading.Check;
import workbook.grading.Diagnosis;
import workbook.grading.Show;

@DisplayName("Exercise 02 · activations and their derivatives")
class ActivationsTest {

    private static final String AT_A = "the derivative was taken at a instead of z: f'(f(z)) instead of f'(z)";

    /** Lesson B's points. */
    private static final double[] LESSON_Z = {-5, -2, -1, 0, 1, 2, 5};

    /** Far from 0, where a careless exponential overflows. */
    private static final double[] LARGE_Z = {-1e4, -1000, -500, -100, -40, 40, 100, 500, 1000, 1e4};

    // ---------------------------------------------------------------- helpers

    /** n values in [-range, range] with two decimals, so that a message shows them exactly. */
    static double[] randomZ(int n, long seed, int range) {
        Random random = new Random(seed);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = (random.nextInt(200 * range + 1) - 100 * range) / 100.0;
        }
        return z;
    }

    static double[] map(double[] z, DoubleUnaryOperator f) {
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = f.applyAsDouble(z[i]);
        }
        return out;
    }

    /** Show.num, except for tiny values such as 1e-300, which it would round. */
    static String num(double v) {
        return v == 0 || Math.abs(v) >= 1e-4 && Math.abs(v) < 1e6 ? Show.num(v) : Double.toString(v);
    }

    static String all(double[] values) {
        StringJoiner s = new StringJoiner(", ", "{", "}");
        for (double v : values) {
            s.add(num(v));
        }
        return s.toString();
    }

    static String at(double z) {
        return "z = " + num(z);
    }

    /** Fails with {@code hint} if f(z) is NaN or infinite. */
    static void finite(String f, double z, double value, String hint) {
        Check.that(Double.isFinite(value), f + " is " + value + " at " + at(z) + ": " + hint, at(z));
    }

    /** Fails unless lo <= value <= hi. */
    static void within(String f, double z, double value, double lo, double hi) {
        Check.that(value >= lo && value <= hi, f + " is " + Show.num(value) + " at " + at(z) + ": expected a value in ["
                + Show.num(lo) + ", " + Show.num(hi) + "]", at(z));
    }

    /**
     * Passes if actual is within {@code floor} of expected in absolute terms (far out in the tails
     * the last digits of a tiny number do not matter); otherwise lets the diagnosis decide.
     */
    static void verifyWithFloor(Diagnosis d, double expected, double actual, double floor) {
        if (Math.abs(actual - expected) <= floor) {
            return;
        }
        d.verify();
    }

    static final String OVERFLOW = "an exponential of a large positive number overflowed to Infinity, and ∞/∞ is NaN;"
            + " only ever exponentiate −|z|: 1/(1 + e^−z) for z >= 0, e^z/(1 + e^z) for z < 0";

    // ---------------------------------------------------------------- Task 1

    @Nested
    @Tag("task:1")
    @DisplayName("Task 1 · sigmoid(z) and sigmoidDerivative(z)")
    class Sigmoid {

        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {1, 2, 3})
        @DisplayName("σ(z) equals the library's sigmoid at lesson B's points and at random z in [−10, 10]")
        void values(long seed) {
            double[] z = concat(LESSON_Z, randomZ(12, seed, 10));
            double[] expected = map(z, Activation.SIGMOID::apply);
            double[] actual = map(z, Activations::sigmoid);
            Diagnosis.of("σ(z)", expected, actual, "z = " + all(z) + " (seed " + seed + ")")
                    .mistake(map(z, v -> Activation.SIGMOID.apply(-v)),
                            "you computed σ(−z) = 1 − σ(z): the exponent is −z, σ(z) = 1/(1 + e^−z)")
                    .mistake(map(z, v -> 1 / (1 + Math.exp(v))), "you computed 1/(1 + e^z) = σ(−z): the exponent is −z")
                    .verify();
        }

        @Test
        @DisplayName("σ(z) stays finite and in [0, 1] for |z| up to 10⁴: σ(10⁴) = 1, σ(−10⁴) = 0, no NaN")
        void largeZ() {
            for (double z : LARGE_Z) {
                double actual = Activations.sigmoid(z);
                finite("σ(z)", z, actual, z > 0 ? "you used e^z/(1 + e^z), which is ∞/∞ for large z; for z >= 0 use"
                        + " 1/(1 + e^−z)" : OVERFLOW);
                double expected = Activation.SIGMOID.apply(z);
                verifyWithFloor(Diagnosis.of("σ(z)", expected, actual, at(z))
                        .mistake(Activation.SIGMOID.apply(-z), "you computed σ(−z) = 1 − σ(z): the exponent is −z,"
                                + " σ(z) = 1/(1 + e^−z)"), expected, actual, 1e-300);
                within("σ(z)", z, actual, 0, 1);
            }
        }

        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {4, 5, 6})
        @DisplayName("σ'(z) = σ(z)(1 − σ(z)) at lesson B's points (0.006648 … 0.25 … 0.006648) and at random z in [−10, 10]")
        void derivative(long seed) {
            double[] z = concat(LESSON_Z, randomZ(12, seed, 10));
            double[] expected = map(z, Activation.SIGMOID::derivative);
            double[] actual = map(z, Activations::sigmoidDerivative);
            Diagnosis.of("σ'(z)", expected, actual, "z = " + all(z) + " (seed " + seed + ")")
                    .mistake(map(z, v -> Activation.SIGMOID.derivative(Activation.SIGMOID.apply(v))), AT_A)
                    .mistake(map(z, v -> v * (1 - v)), "you computed z(1 − z): the shortcut a(1 − a) needs a = σ(z), not z")
                    .mistake(map(z, Activation.SIGMOID::apply), "you returned σ(z), the value, not its slope σ(z)(1 − σ(z))")
                    .verify();
        }

        @Test
        @DisplayName("σ'(z) stays finite and in [0, 0.25] for |z| up to 10⁴, and tends to 0 there")
        void derivativeLargeZ() {
            for (double z : LARGE_Z) {
                double actual = Activations.sigmoidDerivative(z);
                finite("σ'(z)", z, actual, z < 0 ? "e^−z/(1 + e^−z)² is ∞/∞ for large negative z; compute s = σ(z)"
                        + " with your stable sigmoid, then s(1 − s)" : OVERFLOW);
                double expected = Activation.SIGMOID.derivative(z);
                verifyWithFloor(Diagnosis.of("σ'(z)", expected, actual, at(z))
                        .mistake(Activation.SIGMOID.derivative(Activation.SIGMOID.apply(z)), AT_A)
                        .mistake(z * (1 - z), "you computed z(1 − z): the shortcut a(1 − a) needs a = σ(z), not z"),
                        expected, actual, 1e-15);
                within("σ'(z)", z, actual, 0, 0.25);
            }
        }
    }

    // ---------------------------------------------------------------- Task 2

    /** Around the corner, both signed zeros, and far out. */
    private static final double[] RELU_Z = {-1e4, -3, -0.5, -1e-300, -0.0, 0.0, 1e-300, 0.5, 3, 1e4};

    @Nested
    @Tag("task:2")
    @DisplayName("Task 2 · relu(z) and reluDerivative(z)")
    class Relu {

        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {7, 8, 9})
        @DisplayName("relu(z) = max(0, z) around the corner, far out, and at random z in [−5, 5]")
        void values(long seed) {
            double[] z = concat(RELU_Z, randomZ(10, seed, 5));
            double[] expected = map(z, Activation.RELU::apply);
            double[] actual = map(z, Activations::relu);
            Diagnosis.of("relu(z)", expected, actual, "z = " + all(z) + " (seed " + seed + ")")
                    .mistake(map(z, v -> Math.min(0, v)), "you took min(0, z); ReLU keeps the positive part, max(0, z)")
                    .mistake(z, "you returned z unchanged: a negative z must give 0")
                    .mistake(map(z, Math::abs), "you returned |z|: a negative z must give 0, not −z")
                    .verify();
        }

        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {10, 11, 12})
        @DisplayName("relu'(z) is 1 for z > 0 and 0 for z <= 0, around the corner, far out, and at random z in [−5, 5]")
        void derivative(long seed) {
            double[] z = concat(RELU_Z, randomZ(10, seed, 5));
            double[] expected = map(z, Activation.RELU::derivative);
            double[] actual = map(z, Activations::reluDerivative);
            Diagnosis.of("relu'(z)", expected, actual, "z = " + all(z) + " (seed " + seed + ")")
                    .mistake(map(z, v -> v >= 0 ? 1 : 0), "relu'(0) must be 0: you tested z >= 0 (true for 0 and −0.0);"
                            + " the sub-gradient at the corner is 0, as the lesson's mask z > 0")
                    .mistake(map(z, Activation.RELU::apply), "you returned relu(z), the value, not its slope")
                    .mistake(map(z, v -> v < 0 ? 1 : 0), "the step is reversed: the slope is 1 where z > 0")
                    .verify();
        }

        @Test
        @DisplayName("relu'(0) = 0 exactly, also at −0.0: the sub-gradient the lessons and the library use")
        void derivativeAtZero() {
            for (double z : new double[] {0.0, -0.0}) {
                Diagnosis.of("relu'(z)", 0.0, Activations.reluDerivative(z), at(z))
                        .mistake(1.0, "relu'(0) must be 0: you tested z >= 0 (true for 0 and −0.0); the sub-gradient at"
                                + " the corner is 0, as the lesson's mask z > 0")
                        .mistake(0.5, "0.5 is what a finite difference across the corner gives; the lessons take 0")
                        .verify();
            }
        }
    }

    // ---------------------------------------------------------------- Task 3

    @Nested
    @Tag("task:3")
    @DisplayName("Task 3 · tanh(z) and tanhDerivative(z)")
    class Tanh {

        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {13, 14, 15})
        @DisplayName("tanh(z) equals the library's at lesson B's points and at random z in [−5, 5]")
        void values(long seed) {
            double[] z = concat(LESSON_Z, randomZ(12, seed, 5));
            double[] expected = map(z, Activation.TANH::apply);
            double[] actual = map(z, Activations::tanh);
            Diagnosis.of("tanh(z)", expected, actual, "z = " + all(z) + " (seed " + seed + ")")
                    .mistake(map(z, v -> 2 * Activation.SIGMOID.apply(v) - 1),
                            "you computed 2σ(z) − 1 = tanh(z/2); tanh(z) = 2σ(2z) − 1")
                    .verify();
        }

        @Test
        @DisplayName("tanh(z) stays finite for |z| up to 10⁴: exactly ±1 there, no NaN")
        void largeZ() {
            for (double z : LARGE_Z) {
                double actual = Activations.tanh(z);
                finite("tanh(z)", z, actual, "(e^z − e^−z)/(e^z + e^−z) is ∞/∞ once e^|z| overflows;"
                        + " Math.tanh(z) is exact everywhere");
                Check.close("tanh(z)", Activation.TANH.apply(z), actual, at(z));
                within("tanh(z)", z, actual, -1, 1);
            }
        }

        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {16, 17, 18})
        @DisplayName("tanh'(z) = 1 − tanh(z)² at lesson B's points, at random z in [−5, 5], and far out")
        void derivative(long seed) {
            double[] z = concat(concat(LESSON_Z, randomZ(12, seed, 5)), LARGE_Z);
            double[] expected = map(z, Activation.TANH::derivative);
            double[] actual = map(z, Activations::tanhDerivative);
            for (int i = 0; i < z.length; i++) {
                finite("tanh'(z)", z[i], actual[i], "compute t = tanh(z) with Math.tanh, then 1 − t²");
            }
            Diagnosis.of("tanh'(z)", expected, actual, "z = " + all(z) + " (seed " + seed + ")")
                    .mistake(map(z, v -> Activation.TANH.derivative(Math.tanh(v))), AT_A)
                    .mistake(map(z, v -> 1 - Math.tanh(v)), "you computed 1 − tanh(z): the tanh is squared, 1 − tanh(z)²")
                    .mistake(map(z, v -> 1 - v * v), "you computed 1 − z²: the shortcut 1 − a² needs a = tanh(z), not z")
                    .verify();
        }
    }

    static double[] concat(double[] a, double[] b) {
        double[] c = new double[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
