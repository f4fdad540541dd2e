package backprop;

/**
 * The arrays a forward and a backward pass write into, sized once for a maximum number of rows so
 * that a training step allocates nothing.
 *
 * <p>For layer {@code l} with {@code out = sizes[l+1]} units, {@code z(l)}, {@code a(l)} and
 * {@code delta(l)} each hold {@code capacity × out} values, row-major ({@code [n * out + j]}); only
 * the first {@code rows() × out} are valid after a pass. {@code delta(l)} is {@code dL/dz} of layer
 * l.
 */
public final class Workspace {

    private final int[] sizes;
    private final int capacity;
    final double[][] z;
    final double[][] a;
    final double[][] delta;
    int rows;

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
