package backprop.data;

import backprop.Require;

/**
 * A labelled data set for binary classification: {@code x} is {@code rows × features} row-major
 * ({@code x[n * features + j]}), {@code y} holds one label in [0, 1] per row.
 *
 * <p>Immutable: the arrays are copied in and {@link #x()} and {@link #y()} return copies, so a data
 * set stays as it was checked. Fetch them once outside a loop.
 *
 * @param name a short description, e.g. {@code "circle (500 points)"}
 * @param features number of input features per row
 * @param x inputs, row-major
 * @param y labels
 */
public record DataSet(String name, int features, double[] x, double[] y) {

    /**
     * @throws IllegalArgumentException if features is below 1, x is empty or not a multiple of
     *     features, y has another number of rows, or a value is not finite or not in [0, 1]
     * @throws NullPointerException if name, x or y is null
     */
    public DataSet {
        Require.nonNull("name", name, "a short description, e.g. \"circle (500 points)\"");
        Require.atLeast("features", features, 1);
        Require.nonNull("x", x, "rows × features inputs, row-major");
        Require.nonNull("y", y, "one label in [0, 1] per row");
        if (x.length == 0 || x.length % features != 0) {
            throw new IllegalArgumentException("x has " + x.length + " values: expected a non-empty multiple of "
                    + features + " features");
        }
        if (y.length != x.length / features) {
            throw new IllegalArgumentException("y has " + y.length + " labels but x has " + x.length / features
                    + " rows: expected one label per row");
        }
        Require.allFinite("x", x);
        Require.allInUnitInterval("y", y);
        x = x.clone();
        y = y.clone();
    }

    /** @return a copy of the inputs, {@code rows × features} row-major */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** @return a copy of the labels */
    @Override
    public double[] y() {
        return y.clone();
    }

    /** @return true if the other is a data set with the same name, width and values, bit for bit */
    @Override
    public boolean equals(Object other) {
        return other instanceof DataSet d && name.equals(d.name) && features == d.features
                && java.util.Arrays.equals(x, d.x) && java.util.Arrays.equals(y, d.y);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, features, java.util.Arrays.hashCode(x), java.util.Arrays.hashCode(y));
    }

    /** @return e.g. {@code DataSet[circle (500 points), 500 rows × 2 features, 250 positive]} */
    @Override
    public String toString() {
        return "DataSet[" + name + ", " + rows() + " rows × " + features + " features, " + positives() + " positive]";
    }

    /** @return the number of rows (samples) */
    public int rows() {
        return y.length;
    }

    /** @return the number of rows labelled 1 */
    public int positives() {
        int count = 0;
        for (double label : y) { // the field, not the copying accessor
            count += label == 1.0 ? 1 : 0;
        }
        return count;
    }

    /**
     * @param j a feature index
     * @return a copy of column j
     * @throws IllegalArgumentException if j is not a feature index
     */
    public double[] column(int j) {
        if (j < 0 || j >= features) {
            throw new IllegalArgumentException("column is " + j + ": expected 0 to " + (features - 1));
        }
        double[] c = new double[rows()];
        for (int n = 0; n < c.length; n++) {
            c[n] = x[n * features + j];
        }
        return c;
    }

    /** @return x in lesson A's column layout, {@code features × rows} row-major (a new array) */
    public double[] xColumns() {
        return backprop.RowMajor.transpose(x, rows(), features); // the field: transpose copies
    }
}
