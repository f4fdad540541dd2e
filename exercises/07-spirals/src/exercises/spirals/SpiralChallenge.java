package exercises.spirals;

import backprop.Mlp;

/**
 * The spiral challenge: lesson B's spirals to 99% training accuracy on a budget of epochs, with an
 * update rule you write yourself.
 */
public final class SpiralChallenge {

    /** The budget: at most this many passes over the data (given; the graded test uses 500). */
    public static final int EPOCH_BUDGET = 500;

    private SpiralChallenge() {
    }

    /**
     * Builds and trains a network that classifies the budget's data, two spirals of N points.
     *
     * <p>Free choices: the network (two inputs, one sigmoid output, any hidden layers made with
     * {@code Mlp.create}), the initialisation, full batch or mini-batches, and the update rule,
     * which you write here yourself (momentum, Adam, a learning-rate schedule, …; not the library's
     * {@code backprop.train} optimizers or {@code Trainer}). The one rule: every loss and gradient
     * comes from {@code budget.lossAndGradient}, which refuses to go beyond
     * {@code budget.epochs() × N} rows.
     *
     * @param budget the data behind its meter; its counter is modified
     * @param seed the seed of the initial weights
     * @return the trained network, {@code features → … → 1}, with at least 99% training accuracy
     */
    public static Mlp train(Budget budget, long seed) {
        throw new UnsupportedOperationException("Task 2: build a network and train it with an update rule of your "
                + "own, taking every gradient from budget.lossAndGradient, to 99% training accuracy.");
    }
}
