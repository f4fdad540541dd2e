package backprop.train;

import backprop.Require;
import java.util.Arrays;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The loss and accuracy on the training set after each epoch, row 0 being the untrained network.
 * Each value is measured <em>after</em> that epoch's updates, on all rows, so the last row is the
 * model that training returns (not the loss of the forward pass before the last update).
 */
public final class History {

    private final String name;
    private final int[] epoch;
    private final double[] loss;
    private final double[] accuracy;
    private int size;

    History(String name, int capacity) {
        this.name = name;
        epoch = new int[capacity];
        loss = new double[capacity];
        accuracy = new double[capacity];
    }

    /** Appends the row of epoch {@code epochNumber}: the loss and the accuracy measured there. */
    void add(int epochNumber, double lossValue, double accuracyValue) {
        epoch[size] = epochNumber;
        loss[size] = lossValue;
        accuracy[size] = accuracyValue;
        size++;
    }

    /** @return the name given to the run, e.g. the optimizer's description */
    public String name() {
        return name;
    }

    /** @return the number of rows (completed epochs + 1, or fewer if training stopped early) */
    public int size() {
        return size;
    }

    /** @return a copy of the loss column */
    public double[] losses() {
        return Arrays.copyOf(loss, size);
    }

    /** @return a copy of the accuracy column */
    public double[] accuracies() {
        return Arrays.copyOf(accuracy, size);
    }

    /**
     * @param e a completed-epoch count in {@code [0, size())}
     * @return the loss after e epochs
     * @throws IllegalArgumentException if e is out of range
     */
    public double lossAt(int e) {
        return loss[check(e)];
    }

    /**
     * @param e a completed-epoch count in {@code [0, size())}
     * @return the accuracy after e epochs
     * @throws IllegalArgumentException if e is out of range
     */
    public double accuracyAt(int e) {
        return accuracy[check(e)];
    }

    /** @return the loss of the last row */
    public double finalLoss() {
        return loss[check(size - 1)];
    }

    /** @return the accuracy of the last row */
    public double finalAccuracy() {
        return accuracy[check(size - 1)];
    }

    /** @return a table with columns epoch (int), loss, accuracy */
    public Table asTable() {
        return Table.create(name,
                IntColumn.create("epoch", Arrays.copyOf(epoch, size)),
                DoubleColumn.create("loss", Arrays.copyOf(loss, size)),
                DoubleColumn.create("accuracy", Arrays.copyOf(accuracy, size)));
    }

    /**
     * The first epoch whose accuracy reaches {@code target}: {@code min e} with
     * {@code accuracy(e) >= target}.
     *
     * @param target an accuracy in [0, 1], e.g. 0.95
     * @return that epoch, or -1 if no row reaches it
     * @throws IllegalArgumentException if target is outside [0, 1]
     */
    public int firstEpochReaching(double target) {
        Require.inUnitInterval("target", target);
        for (int r = 0; r < size; r++) {
            if (accuracy[r] >= target) {
                return epoch[r];
            }
        }
        return -1;
    }

    /**
     * The epoch from which the accuracy stays at or above {@code target} until the end of the run:
     * the first row of the last unbroken stretch of rows that reach it. It is later than
     * {@link #firstEpochReaching} when the accuracy reached the target, fell back, and came again.
     *
     * @param target an accuracy in [0, 1], e.g. 0.95
     * @return that epoch, or -1 if the last row is below target (or the history is empty)
     * @throws IllegalArgumentException if target is outside [0, 1]
     */
    public int settledFrom(double target) {
        Require.inUnitInterval("target", target);
        int r = size;
        while (r > 0 && accuracy[r - 1] >= target) {
            r--;
        }
        return r == size ? -1 : epoch[r];
    }

    /** @return true if both histories have the same rows, bit for bit */
    public boolean sameAs(History other) {
        Require.nonNull("other", other, "a history to compare with");
        return size == other.size
                && Arrays.equals(epoch, 0, size, other.epoch, 0, size)
                && Arrays.equals(loss, 0, size, other.loss, 0, size)
                && Arrays.equals(accuracy, 0, size, other.accuracy, 0, size);
    }

    @Override
    public String toString() {
        return size == 0 ? "History[" + name + ", empty]"
                : String.format(java.util.Locale.ROOT, "History[%s, %d epochs, final loss %s, accuracy %.1f%%]",
                        name, epoch[size - 1], lossText(finalLoss()), 100 * finalAccuracy());
    }

    /** Four decimals as the lessons print losses; a huge loss as 1.300e+299, not 300 digits. */
    private static String lossText(double loss) {
        String format = Math.abs(loss) < 1e6 ? "%.4f" : "%.3e";
        return String.format(java.util.Locale.ROOT, format, loss);
    }

    private int check(int e) {
        if (size == 0) {
            throw new IllegalArgumentException("epoch is " + e + ": the history is empty (training stopped "
                    + "before the first row)");
        }
        if (e < 0 || e >= size) {
            throw new IllegalArgumentException("epoch is " + e + ": expected 0 to " + (size - 1));
        }
        return e;
    }
}
