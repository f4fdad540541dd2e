package backprop;

/**
 * One node of the scalar network's chain rule ledger.
 *
 * @param node the node's name, as in the lesson ({@code "z2"}, {@code "w1"}, ...)
 * @param value its value in the forward pass
 * @param local the local derivative's name, e.g. {@code "dz2/da1"} ("" for the loss itself)
 * @param localDerivative the local derivative's value (1 for the loss)
 * @param upstream {@code dL/d(parent)}: the gradient arriving from the node this one feeds
 * @param gradient {@code dL/d(node) = upstream · localDerivative}
 * @param finiteDifference a centred finite-difference estimate of the same {@code dL/d(node)}
 */
public record ChainRuleStep(String node, double value, String local, double localDerivative,
                            double upstream, double gradient, double finiteDifference) {

    /**
     * @throws NullPointerException if node or local is null
     */
    public ChainRuleStep {
        Require.nonNull("node", node, "the node's name, e.g. \"z2\"");
        Require.nonNull("local", local, "the local derivative's name, e.g. \"dz2/da1\" (\"\" for the loss)");
    }

    /**
     * {@code |gradient - finiteDifference| / max(|gradient|, |finiteDifference|)}, 0 when both are
     * 0.
     *
     * @return the relative error between the chain rule and the finite difference
     */
    public double relativeError() {
        double scale = Math.max(Math.abs(gradient), Math.abs(finiteDifference));
        return scale == 0 ? 0 : Math.abs(gradient - finiteDifference) / scale;
    }
}
