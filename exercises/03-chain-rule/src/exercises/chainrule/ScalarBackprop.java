package exercises.chainrule;

import backprop.Activation;

/**
 * Backpropagation by hand through lesson B's smallest network, one neuron per layer:
 *
 * <pre>
 *   z1 = w1 x + b1      a1 = relu(z1)
 *   z2 = w2 a1 + b2     a2 = σ(z2)
 *   L  = BCE(y, a2) = -(y ln a2 + (1 - y) ln(1 - a2))
 * </pre>
 *
 * Every gradient is the gradient arriving from above (upstream) times one local derivative.
 */
public final class ScalarBackprop {

    private ScalarBackprop() {
    }

    /**
     * Task 1. The four parameter gradients for one sample (x, y), each a product of local
     * derivatives along its path from L:
     *
     * <pre>
     *   dL/dz2 = a2 - y                (dL/da2 · da2/dz2, fused)
     *   dL/dw2 = dL/dz2 · a1           dL/db2 = dL/dz2
     *   dL/da1 = dL/dz2 · w2
     *   dL/dz1 = dL/da1 · relu'(z1)
     *   dL/dw1 = dL/dz1 · x            dL/db1 = dL/dz1
     * </pre>
     *
     * When the ReLU is off ({@code z1 <= 0}), dL/dw1 = dL/db1 = 0 (relu'(z1) = 0) and dL/dw2 = 0
     * (a1 = 0), but dL/db2 = a2 - y is not 0.
     *
     * @param w1 hidden weight
     * @param b1 hidden bias
     * @param w2 output weight
     * @param b2 output bias
     * @param x the input, finite
     * @param y the label, 0 or 1
     * @return dL/dw1, dL/db1, dL/dw2, dL/db2; nothing is modified
     */
    public static Gradients backward(double w1, double b1, double w2, double b2, double x, double y) {
        throw new UnsupportedOperationException("Task 1: run the network forward, then return dL/dw1, dL/db1, dL/dw2 and dL/db2, each the upstream gradient times a local derivative.");
    }
}
