package backprop;

import java.util.Arrays;

/**
 * A multi-layer perceptron for binary classification, written with plain loops over flat
 * row-major arrays: hidden layers with a chosen {@link Activation}, a sigmoid output, binary
 * cross-entropy loss. Lesson B's network, with its bias bug fixed.
 *
 * <p><b>Shapes.</b> A batch of N samples is {@code x}, {@code N × sizes[0]} row-major
 * ({@code x[n * in + i]}); labels are {@code y}, {@code N × sizes[L]} (one value per sample for
 * the usual single output). For layer {@code l = 0 .. L-1} (the lessons' layer {@code l+1}):
 *
 * <pre>
 *   Z_l = A_{l-1} W_l + b_l        A_{-1} = X,  W_l is sizes[l] × sizes[l+1]
 *   A_l = f(Z_l)                   f = hidden activation, sigmoid for the last layer
 *   L   = mean BCE(Y, A_{L-1})     averaged over all N × sizes[L] outputs
 * </pre>
 *
 * <p><b>Backward.</b> With {@code delta_l = dL/dZ_l}:
 *
 * <pre>
 *   delta_{L-1} = (A_{L-1} - Y) / (N · sizes[L])    sigmoid and BCE fused; carries the 1/N
 *   dW_l        = A_{l-1}ᵀ delta_l
 *   db_l        = Σ_n delta_l[n, :]                 a sum: delta already carries 1/N
 *   delta_{l-1} = (delta_l W_lᵀ) ⊙ f'(Z_{l-1})
 * </pre>
 *
 * Lesson B takes {@code db} as the mean of delta, dividing by N a second time; that makes every
 * bias update N times too small.
 *
 * <p><b>How the loops run.</b> The formulas are the lesson's, row by row; the loops take them in
 * the order a Java JIT runs fastest, without changing a single sum. The workspace holds every layer
 * by columns (one array of N values per unit), so the forward pass and delta below run down whole
 * columns, N long, with {@link ScaledRows}; each entry of dW, a dot product of two columns, is taken
 * by {@link ColumnDots} tiles, or by lines for wide layers. Every number receives the same products
 * in the same order as the plain loops, so the bits are those of the plain loops (the tests keep
 * those loops to compare). A workspace for several threads deals each step's columns and tiles out
 * among them, with the same bits again.
 *
 * <p>The parameters are live: {@link #parameters()} returns the arrays the network computes with.
 * Forward and backward write only into a {@link Workspace} and a gradient {@link Parameters}
 * supplied by the caller, so a training step allocates nothing.
 */
public final class Mlp {

    private final int[] sizes;
    private final Activation hidden;
    private final Parameters parameters;

    private Mlp(Parameters parameters, Activation hidden) {
        this.parameters = parameters;
        this.sizes = parameters.sizes();
        this.hidden = hidden;
    }

    /**
     * A new network with weights drawn by {@code initialisation} from {@code seed} and zero biases.
     *
     * @param sizes layer widths, input first, e.g. {@code {2, 16, 8, 1}}; at least two, each >= 1
     * @param hidden activation of every hidden layer (the output is always a sigmoid)
     * @param initialisation how to draw the weights
     * @param seed random seed: same seed, same weights, bit for bit
     * @return the network
     * @throws IllegalArgumentException if the sizes are invalid, or too large for a Java array or
     *     for the heap (the message gives the memory they need)
     * @throws NullPointerException if sizes, hidden or initialisation is null
     */
    public static Mlp create(int[] sizes, Activation hidden, Initialisation initialisation, long seed) {
        Parameters.checkSizes(sizes);
        requireHidden(hidden);
        Require.nonNull("initialisation", initialisation, "HE or XAVIER");
        return new Mlp(initialisation.initialise(sizes, seed), hidden);
    }

    private static void requireHidden(Activation hidden) {
        Require.nonNull("hidden", hidden, "one of " + Arrays.toString(Activation.values()));
    }

    /**
     * A network that computes with the given parameters (kept, not copied: changing them changes
     * the network).
     *
     * @param parameters weights and biases
     * @param hidden activation of every hidden layer
     * @return the network
     * @throws IllegalArgumentException if a parameter is NaN or infinite
     * @throws NullPointerException if an argument is null
     */
    public static Mlp of(Parameters parameters, Activation hidden) {
        Require.nonNull("parameters", parameters, "weights and biases, e.g. Parameters.zeros(2, 4, 1)");
        requireHidden(hidden);
        requireFiniteParameters(parameters);
        return new Mlp(parameters, hidden);
    }

