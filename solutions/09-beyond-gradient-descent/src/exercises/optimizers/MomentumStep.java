package exercises.optimizers;

/**
 * One step of gradient descent with momentum (notebook 09, sections 2 and 5), on the parameters
 * flattened into one array: every parameter θ[i] has its own velocity v[i].
 */
public final class MomentumStep {

    private MomentumStep() {
    }

    /**
     * One momentum step, for every index i:
     * <pre>
     *   v[i] ← μ v[i] − η g[i]
     *   θ[i] ← θ[i] + v[i]        (with the new v)
     * </pre>
     * The velocity is a running sum of past steps: under a steady gradient the step grows
     * towards η g / (1 − μ).
     *
     * @param theta the parameters θ, n values; modified
     * @param gradient the gradient g = dL/dθ, n values; not modified
     * @param velocity the velocity v, n values, all zero before the first step; modified
     * @param learningRate η, positive
     * @param mu the momentum coefficient μ, in [0, 1)
     */
    public static void step(double[] theta, double[] gradient, double[] velocity, double learningRate, double mu) {
        for (int i = 0; i < theta.length; i++) {
            velocity[i] = mu * velocity[i] - learningRate * gradient[i];
            theta[i] += velocity[i];
        }
    }
}
