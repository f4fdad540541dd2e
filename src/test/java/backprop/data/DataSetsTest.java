package backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Data sets")
class DataSetsTest {

    static Stream<Arguments> generators() {
        return Stream.of(
                Arguments.of("linear", (LongFunction<DataSet>) seed -> DataSets.linear(1000, seed)),
                Arguments.of("circle", (LongFunction<DataSet>) seed -> DataSets.circle(500, seed)),
                Arguments.of("xor", (LongFunction<DataSet>) seed -> DataSets.xor(200, 0.3, seed)),
                Arguments.of("spirals", (LongFunction<DataSet>) seed -> DataSets.spirals(300, 0.15, seed)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    @DisplayName("are the same bit for bit for the same seed, and differ for another")
    void seeded(String name, LongFunction<DataSet> make) {
        DataSet a = make.apply(42);
        DataSet b = make.apply(42);
        DataSet c = make.apply(43);
        assertArrayEquals(a.x(), b.x());
        assertArrayEquals(a.y(), b.y());
        assertFalse(java.util.Arrays.equals(a.x(), c.x()));
    }

    @Test
    @DisplayName("linear: label 1 exactly when x1 + x2 > 0")
    void linear() {
        DataSet d = DataSets.linear(1000, 42);
        for (int n = 0; n < d.rows(); n++) {
            assertEquals(d.x()[2 * n] + d.x()[2 * n + 1] > 0 ? 1.0 : 0.0, d.y()[n]);
        }
        assertEquals(500, d.positives(), 50, "about half on each side");
    }

    @Test
    @DisplayName("circle: 500 points, label 1 inside x1² + x2² < 1.5, about 1 - e^-0.75 = 52.8% inside")
    void circle() {
        DataSet d = DataSets.circle(500, 42);
        assertEquals(500, d.rows());
        for (int n = 0; n < d.rows(); n++) {
            double r2 = d.x()[2 * n] * d.x()[2 * n] + d.x()[2 * n + 1] * d.x()[2 * n + 1];
            assertEquals(r2 < 1.5 ? 1.0 : 0.0, d.y()[n]);
        }
        DataSet big = DataSets.circle(100_000, 1);
        assertEquals(1 - Math.exp(-0.75), big.positives() / 100_000.0, 0.005);
    }

    @Test
    @DisplayName("xor: label 1 in the quadrants where the signs differ (with small noise)")
    void xor() {
        DataSet d = DataSets.xor(400, 0.1, 3);
        assertEquals(200, d.positives());
        for (int n = 0; n < d.rows(); n++) {
            double product = d.x()[2 * n] * d.x()[2 * n + 1];
            assertEquals(product < 0 ? 1.0 : 0.0, d.y()[n], "row " + n);
        }
    }

    @Nested
    @DisplayName("spirals")
    class Spirals {
        private final DataSet d = DataSets.spirals(300, 0.15, 42);

        @Test
        @DisplayName("hold 2 × 300 points, half of each class")
        void counts() {
            assertEquals(600, d.rows());
            assertEquals(300, d.positives());
        }

        @Test
        @DisplayName("are standardised: each feature has mean 0 and standard deviation 1")
        void standardised() {
            for (int j = 0; j < 2; j++) {
                double[] c = d.column(j);
                double mean = java.util.Arrays.stream(c).average().orElseThrow();
                double var = java.util.Arrays.stream(c).map(v -> (v - mean) * (v - mean)).sum() / c.length;
                assertEquals(0, mean, 1e-12, "mean of feature " + j);
                assertEquals(1, var, 1e-12, "variance of feature " + j);
            }
        }

        @Test
        @DisplayName("without noise, class 1 is class 0 turned by π (point-reflected through the origin)")
        void rotation() {
            DataSet clean = DataSets.spirals(50, 0.0, 1);
            for (int k = 0; k < 50; k++) {
                assertEquals(-clean.x()[2 * k], clean.x()[2 * (50 + k)], 1e-9);
                assertEquals(-clean.x()[2 * k + 1], clean.x()[2 * (50 + k) + 1], 1e-9);
            }
            assertTrue(clean.y()[0] == 0 && clean.y()[50] == 1);
        }
    }

    @Nested
    @DisplayName("reject")
    class Reject {
        @Test
        @DisplayName("a point count below 1")
        void points() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSets.circle(0, 1));
            assertEquals("points is 0: expected at least 1", e.getMessage());
        }

        @Test
        @DisplayName("negative noise")
        void noise() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DataSets.spirals(10, -0.1, 1));
            assertEquals("noise is -0.1: expected a finite number >= 0", e.getMessage());
        }

        @Test
        @DisplayName("labels that do not match the rows")
        void labels() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new DataSet("bad", 2, new double[4], new double[3]));
            assertEquals("y has 3 labels but x has 2 rows: expected one label per row", e.getMessage());
        }

        @Test
        @DisplayName("changes from outside: the arrays are copied in and out")
        void immutable() {
            double[] x = {1, 2};
            double[] y = {1};
            DataSet d = new DataSet("one row", 2, x, y);
            x[0] = 99;
            d.y()[0] = 7;
            assertArrayEquals(new double[] {1, 2}, d.x());
            assertArrayEquals(new double[] {1}, d.y());
        }

        @Test
        @DisplayName("infinite inputs")
        void infinite() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new DataSet("bad", 1, new double[] {1, Double.NEGATIVE_INFINITY}, new double[2]));
            assertEquals("x[1] is -Infinity: expected a finite number", e.getMessage());
        }
    }
}
