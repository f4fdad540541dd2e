package backprop.train;

/**
 * Told after each epoch's evaluation, for live progress in a notebook. Called from the training
 * thread; keep it quick.
 */
@FunctionalInterface
public interface EpochListener {

    /**
     * @param epoch the number of completed epochs (0 for the state before training)
     * @param loss the mean loss on the whole training set after that epoch
     * @param accuracy the fraction of rows classified correctly (threshold 0.5)
     */
    void onEpoch(int epoch, double loss, double accuracy);
}