    /** Allocates nothing when every parameter is finite. */
    private static void requireFiniteParameters(Parameters parameters) {
        String bad = parameters.firstNonFinite();
        if (bad != null) {
            throw new IllegalArgumentException("the network's parameter " + bad + ": expected finite weights and "
                    + "biases (create the network again, or copyFrom() parameters saved before they went bad)");
        }
    }

    /** @return the weights and biases, live */
    public Parameters parameters() {
        return parameters;
    }

    /** @return a copy of the layer widths, input first */
    public int[] sizes() {
        return sizes.clone();
    }

    /** @return the activation of the hidden layers */
    public Activation hiddenActivation() {
        return hidden;
    }

    /** @return the number of input features, {@code sizes[0]} */
    public int inputSize() {
        return sizes[0];
    }

    /** @return the number of outputs per sample, {@code sizes[L]} */
    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    /**
     * A workspace for batches of up to {@code capacity} rows.
     *
     * @throws IllegalArgumentException if capacity is below 1, or the workspace would be longer than
     *     a Java array or need more than the heap's maximum memory
     */
    public Workspace newWorkspace(int capacity) {
        return new Workspace(sizes, capacity, 1);
    }

    /**
     * A workspace for batches of up to {@code capacity} rows whose passes share their work among
     * {@code threads} threads: the calling thread and {@code threads - 1} helpers (opt-in; worth it
     * for large batches). Every value is the same, bit for bit, as with one thread: each is computed
     * by one thread, in the same order. Close the workspace to stop its helpers (they also stop once
     * it is unreachable).
     *
     * @param capacity the largest batch, >= 1
     * @param threads threads per pass, from 1 to {@link Workspace#MAX_THREADS}
     * @throws IllegalArgumentException if capacity or threads is out of range, or the workspace would
     *     not fit in a Java array or the heap
     */
    public Workspace newWorkspace(int capacity, int threads) {
        return new Workspace(sizes, capacity, threads);
    }

    /**
     * Forward pass: fills {@code Z_l} and {@code A_l} of every layer in {@code ws}.
     *
     * @param x inputs, {@code N × sizes[0]} row-major, finite; not modified
     * @param ws workspace with capacity >= N; modified
     * @throws IllegalArgumentException if x is empty, its length is not a multiple of the input
     *     width, it holds NaN or infinity, N exceeds the workspace's capacity, or a weight or bias of
     *     the network is NaN or infinite
     * @throws NullPointerException if an argument is null
     */
    public void forward(double[] x, Workspace ws) {
        int rows = checkInputs(x, ws);
        forwardUnchecked(x, rows, ws);
    }

    /**
     * Mean binary cross-entropy of the last forward pass, computed from the output logits so that
     * no epsilon is needed.
     *
     * @param y labels of that pass, {@code N × sizes[L]} values in [0, 1]; not modified
     * @param ws the workspace of that pass; not modified
     * @return the loss
     * @throws IllegalArgumentException if the workspace holds no forward pass of this network, y
     *     has the wrong length or a label outside [0, 1]
     * @throws NullPointerException if an argument is null
     */
    public double forwardLoss(double[] y, Workspace ws) {
        Require.nonNull("y", y, "N × " + outputSize() + " labels in [0, 1]");
        Require.nonNull("ws", ws, "the workspace of the last forward pass");
        if (!ws.fits(sizes) || ws.rows == 0) {
            throw new IllegalArgumentException("workspace holds no forward pass of this network: expected one "
                    + "from newWorkspace() of the network with sizes " + Arrays.toString(sizes)
                    + ", after forward()");
        }
        checkLabels(y, ws.rows);
        return lossUnchecked(y, ws);
    }

