package backprop;

/**
 * The activation functions of the lessons, each with its derivative, on scalars and on arrays.
 *
 * <p>Every derivative is taken with respect to the pre-activation {@code z}, never the activation
 * {@code a = f(z)}. Passing {@code a} where {@code z} is expected is one of the planted bugs of the
 * bug zoo ({@link backprop.check.PlantedBug#DERIVATIVE_AT_ACTIVATION}).
 */
public enum Activation {

    /**
     * {@code σ(z) = 1 / (1 + e^-z)}, {@code σ'(z) = σ(z)(1 - σ(z))}.
     *
     * <p>Evaluated so that the exponential never overflows: for {@code z >= 0} as
     * {@code 1 / (1 + e^-z)}, for {@code z < 0} as {@code e^z / (1 + e^z)}. Finite and in [0, 1]
     * for every finite z; {@code σ(±1e4)} is exactly 1 and 0.
     */
    SIGMOID {
        @Override
        public double apply(double z) {
            if (z >= 0) {
                return 1.0 / (1.0 + Math.exp(-z));
            }
            double e = Math.exp(z);
            return e / (1.0 + e);
        }

        @Override
        public double derivative(double z) {
            double s = apply(z);
            return s * (1.0 - s);
        }
    },

    /**
     * {@code relu(z) = max(0, z)}; derivative 1 for {@code z > 0} and 0 for {@code z <= 0}.
     *
     * <p>ReLU has no derivative at exactly 0. This library uses the sub-gradient 0 there (as NumPy's
     * {@code z > 0} mask does); a gradient check that probes a point within its step of 0 can
     * disagree with it, which is a kink, not a bug. NaN stays NaN in both, so a diverged network
     * cannot hide behind units that output 0.
     */
    RELU {
        @Override
        public double apply(double z) {
            if (z > 0) {
                return z;
            }
            return Double.isNaN(z) ? z : 0.0; // a NaN must not turn into a healthy-looking 0
        }

        @Override
        public double derivative(double z) {
            if (z > 0) {
                return 1.0;
            }
            return Double.isNaN(z) ? z : 0.0;
        }

        /**
         * {@code max(z, 0)} gives the same bits as {@link #apply(double)} for every z (both 0.0 for
         * -0.0, NaN for NaN), and the JIT vectorises it; the branch in apply costs a misprediction
         * whenever a unit's sign changes from one sample to the next.
         */
        @Override
        void applyTo(double[] z, double[] a, int count) {
            for (int n = 0; n < count; n++) {
                a[n] = Math.max(z[n], 0.0);
            }
        }

        /**
         * The derivative as a clamp, without a branch, so that the JIT vectorises it: z times
         * {@code MAX_VALUE²} is at least 2^974 for every z > 0 (the smallest is 2^-1074), 0 for ±0,
         * negative below, and NaN for NaN, so clamping it to [0, 1] gives exactly
         * {@link #derivative(double)}: 1.0, 0.0 or NaN.
         */
        @Override
        void multiplyByDerivative(double[] z, double[] x, int count) {
            for (int n = 0; n < count; n++) {
                x[n] = x[n] * Math.min(Math.max(z[n] * Double.MAX_VALUE * Double.MAX_VALUE, 0.0), 1.0);
            }
        }
    },

    /** {@code tanh(z)}, derivative {@code 1 - tanh(z)²}, with {@code StrictMath}: the same bits on every JDK. */
    TANH {
        @Override
        public double apply(double z) {
            return StrictMath.tanh(z); // not Math.tanh: JDK 25 gives other bits than JDK 17 for some z
        }

        @Override
        public double derivative(double z) {
            double t = StrictMath.tanh(z);
            return 1.0 - t * t;
        }
    },

    /** {@code f(z) = z}, derivative 1: a linear layer. */
    IDENTITY {
        @Override
        public double apply(double z) {
            return z;
        }

        @Override
        public double derivative(double z) {
            return 1.0;
        }
    };

    /**
     * The activation {@code a = f(z)}.
     *
     * @param z pre-activation
     * @return {@code f(z)}
     */
    public abstract double apply(double z);

    /**
     * The derivative {@code f'(z)}, evaluated at the pre-activation.
     *
     * @param z pre-activation (not the activation)
     * @return {@code df/dz} at {@code z}
     */
    public abstract double derivative(double z);

    /**
     * {@code a[n] = f(z[n])} for {@code n < count}, for the network's loops; arguments not checked.
     * An activation may override it with a loop the JIT vectorises, giving the same bits.
     */
    void applyTo(double[] z, double[] a, int count) {
        for (int n = 0; n < count; n++) {
            a[n] = apply(z[n]);
        }
    }

    /**
     * {@code x[n] = x[n] · f'(z[n])} for {@code n < count}, for the backward pass; arguments not
     * checked. An activation may override it with a loop the JIT vectorises, giving the same bits.
     */
    void multiplyByDerivative(double[] z, double[] x, int count) {
        for (int n = 0; n < count; n++) {
            x[n] = x[n] * derivative(z[n]);
        }
    }

    /**
     * {@code a[i] = f(z[i])} for every i.
     *
     * @param z pre-activations, any length; not modified
     * @param a output, same length as {@code z}; modified
     * @throws IllegalArgumentException if the lengths differ
     * @throws NullPointerException if an argument is null
     */
    public void apply(double[] z, double[] a) {
        requireSameLength(z, a, "a");
        for (int i = 0; i < z.length; i++) {
            a[i] = apply(z[i]);
        }
    }

    /**
     * {@code dadz[i] = f'(z[i])} for every i.
     *
     * @param z pre-activations, any length; not modified
     * @param dadz output, same length as {@code z}; modified
     * @throws IllegalArgumentException if the lengths differ
     * @throws NullPointerException if an argument is null
     */
    public void derivative(double[] z, double[] dadz) {
        requireSameLength(z, dadz, "dadz");
        for (int i = 0; i < z.length; i++) {
            dadz[i] = derivative(z[i]);
        }
    }

    /**
     * A new array {@code f(z)}; {@code z} is not modified.
     *
     * @param z pre-activations
     * @return {@code f} applied to each element
     * @throws NullPointerException if z is null
     */
    public double[] applied(double[] z) {
        Require.nonNull("z", z, "an array of pre-activations");
        double[] a = new double[z.length];
        apply(z, a);
        return a;
    }

    /**
     * A new array {@code f'(z)}; {@code z} is not modified.
     *
     * @param z pre-activations
     * @return {@code f'} at each element
     * @throws NullPointerException if z is null
     */
    public double[] derivatives(double[] z) {
        Require.nonNull("z", z, "an array of pre-activations");
        double[] d = new double[z.length];
        derivative(z, d);
        return d;
    }

    private static void requireSameLength(double[] z, double[] out, String outName) {
        Require.nonNull("z", z, "an array of pre-activations");
        Require.nonNull(outName, out, "an output array as long as z");
        if (z.length != out.length) {
            throw new IllegalArgumentException(
                    "z has length " + z.length + " but " + outName + " has length " + out.length
                            + ": expected the same length");
        }
    }
}
