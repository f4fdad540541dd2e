package exercises.efficiency;

import backprop.Parameters;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import workbook.grading.Check;
import workbook.grading.Diagnosis;
import workbook.grading.Show;

@DisplayName("Task 1 · counting the multiply-adds of the forward and the backward pass")
@Tag("task:1")
class CostTest {

    private static final String FORGOT_N =
            "you forgot N: every row of the batch goes through every weight, so multiply by the number of rows";
    private static final String OVERFLOW =
            "the count overflowed int: multiply in long, e.g. (long) rows * in * out, since N · in · out can pass 2³¹ − 1";
    private static final String BIASES_COUNTED =
            "you counted the bias additions or the activations too: only the matrix products are multiply-adds";
    private static final String INPUT_DELTA =
            "you counted δ Wᵀ for the first layer too: the input is data, so no δ is needed below the first layer";
    private static final String ONLY_DW =
            "you counted only dW = Aᵀ δ: passing δ down with δ Wᵀ costs as much again, in every layer but the first";
    private static final String LAST_SKIPPED =
            "you left out δ Wᵀ of the last layer: it is the first layer, next to the input, that needs none";

    private static int[] parse(String sizes) {
        String[] parts = sizes.split("-");
        int[] s = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            s[i] = Integer.parseInt(parts[i].trim());
        }
        return s;
    }

    private static String inputs(int[] sizes, int rows) {
        return "sizes " + Show.sizes(sizes) + ", rows N = " + rows;
    }

    /** Σ_l in·out, the number of weights, read from the library's Parameters (a second way to count). */
    private static long weightCount(int[] sizes) {
        Parameters p = Parameters.zeros(sizes);
        long total = 0;
        for (int l = 0; l < p.layerCount(); l++) {
            total += p.weights(l).length;
        }
        return total;
    }

    private static long sumOfProducts(int[] sizes) {
        long total = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            total += (long) sizes[l] * sizes[l + 1];
        }
        return total;
    }

    private static long sumOfOutputs(int[] sizes) {
        long total = 0;
        for (int l = 1; l < sizes.length; l++) {
            total += sizes[l];
        }
        return total;
    }

    /** The wrong count of a learner who sums in int: every product and the total wrap around. */
    private static long allInt(int[] sizes, int rows, boolean backward) {
        int total = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            int product = rows * sizes[l] * sizes[l + 1];
            total += (backward && l > 0) ? 2 * product : product;
        }
        return total;
    }

    /** The wrong count of a learner who sums in long but multiplies in int. */
    private static long intProducts(int[] sizes, int rows, boolean backward) {
        long total = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            int product = rows * sizes[l] * sizes[l + 1];
            total += product;
            if (backward && l > 0) {
                total += product;
            }
        }
        return total;
    }

    private static void verifyForward(int[] sizes, int rows, long expected) {
        long actual = Cost.forwardMultiplyAdds(sizes.clone(), rows);
        long perRow = sumOfProducts(sizes);
        Diagnosis.of("forwardMultiplyAdds", expected, actual, inputs(sizes, rows))
                .mistake(perRow, FORGOT_N)
                .mistake(allInt(sizes, rows, false), OVERFLOW)
                .mistake(intProducts(sizes, rows, false), OVERFLOW)
                .mistake(rows * (perRow + sumOfOutputs(sizes)), BIASES_COUNTED)
                .mistake(rows * (perRow + 2 * sumOfOutputs(sizes)), BIASES_COUNTED)
                .verify();
    }

    private static void verifyBackward(int[] sizes, int rows, long expected) {
        long actual = Cost.backwardMultiplyAdds(sizes.clone(), rows);
        long perRow = sumOfProducts(sizes);
        long first = (long) sizes[0] * sizes[1];
        long last = (long) sizes[sizes.length - 2] * sizes[sizes.length - 1];
        Diagnosis.of("backwardMultiplyAdds", expected, actual, inputs(sizes, rows))
                .mistake(2 * rows * perRow, INPUT_DELTA)
                .mistake(2 * perRow - first, FORGOT_N)
                .mistake(rows * perRow, ONLY_DW)
                .mistake(rows * (2 * perRow - last), LAST_SKIPPED)
                .mistake(allInt(sizes, rows, true), OVERFLOW)
                .mistake(intProducts(sizes, rows, true), OVERFLOW)
                .verify();
    }

    @ParameterizedTest(name = "{0} network, N = {1}")
    @DisplayName("the forward pass makes one multiply-add per weight per row")
    @CsvSource({
        "2-16-8-1,       100",
        "20-128-64-1,    100",
        "2-64-32-16-1,   600",
        "3-1,            7",
        "784-256-128-10, 64",
        "2-16-8-1,       0",
    })
    void forward(String layers, int rows) {
        int[] sizes = parse(layers);
        verifyForward(sizes, rows, rows * weightCount(sizes));
    }

    @ParameterizedTest(name = "{0} network, N = {1}")
    @DisplayName("the backward pass makes two per weight per row, except in the first layer")
    @CsvSource({
        "2-16-8-1,       100",
        "20-128-64-1,    100",
        "2-64-32-16-1,   600",
        "5-3-2,          13",
        "784-256-128-10, 64",
        "2-16-8-1,       0",
    })
    void backward(String layers, int rows) {
        int[] sizes = parse(layers);
        long firstLayerWeights = Parameters.zeros(sizes).weights(0).length;
        verifyBackward(sizes, rows, rows * (2 * weightCount(sizes) - firstLayerWeights));
    }

    @ParameterizedTest(name = "{0} network, N = {1}")
    @DisplayName("a single layer needs no δ below it, so its backward pass costs what its forward pass costs")
    @CsvSource({
        "3-1,    7",
        "10-4,   32",
        "784-10, 128",
    })
    void singleLayer(String layers, int rows) {
        int[] sizes = parse(layers);
        long expected = (long) rows * sizes[0] * sizes[1];
        verifyForward(sizes, rows, expected);
        verifyBackward(sizes, rows, expected);
    }

    @Test
    @DisplayName("on the notebook's 20-128-64-1 network with 100 rows, forward + backward is 2.76 forward passes")
    void notebookPrediction() {
        int[] sizes = {20, 128, 64, 1};
        int rows = 100;
        verifyForward(sizes, rows, 1_081_600L);
        verifyBackward(sizes, rows, 1_907_200L);
        double ratio = (double) (Cost.forwardMultiplyAdds(sizes, rows) + Cost.backwardMultiplyAdds(sizes, rows))
                / Cost.forwardMultiplyAdds(sizes, rows);
        Check.close("(forward + backward) / forward", 29_888.0 / 10_816.0, ratio, inputs(sizes, rows));
    }

    @ParameterizedTest(name = "{0} network, N = {1}")
    @DisplayName("counts beyond 2³¹ − 1 come out right (long arithmetic)")
    @CsvSource({
        "4096-4096-4096-1, 1000",
        "1024-2048-1,      2048",
        "1000-1000,        5000",
    })
    void largeCounts(String layers, int rows) {
        int[] sizes = parse(layers);
        long perRow = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            perRow = Math.addExact(perRow, Math.multiplyExact((long) sizes[l], sizes[l + 1]));
        }
        long first = (long) sizes[0] * sizes[1];
        verifyForward(sizes, rows, Math.multiplyExact(rows, perRow));
        verifyBackward(sizes, rows, Math.multiplyExact(rows, 2 * perRow - first));
    }
}