    /**
     * Backward pass after {@link #forward}: the gradient of the loss with respect to every weight
     * and bias (see the class comment for the formulas).
     *
     * @param x the inputs of the last forward pass; not modified
     * @param y labels, {@code N × sizes[L]} values in [0, 1]; not modified
     * @param ws the workspace of that pass; its {@code delta} arrays are modified
     * @param gradient output with this network's shape; overwritten
     * @throws IllegalArgumentException if a shape does not match or a label is outside [0, 1]
     * @throws NullPointerException if an argument is null
     */
    public void backward(double[] x, double[] y, Workspace ws, Parameters gradient) {
        int rows = checkInputs(x, ws);
        requireGradient(gradient);
        if (y == null) {
            throw new NullPointerException("y is null: expected " + rows * outputSize() + " labels in [0, 1]");
        }
        if (rows != ws.rows) {
            throw new IllegalArgumentException("x has " + rows + " rows but the last forward pass had "
                    + ws.rows + ": expected the inputs of the last forward pass");
        }
        checkLabels(y, rows);
        parameters.requireSameShape(gradient);
        RowMajor.toColumns(x, rows, sizes[0], ws.xColumns); // this x, as before, even if another went forward
        backwardUnchecked(y, rows, ws, gradient);
    }

    /**
     * Forward pass, loss and backward pass in one call.
     *
     * @param x inputs, {@code N × sizes[0]}; not modified
     * @param y labels, {@code N × sizes[L]} in [0, 1]; not modified
     * @param ws workspace with capacity >= N; modified
     * @param gradient output; overwritten
     * @return the loss before any update
     * @throws IllegalArgumentException as {@link #forward} and {@link #backward}; nothing is
     *     modified when it is thrown
     * @throws NullPointerException if an argument is null
     */
    public double lossAndGradient(double[] x, double[] y, Workspace ws, Parameters gradient) {
        int rows = checkInputs(x, ws);
        requireGradient(gradient);
        checkLabels(y, rows);
        parameters.requireSameShape(gradient);
        forwardUnchecked(x, rows, ws);
        double loss = lossUnchecked(y, ws);
        backwardUnchecked(y, rows, ws, gradient);
        return loss;
    }

    /**
     * Predicted probabilities for a batch (allocates a workspace; for notebooks and tests, not for
     * training loops).
     *
     * @param x inputs, {@code N × sizes[0]}; not modified
     * @return {@code N × sizes[L]} probabilities
     * @throws IllegalArgumentException as {@link #forward}
     * @throws NullPointerException if x is null
     */
    public double[] predict(double[] x) {
        Workspace ws = newWorkspace(capacityFor(x));
        forward(x, ws);
        return Arrays.copyOf(ws.output(), ws.rows * outputSize());
    }

    /**
     * The mean loss on a batch (allocates; for notebooks and tests).
     *
     * @param x inputs, {@code N × sizes[0]}; not modified
     * @param y labels, {@code N × sizes[L]}; not modified
     * @return the loss
     * @throws IllegalArgumentException as {@link #forward} and {@link #forwardLoss(double[], Workspace)}
     * @throws NullPointerException if an argument is null
     */
    public double loss(double[] x, double[] y) {
        Workspace ws = newWorkspace(capacityFor(x));
        forward(x, ws);
        return forwardLoss(y, ws);
    }

    /**
     * The gradient on a batch (allocates; for notebooks and tests).
     *
     * @param x inputs; not modified
     * @param y labels; not modified
     * @return a new {@link Parameters} holding dL/dW and dL/db for every layer
     * @throws IllegalArgumentException as {@link #lossAndGradient}
     * @throws NullPointerException if an argument is null
     */
    public Parameters gradient(double[] x, double[] y) {
        Workspace ws = newWorkspace(capacityFor(x));
        Parameters g = parameters.zerosLike();
        lossAndGradient(x, y, ws, g);
        return g;
    }

    /**
     * This network's loss on a fixed batch, as an {@link Objective} for gradient checks and
     * optimizers. The batch is checked now and kept by reference.
     *
     * @param x inputs, {@code N × sizes[0]}
     * @param y labels, {@code N × sizes[L]}
     * @return the objective
     * @throws IllegalArgumentException if the shapes do not match or a value is invalid
     * @throws NullPointerException if an argument is null
     */
    public Objective objective(double[] x, double[] y) {
        Workspace ws = newWorkspace(capacityFor(x));
        int rows = checkInputs(x, ws);
        checkLabels(y, rows);
        return new Objective() {
            @Override
            public Parameters parameters() {
                return parameters;
            }

            @Override
            public double loss() {
                requireFiniteParameters(parameters);
                forwardUnchecked(x, rows, ws);
                return lossUnchecked(y, ws);
            }

            @Override
            public double lossAndGradient(Parameters gradient) {
                return Mlp.this.lossAndGradient(x, y, ws, gradient);
            }
        };
    }

