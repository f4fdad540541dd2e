package backprop.check;

import backprop.Activation;
import backprop.Mlp;
import backprop.Objective;
import backprop.Parameters;
import backprop.Require;
import backprop.Workspace;
import java.util.Arrays;

/**
 * The bug zoo: backward passes with one classic mistake each, for showing that a gradient check
 * catches them. {@link #objective} gives an {@link Objective} whose loss is the network's true loss
 * and whose gradient comes from a backward pass that carries the bug.
 *
 * <p>The buggy backward pass below is a deliberate second copy of {@link Mlp}'s, so that the
 * library's own backward pass stays free of switches; each planted mistake is marked
 * {@code // BUG:} where it happens. Apart from its mistake the copy computes what {@code Mlp}
 * computes, in the same order: {@code PlantedBugTest} pins every tensor a bug leaves alone to
 * {@code Mlp}'s gradient, bit for bit.
 */
public enum PlantedBug {

    /** Lesson B's bug: {@code db = mean(delta)}, though delta already carries 1/N. */
    BIAS_AVERAGED_TWICE("bias gradient averaged twice (db = mean of delta that already carries 1/N)"),

    /** The output delta is {@code a - y} without the {@code 1/N} of the mean loss. */
    MISSING_ONE_OVER_N("missing 1/N in the output delta (gradient of the sum, loss is the mean)"),

    /** The error is sent back through W read with its index formula transposed. */
    TRANSPOSED_WEIGHTS("weights transposed in the backward pass (w[j * in + i] for w[i * out + j])"),

    /** The output delta is {@code y - a}: the sign of a difference taken the wrong way round. */
    FLIPPED_SIGN("sign flipped in the output delta (y - a instead of a - y)"),

    /**
     * The hidden derivative is evaluated at the activation {@code a} instead of {@code z}, e.g.
     * {@code σ'(a)} for {@code σ'(z)}. Invisible with ReLU, where {@code relu'(relu(z)) = relu'(z)};
     * caught with sigmoid or tanh hidden layers.
     */
    DERIVATIVE_AT_ACTIVATION("activation derivative taken at a instead of z (f'(a) for f'(z))");

    private final String description;

    PlantedBug(String description) {
        this.description = description;
    }

    /** @return what the bug is, in one line */
    public String description() {
        return description;
    }

    /**
     * The network's loss on a fixed batch, with a gradient computed by a backward pass that carries
     * this bug.
     *
     * @param mlp the network; its parameters are the objective's parameters (live)
     * @param x inputs, {@code N × sizes[0]} row-major
     * @param y labels, {@code N × sizes[L]}
     * @return the buggy objective
     * @throws IllegalArgumentException if the shapes do not match the network
     * @throws NullPointerException if an argument is null
     */
    public Objective objective(Mlp mlp, double[] x, double[] y) {
        Require.nonNull("mlp", mlp, "a network, e.g. Mlp.create(new int[] {2, 4, 1}, ...)");
        Objective truth = mlp.objective(x, y);
        int rows = x.length / mlp.inputSize();
        Workspace ws = mlp.newWorkspace(rows);
        PlantedBug bug = this;
        return new Objective() {
            @Override
            public Parameters parameters() {
                return mlp.parameters();
            }

            @Override
            public double loss() {
                return truth.loss();
            }

            @Override
            public double lossAndGradient(Parameters gradient) {
                mlp.forward(x, ws);
                double loss = mlp.forwardLoss(y, ws);
                buggyBackward(bug, mlp, x, y, rows, ws, gradient);
                return loss;
            }
        };
    }

    private static void buggyBackward(PlantedBug bug, Mlp mlp, double[] x, double[] y, int rows, Workspace ws,
                                      Parameters gradient) {
        int[] sizes = mlp.sizes();
        Parameters theta = mlp.parameters();
        Activation hidden = mlp.hiddenActivation();
        int last = sizes.length - 2;
        double[] deltaOut = ws.delta(last);
        double[] aOut = ws.a(last);
        int count = rows * sizes[last + 1];
        double invCount = 1.0 / count;
        for (int k = 0; k < count; k++) {
            if (bug == MISSING_ONE_OVER_N) {
                deltaOut[k] = aOut[k] - y[k]; // BUG: no 1/N
            } else if (bug == FLIPPED_SIGN) {
                deltaOut[k] = (y[k] - aOut[k]) * invCount; // BUG: y - a
            } else {
                deltaOut[k] = (aOut[k] - y[k]) * invCount;
            }
        }
        for (int l = last; l >= 0; l--) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] aPrev = (l == 0) ? x : ws.a(l - 1);
            double[] delta = ws.delta(l);
            double[] w = theta.weights(l);
            double[] dW = gradient.weights(l);
            double[] dB = gradient.biases(l);
            Arrays.fill(dW, 0.0);
            Arrays.fill(dB, 0.0);
            for (int n = 0; n < rows; n++) {
                for (int i = 0; i < in; i++) {
                    for (int j = 0; j < out; j++) {
                        dW[i * out + j] += aPrev[n * in + i] * delta[n * out + j];
                    }
                }
                for (int j = 0; j < out; j++) {
                    dB[j] += delta[n * out + j];
                }
            }
            if (bug == BIAS_AVERAGED_TWICE) {
                for (int j = 0; j < out; j++) {
                    dB[j] /= rows; // BUG: a mean, on top of the 1/N already in delta
                }
            }
            if (l == 0) {
                continue;
            }
            double[] deltaPrev = ws.delta(l - 1);
            double[] zPrev = ws.z(l - 1);
            double[] aHidden = ws.a(l - 1);
            for (int n = 0; n < rows; n++) {
                for (int i = 0; i < in; i++) {
                    double sum = 0;
                    for (int j = 0; j < out; j++) {
                        int index = (bug == TRANSPOSED_WEIGHTS) ? j * in + i : i * out + j; // BUG if transposed
                        sum += delta[n * out + j] * w[index];
                    }
                    double at = (bug == DERIVATIVE_AT_ACTIVATION) ? aHidden[n * in + i] : zPrev[n * in + i]; // BUG: a
                    deltaPrev[n * in + i] = sum * hidden.derivative(at);
                }
            }
        }
    }
}
