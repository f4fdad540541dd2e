package backprop.train;

import backprop.Parameters;
import backprop.Require;

/**
 * Gradient descent with momentum: {@code v ← μ v - η g; θ ← θ + v}. The velocity v starts at
 * zero and is allocated at the first step.
 */
public final class Momentum implements Optimizer {

    private final double learningRate;
    private final double mu;
    private Parameters velocity;

    /**
     * @param learningRate η, positive and finite
     * @param mu the momentum coefficient μ, in [0, 1)
     * @throws IllegalArgumentException if an argument is out of range
     */
    public Momentum(double learningRate, double mu) {
        this.learningRate = Require.positiveFinite("learning rate", learningRate);
        if (!(mu >= 0 && mu < 1)) {
            throw new IllegalArgumentException("momentum is " + mu + ": expected a value in [0, 1)");
        }
        this.mu = mu;
    }

    /** @param learningRate η; momentum μ = 0.9 */
    public Momentum(double learningRate) {
        this(learningRate, 0.9);
    }

    @Override
    public void step(Parameters theta, Parameters gradient) {
        StepChecks.check(this, theta, gradient, velocity);
        if (velocity == null) {
            velocity = theta.zerosLike();
        }
        for (int k = 0; k < theta.tensorCount(); k++) {
            double[] t = theta.tensor(k);
            double[] g = gradient.tensor(k);
            double[] v = velocity.tensor(k);
            for (int i = 0; i < t.length; i++) {
                v[i] = mu * v[i] - learningRate * g[i];
                t[i] += v[i];
            }
        }
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void reset() {
        velocity = null;
    }

    @Override
    public String describe() {
        return "Momentum(η=" + learningRate + ", μ=" + mu + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