    /**
     * Forward over the first {@code rows} rows of x; arguments already checked. For each layer and
     * each unit j: {@code z[n, j] = b[j] + Σ_i a[n, i] W[i, j]}, i ascending, then
     * {@code a[n, j] = f(z[n, j])}.
     *
     * <p>The loops run down the columns of Z: unit j's values for all N samples at once,
     * {@code Z[:, j] = b[j] + A[:, 0] W[0, j] + A[:, 1] W[1, j] + ...}. Each column is an array of N
     * values in the workspace, so the JIT's vector loops are N long, not as short as a layer is wide
     * (16, 8 or 1 units in the lessons). Every {@code z[n, j]} still receives the same products in
     * the same order as the row-by-row formula, so the bits are the same.
     *
     * <p>Fills the workspace's columns of x, Z and A and sets {@code ws.rows}. x and the parameters
     * are not modified.
     */
    void forwardUnchecked(double[] x, int rows, Workspace ws) {
        RowMajor.toColumns(x, rows, sizes[0], ws.xColumns);
        int last = sizes.length - 2;
        for (int l = 0; l <= last; l++) {
            Activation f = (l == last) ? Activation.SIGMOID : hidden;
            shared(ws, LayerStep.FORWARD, l, rows, sizes[l + 1], PIECES_PER_THREAD, null);
            if (ws.team == null) {
                forwardColumns(l, rows, ws, f, 0, sizes[l + 1]);
            }
        }
        ws.forwardDone(rows);
    }

    /**
     * Columns {@code from .. to - 1} of one layer of the forward pass (a method of its own, like the
     * steps of the backward pass: small methods reach the JIT's optimising compiler after fewer
     * calls, which short timing runs in the notebooks notice).
     */
    private void forwardColumns(int l, int rows, Workspace ws, Activation f, int from, int to) {
        int out = sizes[l + 1];
        double[][] aPrev = (l == 0) ? ws.xColumns : ws.aColumns[l - 1];
        double[] w = parameters.weights(l);
        double[] b = parameters.biases(l);
        for (int j = from; j < to; j++) {
            double[] zj = ws.zColumns[l][j];
            // Z[:, j] = b[j] + A[:, 0] W[0,j] + A[:, 1] W[1,j] + ...: column j of A W + b
            Arrays.fill(zj, 0, rows, b[j]);
            ScaledRows.addTo(zj, rows, w, j, out, aPrev, 0, sizes[l]);
            f.applyTo(zj, ws.aColumns[l][j], rows);
        }
    }

    /** Mean BCE from the output logits of the last forward pass, summed in row-major order; arguments already checked. */
    double lossUnchecked(double[] y, Workspace ws) {
        double[][] zOut = ws.zColumns[ws.zColumns.length - 1];
        int out = outputSize();
        int count = ws.rows * out;
        double sum = 0;
        for (int n = 0; n < ws.rows; n++) {
            for (int j = 0; j < out; j++) {
                sum += BinaryCrossEntropy.sampleLossFromLogit(y[n * out + j], zOut[j][n]);
            }
        }
        return sum / count;
    }

    /**
     * Backward over the first {@code rows} rows, after a forward pass over the same x; arguments
     * already checked. For each layer, from the last: {@code dW = A_prevᵀ delta} and
     * {@code db = Σ_n delta_n}, each summed over n ascending from 0; then
     * {@code delta_prev[n, i] = (Σ_j delta[n, j] W[i, j]) · f'(z_prev[n, i])}, j ascending from 0.
     *
     * <p>Fills the workspace's columns of delta and overwrites {@code gradient}. y, the parameters
     * and the forward pass's values are not modified.
     */
    void backwardUnchecked(double[] y, int rows, Workspace ws, Parameters gradient) {
        int last = sizes.length - 2;
        int out = outputSize();
        double[][] deltaOut = ws.deltaColumns[last];
        double[][] aOut = ws.aColumns[last];
        double invCount = 1.0 / (rows * out);
        for (int j = 0; j < out; j++) {
            for (int n = 0; n < rows; n++) {
                deltaOut[j][n] = (aOut[j][n] - y[n * out + j]) * invCount;
            }
        }
        for (int l = last; l >= 0; l--) {
            weightGradient(l, rows, ws, gradient);
            if (l > 0) {
                shared(ws, LayerStep.DELTA_BELOW, l, rows, sizes[l], PIECES_PER_THREAD, null);
                if (ws.team == null) {
                    deltaBelow(l, rows, ws, 0, sizes[l]);
                }
            }
        }
        ws.backwardDone();
    }

