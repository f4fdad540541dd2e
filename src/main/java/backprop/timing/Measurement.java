package backprop.timing;

import backprop.Require;
import java.util.Arrays;

/**
 * Repeated timings of one piece of work, in nanoseconds per call, sorted ascending.
 *
 * @param label what was timed
 * @param nanos the sorted per-call times of each repetition
 */
public record Measurement(String label, long[] nanos) {

    /** Copies and sorts the samples. */
    public Measurement {
        Require.nonNull("label", label, "what was timed");
        Require.nonNull("nanos", nanos, "at least one timing in nanoseconds");
        if (nanos.length == 0) {
            throw new IllegalArgumentException("nanos is empty: expected at least one timing");
        }
        nanos = nanos.clone();
        Arrays.sort(nanos);
    }

    /** @return a copy of the sorted samples */
    @Override
    public long[] nanos() {
        return nanos.clone();
    }

    /** @return the median per-call time in nanoseconds (the mean of the middle two for an even count) */
    public double medianNanos() {
        int n = nanos.length;
        return n % 2 == 1 ? nanos[n / 2] : (nanos[n / 2 - 1] + nanos[n / 2]) / 2.0;
    }

    /** @return the median in milliseconds */
    public double medianMillis() {
        return medianNanos() / 1e6;
    }

    /** @return the fastest repetition in nanoseconds */
    public long minNanos() {
        return nanos[0];
    }

    /** @return the slowest repetition in nanoseconds */
    public long maxNanos() {
        return nanos[nanos.length - 1];
    }

    /** @return the number of repetitions */
    public int repetitions() {
        return nanos.length;
    }

    @Override
    public String toString() {
        return String.format("%s: median %.4f ms over %d repetitions (min %.4f, max %.4f)", label, medianMillis(),
                nanos.length, minNanos() / 1e6, maxNanos() / 1e6);
    }
}
