package backprop;

/**
 * The arrays a forward and a backward pass write into, sized once for a maximum number of rows so
 * that a training step allocates nothing.
 *
 * <p>For layer {@code l} with {@code out = sizes[l+1]} units, {@code z(l)}, {@code a(l)} and
 * {@code delta(l)} each hold {@code capacity × out} values, row-major ({@code [n * out + j]}); only
 * the first {@code rows() × out} are valid after a pass. {@code delta(l)} is {@code dL/dz} of layer
 * l.
 *
 * <p>It also holds the fast loops' scratch (package-private, not part of a pass's result): the
 * weights copied into one array per row, and per column, so that {@link ScaledRows} can run over
 * them; the weight gradient accumulated one array per row or column; one row of pre-activations or of
 * {@code delta Wᵀ}; and blocks of four rows of delta and of a layer's input.
 */
public final class Workspace {

    private final int[] sizes;
    private final int capacity;
    final double[][] z;
    final double[][] a;
    final double[][] delta;
    int rows;

    /** {@code weightRows[l][i][j] = W_l[i, j]}: copied from the live weights by every forward pass. */
    final double[][][] weightRows;
    /** {@code weightColumns[l][j][i] = W_l[i, j]} (W_lᵀ by rows), copied by each backward pass; null for l = 0 */
    final double[][][] weightColumns;
    /**
     * dL/dW_l while a backward pass accumulates it, along its longer side so that the vector loops
     * are long: by rows ({@code dWLines[l][i][j]}, sizes[l] arrays of sizes[l+1]) when
     * {@code sizes[l+1] >= sizes[l]}, else by columns ({@code dWLines[l][j][i]}).
     */
    final double[][][] dWLines;
    /** One row of the widest layer: Z of one sample in the forward pass, delta Wᵀ of one in the backward. */
    final double[] row;
    /** Four rows of delta of the widest layer, copied out of {@code delta} four samples at a time. */
    final double[][] deltaBlock;
    /** Four rows of a layer's input (X or A), copied out four samples at a time. */
    final double[][] inputBlock;

    Workspace(int[] sizes, int capacity) {
        Require.atLeast("capacity", capacity, 1);
        this.sizes = sizes.clone();
        this.capacity = capacity;
        int layers = sizes.length - 1;
        long values = 0;
        for (int l = 0; l < layers; l++) {
            long n = (long) capacity * sizes[l + 1];
            Require.arrayLength("a workspace of capacity " + Require.count(capacity) + " for layer sizes "
                    + java.util.Arrays.toString(sizes) + " (Z, A and delta of layer " + (l + 1) + ")", n);
            values += 3 * n;
        }
        Require.memory("a workspace of capacity " + Require.count(capacity) + " for layer sizes "
                + java.util.Arrays.toString(sizes) + " (" + Require.count(values) + " values)", 8 * values);
        z = new double[layers][];
        a = new double[layers][];
        delta = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int n = capacity * sizes[l + 1];
            z[l] = new double[n];
            a[l] = new double[n];
            delta[l] = new double[n];
        }
        weightRows = new double[layers][][];
        weightColumns = new double[layers][][];
        dWLines = new double[layers][][];
        int widest = 0;
        for (int l = 0; l < layers; l++) {
            weightRows[l] = new double[sizes[l]][sizes[l + 1]];
            weightColumns[l] = (l == 0) ? null : new double[sizes[l + 1]][sizes[l]];
            dWLines[l] = (sizes[l + 1] >= sizes[l]) ? new double[sizes[l]][sizes[l + 1]]
                    : new double[sizes[l + 1]][sizes[l]];
            widest = Math.max(widest, Math.max(sizes[l], sizes[l + 1]));
        }
        row = new double[widest];
        deltaBlock = new double[4][widest];
        inputBlock = new double[4][widest];
    }

    /** @return the largest number of rows this workspace can hold */
    public int capacity() {
        return capacity;
    }

    /** @return the number of rows of the last forward pass (0 before the first) */
    public int rows() {
        return rows;
    }

    /** @return the pre-activations {@code Z} of layer l (0-based), live, {@code capacity × sizes[l+1]} */
    public double[] z(int l) {
        return z[l];
    }

    /** @return the activations {@code A} of layer l (0-based), live, {@code capacity × sizes[l+1]} */
    public double[] a(int l) {
        return a[l];
    }

    /** @return {@code dL/dZ} of layer l (0-based) after a backward pass, live */
    public double[] delta(int l) {
        return delta[l];
    }

    /** @return the network's output probabilities, live ({@code a} of the last layer) */
    public double[] output() {
        return a[a.length - 1];
    }

    boolean fits(int[] networkSizes) {
        return java.util.Arrays.equals(sizes, networkSizes);
    }
}
