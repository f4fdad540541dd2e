package exercises.loss;

import backprop.BinaryCrossEntropy;

/**
 * Binary cross-entropy over a batch of N samples, written by hand: the loss and its gradient, first
 * from probabilities p, then from logits z with {@code p = σ(z)}.
 *
 * <p>Every array holds one value per sample, so all arrays of one call have the same length N (at
 * least 1). Labels y are 0 or 1.
 */
public final class Bce {

    /**
     * The clamp of the probability forms: before a logarithm, p is moved into
     * {@code [EPSILON, 1 - EPSILON]}. The library's {@link BinaryCrossEntropy#EPSILON}, 1e-12.
     */
    public static final double EPSILON = BinaryCrossEntropy.EPSILON;

    private Bce() {
    }

    /**
     * Given. {@code p̃ = min(max(p, EPSILON), 1 - EPSILON)}: does nothing inside that interval, and
     * turns a prediction of exactly 0 or 1 into one whose logarithm is finite.
     *
     * @param p a probability in [0, 1]
     * @return p̃
     */
    public static double clamp(double p) {
        return Math.min(Math.max(p, EPSILON), 1.0 - EPSILON);
    }

    /**
     * Task 1. The mean binary cross-entropy of a batch:
     * {@code L = -(1/N) Σ_n [y_n ln p̃_n + (1 - y_n) ln(1 - p̃_n)]} with {@code p̃_n = clamp(p_n)}.
     *
     * @param y labels, N values in {0, 1}; not modified
     * @param p predicted probabilities, N values in [0, 1]; not modified
     * @return L, the mean of the per-sample losses
     */
    public static double loss(double[] y, double[] p) {
        throw new UnsupportedOperationException("Task 1: return the mean of -[y ln p + (1 - y) ln(1 - p)] over the batch, with p clamped first.");
    }

    /**
     * Task 2. The gradient of the mean loss with respect to each prediction:
     * {@code dp[n] = (1/N)(-y_n / p̃_n + (1 - y_n) / (1 - p̃_n))} with {@code p̃_n = clamp(p_n)}.
     * The {@code 1/N} of the mean appears here, once.
     *
     * @param y labels, N values in {0, 1}; not modified
     * @param p predicted probabilities, N values in [0, 1]; not modified
     * @param dp output, N values; modified: every entry is overwritten
     */
    public static void derivative(double[] y, double[] p, double[] dp) {
        throw new UnsupportedOperationException("Task 2: write (1/N)(-y/p + (1 - y)/(1 - p)) into dp[n] for every sample, with p clamped first.");
    }

    /**
     * Task 3. The mean loss computed from logits z, where {@code p = σ(z)}, in the form that never
     * overflows and never takes the logarithm of 0:
     * {@code L = (1/N) Σ_n [max(z_n, 0) - y_n z_n + ln(1 + e^(-|z_n|))]}.
     *
     * @param y labels, N values in {0, 1}; not modified
     * @param z logits, N finite values of any size; not modified
     * @return L, the mean loss
     */
    public static double lossFromLogits(double[] y, double[] z) {
        throw new UnsupportedOperationException("Task 3: return the mean of max(z, 0) - y z + ln(1 + e^-|z|) over the batch.");
    }

    /**
     * Task 4. The gradient of the mean loss with respect to the logits of a sigmoid output, fused:
     * {@code dz[n] = (a_n - y_n) / N} where {@code a = σ(z)}. The product
     * {@code dL/da · σ'(z)} simplifies to this; nothing is divided by {@code a(1 - a)}.
     *
     * @param y labels, N values in {0, 1}; not modified
     * @param a sigmoid outputs σ(z), N values in [0, 1]; not modified
     * @param dz output, N values; modified: every entry is overwritten
     */
    public static void logitGradient(double[] y, double[] a, double[] dz) {
        throw new UnsupportedOperationException("Task 4: write the fused gradient (a - y)/N into dz[n] for every sample.");
    }
}
