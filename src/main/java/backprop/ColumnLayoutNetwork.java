package backprop;

/**
 * Lesson A's formulation: one hidden layer, samples as <em>columns</em>. The same mathematics as
 * {@link Mlp} in lesson B's row layout, written the other way round so that the two can be compared
 * number for number.
 *
 * <p><b>Shapes</b> (all row-major): {@code X} is {@code in × m} ({@code x[i * m + n]}),
 * {@code W1} is {@code h × in}, {@code b1} has h values, {@code W2} is {@code out × h},
 * {@code b2} has out values, {@code Y} is {@code out × m}.
 *
 * <pre>
 *   Z1 = W1 X + b1     A1 = f(Z1)
 *   Z2 = W2 A1 + b2    A2 = σ(Z2)
 *   dZ2 = A2 - Y                        (lesson A leaves 1/m to the next lines)
 *   dW2 = (1/m) dZ2 A1ᵀ      db2 = (1/m) Σ_n dZ2[:, n]
 *   dZ1 = (W2ᵀ dZ2) ⊙ f'(Z1)
 *   dW1 = (1/m) dZ1 Xᵀ       db1 = (1/m) Σ_n dZ1[:, n]
 * </pre>
 *
 * Lesson B's row-layout weights are the transposes: {@code W_row = W_colᵀ}.
 *
 * @param inputs number of input features
 * @param hiddenUnits number of hidden units h
 * @param outputs number of outputs
 * @param hidden the hidden activation (lesson A uses {@link Activation#SIGMOID})
 * @param w1 {@code h × in}
 * @param b1 {@code h}
 * @param w2 {@code out × h}
 * @param b2 {@code out}
 */
