package exercises.mlp;

import backprop.Activation;

/**
 * One fully connected layer of a multi-layer perceptron in row layout (samples are rows), as in
 * lesson B and the library's {@link backprop.Mlp}: the forward product and the three products of
 * the backward pass.
 *
 * <p>Every matrix is a flat row-major {@code double[]}: element {@code [r][c]} of a matrix with
 * {@code cols} columns sits at {@code m[r * cols + c]}. The weight matrix {@code W} is
 * {@code in × out}, so the weight from input {@code i} to unit {@code j} is {@code w[i * out + j]}.
 * Arrays may be longer than needed (a workspace sized for a larger batch); only the first
 * {@code rows × cols} values are read or written.
 */
public final class DenseLayer {

    private DenseLayer() {
    }

    /**
     * Task 1. The forward product {@code Z = A W + b}: for every sample n and unit j,
     * {@code z[n, j] = b[j] + Σ_i a[n, i] · w[i, j]}.
     *
     * @param a the layer's inputs {@code A}, {@code rows × in}; not modified
     * @param rows the number of samples N
     * @param in the number of inputs per sample
     * @param out the number of units of the layer
     * @param w the weights {@code W}, {@code in × out}; not modified
     * @param b the biases {@code b}, {@code out} values, added to every row; not modified
     * @param z output {@code Z}, {@code rows × out}; its first {@code rows · out} values are
     *     overwritten
     */
    public static void forward(double[] a, int rows, int in, int out, double[] w, double[] b, double[] z) {
        throw new UnsupportedOperationException("Task 1: write Z = A W + b into z, with W read as w[i * out + j] and b added once per row.");
    }

    /**
     * Task 2. The layer's gradients from its error signal {@code δ = dL/dZ}:
     * {@code dW = A_prevᵀ δ} ({@code dW[i, j] = Σ_n aPrev[n, i] · δ[n, j]}) and
     * {@code db = Σ_n δ[n, :]}. Both are sums over the batch, not means: δ already carries the
     * {@code 1/N} of the mean loss.
     *
     * @param aPrev the layer's inputs {@code A_prev} of the forward pass, {@code rows × in}; not
     *     modified
     * @param delta the error signal {@code δ}, {@code rows × out}; not modified
     * @param rows the number of samples N
     * @param in the number of inputs per sample
     * @param out the number of units of the layer
     * @param dW output {@code dL/dW}, {@code in × out}; overwritten (whatever it held is discarded)
     * @param db output {@code dL/db}, {@code out} values; overwritten
     */
    public static void backward(double[] aPrev, double[] delta, int rows, int in, int out, double[] dW,
                                double[] db) {
        throw new UnsupportedOperationException("Task 2: overwrite dW with A_prevᵀ δ and db with the column sums of δ.");
    }

    /**
     * Task 2. The error signal one layer down: {@code δ_prev = (δ Wᵀ) ⊙ f'(Z_prev)}, that is
     * {@code δ_prev[n, i] = (Σ_j δ[n, j] · w[i, j]) · f'(z_prev[n, i])}, with the derivative
     * taken at the pre-activation {@code z}, not at the activation {@code a = f(z)}.
     *
     * @param delta the error signal {@code δ} of this layer, {@code rows × out}; not modified
     * @param w this layer's weights {@code W}, {@code in × out}; not modified
     * @param zPrev the previous layer's pre-activations {@code Z_prev}, {@code rows × in}; not
     *     modified
     * @param f the previous layer's activation
     * @param rows the number of samples N
     * @param in the number of inputs of this layer (units of the previous one)
     * @param out the number of units of this layer
     * @param deltaPrev output {@code δ_prev = dL/dZ_prev}, {@code rows × in}; its first
     *     {@code rows · in} values are overwritten
     */
    public static void deltaPrevious(double[] delta, double[] w, double[] zPrev, Activation f, int rows, int in,
                                     int out, double[] deltaPrev) {
        throw new UnsupportedOperationException("Task 2: write δ_prev = (δ Wᵀ) ⊙ f'(Z_prev) into deltaPrev, f' taken at z.");
    }
}
