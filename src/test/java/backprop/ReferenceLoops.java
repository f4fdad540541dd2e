package backprop;

import java.util.Arrays;

/**
 * The library's forward and backward loops as they were before they were made fast (commit
 * d1dd0dc): one multiply-add per statement, straight over the flat row-major arrays. Kept
 * word for word as the reference the fast loops must match bit for bit, since they add the same
 * products in the same order.
 *
 * <p>Shapes as in {@link Mlp}: {@code x} is {@code N × sizes[0]}, {@code z[l]}, {@code a[l]} and
 * {@code delta[l]} are {@code N × sizes[l+1]}, {@code W_l} is {@code sizes[l] × sizes[l+1]}.
 */
final class ReferenceLoops {

    final int[] sizes;
    final Activation hidden;
    final Parameters parameters;
    final int rows;
    final double[][] z;
    final double[][] a;
    final double[][] delta;

    /** Room for exactly {@code rows} rows, for the network {@code mlp}; parameters kept live. */
    ReferenceLoops(Mlp mlp, int rows) {
        this.sizes = mlp.sizes();
        this.hidden = mlp.hiddenActivation();
        this.parameters = mlp.parameters();
        this.rows = rows;
        int layers = sizes.length - 1;
        z = new double[layers][];
        a = new double[layers][];
        delta = new double[layers][];
        for (int l = 0; l < layers; l++) {
            z[l] = new double[rows * sizes[l + 1]];
            a[l] = new double[rows * sizes[l + 1]];
            delta[l] = new double[rows * sizes[l + 1]];
        }
    }

    /** Fills z and a of every layer from the first {@code rows} rows of x. */
    void forward(double[] x) {
        int last = sizes.length - 2;
        double[] aPrev = x;
        for (int l = 0; l <= last; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] w = parameters.weights(l);
            double[] b = parameters.biases(l);
            double[] zl = z[l];
            double[] al = a[l];
            for (int n = 0; n < rows; n++) {
                int zRow = n * out;
                System.arraycopy(b, 0, zl, zRow, out);
                int aRow = n * in;
                for (int i = 0; i < in; i++) {
                    double ai = aPrev[aRow + i];
                    int wRow = i * out;
                    for (int j = 0; j < out; j++) {
                        zl[zRow + j] += ai * w[wRow + j];
                    }
                }
            }
            Activation f = (l == last) ? Activation.SIGMOID : hidden;
            int count = rows * out;
            for (int k = 0; k < count; k++) {
                al[k] = f.apply(zl[k]);
            }
            aPrev = al;
        }
    }

    /** Mean BCE from the output logits of the last forward pass. */
    double loss(double[] y) {
        double[] zOut = z[z.length - 1];
        int count = rows * sizes[sizes.length - 1];
        double sum = 0;
        for (int k = 0; k < count; k++) {
            sum += BinaryCrossEntropy.sampleLossFromLogit(y[k], zOut[k]);
        }
        return sum / count;
    }

    /** Fills delta of every layer and overwrites {@code gradient}, after {@link #forward}. */
    void backward(double[] x, double[] y, Parameters gradient) {
        int last = sizes.length - 2;
        double[] deltaOut = delta[last];
        double[] aOut = a[last];
        int count = rows * sizes[sizes.length - 1];
        double invCount = 1.0 / count;
        for (int k = 0; k < count; k++) {
            deltaOut[k] = (aOut[k] - y[k]) * invCount;
        }
        for (int l = last; l >= 0; l--) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] aPrev = (l == 0) ? x : a[l - 1];
            double[] dl = delta[l];
            double[] w = parameters.weights(l);
            double[] dW = gradient.weights(l);
            double[] dB = gradient.biases(l);
            Arrays.fill(dW, 0.0);
            Arrays.fill(dB, 0.0);
            for (int n = 0; n < rows; n++) {
                int dRow = n * out;
                int aRow = n * in;
                for (int i = 0; i < in; i++) {
                    double ai = aPrev[aRow + i];
                    int wRow = i * out;
                    for (int j = 0; j < out; j++) {
                        dW[wRow + j] += ai * dl[dRow + j];
                    }
                }
                for (int j = 0; j < out; j++) {
                    dB[j] += dl[dRow + j];
                }
            }
            if (l > 0) {
                double[] deltaPrev = delta[l - 1];
                double[] zPrev = z[l - 1];
                for (int n = 0; n < rows; n++) {
                    int dRow = n * out;
                    int pRow = n * in;
                    for (int i = 0; i < in; i++) {
                        int wRow = i * out;
                        double sum = 0;
                        for (int j = 0; j < out; j++) {
                            sum += dl[dRow + j] * w[wRow + j];
                        }
                        deltaPrev[pRow + i] = sum * hidden.derivative(zPrev[pRow + i]);
                    }
                }
            }
        }
    }
}
