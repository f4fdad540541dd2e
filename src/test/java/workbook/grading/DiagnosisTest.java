package workbook.grading;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The messages a learner reads when a graded comparison fails. */
@DisplayName("Graded comparisons")
class DiagnosisTest {

    static final double[] RIGHT = {0.5, -1, 2};
    static final double[] TWICE = {1, -2, 4};
    static final double[] NEGATED = {-0.5, 1, -2};

    @Nested
    @DisplayName("Diagnosis")
    class Diagnoses {

        @Test
        @DisplayName("passes a right answer that differs in the 15th digit")
        void rightAnswer() {
            double[] almost = {0.5 * (1 + 1e-14), -1, 2};
            assertDoesNotThrow(() -> Diagnosis.of("db", RIGHT, almost, "N = 2").mistake(TWICE, "doubled").verify());
        }

        @Test
        @DisplayName("names the one mistake the answer matches, with expected, actual and inputs")
        void oneMistake() {
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Diagnosis.of("db", RIGHT, NEGATED,
                    "N = 2").mistake(TWICE, "doubled").mistake(NEGATED, "the sign is flipped").verify());
            assertEquals("db is wrong: the sign is flipped\n  db[0]: expected 0.5 but got -0.5 (relative error 2); "
                    + "3 of 3 values differ\n  expected [0.5, -1, 2]\n  got      [-0.5, 1, -2]"
                    + "\n  inputs: N = 2", e.getMessage());
            assertTrue(e instanceof MistakeFound, "the scoreboard puts a named mistake first");
        }

        @Test
        @DisplayName("names every mistake that gives the same numbers for these inputs, instead of guessing")
        void severalMistakes() {
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Diagnosis.of("δ", RIGHT, TWICE,
                    "N = 1").mistake(TWICE, "the 1/N is missing").mistake(TWICE.clone(), "divided by N only")
                    .verify());
            assertTrue(e.getMessage().startsWith("δ is wrong, in one of 2 ways that give the same numbers for these "
                    + "inputs:\n  - the 1/N is missing\n  - divided by N only\n"), e.getMessage());
        }

        @Test
        @DisplayName("a mistake that gives the right numbers here is never blamed")
        void harmlessMistake() {
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Diagnosis.of("db", RIGHT, TWICE,
                    "N = 1").mistake(RIGHT.clone(), "averaged (the same as summing when N = 1)").verify());
            assertTrue(e.getMessage().startsWith("db[0]: expected 0.5 but got 1"), e.getMessage());
        }
    }

    @Nested
    @DisplayName("Check")
    class Checks {

        @Test
        @DisplayName("shows every digit when six would make two different numbers look the same")
        void digits() {
            AssertionFailedError e = assertThrows(AssertionFailedError.class,
                    () -> Check.close("L", 0.9416090000001, 0.94160901, "float"));
            assertTrue(e.getMessage().startsWith("L: expected 0.9416090000001 but got 0.94160901 (relative error"),
                    e.getMessage());
        }

        @Test
        @DisplayName("NaN is never close, even to NaN")
        void nan() {
            assertThrows(AssertionFailedError.class, () -> Check.close("L", Double.NaN, Double.NaN, "-"));
            assertThrows(AssertionFailedError.class, () -> Check.closeArrays("g", new double[] {1},
                    new double[] {Double.NaN}, "-"));
        }

        @Test
        @DisplayName("an element that should be 0 may be 1e-19 when the array's scale is 1")
        void scale() {
            assertDoesNotThrow(() -> Check.closeArrays("g", new double[] {1, 0}, new double[] {1, 1e-19}, "-"));
            assertThrows(AssertionFailedError.class,
                    () -> Check.closeArrays("g", new double[] {1, 0}, new double[] {1, 1e-6}, "-"));
        }
    }
}
