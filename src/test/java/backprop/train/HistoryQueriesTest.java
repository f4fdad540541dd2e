package backprop.train;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import backprop.Activation;
import backprop.Initialisation;
import backprop.Mlp;
import backprop.data.DataSet;
import backprop.data.DataSets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("History queries: when a run first reached an accuracy, and from when it stayed there")
class HistoryQueriesTest {

    /** A hand-made history whose accuracy is given row by row, epochs 0, 1, 2, ... */
    static History of(double... accuracies) {
        History h = new History("made by hand", accuracies.length);
        for (int e = 0; e < accuracies.length; e++) {
            h.add(e, 1.0 - accuracies[e], accuracies[e]);
        }
        return h;
    }

    @ParameterizedTest(name = "accuracies {0}, target {1}: first {2}, settled {3}")
    @CsvSource(delimiter = '|', textBlock = """
            0.5 0.9 0.96 0.97          | 0.95 |  2 |  2
            0.5 0.96 0.9 0.97 0.98     | 0.95 |  1 |  3
            0.96 0.97                  | 0.95 |  0 |  0
            0.5 0.96 0.9               | 0.95 |  1 | -1
            0.5 0.6 0.7                | 0.95 | -1 | -1
            0.5 0.95                   | 0.95 |  1 |  1
            0.3 0.2                    | 0.0  |  0 |  0
            """)
    @DisplayName("on hand-made runs")
    void byHand(String accuracies, double target, int first, int settled) {
        double[] a = java.util.Arrays.stream(accuracies.trim().split(" +")).mapToDouble(Double::parseDouble).toArray();
        History h = of(a);
        assertAll(
                () -> assertEquals(first, h.firstEpochReaching(target), "firstEpochReaching"),
                () -> assertEquals(settled, h.settledFrom(target), "settledFrom"));
    }

    @Test
    @DisplayName("on a real run, both agree with a scan of asTable()'s accuracy column, and settled >= first")
    void realRun() {
        DataSet circle = DataSets.circle(200, 3);
        Mlp mlp = Mlp.create(new int[] {2, 8, 1}, Activation.RELU, Initialisation.HE, 3);
        History h = Trainer.train(mlp, circle, new Sgd(0.5), TrainingOptions.fullBatch(300));
        double[] accuracy = h.asTable().doubleColumn("accuracy").asDoubleArray();
        int first = -1;
        for (int e = 0; e < accuracy.length && first < 0; e++) {
            if (accuracy[e] >= 0.9) {
                first = e;
            }
        }
        int settled = accuracy.length;
        while (settled > 0 && accuracy[settled - 1] >= 0.9) {
            settled--;
        }
        int expectedFirst = first;
        int expectedSettled = settled == accuracy.length ? -1 : settled;
        assertAll(
                () -> assertEquals(expectedFirst, h.firstEpochReaching(0.9)),
                () -> assertEquals(expectedSettled, h.settledFrom(0.9)),
                () -> assertEquals(true, expectedFirst >= 0 && expectedSettled >= expectedFirst,
                        "the run reaches 90% and stays: first " + expectedFirst + ", settled " + expectedSettled));
    }

    @Test
    @DisplayName("an empty history has no such epoch; a target outside [0, 1] is refused by name")
    void edges() {
        History empty = new History("empty", 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> of(0.5).settledFrom(95));
        assertAll(
                () -> assertEquals(-1, empty.firstEpochReaching(0.5)),
                () -> assertEquals(-1, empty.settledFrom(0.5)),
                () -> assertEquals("target is 95.0: expected a value in [0, 1]", e.getMessage()));
    }
}
