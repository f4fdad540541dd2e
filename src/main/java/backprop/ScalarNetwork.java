package backprop;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Lesson B's smallest network, one neuron per layer, where the chain rule can be followed one
 * multiplication at a time:
 *
 * <pre>
 *   z1 = w1 x + b1      a1 = relu(z1)
 *   z2 = w2 a1 + b2     a2 = σ(z2)
 *   L  = BCE(y, a2)
 * </pre>
 *
 * The {@link #ledger} walks backwards from L: at each node it records the local derivative, the
 * gradient arriving from above, their product, and a centred finite difference of the same
 * derivative made by nudging that node alone and recomputing everything after it.
 *
 * <p>The loss is computed from the logit z2, exactly, so the finite differences are the truth. The
 * ledger multiplies {@code dL/da2 · da2/dz2} as the lesson does; when the output saturates
 * ({@code |z2|} beyond about 30) that product underflows while the truth is {@code a2 - y}, and the
 * ledger's relative-error column shows the disagreement instead of hiding it. (Nudging a2 itself
 * needs the probability form, with its clamp; see {@link BinaryCrossEntropy}.)
 *
 * @param w1 hidden weight
 * @param b1 hidden bias
 * @param w2 output weight
 * @param b2 output bias
 */
public record ScalarNetwork(double w1, double b1, double w2, double b2) {

    /** The step of the finite differences: small enough for truncation error ~1e-10, large enough for round-off ~1e-11. */
    public static final double STEP = 1e-5;

    /** The forward values of every node. */
    public record Forward(double x, double y, double z1, double a1, double z2, double a2, double loss) {
    }

