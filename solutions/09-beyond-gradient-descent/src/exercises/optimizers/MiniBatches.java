package exercises.optimizers;

import java.util.Random;

/**
 * Cutting the rows of a data set into shuffled mini-batches for one epoch (notebook 09, section 2,
 * "Mini-batch SGD"), with the Fisher–Yates shuffle the library's {@code backprop.train.Trainer}
 * uses, applied to {@code 0 .. rows−1} at every call. The Trainer instead reshuffles the previous
 * epoch's order in place: its first epoch equals {@code split(rows, batchSize, new Random(shuffleSeed))},
 * its later epochs differ from further splits.
 */
public final class MiniBatches {

    private MiniBatches() {
    }

    /**
     * Shuffles the row indices {@code 0 .. rows−1} with the Fisher–Yates shuffle
     * <pre>
     *   for i = rows−1 down to 1:  j = random.nextInt(i + 1);  swap order[i] and order[j]
     * </pre>
     * then cuts the shuffled order into batches of {@code batchSize} rows, in order. When rows is
     * not a multiple of batchSize, the last batch holds the {@code rows % batchSize} rows left
     * over; it is kept, not dropped. Example: 600 rows in batches of 32 give 19 batches, 18 of 32
     * rows and a last one of 24.
     *
     * @param rows the number of rows, at least 0
     * @param batchSize the rows per batch, at least 1
     * @param random the source of the shuffle; advanced by exactly rows − 1 calls of {@code nextInt}
     *     (none when rows is 0 or 1); a second split from the same random goes on from there
     * @return {@code ceil(rows / batchSize)} batches of row indices; every row appears exactly once
     */
    public static int[][] split(int rows, int batchSize, Random random) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int count = (rows + batchSize - 1) / batchSize;
        int[][] batches = new int[count][];
        for (int b = 0; b < count; b++) {
            int start = b * batchSize;
            int size = Math.min(batchSize, rows - start);
            batches[b] = new int[size];
            System.arraycopy(order, start, batches[b], 0, size);
        }
        return batches;
    }
}
