package backprop;

/**
 * Binary cross-entropy, the loss of both lessons, for labels {@code y} in [0, 1] and predicted
 * probabilities {@code p} in [0, 1]:
 *
 * <pre>
 *   L = -(1/N) Σ_n [ y_n ln p_n + (1 - y_n) ln(1 - p_n) ]
 * </pre>
 *
 * <p><b>The epsilon.</b> {@code ln 0} is infinite, so the probability forms evaluate at
 * {@code p̃ = clamp(p, EPSILON, 1 - EPSILON)} with {@link #EPSILON} = 1e-12, and the derivative
 * with respect to p is evaluated at the same {@code p̃}. Inside [EPSILON, 1 - EPSILON] the clamp
 * does nothing and the loss and its derivative agree exactly; it only decides what a prediction of
 * exactly 0 or 1 costs (ln(1e12) ≈ 27.63). The logit forms ({@link #lossFromLogits},
 * {@link #logitGradient}) need no epsilon at all: training uses those.
 */
public final class BinaryCrossEntropy {

    /** The clamp applied to probabilities before taking logarithms; see the class comment. */
    public static final double EPSILON = 1e-12;

    private BinaryCrossEntropy() {
    }

    /**
     * Loss of one sample: {@code -(y ln p̃ + (1 - y) ln(1 - p̃))}.
     *
     * @param y label in [0, 1]
     * @param p predicted probability in [0, 1]
     * @return the loss, finite and {@code >= 0} for labels in {0, 1}
     * @throws IllegalArgumentException if y or p is outside [0, 1] or NaN
     */
    public static double loss(double y, double p) {
        Require.inUnitInterval("y", y);
        Require.inUnitInterval("p", p);
        return sampleLoss(y, clamp(p));
    }

    /**
     * Derivative of one sample's loss with respect to its prediction:
     * {@code dL/dp = -y/p̃ + (1 - y)/(1 - p̃)}.
     *
     * <p>Negative means "raise the prediction", positive means "lower it".
     *
     * @param y label in [0, 1]
     * @param p predicted probability in [0, 1]
     * @return {@code dL/dp} at {@code p̃}
     * @throws IllegalArgumentException if y or p is outside [0, 1] or NaN
     */
    public static double derivative(double y, double p) {
        Require.inUnitInterval("y", y);
        Require.inUnitInterval("p", p);
        return sampleDerivative(y, clamp(p));
    }

    /**
     * Mean loss over a batch.
     *
     * @param y labels, N values in [0, 1]; not modified
     * @param p predictions, N values in [0, 1]; not modified
     * @return {@code L}, the mean of the per-sample losses
     * @throws IllegalArgumentException if the batch is empty, the lengths differ, or a value is
     *     outside [0, 1]
     * @throws NullPointerException if an argument is null
     */
    public static double loss(double[] y, double[] p) {
        checkBatch(y, "p", p);
        Require.allInUnitInterval("p", p);
        double sum = 0;
        for (int n = 0; n < y.length; n++) {
            sum += sampleLoss(y[n], clamp(p[n]));
        }
        return sum / y.length;
    }

    /**
     * Gradient of the mean loss with respect to each prediction:
     * {@code dp[n] = (1/N)(-y_n/p̃_n + (1 - y_n)/(1 - p̃_n))}. The {@code 1/N} of the mean is included
     * here, once.
     *
     * @param y labels, N values in [0, 1]; not modified
     * @param p predictions, N values in [0, 1]; not modified
     * @param dp output, N values; modified
     * @throws IllegalArgumentException if the batch is empty, a length differs, or a value is
     *     outside [0, 1]
     * @throws NullPointerException if an argument is null
     */
    public static void derivative(double[] y, double[] p, double[] dp) {
        checkBatch(y, "p", p);
        Require.sameLength("y", y, "dp", dp);
        Require.allInUnitInterval("p", p);
        double invN = 1.0 / y.length;
        for (int n = 0; n < y.length; n++) {
            dp[n] = invN * sampleDerivative(y[n], clamp(p[n]));
        }
    }

    /**
     * Mean loss computed from logits {@code z} with {@code p = σ(z)}, in the form that cannot
     * overflow or take the log of zero: {@code max(z, 0) - y z + ln(1 + e^-|z|)} per sample.
     *
     * @param y labels, N values in [0, 1]; not modified
     * @param z logits, N finite values; not modified
     * @return the mean loss
     * @throws IllegalArgumentException if the batch is empty, the lengths differ, a label is
     *     outside [0, 1] or a logit is not finite
     * @throws NullPointerException if an argument is null
     */
    public static double lossFromLogits(double[] y, double[] z) {
        checkBatch(y, "z", z);
        Require.allFinite("z", z);
        double sum = 0;
        for (int n = 0; n < y.length; n++) {
            sum += sampleLossFromLogit(y[n], z[n]);
        }
        return sum / y.length;
    }

    /**
     * The gradient of the mean loss with respect to the logits of a sigmoid output, the fused
     * {@code dz[n] = (a_n - y_n) / N} where {@code a = σ(z)}: the product
     * {@code dL/da · da/dz} simplifies to this, with no division by {@code a(1 - a)}.
     *
     * @param y labels, N values in [0, 1]; not modified
     * @param a sigmoid outputs, N values in [0, 1]; not modified
     * @param dz output, N values; modified
     * @throws IllegalArgumentException if the batch is empty, a length differs, or a value is
     *     outside [0, 1]
     * @throws NullPointerException if an argument is null
     */
    public static void logitGradient(double[] y, double[] a, double[] dz) {
        checkBatch(y, "a", a);
        Require.sameLength("y", y, "dz", dz);
        Require.allInUnitInterval("a", a);
        double invN = 1.0 / y.length;
        for (int n = 0; n < y.length; n++) {
            dz[n] = (a[n] - y[n]) * invN;
        }
    }

    /** Per-sample loss from a logit, no checks; used inside training loops. */
    static double sampleLossFromLogit(double y, double z) {
        return Math.max(z, 0.0) - y * z + Math.log1p(Math.exp(-Math.abs(z)));
    }

    private static double sampleLoss(double y, double p) {
        return -(y * Math.log(p) + (1.0 - y) * Math.log(1.0 - p));
    }

    private static double sampleDerivative(double y, double p) {
        return -y / p + (1.0 - y) / (1.0 - p);
    }

    private static double clamp(double p) {
        return Math.min(Math.max(p, EPSILON), 1.0 - EPSILON);
    }

    private static void checkBatch(double[] y, String otherName, double[] other) {
        Require.nonEmpty("y", y);
        Require.sameLength("y", y, otherName, other);
        Require.allInUnitInterval("y", y);
    }
}
