package exercises.efficiency;

import java.util.Arrays;

/**
 * Times a piece of work the honest way on the JVM (notebook 08, "How to time Java code honestly"):
 * warm-up calls first, untimed, so that the JIT has compiled the code; then several calls, each
 * timed on its own; then the median of those times, which one slow call cannot move much.
 */
public final class MedianTimer {

    private MedianTimer() {
    }

    /**
     * Calls {@code work} {@code warmups} times without timing it, then {@code repetitions} times,
     * reading {@code clock} just before and just after each of these calls; the call's time is
     * {@code after − before}. Returns the median of the {@code repetitions} times: the middle one
     * of the sorted times for an odd count, the mean of the two middle ones for an even count.
     *
     * <p>Example: times {@code 1300, 900, 5000, 1100} sort to {@code 900, 1100, 1300, 5000}, and
     * the median is {@code (1100 + 1300) / 2 = 1200}.
     *
     * @param work the work to time; called {@code warmups + repetitions} times
     * @param warmups the untimed calls made first, at least 0
     * @param repetitions the timed calls, at least 1
     * @param clock where time is read; read only around the timed calls
     * @return the median time of one call, in nanoseconds
     * @throws IllegalArgumentException naming {@code warmups} or {@code repetitions} if it is out of
     *     range; then work is never called
     */
    public static double medianNanos(Runnable work, int warmups, int repetitions, Clock clock) {
        throw new UnsupportedOperationException("Task 2: check the arguments, run the warm-ups untimed, time each repetition with the clock and return the median time");
    }
}
