package exercises.efficiency;

/**
 * The arithmetic of one forward and one backward pass of a multi-layer perceptron, counted in
 * multiply-adds (one {@code s += a * b}). The matrix products dominate both passes, so their count
 * predicts how the two passes' times compare (notebook 08, section 1).
 *
 * <p>Layer {@code l} (0-based, {@code l = 0 .. L-1}) has {@code in = sizes[l]} inputs and
 * {@code out = sizes[l+1]} outputs; its weights W are {@code in × out}, and a batch of N rows
 * passes through it as an {@code N × in} matrix A.
 *
 * <p>Only the matrix products count. Adding b, applying the activation f, multiplying by f'(z) and
 * summing δ over the rows for db cost about {@code N · out} operations per layer, not
 * {@code N · in · out}, and none of them is a multiply-add of a matrix product.
 */
public final class Cost {

    private Cost() {
    }

    /**
     * The multiply-adds of one forward pass over N rows: {@code N · Σ_l sizes[l] · sizes[l+1]}.
     * The product {@code Z = A W} of layer l, {@code (N × in)(in × out)}, makes one multiply-add
     * per weight per row.
     *
     * @param sizes the layer widths, input first, e.g. {@code {2, 16, 8, 1}}; at least two, each
     *     at least 1; not modified
     * @param rows N, the number of rows in the batch, at least 0
     * @return the count; a long, since it can pass {@code Integer.MAX_VALUE} (2³¹ − 1)
     */
    public static long forwardMultiplyAdds(int[] sizes, int rows) {
        long perRow = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            perRow += (long) sizes[l] * sizes[l + 1]; // Z = A W: one multiply-add per weight
        }
        return rows * perRow;
    }

    /**
     * The multiply-adds of one backward pass over N rows. Every layer computes
     * {@code dW = Aᵀ δ}, {@code (in × N)(N × out)}: {@code N · in · out}. Every layer except the
     * first also passes δ down, {@code δ_prev = (δ Wᵀ) ⊙ f'(z)}, {@code (N × out)(out × in)}:
     * another {@code N · in · out}. The first layer needs no δ below it, because the input is
     * data, not something to learn. So the count is
     * {@code N · (2 Σ_l sizes[l] · sizes[l+1] − sizes[0] · sizes[1])}.
     *
     * @param sizes the layer widths, input first; at least two, each at least 1; not modified
     * @param rows N, the number of rows in the batch, at least 0
     * @return the count; a long, since it can pass {@code Integer.MAX_VALUE} (2³¹ − 1)
     */
    public static long backwardMultiplyAdds(int[] sizes, int rows) {
        long perRow = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            long weights = (long) sizes[l] * sizes[l + 1];
            perRow += weights; // dW = Aᵀ δ
            if (l > 0) {
                perRow += weights; // δ of the layer below = δ Wᵀ; the input layer needs none
            }
        }
        return rows * perRow;
    }
}