public record ColumnLayoutNetwork(int inputs, int hiddenUnits, int outputs, Activation hidden,
                                  double[] w1, double[] b1, double[] w2, double[] b2) {

    /**
     * Checks the shapes: every size at least 1, each array of its stated length and finite.
     *
     * @throws IllegalArgumentException naming the argument, its length and the expected one
     * @throws NullPointerException if hidden or an array is null
     */
    public ColumnLayoutNetwork {
        Require.atLeast("inputs", inputs, 1);
        Require.atLeast("hiddenUnits", hiddenUnits, 1);
        Require.atLeast("outputs", outputs, 1);
        Require.nonNull("hidden", hidden, "one of SIGMOID, RELU, TANH, IDENTITY");
        requireLength("w1", w1, (long) hiddenUnits * inputs, "hiddenUnits × inputs");
        requireLength("b1", b1, hiddenUnits, "hiddenUnits");
        requireLength("w2", w2, (long) outputs * hiddenUnits, "outputs × hiddenUnits");
        requireLength("b2", b2, outputs, "outputs");
    }

    private static void requireLength(String name, double[] values, long expected, String shape) {
        Require.nonNull(name, values, expected + " values (" + shape + ")");
        if (values.length != expected) {
            throw new IllegalArgumentException(name + " has " + values.length + " values: expected " + expected
                    + " (" + shape + ")");
        }
        Require.allFinite(name, values);
    }

    /** The gradients in column layout, shaped like the parameters. */
    public record Gradients(double[] dW1, double[] dB1, double[] dW2, double[] dB2) {

        /**
         * @throws NullPointerException if an array is null
         */
        public Gradients {
            Require.nonNull("dW1", dW1, "dL/dW1, hiddenUnits × inputs values");
            Require.nonNull("dB1", dB1, "dL/db1, hiddenUnits values");
            Require.nonNull("dW2", dW2, "dL/dW2, outputs × hiddenUnits values");
            Require.nonNull("dB2", dB2, "dL/db2, outputs values");
        }
    }

    /**
     * Lesson A's network holding the transposes of a two-layer {@link Parameters} (row layout).
     *
     * @param p parameters with exactly two layers; not modified
     * @param hidden the hidden activation
     * @return a new network with copied, transposed weights
     * @throws IllegalArgumentException if p does not have exactly two layers
     * @throws NullPointerException if an argument is null
     */
    public static ColumnLayoutNetwork fromRowLayout(Parameters p, Activation hidden) {
        Require.nonNull("p", p, "parameters of two layers, e.g. Parameters.zeros(2, 4, 1)");
        Require.nonNull("hidden", hidden, "one of SIGMOID, RELU, TANH, IDENTITY");
        if (p.layerCount() != 2) {
            throw new IllegalArgumentException("parameters have " + p.layerCount()
                    + " layers: expected 2 (lesson A's network has one hidden layer)");
        }
        int[] s = p.sizes();
        return new ColumnLayoutNetwork(s[0], s[1], s[2], hidden,
                RowMajor.transpose(p.weights(0), s[0], s[1]), p.biases(0).clone(),
                RowMajor.transpose(p.weights(1), s[1], s[2]), p.biases(1).clone());
    }

    /**
     * Forward and backward on a batch in column layout.
     *
     * @param x inputs, {@code in × m}; not modified
     * @param y labels, {@code out × m}; not modified
     * @return the gradients of the mean BCE loss
     * @throws IllegalArgumentException if the lengths do not match, x holds NaN or infinity, or a
     *     label is outside [0, 1]
     * @throws NullPointerException if an argument is null
     */
    public Gradients gradients(double[] x, double[] y) {
        Require.nonNull("x", x, "inputs × samples values, column layout");
        Require.nonNull("y", y, "outputs × samples labels, column layout");
        if (x.length == 0 || x.length % inputs != 0) {
            throw new IllegalArgumentException("x has " + x.length + " values: expected a non-empty multiple of "
                    + inputs + " (inputs × samples)");
        }
        int m = x.length / inputs;
        if (y.length != outputs * m) {
            throw new IllegalArgumentException("y has " + y.length + " values but x has " + m
                    + " samples: expected " + outputs * m);
        }
        Require.allFinite("x", x);
        Require.allInUnitInterval("y", y);
        int h = hiddenUnits;
        double[] z1 = new double[h * m];
        double[] a1 = new double[h * m];
        for (int r = 0; r < h; r++) {
            for (int n = 0; n < m; n++) {
                double s = b1[r];
                for (int i = 0; i < inputs; i++) {
                    s += w1[r * inputs + i] * x[i * m + n];
                }
                z1[r * m + n] = s;
                a1[r * m + n] = hidden.apply(s);
            }
        }
        double[] dz2 = new double[outputs * m];
        for (int o = 0; o < outputs; o++) {
            for (int n = 0; n < m; n++) {
                double s = b2[o];
                for (int r = 0; r < h; r++) {
                    s += w2[o * h + r] * a1[r * m + n];
                }
                dz2[o * m + n] = Activation.SIGMOID.apply(s) - y[o * m + n];
            }
        }
        // Lesson A's loss is the mean over samples only; for several outputs Mlp also averages over
        // outputs, so the scale here is 1/(m·out) to make both the same function.
        double scale = 1.0 / ((double) m * outputs);
        double[] dW2 = new double[outputs * h];
        double[] dB2 = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            for (int n = 0; n < m; n++) {
                double d = dz2[o * m + n];
                dB2[o] += d * scale;
                for (int r = 0; r < h; r++) {
                    dW2[o * h + r] += d * a1[r * m + n] * scale;
                }
            }
        }
        double[] dW1 = new double[h * inputs];
        double[] dB1 = new double[h];
        for (int r = 0; r < h; r++) {
            for (int n = 0; n < m; n++) {
                double back = 0;
                for (int o = 0; o < outputs; o++) {
                    back += w2[o * h + r] * dz2[o * m + n];
                }
                double dz1 = back * hidden.derivative(z1[r * m + n]);
                dB1[r] += dz1 * scale;
                for (int i = 0; i < inputs; i++) {
                    dW1[r * inputs + i] += dz1 * x[i * m + n] * scale;
                }
            }
        }
        return new Gradients(dW1, dB1, dW2, dB2);
    }

    /**
     * Converts column-layout gradients to the row layout of {@link Parameters} (transposing the
     * weight gradients).
     *
     * @param g gradients from {@link #gradients}; not modified
     * @return new parameters-shaped gradients for sizes {@code {in, h, out}}
     * @throws NullPointerException if g is null
     * @throws IllegalArgumentException if g's shapes do not match this network
     */
    public Parameters toRowLayout(Gradients g) {
        Require.nonNull("g", g, "gradients from gradients(x, y)");
        requireLength("g.dW1()", g.dW1(), (long) hiddenUnits * inputs, "hiddenUnits × inputs");
        requireLength("g.dB1()", g.dB1(), hiddenUnits, "hiddenUnits");
        requireLength("g.dW2()", g.dW2(), (long) outputs * hiddenUnits, "outputs × hiddenUnits");
        requireLength("g.dB2()", g.dB2(), outputs, "outputs");
        return Parameters.of(new int[] {inputs, hiddenUnits, outputs},
                new double[][] {RowMajor.transpose(g.dW1(), hiddenUnits, inputs), RowMajor.transpose(g.dW2(), outputs, hiddenUnits)},
                new double[][] {g.dB1(), g.dB2()});
    }
}
