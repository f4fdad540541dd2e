package backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("ColumnDots: dot products of columns, each summed in order")
class ColumnDotsTest {

    private static double[][] columns(int count, int rows, Random random) {
        double[][] c = new double[count][rows];
        for (double[] column : c) {
            for (int n = 0; n < rows; n++) {
                column[n] = random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3); // mixed scales: order matters
            }
        }
        return c;
    }

    /** The plain loop the tile must reproduce bit for bit. */
    private static double dot(double[] u, double[] v, int rows) {
        double s = 0;
        for (int n = 0; n < rows; n++) {
            s += u[n] * v[n];
        }
        return s;
    }

    @ParameterizedTest(name = "{0} × {1} tile at ({2}, {3}), {4} rows, strides {5} and {6}")
    @CsvSource({
            "2, 4, 0, 0, 17, 9, 1",
            "1, 4, 2, 4, 5, 9, 1",
            "2, 3, 0, 5, 1, 9, 1",
            "2, 1, 1, 7, 8, 9, 1",
            "1, 1, 2, 8, 3, 9, 1",
            "2, 4, 1, 2, 11, 1, 3",
            "1, 2, 2, 0, 6, 1, 3"})
    @DisplayName("tile writes each asked-for sum with the plain loop's bits, and nothing else")
    void tileMatchesPlainLoop(int leftCount, int rightCount, int leftFrom, int rightFrom, int rows,
                              int leftStride, int rightStride) {
        Random random = new Random(7L * rows + leftFrom);
        double[][] left = columns(3, rows, random);
        double[][] right = columns(9, rows, random);
        double[] result = new double[64];
        java.util.Arrays.fill(result, -7.5);
        ColumnDots.tile(left, leftFrom, leftCount, right, rightFrom, rightCount, rows, result, leftStride, rightStride);
        double[] expected = new double[64];
        java.util.Arrays.fill(expected, -7.5);
        for (int p = 0; p < leftCount; p++) {
            for (int q = 0; q < rightCount; q++) {
                expected[(leftFrom + p) * leftStride + (rightFrom + q) * rightStride] =
                        dot(left[leftFrom + p], right[rightFrom + q], rows);
            }
        }
        for (int k = 0; k < result.length; k++) {
            assertEquals(Double.doubleToRawLongBits(expected[k]), Double.doubleToRawLongBits(result[k]),
                    "result[" + k + "]: expected " + expected[k] + " but was " + result[k]);
        }
    }

    @ParameterizedTest(name = "columns {1} to {2} of {0}, {3} rows")
    @CsvSource({"1, 0, 1, 5", "3, 0, 3, 1", "4, 0, 4, 9", "6, 0, 6, 13", "9, 0, 9, 600", "9, 2, 7, 11", "9, 8, 9, 3"})
    @DisplayName("columnSums gives each column's sum in order, and writes nothing outside its range")
    void columnSumsMatchPlainLoop(int count, int from, int to, int rows) {
        double[][] c = columns(count, rows, new Random(count * 31L + rows));
        double[] sums = new double[count + 1];
        java.util.Arrays.fill(sums, 42);
        ColumnDots.columnSums(c, from, to, rows, sums);
        for (int j = 0; j <= count; j++) {
            if (j < from || j >= to) {
                assertEquals(42, sums[j], "sums[" + j + "] is outside the range: left alone");
                continue;
            }
            double s = 0;
            for (int n = 0; n < rows; n++) {
                s += c[j][n];
            }
            assertEquals(Double.doubleToRawLongBits(s), Double.doubleToRawLongBits(sums[j]), "sum of column " + j);
        }
    }
}
