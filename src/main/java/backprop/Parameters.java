package backprop;

import java.util.Arrays;

/**
 * The weights and biases of a multi-layer perceptron, or anything shaped like them (their
 * gradients, an optimizer's running averages).
 *
 * <p>For layer {@code l} (0-based, {@code l = 0 .. L-1}) with {@code in = sizes[l]} inputs and
 * {@code out = sizes[l+1]} outputs:
 * <ul>
 *   <li>{@code weights(l)} is an {@code in × out} matrix stored row-major: the weight from input
 *       {@code i} to output {@code j} is {@code w[i * out + j]}. This is lesson B's row layout,
 *       {@code Z = A W + b}.</li>
 *   <li>{@code biases(l)} has {@code out} values.</li>
 * </ul>
 * The lessons number layers from 1, so tensors are named {@code W1, b1, W2, b2, ...}; tensor
 * {@code k} is {@code W(k/2 + 1)} for even k and {@code b(k/2 + 1)} for odd k.
 *
 * <p>The arrays are live: methods return the stored arrays, not copies, so an optimizer or a
 * gradient check can update them in place. Use {@link #copy()} for a snapshot.
 */
public final class Parameters {

    private final int[] sizes;
    private final double[][] weights;
    private final double[][] biases;

    /**
     * All-zero parameters for the given layer sizes.
     *
     * @param sizes layer widths, input first, e.g. {@code {2, 16, 8, 1}}; at least two, each >= 1
     * @return a new, zero-filled instance
     * @throws IllegalArgumentException if fewer than two sizes are given, a size is below 1, a
     *     weight matrix would be longer than a Java array, or all of them need more memory than
     *     the heap's maximum (the message gives the sizes and the memory)
     * @throws NullPointerException if sizes is null
     */
    public static Parameters zeros(int... sizes) {
        return new Parameters(checkSizes(sizes));
    }

    /**
     * Parameters holding copies of the given arrays.
     *
     * @param sizes layer widths as in {@link #zeros}
     * @param weights {@code weights[l]} has {@code sizes[l] * sizes[l+1]} values, row-major
     * @param biases {@code biases[l]} has {@code sizes[l+1]} values
     * @return a new instance; the arguments are not modified and not kept
     * @throws IllegalArgumentException if a count or length does not match {@code sizes}, or a
     *     value is not finite; as {@link #zeros} for the sizes
     * @throws NullPointerException if an argument or one of its arrays is null
     */
    public static Parameters of(int[] sizes, double[][] weights, double[][] biases) {
        checkSizes(sizes);
        Require.nonNull("weights", weights, "one array per layer, W_l of sizes[l] × sizes[l+1] values");
        Require.nonNull("biases", biases, "one array per layer, b_l of sizes[l+1] values");
        Parameters p = new Parameters(sizes);
        int layers = p.layerCount();
        if (weights.length != layers || biases.length != layers) {
            throw new IllegalArgumentException("weights has " + weights.length + " layers and biases has "
                    + biases.length + " but sizes " + Arrays.toString(sizes) + " needs " + layers);
        }
        for (int l = 0; l < layers; l++) {
            Require.nonNull("weights[" + l + "]", weights[l], p.weights[l].length + " values of " + p.tensorName(2 * l));
            Require.nonNull("biases[" + l + "]", biases[l], p.biases[l].length + " values of " + p.tensorName(2 * l + 1));
            requireLength(p.tensorName(2 * l), weights[l], p.weights[l].length);
            requireLength(p.tensorName(2 * l + 1), biases[l], p.biases[l].length);
            Require.allFinite(p.tensorName(2 * l), weights[l]);
            Require.allFinite(p.tensorName(2 * l + 1), biases[l]);
        }
        for (int l = 0; l < layers; l++) {
            System.arraycopy(weights[l], 0, p.weights[l], 0, weights[l].length);
            System.arraycopy(biases[l], 0, p.biases[l], 0, biases[l].length);
        }
        return p;
    }

    /** Zeros of the given (checked) sizes; the memory is checked before anything is allocated. */
    private Parameters(int[] sizes) {
        this.sizes = sizes.clone();
        int layers = sizes.length - 1;
        long total = 0;
        for (int l = 0; l < layers; l++) {
            long w = (long) sizes[l] * sizes[l + 1];
            Require.arrayLength("W" + (l + 1) + " of layer sizes " + Arrays.toString(sizes), w);
            total += w + sizes[l + 1];
        }
        Require.memory("layer sizes " + Arrays.toString(sizes) + " with " + Require.count(total) + " parameters",
                8 * total);
        this.weights = new double[layers][];
        this.biases = new double[layers][];
        for (int l = 0; l < layers; l++) {
            weights[l] = new double[sizes[l] * sizes[l + 1]];
            biases[l] = new double[sizes[l + 1]];
        }
    }

    /** @return a copy of the layer widths, input first */
    public int[] sizes() {
        return sizes.clone();
    }

    /** @return the number of weight layers L ({@code sizes.length - 1}) */
    public int layerCount() {
        return weights.length;
    }

    /** @return the number of tensors, {@code 2 L} (a weight matrix and a bias vector per layer) */
    public int tensorCount() {
        return 2 * weights.length;
    }

    /** @return the total number of scalar parameters */
    public int count() {
        int total = 0;
        for (int l = 0; l < weights.length; l++) {
            total += weights[l].length + biases[l].length;
        }
        return total;
    }

    /**
     * The weight matrix of layer {@code l}, live, {@code sizes[l] × sizes[l+1]} row-major.
     *
     * @throws IllegalArgumentException if l is not a layer index
     */
    public double[] weights(int l) {
        return weights[checkLayer(l)];
    }

