package backprop.train;

import backprop.Parameters;
import backprop.Require;

/** The argument checks shared by the optimizers' steps. */
final class StepChecks {

    private StepChecks() {
    }

    /**
     * The checks every {@link Optimizer#step} makes before it changes anything: the gradient has the
     * parameters' shape and holds only finite values (a NaN would spread into every weight it
     * touches), and any state the optimizer keeps was made for this shape.
     *
     * @param optimizer the optimizer, named in the messages
     * @param theta the parameters about to be updated
     * @param gradient their gradient
     * @param state the optimizer's state (velocity, first moment), or null before its first step
     * @throws IllegalArgumentException naming what is wrong; nothing has been changed
     * @throws NullPointerException if theta or gradient is null; nothing has been changed
     */
    static void check(Optimizer optimizer, Parameters theta, Parameters gradient, Parameters state) {
        Require.nonNull("theta", theta, "the parameters to update, e.g. mlp.parameters()");
        Require.nonNull("gradient", gradient, "their gradient, e.g. from mlp.lossAndGradient(...)");
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
}
