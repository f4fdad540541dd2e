package exercises.optimizers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import workbook.grading.Check;

@DisplayName("Task 3 · shuffled mini-batches: Fisher–Yates from the end (the Trainer's shuffle) applied to 0 … rows − 1, cut in order")
@Tag("task:3")
class MiniBatchesTest {

    private static final String REMAINDER_DROPPED =
            "the last, shorter batch is missing: the rows % batchSize rows left over must form a batch of their own";
    private static final String NOT_SHUFFLED =
            "the rows are in their original order: shuffle them before cutting the batches";
    private static final String BIASED =
            "your shuffle is biased: j = random.nextInt(rows) makes some orders more likely; use j = random.nextInt(i + 1)";
    private static final String FORWARD =
            "your shuffle is a fair one but not the trainer's: go from i = rows − 1 down to 1 with j = random.nextInt(i + 1)";
    private static final String NEVER_IN_PLACE =
            "j = random.nextInt(i) never lets a row stay where it is, so some orders cannot happen: use j = random.nextInt(i + 1)";
    private static final String LOST_SWAP =
            "the swap lost a value: keep order[i] in a temporary before overwriting it";
    private static final String DRAWS =
            "one random draw too many (or too few): Fisher–Yates makes exactly rows − 1 draws, i from rows − 1 down to 1";
    private static final String RESHUFFLED =
            "you shuffled the previous call's order again: every call starts from 0, 1, …, rows − 1";

    private static String inputs(int rows, int batchSize, long seed) {
        return "rows = " + rows + ", batchSize = " + batchSize + ", random = new Random(" + seed + ")";
    }

