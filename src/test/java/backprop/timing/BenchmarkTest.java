package backprop.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("Timing")
class BenchmarkTest {

    @Test
    @Timeout(10)
    @DisplayName("calls the work warm-up + repetitions × calls times and keeps one sample per repetition")
    void counts() {
        AtomicInteger calls = new AtomicInteger();
        Measurement m = new Benchmark(5, 7, 3).time("count", calls::incrementAndGet);
        assertEquals(5 + 7 * 3, calls.get());
        assertEquals(7, m.repetitions());
    }

    @Test
    @Timeout(10)
    @DisplayName("measures a sleep of 2 ms as at least 2 ms per call")
    void measuresSleep() {
        Measurement m = new Benchmark(0, 3, 2).time("sleep", () -> {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(m.medianMillis() >= 2.0, m.toString());
    }

    @Test
    @DisplayName("takes the median of an odd count, and the mean of the middle two of an even count")
    void median() {
        assertEquals(30, new Measurement("odd", new long[] {50, 10, 30}).medianNanos());
        assertEquals(25, new Measurement("even", new long[] {40, 10, 30, 20}).medianNanos());
    }

    @Test
    @DisplayName("rejects zero repetitions")
    void rejects() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Benchmark(0, 0, 1));
        assertEquals("repetitions is 0: expected at least 1", e.getMessage());
    }
}
