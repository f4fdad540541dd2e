package backprop.data;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A held-out split")
class SplitTest {

    /** Ten rows whose first feature is the row number, so each row can be recognised. */
    static DataSet numbered() {
        double[] x = new double[20];
        double[] y = new double[10];
        for (int n = 0; n < 10; n++) {
            x[2 * n] = n;
            x[2 * n + 1] = -n;
            y[n] = n % 2;
        }
        return new DataSet("numbered", 2, x, y);
    }

    static List<Integer> rowNumbers(DataSet d) {
        List<Integer> rows = new ArrayList<>();
        for (int n = 0; n < d.rows(); n++) {
            rows.add((int) d.x()[2 * n]);
        }
        return rows;
    }

    @Test
    @DisplayName("has the asked sizes, and every row lands in exactly one part, with its own label and features")
    void partition() {
        Split split = Split.shuffled(numbered(), 3, 42);
        List<Integer> all = new ArrayList<>(rowNumbers(split.training()));
        all.addAll(rowNumbers(split.validation()));
        List<Integer> sorted = new ArrayList<>(all);
        sorted.sort(null);
        assertAll(
                () -> assertEquals(7, split.training().rows()),
                () -> assertEquals(3, split.validation().rows()),
                () -> assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), sorted, "each row once"),
                () -> {
                    for (DataSet part : List.of(split.training(), split.validation())) {
                        for (int n = 0; n < part.rows(); n++) {
                            double row = part.x()[2 * n];
                            assertEquals(-row, part.x()[2 * n + 1], 0.0, "features stay together");
                            assertEquals(row % 2, part.y()[n], "label stays with its row");
                        }
                    }
                },
                () -> assertEquals("numbered, training", split.training().name()),
                () -> assertEquals("numbered, validation", split.validation().name()));
    }

    @Test
    @DisplayName("is the same for the same seed and shuffles differently for another")
    void seeded() {
        Split a = Split.shuffled(DataSets.spirals(300, 0.15, 42), 120, 7);
        Split b = Split.shuffled(DataSets.spirals(300, 0.15, 42), 120, 7);
        Split c = Split.shuffled(DataSets.spirals(300, 0.15, 42), 120, 8);
        assertAll(
                () -> assertEquals(a, b),
                () -> assertNotEquals(a.validation(), c.validation()),
                () -> assertTrue(!rowNumbers(Split.shuffled(numbered(), 5, 1).validation())
                        .equals(List.of(0, 1, 2, 3, 4)), "not simply the first rows"));
    }

    @Test
    @DisplayName("leaves the data set it splits unchanged")
    void notModified() {
        DataSet data = numbered();
        double[] before = data.x();
        Split.shuffled(data, 4, 3);
        assertEquals(Arrays.toString(before), Arrays.toString(data.x()));
    }

    @ParameterizedTest(name = "validationRows = {0}")
    @ValueSource(ints = {0, -1, 10, 11})
    @DisplayName("refuses a split that leaves a part empty, and says what it expected")
    void emptyPart(int validationRows) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Split.shuffled(numbered(), validationRows, 42));
        assertEquals("validationRows is " + validationRows + ": expected 1 to 9 for a data set of 10 rows"
                + " (both parts need a row)", e.getMessage());
    }

    @Test
    @DisplayName("refuses a missing data set")
    void nullData() {
        assertThrows(NullPointerException.class, () -> Split.shuffled(null, 1, 42));
    }
}
