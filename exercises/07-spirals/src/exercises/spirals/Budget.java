package exercises.spirals;

import backprop.Mlp;
import backprop.Parameters;
import backprop.Workspace;
import backprop.data.DataSet;

/**
 * The training data of the spiral challenge, behind a meter. Given code: complete; leave it as it
 * is (the graded test checks that it still counts).
 *
 * <p>The data itself stays private: the only way to learn from it is to ask this class for a loss
 * and a gradient, and every row a pass uses is counted. The budget allows {@code epochs × N} rows
 * in all, N being the number of rows of the data: {@code epochs} full-batch passes, or the same
 * number of rows in mini-batches. A pass that would go over the budget is refused with an
 * {@link IllegalStateException} and is remembered ({@link #exceeded()}), even if the exception is
 * caught.
 */
public final class Budget {

    private final double[] x;
    private final double[] y;
    private final int features;
    private final int epochs;
    private final long allowedRows;
    private long usedRows;
    private boolean exceeded;
    // Mini-batch copies for at most two batch sizes (the batch and an epoch's remainder), so that
    // a training step allocates nothing once both have been seen.
    private final double[][] xBatches = {new double[0], new double[0]};
    private final double[][] yBatches = {new double[0], new double[0]};
    private int lastSlot;

    /**
     * A budget of {@code epochs} passes over {@code data}.
     *
     * @param data the training set; copied, not modified
     * @param epochs the number of passes allowed, at least 0
     * @throws IllegalArgumentException if data is null or epochs is negative
     */
    public Budget(DataSet data, int epochs) {
        if (data == null) {
            throw new IllegalArgumentException("data is null: expected a data set");
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs is " + epochs + ": expected at least 0");
        }
        this.x = data.x();
        this.y = data.y();
        this.features = data.features();
        this.epochs = epochs;
        this.allowedRows = (long) epochs * y.length;
    }

    /** @return N, the number of rows of the data */
    public int rows() {
        return y.length;
    }

    /** @return the number of input features per row */
    public int features() {
        return features;
    }

    /** @return the number of full passes the budget allows */
    public int epochs() {
        return epochs;
    }

    /** @return the number of rows the budget allows in all, {@code epochs × N} */
    public long allowedRows() {
        return allowedRows;
    }

    /** @return the number of rows used so far */
    public long usedRows() {
        return usedRows;
    }

    /** @return the rows used so far in epochs, {@code usedRows / N} */
    public double epochsUsed() {
        return (double) usedRows / y.length;
    }

    /** @return true once a pass has been refused for going over the budget */
    public boolean exceeded() {
        return exceeded;
    }

    /**
     * Loss and gradient on all N rows: {@code mlp.lossAndGradient(x, y, ws, gradient)}. Costs N
     * rows.
     *
     * @param mlp the network; not modified
     * @param ws a workspace of {@code mlp} with room for N rows; modified
     * @param gradient output shaped like the network's parameters; overwritten with ∇θL
     * @return the mean loss L over all N rows, before any update
     * @throws IllegalStateException if fewer than N rows are left in the budget
     * @throws IllegalArgumentException if the network, workspace or gradient does not fit the data
     */
    public double lossAndGradient(Mlp mlp, Workspace ws, Parameters gradient) {
        int count = y.length;
        requireRowsLeft(count);
        double loss = mlp.lossAndGradient(x, y, ws, gradient);
        usedRows += count;
        return loss;
    }

    /**
     * Loss and gradient on a mini-batch: the rows {@code order[from]}, …,
     * {@code order[from + count − 1]} of the data. Costs {@code count} rows.
     *
     * @param mlp the network; not modified
     * @param order row indices in [0, N), e.g. a shuffled 0 … N − 1; not modified
     * @param from the first position in {@code order} to use
     * @param count the batch size, at least 1
     * @param ws a workspace of {@code mlp} with room for {@code count} rows; modified
     * @param gradient output shaped like the network's parameters; overwritten with the gradient of
     *     the batch's mean loss
     * @return the mean loss over the batch, before any update
     * @throws IllegalStateException if fewer than {@code count} rows are left in the budget
     * @throws IllegalArgumentException if the positions or a row index are out of range, or the
     *     network, workspace or gradient does not fit
     */
    public double lossAndGradient(Mlp mlp, int[] order, int from, int count, Workspace ws, Parameters gradient) {
        if (count < 1 || from < 0 || from > order.length - count) {
            throw new IllegalArgumentException("positions " + from + " to " + (from + count - 1)
                    + ": expected count >= 1 and positions within order[0.." + (order.length - 1) + "]");
        }
        requireRowsLeft(count);
        int slot = yBatches[0].length == count ? 0 : yBatches[1].length == count ? 1 : 1 - lastSlot;
        if (yBatches[slot].length != count) {
            xBatches[slot] = new double[count * features];
            yBatches[slot] = new double[count];
        }
        lastSlot = slot;
        double[] xb = xBatches[slot];
        double[] yb = yBatches[slot];
        for (int k = 0; k < count; k++) {
            int row = order[from + k];
            if (row < 0 || row >= y.length) {
                throw new IllegalArgumentException("order[" + (from + k) + "] is " + row + ": expected a row in [0, "
                        + y.length + ")");
            }
            System.arraycopy(x, row * features, xb, k * features, features);
            yb[k] = y[row];
        }
        double loss = mlp.lossAndGradient(xb, yb, ws, gradient);
        usedRows += count;
        return loss;
    }

    private void requireRowsLeft(int count) {
        if (usedRows + count > allowedRows) {
            exceeded = true;
            throw new IllegalStateException("budget spent: this pass needs " + count + " rows but only "
                    + (allowedRows - usedRows) + " of " + allowedRows + " are left (" + epochs + " epochs × "
                    + y.length + " rows)");
        }
    }
}
