package backprop;

/**
 * The one layout of matrices in the library: row-major {@code double[]}, element {@code (r, c)} of
 * a {@code rows × cols} matrix at {@code [r * cols + c]}. Lesson B stores samples as rows and
 * {@code W} as {@code in × out}; lesson A's column layout is the transpose, so converting between
 * the two lessons is one {@link #transpose}.
 */
public final class RowMajor {

    private RowMajor() {
    }

    /**
     * Transposes a row-major matrix.
     *
     * @param a {@code rows × cols}, row-major; not modified
     * @param rows number of rows of a
     * @param cols number of columns of a
     * @return a new {@code cols × rows} matrix
     * @throws IllegalArgumentException if rows or cols is below 1, or {@code a.length != rows · cols}
     * @throws NullPointerException if a is null
     */
    public static double[] transpose(double[] a, int rows, int cols) {
        Require.nonNull("a", a, "a rows × cols matrix, row-major");
        Require.atLeast("rows", rows, 1);
        Require.atLeast("cols", cols, 1);
        if (a.length != (long) rows * cols) {
            throw new IllegalArgumentException("a has " + a.length + " values but " + rows + " × " + cols
                    + " = " + (long) rows * cols + " were expected");
        }
        double[] t = new double[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a[r * cols + c];
            }
        }
        return t;
    }
}
