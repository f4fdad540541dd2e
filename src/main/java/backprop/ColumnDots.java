package backprop;

/**
 * The kernel behind the weight gradient of {@link Mlp}: dot products of columns, each summed over
 * the batch in order,
 *
 * <pre>
 *   result[p, q] = Σ_n left_p[n] · right_q[n]      n = 0, 1, ..., rows - 1, one product at a time
 * </pre>
 *
 * for two columns of {@code left} against four of {@code right} at once. Each sum starts at 0 and
 * adds its products n ascending, exactly as {@code s += left_p[n] * right_q[n]} over n would, so
 * the bits are those of the plain loop.
 *
 * <p><b>Why a tile.</b> A sum in order cannot be split across SIMD lanes without changing its
 * bits, so each sum is a chain of additions, each waiting for the one before. Eight chains side by
 * side keep the processor's adders busy, and the six values loaded per sample serve eight
 * multiply-adds. The loop has no set-up to pay per call, unlike a vector loop, so it is as fast on
 * a batch of short columns as on long ones.
 */
final class ColumnDots {

    private ColumnDots() {
    }

    /**
     * For {@code p < leftCount} (at most 2) and {@code q < rightCount} (at most 4):
     * {@code result[(leftFrom + p) · leftStride + (rightFrom + q) · rightStride] =
     * Σ_n left[leftFrom + p][n] · right[rightFrom + q][n]} over {@code n < rows}, n ascending from 0.
     * A tile at the edge of a matrix repeats its last column in the missing places and keeps only
     * the products it was asked for.
     *
     * @param left columns, each of length >= rows; not modified
     * @param right columns, each of length >= rows; not modified
     * @param result written at the places above and nowhere else
     */
    static void tile(double[][] left, int leftFrom, int leftCount, double[][] right, int rightFrom, int rightCount,
                     int rows, double[] result, int leftStride, int rightStride) {
        double[] l0 = left[leftFrom];
        double[] l1 = left[leftFrom + Math.min(1, leftCount - 1)];
        double[] r0 = right[rightFrom];
        double[] r1 = right[rightFrom + Math.min(1, rightCount - 1)];
        double[] r2 = right[rightFrom + Math.min(2, rightCount - 1)];
        double[] r3 = right[rightFrom + Math.min(3, rightCount - 1)];
        double s00 = 0;
        double s01 = 0;
        double s02 = 0;
        double s03 = 0;
        double s10 = 0;
        double s11 = 0;
        double s12 = 0;
        double s13 = 0;
        for (int n = 0; n < rows; n++) {
            double u = l0[n];
            double v = l1[n];
            double w0 = r0[n];
            double w1 = r1[n];
            double w2 = r2[n];
            double w3 = r3[n];
            s00 += u * w0;
            s01 += u * w1;
            s02 += u * w2;
            s03 += u * w3;
            s10 += v * w0;
            s11 += v * w1;
            s12 += v * w2;
            s13 += v * w3;
        }
        int at = leftFrom * leftStride + rightFrom * rightStride;
        put(result, at, rightStride, rightCount, s00, s01, s02, s03);
        if (leftCount > 1) {
            put(result, at + leftStride, rightStride, rightCount, s10, s11, s12, s13);
        }
    }

    /** Writes the first {@code count} of v0..v3 at {@code at, at + step, ...}. */
    private static void put(double[] result, int at, int step, int count, double v0, double v1, double v2, double v3) {
        result[at] = v0;
        if (count > 1) {
            result[at + step] = v1;
        }
        if (count > 2) {
            result[at + 2 * step] = v2;
        }
        if (count > 3) {
            result[at + 3 * step] = v3;
        }
    }

    /**
     * {@code sums[j] = Σ_n columns[j][n]} for {@code from <= j < to}, n ascending from 0, four
     * columns at a time so that four chains of additions run side by side.
     *
     * @param columns arrays of length >= rows; not modified
     * @param sums overwritten from {@code from} to {@code to - 1}
     */
    static void columnSums(double[][] columns, int from, int to, int rows, double[] sums) {
        for (int j = from; j < to; j += 4) {
            double[] c0 = columns[j];
            double[] c1 = columns[Math.min(j + 1, to - 1)];
            double[] c2 = columns[Math.min(j + 2, to - 1)];
            double[] c3 = columns[Math.min(j + 3, to - 1)];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int n = 0; n < rows; n++) {
                s0 += c0[n];
                s1 += c1[n];
                s2 += c2[n];
                s3 += c3[n];
            }
            put(sums, j, 1, to - j, s0, s1, s2, s3);
        }
    }
}
