package backprop.train;

/**
 * Thrown when training diverges: the loss becomes NaN or infinite, or a parameter does while the
 * loss is still finite. The message names the epoch, the optimizer and what went bad, and suggests
 * a smaller learning rate. The network is rolled back to the last parameters that were all finite
 * and gave a finite loss (those after epoch {@link #epoch()} − 1, or the epoch's start for
 * mini-batches), and {@link #history()} holds the rows up to there.
 */
public final class TrainingDivergedException extends IllegalStateException {

    private final transient History history;
    private final int epoch;

    /** The loss of the parameters after some updates became {@code loss}. */
    TrainingDivergedException(int epoch, double loss, Optimizer optimizer, History history) {
        this(epoch, "the loss became " + loss, optimizer, history);
    }

    /** {@code what} went bad in {@code epoch} (1-based, the one being run). */
    TrainingDivergedException(int epoch, String what, Optimizer optimizer, History history) {
        super(String.format("training diverged: %s in epoch %d with %s; try a smaller learning rate, e.g. %s. "
                        + "The network holds the parameters after epoch %d, the last finite ones",
                what, epoch, optimizer.describe(), suggestion(optimizer.learningRate() / 10), epoch - 1));
        this.epoch = epoch;
        this.history = history;
    }

    /** @return the epoch (1-based, the one being run) in which training diverged */
    public int epoch() {
        return epoch;
    }

    /** @return the history up to the last finite row */
    public History history() {
        return history;
    }

    /** A learning rate as a person would write it: 0.01, 1e-05, 1e+198, never 9.999999999999999E198. */
    private static String suggestion(double rate) {
        return String.format(java.util.Locale.ROOT, "%.3g", rate).replaceAll("\\.?0+(e|$)", "$1");
    }
}