    /**
     * The bias vector of layer {@code l}, live, {@code sizes[l+1]} values.
     *
     * @throws IllegalArgumentException if l is not a layer index
     */
    public double[] biases(int l) {
        return biases[checkLayer(l)];
    }

    /**
     * Tensor {@code k} in the order W1, b1, W2, b2, ..., live.
     *
     * @throws IllegalArgumentException if k is not a tensor index
     */
    public double[] tensor(int k) {
        checkTensor(k);
        return (k % 2 == 0) ? weights[k / 2] : biases[k / 2];
    }

    /**
     * The lesson's name of tensor {@code k}: {@code W1, b1, W2, b2, ...}.
     *
     * @throws IllegalArgumentException if k is not a tensor index
     */
    public String tensorName(int k) {
        checkTensor(k);
        return ((k % 2 == 0) ? "W" : "b") + (k / 2 + 1);
    }

    /**
     * The Euclidean norm of tensor k, {@code sqrt(Σ_i t[i]²)}: for a gradient, the size of the
     * signal that reached that layer.
     *
     * @param k tensor index in the order W1, b1, W2, b2, ...
     * @return the norm, >= 0
     * @throws IllegalArgumentException if k is not a tensor index
     */
    public double norm(int k) {
        double[] t = tensor(k);
        double sum = 0;
        for (double v : t) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    /** @return a deep copy */
    public Parameters copy() {
        Parameters c = new Parameters(sizes);
        c.copyFrom(this);
        return c;
    }

    /** @return zero-filled parameters of the same shape */
    public Parameters zerosLike() {
        return new Parameters(sizes);
    }

    /**
     * Overwrites every value with the corresponding value of {@code other}. Modified: this.
     *
     * @throws IllegalArgumentException if the shapes differ
     * @throws NullPointerException if other is null
     */
    public void copyFrom(Parameters other) {
        if (other == null) {
            throw new NullPointerException("other is null: expected parameters of sizes " + Arrays.toString(sizes));
        }
        requireSameShape(other);
        for (int l = 0; l < weights.length; l++) {
            System.arraycopy(other.weights[l], 0, weights[l], 0, weights[l].length);
            System.arraycopy(other.biases[l], 0, biases[l], 0, biases[l].length);
        }
    }

    /** Sets every value to zero. Modified: this. */
    public void clear() {
        for (int l = 0; l < weights.length; l++) {
            Arrays.fill(weights[l], 0.0);
            Arrays.fill(biases[l], 0.0);
        }
    }

    /**
     * Requires {@code other} to have the same layer sizes.
     *
     * @throws IllegalArgumentException naming both shapes
     * @throws NullPointerException if other is null
     */
    public void requireSameShape(Parameters other) {
        if (other == null) {
            throw new NullPointerException("other is null: expected parameters of sizes " + Arrays.toString(sizes));
        }
        if (!Arrays.equals(sizes, other.sizes)) {
            throw new IllegalArgumentException("parameters have sizes " + Arrays.toString(other.sizes)
                    + " but expected " + Arrays.toString(sizes));
        }
    }

    /** @return true if {@code other} has the same layer sizes (allocates nothing) */
    public boolean sameShape(Parameters other) {
        Require.nonNull("other", other, "parameters to compare with");
        return Arrays.equals(sizes, other.sizes);
    }

    /**
     * @return the first value that is NaN or infinite, named as the lessons name it, e.g.
     *     {@code "W2[3] is NaN"}; null if every value is finite (allocates nothing then)
     */
    public String firstNonFinite() {
        for (int k = 0; k < tensorCount(); k++) {
            double[] t = tensor(k);
            for (int i = 0; i < t.length; i++) {
                if (!Double.isFinite(t[i])) {
                    return tensorName(k) + "[" + i + "] is " + t[i];
                }
            }
        }
        return null;
    }

    /** @return true if both have the same sizes and bit-for-bit the same values */
    public boolean sameValues(Parameters other) {
        Require.nonNull("other", other, "parameters to compare with");
        return Arrays.equals(sizes, other.sizes)
                && Arrays.deepEquals(weights, other.weights)
                && Arrays.deepEquals(biases, other.biases);
    }

    /** @return the sizes and the number of parameters, e.g. {@code Parameters[2-16-8-1, 193 values]} */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Parameters[");
        for (int i = 0; i < sizes.length; i++) {
            s.append(i == 0 ? "" : "-").append(sizes[i]);
        }
        return s.append(", ").append(count()).append(" values]").toString();
    }

    static int[] checkSizes(int[] sizes) {
        Require.nonNull("sizes", sizes, "at least two layer sizes (inputs and outputs), e.g. {2, 16, 8, 1}");
        if (sizes.length < 2) {
            throw new IllegalArgumentException("sizes is " + Arrays.toString(sizes)
                    + ": expected at least two layer sizes (inputs and outputs)");
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1) {
                throw new IllegalArgumentException("sizes[" + i + "] is " + sizes[i] + " in "
                        + Arrays.toString(sizes) + ": expected every layer size to be at least 1");
            }
        }
        return sizes;
    }

    private int checkLayer(int l) {
        if (l < 0 || l >= weights.length) {
            throw new IllegalArgumentException(
                    "layer is " + l + ": expected 0 to " + (weights.length - 1));
        }
        return l;
    }

    private void checkTensor(int k) {
        if (k < 0 || k >= tensorCount()) {
            throw new IllegalArgumentException(
                    "tensor is " + k + ": expected 0 to " + (tensorCount() - 1));
        }
    }

    private static void requireLength(String name, double[] values, int expected) {
        if (values.length != expected) {
            throw new IllegalArgumentException(
                    name + " has " + values.length + " values but expected " + expected);
        }
    }
}