    /**
     * Layers whose shorter side has at least {@code LINES_SHORT_SIDE} units and whose longer side
     * has at least {@code LINES_LONG_SIDE} get their dW by {@link #weightGradientByLines}, the others
     * by {@link ColumnDots} tiles. Measured on every layer shape of the lessons (an AMD EPYC with
     * AVX2, one thread): the tiles run at about two multiply-adds per cycle whatever the shape; the
     * lines reach 3.5 per cycle on 128 × 64 and 64 × 32, but drop below one when a side is 1 or 2
     * units wide, and lose to the tiles on 16 × 8.
     */
    static final int LINES_SHORT_SIDE = 16;
    static final int LINES_LONG_SIDE = 32;

    /**
     * {@code dW_l[i, j] = A_prev[:, i] · delta_l[:, j]} and {@code db_l[j] = Σ_n delta_l[n, j]}: each
     * a dot product of two columns, summed over n ascending from 0, written into {@code gradient}.
     * Narrow layers take them two by four at a time with {@link ColumnDots}, with the four along the
     * longer side of dW; wide ones by lines (see {@link #LINES_SHORT_SIDE}). Both add the same products in
     * the same order.
     */
    private void weightGradient(int l, int rows, Workspace ws, Parameters gradient) {
        int in = sizes[l];
        int out = sizes[l + 1];
        if (byLines(in, out)) {
            int lines = (out >= in) ? in : out;
            shared(ws, LayerStep.LINES, l, rows, lines, 1, gradient);
            if (ws.team == null) {
                weightGradientByLines(l, rows, ws, gradient.weights(l), 0, lines, 0);
            }
        } else {
            int quads = ((out >= in ? out : in) + 3) / 4;
            shared(ws, LayerStep.TILES, l, rows, quads, PIECES_PER_THREAD, gradient);
            if (ws.team == null) {
                weightGradientByTiles(l, rows, ws, gradient.weights(l), 0, quads);
            }
        }
        int quads = (out + 3) / 4;
        shared(ws, LayerStep.BIASES, l, rows, quads, 1, gradient);
        if (ws.team == null) {
            ColumnDots.columnSums(ws.deltaColumns[l], 0, out, rows, gradient.biases(l));
        }
    }

    private static boolean byLines(int in, int out) {
        return Math.min(in, out) >= LINES_SHORT_SIDE && Math.max(in, out) >= LINES_LONG_SIDE;
    }

    /**
     * Quads {@code from .. to - 1} of dW's longer side (columns j when {@code out >= in}, else rows
     * i), each as tiles of two of the shorter side by those four.
     */
    private void weightGradientByTiles(int l, int rows, Workspace ws, double[] dW, int from, int to) {
        int in = sizes[l];
        int out = sizes[l + 1];
        double[][] aPrev = (l == 0) ? ws.xColumns : ws.aColumns[l - 1];
        double[][] delta = ws.deltaColumns[l];
        if (out >= in) {
            for (int j = 4 * from; j < Math.min(out, 4 * to); j += 4) {
                for (int i = 0; i < in; i += 2) {
                    ColumnDots.tile(aPrev, i, Math.min(2, in - i), delta, j, Math.min(4, out - j), rows, dW, out, 1);
                }
            }
        } else {
            for (int i = 4 * from; i < Math.min(in, 4 * to); i += 4) {
                for (int j = 0; j < out; j += 2) {
                    ColumnDots.tile(delta, j, Math.min(2, out - j), aPrev, i, Math.min(4, in - i), rows, dW, 1, out);
                }
            }
        }
    }

