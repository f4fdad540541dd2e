package backprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Activations")
class ActivationTest {

    @Nested
    @DisplayName("sigmoid")
    class Sigmoid {

        @ParameterizedTest(name = "σ'(z={0}) = {1}")
        @CsvSource({
            "-5, 0.006648", "-2, 0.104994", "-1, 0.196612", "0, 0.25",
            "1, 0.196612", "2, 0.104994", "5, 0.006648",
        })
        @DisplayName("reproduces lesson B's derivative table")
        void derivativeTable(double z, double expected) {
            assertEquals(expected, Activation.SIGMOID.derivative(z), 5e-7);
        }

        @ParameterizedTest(name = "z = {0}")
        @ValueSource(doubles = {-1e4, -1000, -745, -50, 50, 745, 1000, 1e4})
        @DisplayName("is finite, in [0, 1], with a finite derivative, for |z| up to 1e4")
        void stableForLargeZ(double z) {
            double s = Activation.SIGMOID.apply(z);
            assertTrue(s >= 0 && s <= 1, "σ(" + z + ") = " + s);
            assertTrue(Double.isFinite(Activation.SIGMOID.derivative(z)));
        }

        @Test
        @DisplayName("saturates to exactly 0 and 1 at ∓1e4, and σ(-z) = 1 - σ(z)")
        void saturationAndSymmetry() {
            assertEquals(1.0, Activation.SIGMOID.apply(1e4));
            assertEquals(0.0, Activation.SIGMOID.apply(-1e4));
            for (double z = -8; z <= 8; z += 0.5) {
                assertEquals(1 - Activation.SIGMOID.apply(z), Activation.SIGMOID.apply(-z), 1e-15, "z=" + z);
            }
        }
    }

    @Nested
    @DisplayName("ReLU")
    class Relu {

        @Test
        @DisplayName("has derivative 0 at exactly z = 0 (the stated sub-gradient), 1 above, 0 below")
        void derivativeAtZero() {
            assertEquals(0.0, Activation.RELU.derivative(0.0));
            assertEquals(0.0, Activation.RELU.derivative(-0.0));
            assertEquals(1.0, Activation.RELU.derivative(Double.MIN_VALUE));
            assertEquals(0.0, Activation.RELU.derivative(-Double.MIN_VALUE));
        }

        @Test
        @DisplayName("keeps NaN as NaN, in value and derivative, so divergence cannot hide behind 0")
        void nan() {
            assertTrue(Double.isNaN(Activation.RELU.apply(Double.NaN)));
            assertTrue(Double.isNaN(Activation.RELU.derivative(Double.NaN)));
        }

        @Test
        @DisplayName("passes positives through and zeroes the rest")
        void values() {
            assertArrayEquals(new double[] {0, 0, 0, 0.5, 3}, Activation.RELU.applied(new double[] {-3, -0.5, 0, 0.5, 3}));
        }
    }

    @Nested
    @DisplayName("every activation")
    class Every {

        @ParameterizedTest
        @EnumSource(Activation.class)
        @DisplayName("has a derivative that matches a centred difference away from kinks")
        void derivativeMatchesFiniteDifference(Activation f) {
            double h = 1e-6;
            for (double z = -4.03; z < 4; z += 0.37) {
                double numerical = (f.apply(z + h) - f.apply(z - h)) / (2 * h);
                assertEquals(numerical, f.derivative(z), 1e-8, f + " at z=" + z);
            }
        }

        @ParameterizedTest
        @EnumSource(Activation.class)
        @DisplayName("gives the same values on arrays as on scalars, without touching the input")
        void arraysMatchScalars(Activation f) {
            double[] z = {-2, -0.1, 0, 0.3, 7};
            double[] copy = z.clone();
            double[] a = f.applied(z);
            double[] d = f.derivatives(z);
            for (int i = 0; i < z.length; i++) {
                assertEquals(f.apply(z[i]), a[i]);
                assertEquals(f.derivative(z[i]), d[i]);
            }
            assertArrayEquals(copy, z);
        }

        @Test
        @DisplayName("tanh'(z) = 1 - tanh²(z), 1 at 0")
        void tanh() {
            assertEquals(1.0, Activation.TANH.derivative(0));
            assertEquals(1 - Math.tanh(0.5) * Math.tanh(0.5), Activation.TANH.derivative(0.5), 1e-15);
        }

        @Test
        @DisplayName("rejects output arrays of another length, naming both")
        void lengthMismatch() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Activation.TANH.apply(new double[3], new double[2]));
            assertEquals("z has length 3 but a has length 2: expected the same length", e.getMessage());
        }
    }

    @Nested
    @DisplayName("the network's loops over a column")
    class ColumnLoops {

        /** Enough calls for the JIT to compile the loops (and vectorise them) before the last one. */
        private static final int WARM_CALLS = 20_000;

        /** Every kind of double: signed zeros, subnormals, the normal range's ends, infinities, NaN, ordinary values. */
        private final double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
                -Double.MIN_NORMAL, 1e-300, -1e-300, 0.5, -0.5, 1, -1, 3.75, -3.75, 1e300, -1e300,
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};

        /** Same bits, except that any NaN matches any NaN (the JIT's intrinsics may return another NaN). */
        private void sameBits(String what, double expected, double actual) {
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                    what + ": expected " + expected + " but was " + actual);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Activation.class)
        @DisplayName("applyTo gives apply's bits for every kind of double, and writes only count values")
        void applyToMatchesApply(Activation f) {
            int count = special.length;
            double[] a = new double[count + 1];
            a[count] = 42;
            for (int call = 0; call < WARM_CALLS; call++) { // the first calls interpreted, the last compiled
                f.applyTo(special, a, count);
            }
            for (int n = 0; n < count; n++) {
                sameBits(f + "(" + special[n] + ")", f.apply(special[n]), a[n]);
            }
            assertEquals(42, a[count], "the value after count is left alone");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Activation.class)
        @DisplayName("multiplyByDerivative gives x · derivative's bits for every pair of kinds of double")
        void multiplyByDerivativeMatchesDerivative(Activation f) {
            int count = special.length * special.length;
            double[] z = new double[count];
            double[] x = new double[count];
            for (int p = 0; p < special.length; p++) {
                for (int q = 0; q < special.length; q++) {
                    z[p * special.length + q] = special[p];
                    x[p * special.length + q] = special[q];
                }
            }
            double[] expected = new double[count];
            for (int n = 0; n < count; n++) {
                expected[n] = x[n] * f.derivative(z[n]);
            }
            double[] product = new double[count];
            for (int call = 0; call < WARM_CALLS; call++) { // the first calls interpreted, the last compiled
                System.arraycopy(x, 0, product, 0, count);
                f.multiplyByDerivative(z, product, count);
            }
            for (int n = 0; n < count; n++) {
                sameBits(f + "'(" + z[n] + ") times " + x[n], expected[n], product[n]);
            }
        }
    }
}
