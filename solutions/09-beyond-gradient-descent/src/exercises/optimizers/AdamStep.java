package exercises.optimizers;

/**
 * One step of Adam (notebook 09, sections 2 and 6), on the parameters flattened into one array:
 * every parameter θ[i] has its own running averages m[i] and v[i].
 */
public final class AdamStep {

    private AdamStep() {
    }

    /**
     * Adam's step number t, for every index i:
     * <pre>
     *   m[i] ← β1 m[i] + (1 − β1) g[i]          the average gradient
     *   v[i] ← β2 v[i] + (1 − β2) g[i]²         the average squared gradient
     *   m̂ = m[i] / (1 − β1^t)                   bias correction: m and v start at zero
     *   v̂ = v[i] / (1 − β2^t)
     *   θ[i] ← θ[i] − η m̂ / (√v̂ + ε)
     * </pre>
     * m and v keep the uncorrected averages; m̂ and v̂ are used for this step only.
     *
     * @param theta the parameters θ, n values; modified
     * @param g the gradient dL/dθ, n values; not modified
     * @param m the first moment, n values, all zero before the first step; modified
     * @param v the second moment, n values, all zero before the first step; modified
     * @param t the number of this step, counting from 1 (the first step passes t = 1)
     * @param learningRate η, positive
     * @param beta1 β1, the decay of m, in [0, 1), usually 0.9
     * @param beta2 β2, the decay of v, in [0, 1), usually 0.999
     * @param epsilon ε, positive, usually 1e-8; added to √v̂, outside the square root
     */
    public static void step(double[] theta, double[] g, double[] m, double[] v, int t, double learningRate,
                            double beta1, double beta2, double epsilon) {
        double correction1 = 1 - Math.pow(beta1, t);
        double correction2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < theta.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            double mHat = m[i] / correction1;
            double vHat = v[i] / correction2;
            theta[i] -= learningRate * mHat / (Math.sqrt(vHat) + epsilon);
        }
    }
}