    /**
     * dW_l for wide layers, lines {@code from .. to - 1} of its longer side (rows i when
     * {@code out >= in}, else columns j), four samples per statement: rows of delta (or of A_prev)
     * are gathered four samples at a time into the thread's block, and {@link ScaledRows} adds them
     * into one line of dW.
     */
    private void weightGradientByLines(int l, int rows, Workspace ws, double[] dWFlat, int from, int to, int thread) {
        int in = sizes[l];
        int out = sizes[l + 1];
        double[][] aPrev = (l == 0) ? ws.xColumns : ws.aColumns[l - 1];
        double[][] delta = ws.deltaColumns[l];
        double[][] block = ws.blocks[thread];
        boolean byRows = out >= in;
        double[][] dW = ws.dWLines[l];
        for (int line = from; line < to; line++) {
            Arrays.fill(dW[line], 0.0);
        }
        for (int n0 = 0; n0 < rows; n0 += 4) {
            int samples = Math.min(4, rows - n0);
            if (byRows) {
                RowMajor.gatherRows(delta, out, n0, samples, block);
                for (int i = from; i < to; i++) {
                    // dW[i,j] += a_{n0,i} delta_{n0,j} + a_{n0+1,i} delta_{n0+1,j} + ...: row i of A_prevᵀ delta
                    ScaledRows.addTo(dW[i], out, aPrev[i], n0, 1, block, 0, samples);
                }
            } else {
                RowMajor.gatherRows(aPrev, in, n0, samples, block);
                for (int j = from; j < to; j++) {
                    // dW[i,j] += delta_{n0,j} a_{n0,i} + delta_{n0+1,j} a_{n0+1,i} + ...: column j of dW
                    ScaledRows.addTo(dW[j], in, delta[j], n0, 1, block, 0, samples);
                }
            }
        }
        for (int line = from; line < to; line++) {
            if (byRows) {
                System.arraycopy(dW[line], 0, dWFlat, line * out, out);
            } else {
                for (int i = 0; i < in; i++) {
                    dWFlat[i * out + line] = dW[line][i];
                }
            }
        }
    }

    /**
     * delta_{l-1}[n, i] = (Σ_j delta_l[n, j] W_l[i, j]) · f'(z_{l-1}[n, i]), j ascending from 0,
     * down the columns like the forward pass: {@code delta_{l-1}[:, i] = (delta_l[:, 0] W[i,0] +
     * delta_l[:, 1] W[i,1] + ...) ⊙ f'(Z_{l-1}[:, i])}.
     */
    private void deltaBelow(int l, int rows, Workspace ws, int from, int to) {
        int out = sizes[l + 1];
        double[] w = parameters.weights(l);
        for (int i = from; i < to; i++) {
            double[] back = ws.deltaColumns[l - 1][i];
            // back = delta[:, 0] W[i,0] + delta[:, 1] W[i,1] + ...: column i of delta Wᵀ
            Arrays.fill(back, 0, rows, 0.0);
            ScaledRows.addTo(back, rows, w, i * out, 1, ws.deltaColumns[l], 0, out);
            hidden.multiplyByDerivative(ws.zColumns[l - 1][i], back, rows);
        }
    }

    /** Pieces per thread for a step split by columns: more than one, so that a slow thread's share is taken by the others. */
    static final int PIECES_PER_THREAD = 4;

    /**
     * Runs one step of a pass on the workspace's team, if it has one; does nothing otherwise (the
     * caller then runs the step's loops itself, on all of {@code count}).
     *
     * @param count the number of units the step splits (columns, pairs, lines or quads)
     * @param piecesPerThread how many pieces per thread to cut them into, at most one per unit
     */
    private void shared(Workspace ws, int kind, int l, int rows, int count, int piecesPerThread, Parameters gradient) {
        Team team = ws.team;
        if (team == null) {
            return;
        }
        int pieces = Math.min(count, piecesPerThread * team.threads());
        ws.step.set(this, kind, l, rows, count, pieces, gradient);
        team.run(ws.step, pieces);
    }

    /**
     * One step of a pass, cut into pieces for a {@link Team}: piece p of P covers units
     * {@code p·count/P .. (p+1)·count/P - 1}. One per workspace, reused, so a pass allocates nothing.
     */
    static final class LayerStep implements Team.Step {
        static final int FORWARD = 0;
        static final int DELTA_BELOW = 1;
        static final int TILES = 2;
        static final int LINES = 3;
        static final int BIASES = 4;

