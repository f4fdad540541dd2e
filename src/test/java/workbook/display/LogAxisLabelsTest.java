package workbook.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Log-axis labels of the static image")
class LogAxisLabelsTest {

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource({"1e-7, 1e-7", "0.001, 0.001", "0.1, 0.1", "1, 1", "10000, 10000", "1e5, 1e5", "1e12, 1e12"})
    @DisplayName("use one format: plain decimals from 0.001 to 10000, 1eN beyond")
    void format(double value, String expected) {
        assertEquals(expected, LogAxisLabels.label(value, 1, false));
    }

    @Test
    @DisplayName("over 230 decades on a 320-pixel axis, label every 21st decade so that labels cannot touch")
    void thinned() {
        Function<Double, String> labels = LogAxisLabels.forRange(new double[] {1e-8, 1e222}, 320);
        int shown = 0;
        for (int e = -8; e <= 222; e++) {
            shown += labels.apply(Math.pow(10, e)).isEmpty() ? 0 : 1;
        }
        assertTrue(shown <= 320 / LogAxisLabels.PIXELS_PER_LABEL, "labels shown: " + shown);
        assertTrue(shown >= 5, "labels shown: " + shown);
        assertEquals("1", labels.apply(1.0), "1 = 10^0 is always labelled");
    }

    @Test
    @DisplayName("on an axis of two decades or less, also label 2 and 5 times each power of ten")
    void narrow() {
        double[] range = {0.018, 0.2};
        assertTrue(LogAxisLabels.isNarrow(range));
        Function<Double, String> labels = LogAxisLabels.forRange(range, 320);
        assertEquals("0.02", labels.apply(0.02));
        assertEquals("0.05", labels.apply(0.05));
        assertEquals("0.1", labels.apply(0.1));
        assertEquals("", labels.apply(0.03));
        assertFalse(LogAxisLabels.isNarrow(new double[] {1e-7, 0.1}));
        assertEquals("", LogAxisLabels.forRange(new double[] {1e-7, 0.1}, 320).apply(0.05));
    }
}
