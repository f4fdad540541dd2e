package exercises.activations;

/**
 * The activations of the lessons and their derivatives, written by hand, on scalars.
 *
 * <p>Every derivative is taken at the pre-activation {@code z}, the value the layer computed before
 * the activation, never at the activation {@code a = f(z)}: backpropagation multiplies the incoming
 * gradient by {@code f'(z)}.
 */
public final class Activations {

    private Activations() {
    }

    /**
     * Task 1. The sigmoid {@code σ(z) = 1 / (1 + e^(-z))}, computed so that no exponential
     * overflows: as {@code 1 / (1 + e^(-z))} for {@code z >= 0} and as the equal
     * {@code e^z / (1 + e^z)} for {@code z < 0}.
     *
     * @param z the pre-activation, any finite number
     * @return σ(z), in [0, 1] and never NaN; exactly 1 at z = 1e4 and exactly 0 at z = -1e4
     */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double ez = Math.exp(z);
        return ez / (1.0 + ez);
    }

    /**
     * Task 1. The sigmoid's derivative at the pre-activation: {@code σ'(z) = σ(z)(1 - σ(z))}.
     *
     * @param z the pre-activation (not the activation σ(z)), any finite number
     * @return σ'(z), in [0, 0.25] and never NaN
     */
    public static double sigmoidDerivative(double z) {
        double s = sigmoid(z);
        return s * (1.0 - s);
    }

    /**
     * Task 2. The rectified linear unit {@code relu(z) = max(0, z)}.
     *
     * @param z the pre-activation
     * @return z if z > 0, else 0
     */
    public static double relu(double z) {
        return z > 0 ? z : 0.0;
    }

    /**
     * Task 2. ReLU's derivative at the pre-activation: 1 for {@code z > 0} and 0 for {@code z <= 0}.
     * ReLU has no derivative at exactly 0; the lessons and the library take the sub-gradient 0 there.
     *
     * @param z the pre-activation
     * @return 1 if z > 0, else 0 (also at z = 0 and z = -0.0)
     */
    public static double reluDerivative(double z) {
        return z > 0 ? 1.0 : 0.0;
    }

    /**
     * Task 3. The hyperbolic tangent {@code tanh(z) = (e^z - e^(-z)) / (e^z + e^(-z))}.
     *
     * @param z the pre-activation, any finite number
     * @return tanh(z), in [-1, 1] and never NaN
     */
    public static double tanh(double z) {
        return Math.tanh(z); // accurate for every z, and exactly ±1 where the formula would overflow
    }

    /**
     * Task 3. The derivative of tanh at the pre-activation: {@code tanh'(z) = 1 - tanh(z)²}.
     *
     * @param z the pre-activation (not the activation tanh(z)), any finite number
     * @return tanh'(z), in [0, 1] and never NaN
     */
    public static double tanhDerivative(double z) {
        double t = tanh(z);
        return 1.0 - t * t;
    }
}
