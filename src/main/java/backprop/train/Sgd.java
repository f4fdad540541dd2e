package backprop.train;

import backprop.Parameters;
import backprop.Require;

/** Plain gradient descent: {@code θ ← θ - η g}. Stateless. */
public final class Sgd implements Optimizer {

    private final double learningRate;

    /**
     * @param learningRate η, a positive finite number
     * @throws IllegalArgumentException if η is not positive and finite
     */
    public Sgd(double learningRate) {
        this.learningRate = Require.positiveFinite("learning rate", learningRate);
    }

    @Override
    public void step(Parameters theta, Parameters gradient) {
        StepChecks.check(this, theta, gradient, null);
        for (int k = 0; k < theta.tensorCount(); k++) {
            double[] t = theta.tensor(k);
            double[] g = gradient.tensor(k);
            for (int i = 0; i < t.length; i++) {
                t[i] -= learningRate * g[i];
            }
        }
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void reset() {
        // no state
    }

    @Override
    public String describe() {
        return "SGD(η=" + learningRate + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
