package backprop;

/**
 * The one kernel behind every matrix product of {@link Mlp}: add scaled rows to an accumulator row,
 *
 * <pre>
 *   acc[j] = acc[j] + s_0 · rows_0[j] + s_1 · rows_1[j] + ... + s_{count-1} · rows_{count-1}[j]
 * </pre>
 *
 * with {@code s_k = s[sFrom + k · sStride]} and {@code rows_k = rows[rowFrom + k]}. Each
 * {@code acc[j]} receives its products one at a time, k ascending, exactly as a loop of
 * {@code acc[j] += s_k * rows_k[j]} over k would add them: the same operations in the same order,
 * hence the same bits.
 *
 * <p><b>Why rows and not one flat matrix.</b> The JIT of Java 17 turns a loop like
 * {@code acc[j] = acc[j] + s * row[j]} into SIMD instructions only when every array in it is
 * indexed by the same {@code j}. The lesson's flat form {@code z[zRow + j] += a * w[wRow + j]} uses
 * two offsets, so it runs one multiply-add at a time, several times slower. Keeping each row in its
 * own array (the {@link Workspace} holds such copies) gives the JIT the simple loop it vectorises.
 * Four products per statement then load and store {@code acc[j]} once per four rows instead of
 * once per row. Written left to right, {@code acc[j] + p0 + p1 + p2 + p3} is
 * {@code (((acc[j] + p0) + p1) + p2) + p3}; the shorthand {@code acc[j] += p0 + p1 + p2 + p3}
 * would add the four products first and change the bits.
 */
final class ScaledRows {

    /**
     * Rows shorter than this are summed one column at a time. A vector loop has a set-up cost of
     * about 15 ns per statement on the machine this was measured on (an AMD EPYC with AVX2, four
     * doubles per vector); for a one-unit output layer that cost bought four multiply-adds.
     */
    static final int SHORT = 4;

    private ScaledRows() {
    }

    /**
     * {@code acc[j] += Σ_k s[sFrom + k·sStride] · rows[rowFrom + k][j]} for {@code j < len}, k
     * ascending from 0 to {@code count - 1}, one product at a time (see the class comment).
     *
     * @param acc accumulator, length >= len; modified
     * @param len number of columns to update
     * @param s scales, read at {@code sFrom, sFrom + sStride, ...}; not modified
     * @param sFrom index of the first scale
     * @param sStride distance between consecutive scales (1 along a row, the row width down a column)
     * @param rows the rows, each of length >= len, distinct from acc; not modified
     * @param rowFrom index of the first row used
     * @param count number of rows added, >= 0
     */
    static void addTo(double[] acc, int len, double[] s, int sFrom, int sStride,
                      double[][] rows, int rowFrom, int count) {
        if (len < SHORT) {
            addToShort(acc, len, s, sFrom, sStride, rows, rowFrom, count);
            return;
        }
        int k = 0;
        int sk = sFrom;
        for (; k + 4 <= count; k += 4, sk += 4 * sStride) {
            double s0 = s[sk];
            double s1 = s[sk + sStride];
            double s2 = s[sk + 2 * sStride];
            double s3 = s[sk + 3 * sStride];
            double[] r0 = rows[rowFrom + k];
            double[] r1 = rows[rowFrom + k + 1];
            double[] r2 = rows[rowFrom + k + 2];
            double[] r3 = rows[rowFrom + k + 3];
            for (int j = 0; j < len; j++) {
                acc[j] = acc[j] + s0 * r0[j] + s1 * r1[j] + s2 * r2[j] + s3 * r3[j];
            }
        }
        for (; k < count; k++, sk += sStride) {
            double s0 = s[sk];
            double[] r0 = rows[rowFrom + k];
            for (int j = 0; j < len; j++) {
                acc[j] = acc[j] + s0 * r0[j];
            }
        }
    }

    /** {@link #addTo} for short rows: for each column, the products added one at a time, k ascending. */
    private static void addToShort(double[] acc, int len, double[] s, int sFrom, int sStride,
                                   double[][] rows, int rowFrom, int count) {
        for (int j = 0; j < len; j++) {
            double sum = acc[j];
            for (int k = 0, sk = sFrom; k < count; k++, sk += sStride) {
                sum = sum + s[sk] * rows[rowFrom + k][j];
            }
            acc[j] = sum;
        }
    }
}