        private final Workspace ws;
        private Mlp mlp;
        private Parameters gradient;
        private int kind;
        private int layer;
        private int rows;
        private int count;
        private int pieces;

        LayerStep(Workspace ws) {
            this.ws = ws;
        }

        void set(Mlp network, int stepKind, int l, int batchRows, int units, int parts, Parameters g) {
            mlp = network;
            kind = stepKind;
            layer = l;
            rows = batchRows;
            count = units;
            pieces = parts;
            gradient = g;
        }

        @Override
        public void run(int piece, int thread) {
            int from = (int) ((long) piece * count / pieces);
            int to = (int) ((long) (piece + 1) * count / pieces);
            int last = mlp.sizes.length - 2;
            switch (kind) {
                case FORWARD:
                    mlp.forwardColumns(layer, rows, ws, (layer == last) ? Activation.SIGMOID : mlp.hidden, from, to);
                    break;
                case DELTA_BELOW:
                    mlp.deltaBelow(layer, rows, ws, from, to);
                    break;
                case TILES:
                    mlp.weightGradientByTiles(layer, rows, ws, gradient.weights(layer), from, to);
                    break;
                case LINES:
                    mlp.weightGradientByLines(layer, rows, ws, gradient.weights(layer), from, to, thread);
                    break;
                default:
                    ColumnDots.columnSums(ws.deltaColumns[layer], 4 * from, Math.min(4 * to, mlp.sizes[layer + 1]),
                            rows, gradient.biases(layer));
                    break;
            }
        }
    }

    /** The capacity of a workspace for x alone: its rows, at least 1 (x is checked later). */
    private int capacityFor(double[] x) {
        Require.nonNull("x", x, "N × " + sizes[0] + " inputs, row-major");
        return Math.max(1, x.length / sizes[0]);
    }

    private void requireGradient(Parameters gradient) {
        if (gradient == null) {
            throw new NullPointerException("gradient is null: expected parameters of sizes " + Arrays.toString(sizes)
                    + " to write into, e.g. mlp.parameters().zerosLike()");
        }
    }

    /**
     * @return the number of rows; throws if x does not fit this network or the workspace, or if
     *     the network's parameters are not all finite
     */
    int checkInputs(double[] x, Workspace ws) {
        int in = sizes[0];
        if (x == null) {
            throw new NullPointerException("x is null: expected N × " + in + " inputs, row-major");
        }
        if (ws == null) {
            throw new NullPointerException("ws is null: expected a workspace from newWorkspace(N)");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("x is empty: expected at least one row of " + in + " inputs");
        }
        if (x.length % in != 0) {
            throw new IllegalArgumentException("x has " + x.length + " values, not a multiple of the input width "
                    + in + " of layer sizes " + Arrays.toString(sizes));
        }
        Require.allFinite("x", x);
        int rows = x.length / in;
        if (!ws.fits(sizes)) {
            throw new IllegalArgumentException("workspace was made for another network: expected one from "
                    + "newWorkspace() of this network with sizes " + Arrays.toString(sizes));
        }
        if (rows > ws.capacity()) {
            throw new IllegalArgumentException("x has " + rows + " rows but the workspace holds at most "
                    + ws.capacity() + ": expected a workspace with capacity >= " + rows);
        }
        requireFiniteParameters(parameters);
        return rows;
    }

    void checkLabels(double[] y, int rows) {
        if (y == null) {
            throw new NullPointerException("y is null: expected " + rows * outputSize() + " labels in [0, 1]");
        }
        int expected = rows * outputSize();
        if (y.length != expected) {
            throw new IllegalArgumentException("y has " + y.length + " labels but x has " + rows
                    + " rows: expected " + expected + " labels (" + outputSize() + " per row)");
        }
        Require.allInUnitInterval("y", y);
    }

    /** @return e.g. {@code Mlp[2-16-8-1, RELU hidden, sigmoid output, 193 parameters]} */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Mlp[");
        for (int i = 0; i < sizes.length; i++) {
            s.append(i == 0 ? "" : "-").append(sizes[i]);
        }
        return s.append(", ").append(hidden).append(" hidden, sigmoid output, ")
                .append(parameters.count()).append(" parameters]").toString();
    }
}
