package backprop.train;

import backprop.Require;

/**
 * How long and in what batches to train.
 *
 * @param epochs passes over the data, >= 0
 * @param batchSize rows per update; 0 means the full batch (one update per epoch)
 * @param shuffleSeed seed of the per-epoch shuffle of mini-batches (unused for the full batch)
 */
public record TrainingOptions(int epochs, int batchSize, long shuffleSeed) {

    /**
     * @throws IllegalArgumentException if epochs or batchSize is negative
     */
    public TrainingOptions {
        Require.atLeast("epochs", epochs, 0);
        if (epochs >= Require.MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("epochs is " + epochs + ": expected at most "
                    + Require.count(Require.MAX_ARRAY_LENGTH - 1) + " (the history keeps a row for each epoch and one before the first)");
        }
        Require.atLeast("batch size", batchSize, 0);
    }

    /**
     * Full-batch gradient descent, as in both lessons.
     *
     * @param epochs number of epochs (= updates), >= 0
     * @return the options
     */
    public static TrainingOptions fullBatch(int epochs) {
        return new TrainingOptions(epochs, 0, 0L);
    }

    /**
     * Mini-batches drawn from a fresh shuffle each epoch; the last batch of an epoch holds the
     * remainder.
     *
     * @param epochs number of epochs, >= 0
     * @param batchSize rows per batch, >= 1
     * @param shuffleSeed seed of the shuffles
     * @return the options
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static TrainingOptions miniBatch(int epochs, int batchSize, long shuffleSeed) {
        Require.atLeast("batch size", batchSize, 1);
        return new TrainingOptions(epochs, batchSize, shuffleSeed);
    }

    /** @return true if every update uses all rows */
    public boolean isFullBatch(int rows) {
        return batchSize == 0 || batchSize >= rows;
    }
}
