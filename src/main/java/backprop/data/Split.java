package backprop.data;

import backprop.Require;
import java.util.Random;

/**
 * A data set cut in two: rows to train on and rows held out to validate on, which training never
 * sees. A network that fits its training rows better and its validation rows worse is learning
 * the noise of its sample rather than the pattern behind it.
 *
 * @param training the rows to train on
 * @param validation the held-out rows
 */
public record Split(DataSet training, DataSet validation) {

    /**
     * @throws NullPointerException if training or validation is null
     */
    public Split {
        Require.nonNull("training", training, "the rows to train on");
        Require.nonNull("validation", validation, "the held-out rows");
    }

    /**
     * Shuffles the rows with a generator seeded from {@code seed} (Fisher–Yates, one
     * {@code nextInt} per row) and puts the first {@code validationRows} of that order into the
     * validation set and the rest, in the same order, into the training set. Same data and seed,
     * same split, bit for bit. Not modified: data.
     *
     * @param data the rows to split
     * @param validationRows how many rows to hold out, from 1 to rows − 1
     * @param seed the shuffle's seed
     * @return the split; names end in {@code ", training"} and {@code ", validation"}
     * @throws IllegalArgumentException if validationRows is below 1 or leaves no training row
     * @throws NullPointerException if data is null
     */
    public static Split shuffled(DataSet data, int validationRows, long seed) {
        Require.nonNull("data", data, "a data set, e.g. DataSets.spirals(300, 0.15, 42)");
        int rows = data.rows();
        if (validationRows < 1 || validationRows > rows - 1) {
            throw new IllegalArgumentException("validationRows is " + validationRows + ": expected 1 to "
                    + (rows - 1) + " for a data set of " + rows + " rows (both parts need a row)");
        }
        int[] order = new int[rows];
        for (int n = 0; n < rows; n++) {
            order[n] = n;
        }
        Random random = new Random(seed);
        for (int n = rows - 1; n > 0; n--) {
            int k = random.nextInt(n + 1);
            int swap = order[n];
            order[n] = order[k];
            order[k] = swap;
        }
        return new Split(rowsOf(data, order, validationRows, rows, ", training"),
                rowsOf(data, order, 0, validationRows, ", validation"));
    }

    private static DataSet rowsOf(DataSet data, int[] order, int from, int to, String suffix) {
        int features = data.features();
        double[] x = data.x();
        double[] y = data.y();
        double[] partX = new double[(to - from) * features];
        double[] partY = new double[to - from];
        for (int r = from; r < to; r++) {
            int n = order[r];
            System.arraycopy(x, n * features, partX, (r - from) * features, features);
            partY[r - from] = y[n];
        }
        return new DataSet(data.name() + suffix, features, partX, partY);
    }
}
