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

    /**
     * Copies the first {@code rows} rows of a row-major {@code rows × cols} matrix into one array
     * per column: {@code columns[c][r] = a[r * cols + c]}. Arguments are not checked (package use).
     *
     * @param a the matrix, at least {@code rows × cols} values; not modified
     * @param columns {@code cols} arrays of at least {@code rows} values; their first rows values overwritten
     */
    static void toColumns(double[] a, int rows, int cols, double[][] columns) {
        for (int c = 0; c < cols; c++) {
            double[] column = columns[c];
            for (int r = 0, k = c; r < rows; r++, k += cols) {
                column[r] = a[k];
            }
        }
    }

    /**
     * The reverse of {@link #toColumns}: {@code a[r * cols + c] = columns[c][r]} for the first
     * {@code rows} rows. Arguments are not checked (package use).
     *
     * @param columns {@code cols} arrays of at least {@code rows} values; not modified
     * @param a the row-major matrix, at least {@code rows × cols} values; its first rows × cols overwritten
     */
    static void fromColumns(double[][] columns, int rows, int cols, double[] a) {
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            for (int c = 0; c < cols; c++) {
                a[row + c] = columns[c][r];
            }
        }
    }

    /**
     * Rows {@code first .. first + count - 1} of a matrix held by columns, each into its own array:
     * {@code rows[k][c] = columns[c][first + k]}. Arguments are not checked (package use).
     *
     * @param columns {@code cols} arrays; not modified
     * @param rows at least {@code count} arrays of at least {@code cols} values; overwritten there
     */
    static void gatherRows(double[][] columns, int cols, int first, int count, double[][] rows) {
        for (int k = 0; k < count; k++) {
            double[] row = rows[k];
            int r = first + k;
            for (int c = 0; c < cols; c++) {
                row[c] = columns[c][r];
            }
        }
    }
}
