package backprop.train;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.Activation;
import backprop.Initialisation;
import backprop.Mlp;
import backprop.data.DataSet;
import backprop.data.DataSets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Small things a reliability review found: what a learner reads must be readable. */
@DisplayName("Readable results")
class FoundOnTheWayTest {

    @ParameterizedTest(name = "loss {0}")
    @CsvSource({"1.3e299, 1.300e+299", "0.0174, 0.0174", "123456.7, 123456.7000", "2.5e6, 2.500e+06"})
    @DisplayName("a history's summary writes a huge loss with an exponent, an ordinary one with four decimals")
    void historySummary(double loss, String shown) {
        History h = new History("SGD(η=0.1)", 1);
        h.add(0, loss, 0.5);
        assertEquals("History[SGD(η=0.1), 0 epochs, final loss " + shown + ", accuracy 50.0%]", h.toString());
    }

    @Test
    @DisplayName("a null argument of train is named (NullPointerException, the library's rule), never printed as [D@...")
    void nullArgument() {
        Mlp mlp = Mlp.create(new int[] {2, 3, 1}, Activation.RELU, Initialisation.HE, 1);
        DataSet data = DataSets.circle(10, 1);
        assertAll(
                () -> assertEquals("optimizer is null: expected e.g. new Sgd(0.1)", assertThrows(
                        NullPointerException.class, () -> Trainer.train(mlp, data, null,
                                TrainingOptions.fullBatch(1))).getMessage()),
                () -> assertEquals("data is null: expected a DataSet, e.g. DataSets.circle(500, 42)", assertThrows(
                        NullPointerException.class, () -> Trainer.accuracy(mlp, null)).getMessage()));
    }

    @Test
    @DisplayName("two data sets with the same values are equal, and say what they are")
    void dataSetEquality() {
        DataSet a = DataSets.circle(50, 3);
        DataSet b = DataSets.circle(50, 3);
        DataSet c = DataSets.circle(50, 4);
        assertAll(
                () -> assertEquals(a, b),
                () -> assertEquals(a.hashCode(), b.hashCode()),
                () -> assertNotEquals(a, c),
                () -> assertTrue(a.toString().matches("DataSet\\[.*, 50 rows × 2 features, \\d+ positive]"),
                        a.toString()));
    }
}
