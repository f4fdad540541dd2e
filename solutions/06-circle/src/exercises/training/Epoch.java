package exercises.training;

/**
 * One row of a training history: the network after {@code epoch} updates, measured on every row of
 * the training set. Given code: complete.
 *
 * @param epoch the number of updates made so far; 0 is the untrained network
 * @param loss the mean binary cross-entropy L over all N rows
 * @param accuracy the fraction of rows with {@code (a > 0.5) == (y == 1)}, in [0, 1]
 */
public record Epoch(int epoch, double loss, double accuracy) {
}
