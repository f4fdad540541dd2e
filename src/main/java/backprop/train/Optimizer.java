package backprop.train;

import backprop.Parameters;

/**
 * An update rule: given the gradient of the loss, change the parameters to reduce it. Any state an
 * optimizer keeps (velocities, moment estimates) is allocated at its first step, shaped like the
 * parameters, so that later steps allocate nothing.
 */
public interface Optimizer {

    /**
     * Applies one update.
     *
     * @param theta the parameters; modified in place
     * @param gradient {@code dL/dθ}, shaped like theta; not modified
     * @throws IllegalArgumentException if the shapes differ
     */
    void step(Parameters theta, Parameters gradient);

    /**
     * The checks every {@link #step} makes before it changes anything: the gradient has the
     * parameters' shape and holds only finite values (a NaN would spread into every weight it
     * touches), and any state the optimizer keeps was made for this shape.
     *
     * @param optimizer the optimizer, named in the messages
     * @param theta the parameters about to be updated
     * @param gradient their gradient
     * @param state the optimizer's state (velocity, first moment), or null before its first step
     * @throws IllegalArgumentException naming what is wrong; nothing has been changed
     */
    static void checkStep(Optimizer optimizer, Parameters theta, Parameters gradient, Parameters state) {
        theta.requireSameShape(gradient);
        String bad = gradient.firstNonFinite();
        if (bad != null) {
            throw new IllegalArgumentException("gradient " + bad + ": expected a finite gradient for "
                    + optimizer.describe() + " (the loss or the backward pass has gone wrong); nothing was changed");
        }
        if (state != null && !state.sameShape(theta)) {
            throw new IllegalArgumentException(optimizer.describe() + " keeps state for parameters of sizes "
                    + java.util.Arrays.toString(state.sizes()) + " from its earlier steps, but these have sizes "
                    + java.util.Arrays.toString(theta.sizes()) + ": call reset() before using it on another network, "
                    + "or make a new optimizer");
        }
    }

    /** @return the learning rate η */
    double learningRate();

    /** Forgets any state, as if no step had been taken. */
    void reset();

    /** @return a short description with the hyper-parameters, e.g. {@code "SGD(η=0.1)"} */
    String describe();
}
