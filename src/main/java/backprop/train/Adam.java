package backprop.train;

import backprop.Parameters;
import backprop.Require;

/**
 * Adam (Kingma and Ba, 2015): running averages of the gradient and its square, with bias
 * correction.
 *
 * <pre>
 *   m ← β1 m + (1 - β1) g          v ← β2 v + (1 - β2) g²
 *   m̂ = m / (1 - β1^t)             v̂ = v / (1 - β2^t)
 *   θ ← θ - η m̂ / (√v̂ + ε)
 * </pre>
 */
public final class Adam implements Optimizer {

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private Parameters m;
    private Parameters v;
    private int t;

    /**
     * @param learningRate η, positive and finite
     * @param beta1 decay of the first moment, in [0, 1)
     * @param beta2 decay of the second moment, in [0, 1)
     * @param epsilon ε, positive and finite
     * @throws IllegalArgumentException if an argument is out of range
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = Require.positiveFinite("learning rate", learningRate);
        this.beta1 = decay("beta1", beta1);
        this.beta2 = decay("beta2", beta2);
        this.epsilon = Require.positiveFinite("epsilon", epsilon);
    }

    /** @param learningRate η; β1 = 0.9, β2 = 0.999, ε = 1e-8 */
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    @Override
    public void step(Parameters theta, Parameters gradient) {
        StepChecks.check(this, theta, gradient, m);
        if (m == null) {
            m = theta.zerosLike();
            v = theta.zerosLike();
        }
        t++;
        double correction1 = 1 - Math.pow(beta1, t);
        double correction2 = 1 - Math.pow(beta2, t);
        for (int k = 0; k < theta.tensorCount(); k++) {
            double[] th = theta.tensor(k);
            double[] g = gradient.tensor(k);
            double[] mk = m.tensor(k);
            double[] vk = v.tensor(k);
            for (int i = 0; i < th.length; i++) {
                mk[i] = beta1 * mk[i] + (1 - beta1) * g[i];
                vk[i] = beta2 * vk[i] + (1 - beta2) * g[i] * g[i];
                double mHat = mk[i] / correction1;
                double vHat = vk[i] / correction2;
                th[i] -= learningRate * mHat / (Math.sqrt(vHat) + epsilon);
            }
        }
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void reset() {
        m = null;
        v = null;
        t = 0;
    }

    @Override
    public String describe() {
        return "Adam(η=" + learningRate + ", β1=" + beta1 + ", β2=" + beta2 + ", ε=" + epsilon + ")";
    }

    @Override
    public String toString() {
        return describe();
    }

    private static double decay(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " is " + value + ": expected a value in [0, 1)");
        }
        return value;
    }
}
