package backprop.train;

/**
 * Thrown when the loss becomes NaN or infinite during training. The message names the epoch, the
 * optimizer and the bad loss, and suggests a smaller learning rate; {@link #history()} holds the
 * rows recorded before it happened. The network keeps the parameters it had when training stopped.
 */
public final class TrainingDivergedException extends IllegalStateException {

    private final transient History history;
    private final int epoch;

    TrainingDivergedException(int epoch, double loss, Optimizer optimizer, History history) {
        super(String.format("training diverged: the loss became %s in epoch %d with %s; "
                        + "try a smaller learning rate, e.g. %s",
                loss, epoch, optimizer.describe(), optimizer.learningRate() / 10));
        this.epoch = epoch;
        this.history = history;
    }

    /** @return the epoch (1-based, the one being run) in which the loss stopped being finite */
    public int epoch() {
        return epoch;
    }

    /** @return the history up to the last finite row */
    public History history() {
        return history;
    }
}
