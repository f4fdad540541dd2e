package exercises.mlp;

import backprop.Activation;
import backprop.Mlp;
import backprop.Parameters;
import backprop.Workspace;

/**
 * The backward pass of a whole {@link Mlp}, layer by layer from the output down, after the
 * library's forward pass has filled the workspace. Layers are numbered from 0 as in the library:
 * layer {@code l} has {@code in = sizes[l]} inputs, {@code out = sizes[l+1]} units, weights
 * {@code weights(l)} (the lessons' {@code W_{l+1}}), pre-activations {@code ws.z(l)} and
 * activations {@code ws.a(l)}; the inputs of layer 0 are {@code x}.
 */
public final class Backprop {

    private Backprop() {
    }

    /**
     * Task 3. The gradient of the mean binary cross-entropy with respect to every weight and bias:
     *
     * <pre>
     *   δ_last = (A_last − Y) / (N · outputs)      sigmoid and BCE fused; the only 1/N
     *   dW_l   = A_{l-1}ᵀ δ_l,   db_l = Σ_n δ_l[n, :]      with A_{-1} = X
     *   δ_{l-1} = (δ_l W_lᵀ) ⊙ f'(Z_{l-1})        f = mlp.hiddenActivation()
     * </pre>
     *
     * Call {@code mlp.forward(x, ws)} first; N is {@code ws.rows()}.
     *
     * @param mlp the network; its parameters are not modified
     * @param x the inputs of the last forward pass, {@code N × sizes[0]}; not modified
     * @param y the labels, {@code N × sizes[L]} values in [0, 1]; not modified
     * @param ws the workspace of that forward pass ({@code z(l)}, {@code a(l)} hold its values);
     *     its {@code delta(l)} arrays are modified
     * @param gradient output shaped like {@code mlp.parameters()}: {@code weights(l)} receives
     *     {@code dW_l}, {@code biases(l)} receives {@code db_l}; overwritten
     */
    public static void backward(Mlp mlp, double[] x, double[] y, Workspace ws, Parameters gradient) {
        int[] sizes = mlp.sizes();
        int last = sizes.length - 2;
        int rows = ws.rows();
        Activation hidden = mlp.hiddenActivation();
        Parameters theta = mlp.parameters();

        double[] aOut = ws.a(last);
        double[] deltaOut = ws.delta(last);
        int count = rows * sizes[last + 1];
        for (int k = 0; k < count; k++) {
            deltaOut[k] = (aOut[k] - y[k]) / count;
        }
        for (int l = last; l >= 0; l--) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] aPrev = (l == 0) ? x : ws.a(l - 1);
            DenseLayer.backward(aPrev, ws.delta(l), rows, in, out, gradient.weights(l), gradient.biases(l));
            if (l > 0) {
                DenseLayer.deltaPrevious(ws.delta(l), theta.weights(l), ws.z(l - 1), hidden, rows, in, out,
                        ws.delta(l - 1));
            }
        }
    }
}