    private static int[] identity(int rows) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        return order;
    }

    private static void swap(int[] order, int i, int j) {
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
    }

    /** The Trainer's shuffle (backprop.train.Trainer), Fisher–Yates from the end, applied to 0 .. rows−1. */
    private static int[] reference(int rows, long seed) {
        return reference(rows, new Random(seed));
    }

    /** As {@link #reference(int, long)}, drawing from {@code random}: exactly rows − 1 draws. */
    private static int[] reference(int rows, Random random) {
        int[] order = identity(rows);
        shuffle(order, random, 1);
        return order;
    }

    /** Fisher–Yates from the end on {@code order}, in place, for i = length−1 down to {@code last}. */
    private static void shuffle(int[] order, Random random, int last) {
        for (int i = order.length - 1; i >= last; i--) {
            swap(order, i, random.nextInt(i + 1));
        }
    }

    private static int[] biasedFromEnd(int rows, long seed) {
        Random random = new Random(seed);
        int[] order = identity(rows);
        for (int i = rows - 1; i > 0; i--) {
            swap(order, i, random.nextInt(rows));
        }
        return order;
    }

    private static int[] neverInPlace(int rows, long seed) {
        Random random = new Random(seed);
        int[] order = identity(rows);
        for (int i = rows - 1; i > 0; i--) {
            swap(order, i, random.nextInt(i));
        }
        return order;
    }

    private static int[] biasedFromStart(int rows, long seed) {
        Random random = new Random(seed);
        int[] order = identity(rows);
        for (int i = 0; i < rows; i++) {
            swap(order, i, random.nextInt(rows));
        }
        return order;
    }

    private static int[] fisherYatesFromStart(int rows, long seed) {
        Random random = new Random(seed);
        int[] order = identity(rows);
        for (int i = 0; i < rows - 1; i++) {
            swap(order, i, i + random.nextInt(rows - i));
        }
        return order;
    }

    private static String show(int[] values) {
        int shown = Math.min(values.length, 12);
        String s = Arrays.toString(Arrays.copyOf(values, shown));
        return values.length > shown ? s.substring(0, s.length() - 1) + ", … " + values.length + " values]" : s;
    }

    private static String sizes(int[][] batches) {
        List<Integer> sizes = new ArrayList<>();
        for (int[] b : batches) {
            sizes.add(b == null ? -1 : b.length);
        }
        return sizes.toString();
    }

    /** Checks the number of batches and their sizes, naming the dropped remainder. */
    private static void verifyShape(int[][] batches, int rows, int batchSize, String inputs) {
        int expectedCount = (rows + batchSize - 1) / batchSize;
        int remainder = rows % batchSize;
        Check.that(batches != null, "split returned null: expected " + expectedCount + " batches", inputs);
        if (remainder != 0 && batches.length == rows / batchSize) {
            Check.that(false, "got " + batches.length + " batches but expected " + expectedCount + ": "
                    + REMAINDER_DROPPED, inputs);
        }
        Check.that(batches.length == expectedCount, "got " + batches.length + " batches but expected " + expectedCount
                + " (ceil(rows / batchSize))", inputs);
        for (int b = 0; b < expectedCount; b++) {
            int expectedSize = (b == expectedCount - 1 && remainder != 0) ? remainder : batchSize;
            Check.that(batches[b] != null && batches[b].length == expectedSize, "batch " + b + " has "
                    + (batches[b] == null ? "null" : batches[b].length + " rows") + " but expected " + expectedSize
                    + "; all sizes: " + sizes(batches), inputs);
        }
    }

    private static int[] concatenated(int[][] batches) {
        int total = 0;
        for (int[] b : batches) {
            total += b.length;
        }
        int[] all = new int[total];
        int k = 0;
        for (int[] b : batches) {
            System.arraycopy(b, 0, all, k, b.length);
            k += b.length;
        }
        return all;
    }

    /** Checks that the batches hold every row exactly once, naming a swap that lost a value. */
    private static void verifyPermutation(int[][] batches, int rows, String inputs) {
        int[] seen = new int[rows];
        for (int row : concatenated(batches)) {
            Check.that(row >= 0 && row < rows, "row index " + row + " is out of range: expected 0 to " + (rows - 1), inputs);
            seen[row]++;
        }
        int missing = -1;
        int repeated = -1;
        for (int row = rows - 1; row >= 0; row--) {
            missing = seen[row] == 0 ? row : missing;
            repeated = seen[row] > 1 ? row : repeated;
        }
        if (missing >= 0 && repeated >= 0) {
            Check.that(false, "row " + missing + " is missing and row " + repeated + " appears " + seen[repeated]
                    + " times: " + LOST_SWAP, inputs);
        }
        Check.that(missing < 0, "row " + missing + " is missing: expected every row exactly once", inputs);
        Check.that(repeated < 0, "row " + repeated + " appears " + (repeated < 0 ? 0 : seen[repeated])
                + " times: expected every row exactly once", inputs);
    }

    @ParameterizedTest(name = "rows = {0}, batchSize = {1}, seed {2}")
    @DisplayName("every row appears exactly once")
    @CsvSource({
        "600, 32, 42",
        "10,  3,  1",
        "7,   7,  2",
        "5,   10, 3",
        "100, 1,  4",
        "33,  8,  5",
    })
    void everyRowOnce(int rows, int batchSize, long seed) {
        String inputs = inputs(rows, batchSize, seed);
        int[][] batches = MiniBatches.split(rows, batchSize, new Random(seed));
        verifyShape(batches, rows, batchSize, inputs);
        verifyPermutation(batches, rows, inputs);
    }

    @ParameterizedTest(name = "rows = {0}, batchSize = {1}: {2} batches, the last of {3}")
    @DisplayName("batches of batchSize rows, the last one holding what is left over")
    @CsvSource({
        "600, 32, 19, 24",
        "10,  3,  4,  1",
        "64,  16, 4,  16",
        "5,   10, 1,  5",
        "1,   1,  1,  1",
        "0,   4,  0,  0",
    })
    void batchSizes(int rows, int batchSize, int count, int last) {
        String inputs = inputs(rows, batchSize, 7);
        int[][] batches = MiniBatches.split(rows, batchSize, new Random(7));
        verifyShape(batches, rows, batchSize, inputs);
        Check.that(batches.length == count && (count == 0 || batches[count - 1].length == last),
                "expected " + count + " batches, the last of " + last + " rows, but got sizes " + sizes(batches), inputs);
    }

    @ParameterizedTest(name = "rows = {0}, batchSize = {1}: the last batch holds {2} rows")
    @DisplayName("when rows is not a multiple of batchSize, the remainder forms a last batch")
    @CsvSource({
        "600, 32, 24",
        "10,  4,  2",
        "7,   2,  1",
        "50,  16, 2",
    })
    void remainderKept(int rows, int batchSize, int remainder) {
        long seed = rows + batchSize;
        String inputs = inputs(rows, batchSize, seed);
        int[][] batches = MiniBatches.split(rows, batchSize, new Random(seed));
        verifyShape(batches, rows, batchSize, inputs);
        Check.that(batches[batches.length - 1].length == remainder, "the last batch has "
                + batches[batches.length - 1].length + " rows but expected rows % batchSize = " + remainder, inputs);
        verifyPermutation(batches, rows, inputs);
    }

    @ParameterizedTest(name = "rows = {0}, batchSize = {1}, seed {2}")
    @DisplayName("the rows come in the order of Fisher–Yates from the end, the Trainer's shuffle, applied to 0 … rows − 1")
    @CsvSource({
        "600, 32, 42",
        "20,  6,  1",
        "9,   4,  2",
        "128, 16, 3",
        "50,  7,  4",
    })
    void referenceOrder(int rows, int batchSize, long seed) {
        String inputs = inputs(rows, batchSize, seed);
        int[][] batches = MiniBatches.split(rows, batchSize, new Random(seed));
        verifyReferenceOrder(batches, rows, batchSize, seed, inputs);
    }

    /** Checks the first split made from {@code new Random(seed)}, naming the classic wrong shuffles. */
    private static void verifyReferenceOrder(int[][] batches, int rows, int batchSize, long seed, String inputs) {
        verifyShape(batches, rows, batchSize, inputs);
        verifyPermutation(batches, rows, inputs);
        int[] expected = reference(rows, seed);
        int[] actual = concatenated(batches);
        if (Arrays.equals(expected, actual)) {
            return;
        }
        String difference = "\n  expected " + show(expected) + "\n  got      " + show(actual);
        Object[][] mistakes = {
            {identity(rows), NOT_SHUFFLED},
            {biasedFromEnd(rows, seed), BIASED},
            {biasedFromStart(rows, seed), BIASED},
            {neverInPlace(rows, seed), NEVER_IN_PLACE},
            {fisherYatesFromStart(rows, seed), FORWARD},
        };
        for (Object[] mistake : mistakes) {
            if (Arrays.equals((int[]) mistake[0], actual)) {
                Check.that(false, "the order of the rows is wrong: " + mistake[1] + difference, inputs);
            }
        }
        int first = 0;
        while (expected[first] == actual[first]) {
            first++;
        }
        Check.that(false, "the order of the rows differs from Fisher–Yates from the end applied to 0 … rows − 1,"
                + " from position " + first + " on: expected row " + expected[first] + " but got row " + actual[first]
                + difference, inputs);
    }

    @ParameterizedTest(name = "rows = {0}, batchSize = {1}, seed {2}")
    @DisplayName("two splits in a row from the same Random both equal the reference, which starts each from 0 … rows − 1"
            + " and draws rows − 1 times")
    @CsvSource({
        "600, 32, 42",
        "20,  6,  1",
        "9,   4,  2",
        "50,  7,  4",
        "2,   1,  3",
    })
    void twoSplitsInARow(int rows, int batchSize, long seed) {
        String inputs = inputs(rows, batchSize, seed) + ", then a second split with the same random";
        Random random = new Random(seed);
        int[][] first = MiniBatches.split(rows, batchSize, random);
        int[][] second = MiniBatches.split(rows, batchSize, random);
        verifyReferenceOrder(first, rows, batchSize, seed, inputs(rows, batchSize, seed));
        verifyShape(second, rows, batchSize, inputs);
        verifyPermutation(second, rows, inputs);

        Random reference = new Random(seed);
        int[] expectedFirst = reference(rows, reference);
        int[] expected = reference(rows, reference);
        int[] actual = concatenated(second);
        if (Arrays.equals(expected, actual)) {
            return;
        }
        String difference = "\n  expected " + show(expected) + "\n  got      " + show(actual);
        Random extra = new Random(seed);
        shuffle(identity(rows), extra, 0);
        int[] oneDrawTooMany = identity(rows);
        shuffle(oneDrawTooMany, extra, 0);
        Random again = new Random(seed);
        int[] reshuffled = reference(rows, again);
        shuffle(reshuffled, again, 1);
        if (Arrays.equals(reshuffled, actual)) {
            Check.that(false, "the second split is wrong: " + RESHUFFLED + difference, inputs);
        }
        String cause = Arrays.equals(oneDrawTooMany, actual) ? DRAWS
                : "most likely " + DRAWS + "; and draw from random for nothing else";
        Check.that(false, "the first split is right (" + show(expectedFirst) + ") but the second, from the same random,"
                + " is not: " + cause + difference, inputs);
    }

    @ParameterizedTest(name = "rows = {0}, batchSize = {1}, seeds {2} and {3}")
    @DisplayName("the same seed gives the same split, another seed another one")
    @CsvSource({
        "50,  8,  1, 2",
        "600, 32, 42, 43",
        "12,  5,  7, 8",
    })
    void seeded(int rows, int batchSize, long seed, long otherSeed) {
        String inputs = inputs(rows, batchSize, seed) + ", then new Random(" + seed + ") again and new Random("
                + otherSeed + ")";
        int[][] first = MiniBatches.split(rows, batchSize, new Random(seed));
        int[][] again = MiniBatches.split(rows, batchSize, new Random(seed));
        int[][] other = MiniBatches.split(rows, batchSize, new Random(otherSeed));
        Check.that(first != null && Arrays.deepEquals(first, again),
                "two calls with the same seed gave different splits: use only the Random you are given", inputs);
        Check.that(!Arrays.equals(concatenated(first), identity(rows)), NOT_SHUFFLED, inputs);
        Check.that(!Arrays.deepEquals(first, other),
                "seeds " + seed + " and " + otherSeed + " gave the same split: shuffle with the Random you are given",
                inputs);
    }
}
