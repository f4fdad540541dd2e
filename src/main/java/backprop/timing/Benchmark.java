package backprop.timing;

import backprop.InterruptedRunException;
import backprop.Require;

/**
 * Times a piece of work the way the efficiency lesson needs: first warm-up calls, so the JIT
 * compiles the hot loops before anything is measured, then several repetitions of a batch of calls,
 * each repetition timed on its own. Report the median: a single run on a shared machine measures the
 * machine as much as the code.
 */
public final class Benchmark {

    private final int warmupCalls;
    private final int repetitions;
    private final int callsPerRepetition;

    /**
     * @param warmupCalls calls made before timing, >= 0
     * @param repetitions timed repetitions, >= 1
     * @param callsPerRepetition calls per repetition, >= 1 (the time per call is the repetition's
     *     time divided by this)
     * @throws IllegalArgumentException if an argument is out of range, or the repetitions' times
     *     would not fit in the heap
     */
    public Benchmark(int warmupCalls, int repetitions, int callsPerRepetition) {
        this.warmupCalls = Require.atLeast("warmupCalls", warmupCalls, 0);
        this.repetitions = Require.atLeast("repetitions", repetitions, 1);
        this.callsPerRepetition = Require.atLeast("callsPerRepetition", callsPerRepetition, 1);
        Require.arrayLength("the times of " + repetitions + " repetitions", repetitions);
        Require.memory("the times of " + repetitions + " repetitions", 8L * repetitions);
    }

    /**
     * Warms up, then times the work.
     *
     * @param label what is timed
     * @param work the work; called {@code warmupCalls + repetitions × callsPerRepetition} times
     * @return the per-call times of each repetition
     * @throws InterruptedRunException if the thread is interrupted (checked before each warm-up call
     *     and each repetition)
     * @throws NullPointerException if label or work is null
     */
    public Measurement time(String label, Runnable work) {
        Require.nonNull("label", label, "what is timed, e.g. \"forward, batch 100\"");
        Require.nonNull("work", work, "the work to time, e.g. () -> mlp.forward(x, ws)");
        for (int i = 0; i < warmupCalls; i++) {
            if (InterruptedRunException.interrupted()) {
                throw interrupted(label, "warm-up call " + (i + 1) + " of " + warmupCalls);
            }
            work.run();
        }
        long[] nanos = new long[repetitions];
        for (int r = 0; r < repetitions; r++) {
            if (InterruptedRunException.interrupted()) {
                throw interrupted(label, "repetition " + (r + 1) + " of " + repetitions);
            }
            long start = System.nanoTime();
            for (int c = 0; c < callsPerRepetition; c++) {
                work.run();
            }
            nanos[r] = (System.nanoTime() - start) / callsPerRepetition;
        }
        return new Measurement(label, nanos);
    }

    private static InterruptedRunException interrupted(String label, String where) {
        return new InterruptedRunException("timing of " + label + " interrupted before " + where);
    }
}
