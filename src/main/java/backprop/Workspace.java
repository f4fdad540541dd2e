package backprop;

import java.util.Arrays;

/**
 * The arrays a forward and a backward pass write into, sized once for a maximum number of rows so
 * that a training step allocates nothing.
 *
 * <p><b>What a caller sees.</b> For layer {@code l} with {@code out = sizes[l+1]} units,
 * {@code z(l)}, {@code a(l)} and {@code delta(l)} each return {@code capacity × out} values,
 * row-major ({@code [n * out + j]}); only the first {@code rows() × out} are valid after a pass.
 * {@code delta(l)} is {@code dL/dz} of layer l. Each is a row-major copy, filled from the last
 * pass on the first call after it; call again after the next pass. Writing into one changes
 * nothing the network computes, and it stays as written until the next pass.
 *
 * <p><b>What the loops use</b> (package-private, not part of a pass's result): the same values by
 * columns, one array of {@code capacity} values per unit ({@code zColumns[l][j][n]} is
 * {@code z[n, j]}), and x the same way, so that {@link ScaledRows} runs down a whole batch at once;
 * the weight gradient accumulated one array per row or column; and blocks of four rows of delta and
 * of a layer's input, one set per thread.
 *
 * <p><b>Threads.</b> A workspace from {@link Mlp#newWorkspace(int, int)} with more than one thread
 * keeps a {@link Team} of helper threads that share each pass with the caller, every value computed
 * by one thread in the same order, so the results are the same bit for bit. {@link #close()} stops
 * the helpers; so does the garbage collector once the workspace is unreachable. A workspace is for
 * one thread to call at a time, whatever its number of threads.
 */
public final class Workspace implements AutoCloseable {

    /** The most threads a workspace shares its passes among. */
    public static final int MAX_THREADS = 64;

    private final int[] sizes;
    private final int capacity;
    int rows;

    /** {@code xColumns[i][n] = x[n, i]}: the inputs of the last pass, one array per input. */
    final double[][] xColumns;
    /** {@code zColumns[l][j][n] = Z_l[n, j]}: pre-activations, one array per unit. */
    final double[][][] zColumns;
    /** {@code aColumns[l][j][n] = A_l[n, j]}: activations, one array per unit. */
    final double[][][] aColumns;
    /** {@code deltaColumns[l][j][n] = dL/dZ_l[n, j]}, one array per unit. */
    final double[][][] deltaColumns;

    /**
     * dL/dW_l while a backward pass accumulates it, along its longer side so that the vector loops
     * are long: by rows ({@code dWLines[l][i][j]}, sizes[l] arrays of sizes[l+1]) when
     * {@code sizes[l+1] >= sizes[l]}, else by columns ({@code dWLines[l][j][i]}).
     */
    final double[][][] dWLines;
    /** Per thread: four rows of delta or of a layer's input (X or A) of the widest layer, gathered four samples at a time. */
    final double[][][] blocks;

    /** The threads that share each pass, or null for the calling thread alone; and the step they share. */
    final Team team;
    final Mlp.LayerStep step;

    /** Row-major copies for {@link #z}, {@link #a} and {@link #delta}, and whether each is filled from the last pass. */
    private final double[][] z;
    private final double[][] a;
    private final double[][] delta;
    private final boolean[] zFilled;
    private final boolean[] aFilled;
    private final boolean[] deltaFilled;

