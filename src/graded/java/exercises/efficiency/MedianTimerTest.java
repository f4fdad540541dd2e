package exercises.efficiency;

import static org.junit.jupiter.api.Assertions.assertThrows;

import backprop.timing.Measurement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import workbook.grading.Check;
import workbook.grading.Diagnosis;

/**
 * Every test runs on a simulated machine, never on wall time: each call of the work advances a
 * fake clock by a scripted duration, so the right median is known exactly.
 */
@DisplayName("Task 2 · timing with warm-ups, repetitions and the median (on a scripted clock)")
@Tag("task:2")
class MedianTimerTest {

    private static final String MEAN =
            "you returned the mean: one slow call moves it a lot, so sort the times and take the middle";
    private static final String WARMUPS_TIMED =
            "the warm-up calls were timed too: their times must not count, they measure the JVM before the JIT compiled the code";
    private static final String TOTAL =
            "you returned the total time of all repetitions, not the median time of one call";
    private static final String UPPER =
            "for an even count you took the upper middle time: the median is the mean of the two middle times";
    private static final String LOWER =
            "for an even count you took the lower middle time: the median is the mean of the two middle times";
    private static final String INTEGER =
            "the mean of the two middle times was taken in integer arithmetic: divide by 2.0, not 2";
    private static final String UNSORTED =
            "the times were not sorted before the middle was taken";

    /**
     * A machine whose clock only moves when the work runs: call k (warm-ups included) takes
     * {@code durations[k]} nanoseconds. Reading the clock costs nothing.
     */
    private static final class Machine {
        private final long[] durations;
        private long now = 1_000_000_000_000L; // nanoTime's origin is arbitrary
        private int calls;
        final Runnable work = this::call;
        final Clock clock = () -> now;

        Machine(long[] durations) {
            this.durations = durations;
        }

        private void call() {
            now += calls < durations.length ? durations[calls] : 1;
            calls++;
        }
    }

