package backprop;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Binary cross-entropy")
class BinaryCrossEntropyTest {

    /** Lesson values are printed to 4 decimals. */
    static final double LESSON_PRINTED = 5e-5;

    /** Two computations of the same double that differ only in the order of operations. */
    static final double ROUNDING = 1e-12;


    @Nested
    @DisplayName("reproduces lesson B's sanity-check table")
    class LessonValues {

        @ParameterizedTest(name = "BCE(y={0}, p={1}) = {2}")
        @CsvSource({
            "1, 0.99, 0.0101",
            "0, 0.01, 0.0101",
            "1, 0.01, 4.6052",
            "0, 0.99, 4.6052",
            "1, 0.50, 0.6931",
        })
        void loss(double y, double p, double expected) {
            assertEquals(expected, BinaryCrossEntropy.loss(y, p), LESSON_PRINTED);
            assertEquals(expected, BinaryCrossEntropy.loss(new double[] {y}, new double[] {p}),
                    LESSON_PRINTED, "a batch of one gives the same value");
        }

        @ParameterizedTest(name = "dBCE/dp at (y={0}, p={1}) = {2}")
        @CsvSource({
            "1, 0.2, -5.0",
            "1, 0.9, -1.1111",
            "0, 0.8, 5.0",
            "0, 0.1, 1.1111",
        })
        void derivative(double y, double p, double expected) {
            assertEquals(expected, BinaryCrossEntropy.derivative(y, p), LESSON_PRINTED);
        }
    }

    @Nested
    @DisplayName("derivative")
    class Derivative {

        @ParameterizedTest(name = "matches a centred difference at y={0}, p={1}")
        @CsvSource({"1, 0.3", "0, 0.3", "1, 0.97", "0, 0.02", "0.25, 0.6"})
        void matchesFiniteDifference(double y, double p) {
            double h = 1e-6;
            double numerical = (BinaryCrossEntropy.loss(y, p + h) - BinaryCrossEntropy.loss(y, p - h)) / (2 * h);
            double analytic = BinaryCrossEntropy.derivative(y, p);
            assertEquals(numerical, analytic, 1e-6 * Math.max(1, Math.abs(numerical)));
        }

        @Test
        @DisplayName("of the batch mean carries 1/N once")
        void batchDerivativeCarriesOneOverN() {
            double[] y = {1, 0, 1, 0};
            double[] p = {0.2, 0.8, 0.9, 0.1};
            double[] dp = new double[4];
            BinaryCrossEntropy.derivative(y, p, dp);
            assertArrayEquals(new double[] {-5.0 / 4, 5.0 / 4, -1.0 / 0.9 / 4, 1.0 / 0.9 / 4}, dp,
                    ROUNDING);
        }

        @Test
        @DisplayName("points toward the label: negative when y=1, positive when y=0")
        void signs() {
            for (double p = 0.05; p < 1; p += 0.1) {
                assertTrue(BinaryCrossEntropy.derivative(1, p) < 0, "y=1, p=" + p);
                assertTrue(BinaryCrossEntropy.derivative(0, p) > 0, "y=0, p=" + p);
            }
        }
    }

    @Nested
    @DisplayName("at the edges")
    class Edges {

        @Test
        @DisplayName("p exactly 0 or 1 gives finite values, clamped by the stated epsilon")
        void exactZeroAndOne() {
            double atClamp = -Math.log(BinaryCrossEntropy.EPSILON);
            assertAll(
                    () -> assertEquals(atClamp, BinaryCrossEntropy.loss(1, 0.0), 1e-9),
                    () -> assertEquals(atClamp, BinaryCrossEntropy.loss(0, 1.0), 1e-3),
                    () -> assertEquals(0.0, BinaryCrossEntropy.loss(1, 1.0), 1e-11),
                    () -> assertEquals(-1 / BinaryCrossEntropy.EPSILON, BinaryCrossEntropy.derivative(1, 0.0), 1),
                    () -> assertTrue(Double.isFinite(BinaryCrossEntropy.derivative(0, 1.0))));
        }

        @Test
        @DisplayName("the loss from logits has no epsilon and stays finite at |z| = 1000")
        void logitsExtreme() {
            double[] y = {1, 0, 0, 1};
            double[] z = {1000, -1000, 1000, -1000};
            double loss = BinaryCrossEntropy.lossFromLogits(y, z);
            assertEquals((0 + 0 + 1000 + 1000) / 4.0, loss, ROUNDING);
        }
    }

    @Nested
    @DisplayName("logit forms")
    class LogitForms {

        @Test
        @DisplayName("the loss from logits equals the loss of σ(z)")
        void lossFromLogitsAgrees() {
            double[] y = {1, 0, 1, 0, 1};
            double[] z = {-3, -0.5, 0, 0.7, 4};
            double[] p = Activation.SIGMOID.applied(z);
            assertEquals(BinaryCrossEntropy.loss(y, p), BinaryCrossEntropy.lossFromLogits(y, z), 1e-12);
        }

        @Test
        @DisplayName("the fused gradient (a - y)/N equals dL/da · σ'(z), computed apart")
        void fusedEqualsProduct() {
            double[] y = {1, 0, 1, 0, 1};
            double[] z = {-3, -0.5, 0, 0.7, 4};
            double[] a = Activation.SIGMOID.applied(z);
            double[] fused = new double[5];
            BinaryCrossEntropy.logitGradient(y, a, fused);
            double[] dLda = new double[5];
            BinaryCrossEntropy.derivative(y, a, dLda);
            for (int n = 0; n < 5; n++) {
                assertEquals(dLda[n] * Activation.SIGMOID.derivative(z[n]), fused[n], 1e-12, "sample " + n);
            }
        }
    }

    @Nested
    @DisplayName("rejects bad input, naming it")
    class BadInput {

        @Test
        @DisplayName("an empty batch")
        void emptyBatch() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BinaryCrossEntropy.loss(new double[0], new double[0]));
            assertEquals("y is empty: expected at least one value", e.getMessage());
        }

        @Test
        @DisplayName("labels and predictions of different lengths")
        void lengths() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BinaryCrossEntropy.loss(new double[] {1, 0}, new double[] {0.5}));
            assertEquals("y has 2 values but p has 1: expected the same number", e.getMessage());
        }

        @ParameterizedTest(name = "prediction {0}")
        @CsvSource({"-0.1", "1.5", "NaN", "Infinity"})
        void predictionOutsideUnitInterval(double p) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BinaryCrossEntropy.loss(new double[] {1, 0}, new double[] {0.5, p}));
            assertEquals("p[1] is " + p + ": expected a value in [0, 1]", e.getMessage());
        }

        @ParameterizedTest(name = "label {0}")
        @CsvSource({"-1", "2", "NaN"})
        void labelOutsideUnitInterval(double y) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BinaryCrossEntropy.derivative(y, 0.5));
            assertEquals("y is " + y + ": expected a value in [0, 1]", e.getMessage());
        }

        @Test
        @DisplayName("leaves the output array unchanged when it throws")
        void outputUnchanged() {
            double[] dp = {7, 7};
            assertThrows(IllegalArgumentException.class,
                    () -> BinaryCrossEntropy.derivative(new double[] {1, 0}, new double[] {0.5, 2}, dp));
            assertArrayEquals(new double[] {7, 7}, dp);
        }
    }
}