    /**
     * @throws IllegalArgumentException if a parameter is not finite
     */
    public ScalarNetwork {
        requireFinite("w1", w1);
        requireFinite("b1", b1);
        requireFinite("w2", w2);
        requireFinite("b2", b2);
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is " + value + ": expected a finite number");
        }
    }

    /**
     * Runs the network forward on one sample.
     *
     * @param x the input, finite
     * @param y the label, in [0, 1]
     * @return every node's value
     * @throws IllegalArgumentException if x is not finite or y is outside [0, 1]
     */
    public Forward forward(double x, double y) {
        check(x, y);
        return forwardFrom(null, 0, x, y);
    }

    /**
     * The chain rule ledger for one sample, from the loss back to the input. Rows: L, a2, z2, w2,
     * b2, a1, z1, w1, b1, x.
     *
     * @param x the input, finite
     * @param y the label, in [0, 1]
     * @return one step per node
     * @throws IllegalArgumentException if x is not finite or y is outside [0, 1]
     */
    public List<ChainRuleStep> ledger(double x, double y) {
        Forward f = forward(x, y);
        double dLda2 = BinaryCrossEntropy.derivative(y, f.a2());
        double da2dz2 = Activation.SIGMOID.derivative(f.z2());
        double dLdz2 = dLda2 * da2dz2;
        double dLda1 = dLdz2 * w2;
        double da1dz1 = Activation.RELU.derivative(f.z1());
        double dLdz1 = dLda1 * da1dz1;
        return List.of(
                step(Node.LOSS, f, "", 1.0, 1.0),
                step(Node.A2, f, "dL/da2", dLda2, 1.0),
                step(Node.Z2, f, "da2/dz2", da2dz2, dLda2),
                step(Node.W2, f, "dz2/dw2", f.a1(), dLdz2),
                step(Node.B2, f, "dz2/db2", 1.0, dLdz2),
                step(Node.A1, f, "dz2/da1", w2, dLdz2),
                step(Node.Z1, f, "da1/dz1", da1dz1, dLda1),
                step(Node.W1, f, "dz1/dw1", x, dLdz1),
                step(Node.B1, f, "dz1/db1", 1.0, dLdz1),
                step(Node.X, f, "dz1/dx", w1, dLdz1));
    }

    /**
     * The ledger as a table with columns node, value, local, local derivative, upstream, gradient,
     * finite difference, relative error.
     *
     * @param x the input
     * @param y the label
     * @return a new table, one row per node
     */
    public Table ledgerTable(double x, double y) {
        List<ChainRuleStep> steps = ledger(x, y);
        StringColumn node = StringColumn.create("node");
        DoubleColumn value = DoubleColumn.create("value");
        StringColumn local = StringColumn.create("local");
        DoubleColumn localDerivative = DoubleColumn.create("local derivative");
        DoubleColumn upstream = DoubleColumn.create("upstream");
        DoubleColumn gradient = DoubleColumn.create("gradient");
        DoubleColumn fd = DoubleColumn.create("finite difference");
        DoubleColumn error = DoubleColumn.create("relative error");
        for (ChainRuleStep s : steps) {
            node.append(s.node());
            value.append(s.value());
            local.append(s.local());
            localDerivative.append(s.localDerivative());
            upstream.append(s.upstream());
            gradient.append(s.gradient());
            fd.append(s.finiteDifference());
            error.append(s.relativeError());
        }
        return Table.create("chain rule ledger", node, value, local, localDerivative, upstream, gradient, fd,
                error);
    }

    private ChainRuleStep step(Node node, Forward f, String local, double localDerivative, double upstream) {
        double v = node.valueIn(f, this);
        double plus = forwardFrom(node, v + STEP, f.x(), f.y()).loss();
        double minus = forwardFrom(node, v - STEP, f.x(), f.y()).loss();
        double fd = (plus - minus) / (2 * STEP);
        return new ChainRuleStep(node.label, v, local, localDerivative, upstream, upstream * localDerivative, fd);
    }

    /** Forward pass in which {@code node} takes {@code value}; everything after it is recomputed. */
    private Forward forwardFrom(Node node, double value, double x, double y) { // node null: nothing nudged
        double xx = node == Node.X ? value : x;
        double ww1 = node == Node.W1 ? value : w1;
        double bb1 = node == Node.B1 ? value : b1;
        double ww2 = node == Node.W2 ? value : w2;
        double bb2 = node == Node.B2 ? value : b2;
        double z1 = node == Node.Z1 ? value : ww1 * xx + bb1;
        double a1 = node == Node.A1 ? value : Activation.RELU.apply(z1);
        double z2 = node == Node.Z2 ? value : ww2 * a1 + bb2;
        double a2 = node == Node.A2 ? value : Activation.SIGMOID.apply(z2);
        double loss;
        if (node == Node.LOSS) {
            loss = value;
        } else if (node == Node.A2) {
            // a2 nudged by itself: only the probability form applies. Within STEP of 0 or 1 the nudge
            // is kept inside [0, 1], which makes that one finite difference one-sided there.
            loss = BinaryCrossEntropy.loss(y, Math.min(1.0, Math.max(0.0, a2)));
        } else {
            loss = BinaryCrossEntropy.sampleLossFromLogit(y, z2); // exact for any z2, no clamp
        }
        return new Forward(xx, y, z1, a1, z2, a2, loss);
    }

    private static void check(double x, double y) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("x is " + x + ": expected a finite number");
        }
        Require.inUnitInterval("y", y);
    }

    private enum Node {
        LOSS("L"), A2("a2"), Z2("z2"), W2("w2"), B2("b2"), A1("a1"), Z1("z1"), W1("w1"), B1("b1"), X("x");

        final String label;

        Node(String label) {
            this.label = label;
        }

        double valueIn(Forward f, ScalarNetwork net) {
            return switch (this) {
                case LOSS -> f.loss();
                case A2 -> f.a2();
                case Z2 -> f.z2();
                case W2 -> net.w2();
                case B2 -> net.b2();
                case A1 -> f.a1();
                case Z1 -> f.z1();
                case W1 -> net.w1();
                case B1 -> net.b1();
                case X -> f.x();
            };
        }
    }
}