    private static long[] concat(long[] a, long[] b) {
        long[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static String inputs(long[] warmupNanos, long[] timedNanos) {
        return "warmups = " + warmupNanos.length + " calls taking " + Arrays.toString(warmupNanos)
                + " ns, repetitions = " + timedNanos.length + " calls taking " + Arrays.toString(timedNanos) + " ns";
    }

    private static double median(long[] nanos) {
        return new Measurement("reference", nanos).medianNanos();
    }

    private static double mean(long[] nanos) {
        double sum = 0;
        for (long n : nanos) {
            sum += n;
        }
        return sum / nanos.length;
    }

    /** Runs the learner's timer on a scripted machine and names the classic mistakes. */
    private static void verify(long[] warmupNanos, long[] timedNanos) {
        Machine machine = new Machine(concat(warmupNanos, timedNanos));
        int warmups = warmupNanos.length;
        int repetitions = timedNanos.length;
        String inputs = inputs(warmupNanos, timedNanos);
        double actual = MedianTimer.medianNanos(machine.work, warmups, repetitions, machine.clock);
        Check.that(machine.calls == warmups + repetitions, "work ran " + machine.calls
                + " times: expected warmups + repetitions = " + (warmups + repetitions), inputs);

        long[] sorted = timedNanos.clone();
        Arrays.sort(sorted);
        int middle = repetitions / 2;
        long total = 0;
        for (long n : timedNanos) {
            total += n;
        }
        List<double[]> values = new ArrayList<>();
        List<String> explanations = new ArrayList<>();
        candidate(values, explanations, mean(timedNanos), MEAN);
        candidate(values, explanations, median(concat(warmupNanos, timedNanos)), WARMUPS_TIMED);
        candidate(values, explanations, mean(concat(warmupNanos, timedNanos)), WARMUPS_TIMED);
        candidate(values, explanations, median(firstIncludesWarmups(warmupNanos, timedNanos)), WARMUPS_TIMED);
        candidate(values, explanations, total, TOTAL);
        if (repetitions % 2 == 0) {
            candidate(values, explanations, sorted[middle], UPPER);
            candidate(values, explanations, sorted[middle - 1], LOWER);
            candidate(values, explanations, (sorted[middle - 1] + sorted[middle]) / 2, INTEGER);
            candidate(values, explanations, (timedNanos[middle - 1] + timedNanos[middle]) / 2.0, UNSORTED);
        } else {
            candidate(values, explanations, timedNanos[middle], UNSORTED);
        }
        Diagnosis d = Diagnosis.of("median time per call (ns)", median(timedNanos), actual, inputs);
        for (int i = 0; i < values.size(); i++) {
            boolean ambiguous = false;
            for (int k = 0; k < values.size(); k++) {
                ambiguous |= values.get(k)[0] == values.get(i)[0] && !explanations.get(k).equals(explanations.get(i));
            }
            if (!ambiguous) {
                d.mistake(values.get(i), explanations.get(i));
            }
        }
        d.verify();
    }

    /** Collects one classic mistake's value; a value that two different mistakes give names neither. */
    private static void candidate(List<double[]> values, List<String> explanations, double value, String explanation) {
        values.add(new double[] {value});
        explanations.add(explanation);
    }

    /** The times seen by a timer that reads the clock once before the warm-ups: its first time holds them all. */
    private static long[] firstIncludesWarmups(long[] warmupNanos, long[] timedNanos) {
        long[] times = timedNanos.clone();
        for (long w : warmupNanos) {
            times[0] += w;
        }
        return times;
    }

    /**
     * Slow warm-ups (before the JIT), then quick calls with now and then a slow one (a busy
     * machine). Even repetition counts get even warm-up counts, so that the median of all calls
     * (the warm-up mistake) is a mean of two and cannot pass for the upper middle time.
     */
    private static long[][] script(int warmups, int repetitions, long seed) {
        Random random = new Random(seed);
        long[] warm = new long[warmups];
        for (int i = 0; i < warmups; i++) {
            warm[i] = 40_000 + random.nextInt(20_000);
        }
        long[] timed = new long[repetitions];
        for (int r = 0; r < repetitions; r++) {
            timed[r] = 1_000 + random.nextInt(1_000);
            if (random.nextInt(4) == 0) {
                timed[r] += 10_000 + random.nextInt(50_000);
            }
        }
        return new long[][] {warm, timed};
    }

    @ParameterizedTest(name = "warmups = {0}, repetitions = {1}, seed {2}")
    @DisplayName("returns the median of the timed calls")
    @CsvSource({
        "0,  1,  1",
        "3,  5,  2",
        "10, 7,  3",
        "6,  4,  4",
        "2,  10, 5",
        "20, 9,  6",
        "2,  30, 7",
    })
    void median(int warmups, int repetitions, long seed) {
        long[][] s = script(warmups, repetitions, seed);
        verify(s[0], s[1]);
    }

    @Test
    @DisplayName("an odd count: the middle one of the sorted times")
    void oddCount() {
        verify(new long[] {30_000, 20_000}, new long[] {1_300, 900, 5_000, 1_000, 1_100});
        verify(new long[] {}, new long[] {2_500, 700, 1_900});
        verify(new long[] {8_000}, new long[] {1_234});
    }

    @Test
    @DisplayName("an even count: the mean of the two middle times, not the upper or lower one")
    void evenCount() {
        verify(new long[] {30_000, 40_000}, new long[] {1_200, 50_000, 1_001, 1_004, 999, 1_009});
        verify(new long[] {}, new long[] {700, 1_501});
        verify(new long[] {9_000, 7_000}, new long[] {3_001, 2_000, 900, 1_000});
    }

    @Test
    @DisplayName("warm-up calls are not timed: their times do not count")
    void warmupsNotTimed() {
        verify(new long[] {90_000, 80_000, 70_000, 60_000, 50_000}, new long[] {1_000, 1_100, 1_200});
        verify(new long[] {500_000, 400_000, 300_000, 200_000}, new long[] {2_000, 2_400, 2_100, 2_200});
        verify(new long[] {70_000, 60_000, 50_000, 40_000, 30_000, 20_000, 10_000}, new long[] {900});
    }

    @ParameterizedTest(name = "warmups = {0}, repetitions = {1}")
    @DisplayName("runs the work warmups + repetitions times")
    @CsvSource({
        "0,   1",
        "7,   3",
        "100, 20",
        "1,   50",
    })
    void callCount(int warmups, int repetitions) {
        Machine machine = new Machine(new long[0]);
        MedianTimer.medianNanos(machine.work, warmups, repetitions, machine.clock);
        String inputs = "warmups = " + warmups + ", repetitions = " + repetitions;
        if (machine.calls == repetitions && warmups > 0) {
            Check.that(false, "work ran " + machine.calls + " times: the " + warmups
                    + " warm-up calls are missing; run them first, untimed", inputs);
        }
        Check.that(machine.calls == warmups + repetitions, "work ran " + machine.calls
                + " times: expected warmups + repetitions = " + (warmups + repetitions), inputs);
    }

    @ParameterizedTest(name = "warmups = {0}, repetitions = {1}")
    @DisplayName("rejects bad arguments with a message that names them, before calling the work")
    @CsvSource({
        "0,  0,  repetitions",
        "3,  -1, repetitions",
        "-1, 5,  warmups",
        "-5, 1,  warmups",
    })
    void badArguments(int warmups, int repetitions, String named) {
        Machine machine = new Machine(new long[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MedianTimer.medianNanos(machine.work, warmups, repetitions, machine.clock),
                "expected an IllegalArgumentException for warmups = " + warmups + ", repetitions = " + repetitions);
        String inputs = "warmups = " + warmups + ", repetitions = " + repetitions;
        Check.that(e.getMessage() != null && e.getMessage().contains(named),
                "the message should name " + named + ", but it was: " + e.getMessage(), inputs);
        Check.that(machine.calls == 0, "work ran " + machine.calls
                + " times before the bad argument was rejected: check the arguments first", inputs);
    }
}
