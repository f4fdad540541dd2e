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
     * @throws IllegalArgumentException if the shapes differ, the gradient holds NaN or infinity,
     *     or the optimizer's state was made for parameters of another shape; nothing is changed
     * @throws NullPointerException if theta or gradient is null; nothing is changed
     */
    void step(Parameters theta, Parameters gradient);

    /** @return the learning rate η */
    double learningRate();

    /** Forgets any state, as if no step had been taken. */
    void reset();

    /** @return a short description with the hyper-parameters, e.g. {@code "SGD(η=0.1)"} */
    String describe();
}
