package backprop.train;

import backprop.InterruptedRunException;

/**
 * Training stopped by an interrupt. The network holds the parameters after the last completed
 * epoch, {@link #history()} the rows up to and including that epoch, and the optimizer the state of
 * that moment: calling {@code train} again goes on from there.
 */
public final class TrainingInterruptedException extends InterruptedRunException {

    private static final long serialVersionUID = 1L;

    private final transient History history;
    private final int completed;

    TrainingInterruptedException(int completed, int epochs, History history) {
        super("training interrupted in epoch " + (completed + 1) + " of " + epochs + ": the network holds the "
                + "parameters after epoch " + completed + ", the last completed; history() has the rows up to there");
        this.completed = completed;
        this.history = history;
    }

    /** @return the number of epochs completed before the interrupt */
    public int completedEpochs() {
        return completed;
    }

    /** @return the history up to the last completed epoch */
    public History history() {
        return history;
    }
}