    Workspace(int[] sizes, int capacity, int threads) {
        Require.atLeast("capacity", capacity, 1);
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads is " + threads + ": expected 1 to " + MAX_THREADS
                    + " (this machine has " + Runtime.getRuntime().availableProcessors() + " processors)");
        }
        this.sizes = sizes.clone();
        this.capacity = capacity;
        int layers = sizes.length - 1;
        long values = (long) capacity * sizes[0];
        for (int l = 0; l < layers; l++) {
            long n = (long) capacity * sizes[l + 1];
            Require.arrayLength("a workspace of capacity " + Require.count(capacity) + " for layer sizes "
                    + Arrays.toString(sizes) + " (Z, A and delta of layer " + (l + 1) + ")", n);
            values += 6 * n; // by columns for the loops, row-major for the caller
        }
        Require.memory("a workspace of capacity " + Require.count(capacity) + " for layer sizes "
                + Arrays.toString(sizes) + " (" + Require.count(values) + " values)", 8 * values);
        xColumns = new double[sizes[0]][capacity];
        zColumns = new double[layers][][];
        aColumns = new double[layers][][];
        deltaColumns = new double[layers][][];
        z = new double[layers][];
        a = new double[layers][];
        delta = new double[layers][];
        dWLines = new double[layers][][];
        int widest = 0;
        for (int l = 0; l < layers; l++) {
            int out = sizes[l + 1];
            zColumns[l] = new double[out][capacity];
            aColumns[l] = new double[out][capacity];
            deltaColumns[l] = new double[out][capacity];
            z[l] = new double[capacity * out];
            a[l] = new double[capacity * out];
            delta[l] = new double[capacity * out];
            dWLines[l] = (out >= sizes[l]) ? new double[sizes[l]][out] : new double[out][sizes[l]];
            widest = Math.max(widest, Math.max(sizes[l], out));
        }
        zFilled = new boolean[layers];
        aFilled = new boolean[layers];
        deltaFilled = new boolean[layers];
        blocks = new double[threads][4][widest];
        team = (threads == 1) ? null : new Team(threads, this);
        step = (threads == 1) ? null : new Mlp.LayerStep(this);
    }

    /** @return the number of threads that share each pass (1: the calling thread alone) */
    public int threads() {
        return team == null ? 1 : team.threads();
    }

    /** Stops the helper threads of a workspace made for several threads; it then runs on one. Nothing else changes. */
    @Override
    public void close() {
        if (team != null) {
            team.close();
        }
    }

    /** @return the largest number of rows this workspace can hold */
    public int capacity() {
        return capacity;
    }

    /** @return the number of rows of the last forward pass (0 before the first) */
    public int rows() {
        return rows;
    }

    /**
     * @param l layer, 0-based
     * @return the pre-activations {@code Z} of layer l from the last forward pass, row-major,
     *     {@code capacity × sizes[l+1]} (see the class comment)
     */
    public double[] z(int l) {
        if (!zFilled[l]) {
            RowMajor.fromColumns(zColumns[l], rows, sizes[l + 1], z[l]);
            zFilled[l] = true;
        }
        return z[l];
    }

    /**
     * @param l layer, 0-based
     * @return the activations {@code A} of layer l from the last forward pass, row-major,
     *     {@code capacity × sizes[l+1]} (see the class comment)
     */
    public double[] a(int l) {
        if (!aFilled[l]) {
            RowMajor.fromColumns(aColumns[l], rows, sizes[l + 1], a[l]);
            aFilled[l] = true;
        }
        return a[l];
    }

    /**
     * @param l layer, 0-based
     * @return {@code dL/dZ} of layer l from the last backward pass, row-major,
     *     {@code capacity × sizes[l+1]} (see the class comment)
     */
    public double[] delta(int l) {
        if (!deltaFilled[l]) {
            RowMajor.fromColumns(deltaColumns[l], rows, sizes[l + 1], delta[l]);
            deltaFilled[l] = true;
        }
        return delta[l];
    }

    /** @return the network's output probabilities from the last forward pass ({@code a} of the last layer) */
    public double[] output() {
        return a(a.length - 1);
    }

    /** Called by each forward pass: {@code rows} rows are valid; the row-major copies of Z and A are out of date. */
    void forwardDone(int passRows) {
        rows = passRows;
        Arrays.fill(zFilled, false);
        Arrays.fill(aFilled, false);
    }

    /** Called by each backward pass: the row-major copies of delta are out of date. */
    void backwardDone() {
        Arrays.fill(deltaFilled, false);
    }

    boolean fits(int[] networkSizes) {
        return Arrays.equals(sizes, networkSizes);
    }
}
