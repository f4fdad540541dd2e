package backprop;

/**
 * A loss as a function of a set of parameters, with its gradient: what a gradient check probes
 * ({@link backprop.check.GradientCheck} nudges each parameter and compares). The data the loss is
 * measured on is fixed when the objective is made. Optimizers do not take one: they are handed the
 * parameters and a gradient ({@link backprop.train.Optimizer#step}).
 */
public interface Objective {

    /** @return the parameters the loss depends on, live: changing them changes {@link #loss()} */
    Parameters parameters();

    /** @return the loss at the current parameters */
    double loss();

    /**
     * Computes the loss and its gradient at the current parameters.
     *
     * @param gradient output with the shape of {@link #parameters()}; overwritten
     * @return the loss
     * @throws IllegalArgumentException if {@code gradient} has another shape
     */
    double lossAndGradient(Parameters gradient);
}
