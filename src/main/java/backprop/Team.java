package backprop;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The calling thread and its helper threads, sharing the independent pieces of one step of a pass
 * (the columns of a layer, the tiles of a weight gradient). Opt-in, through
 * {@link Mlp#newWorkspace(int, int)}; the default workspace has no team and runs every loop on the
 * calling thread.
 *
 * <p><b>Same bits.</b> Each piece writes values that no other piece writes, computed in the same
 * order as on one thread, so the result does not depend on which thread took which piece.
 *
 * <p><b>Never waiting for a busy core.</b> The caller takes pieces too, one at a time from a shared
 * counter, until none is left. A helper that the operating system has not scheduled takes none, and
 * the caller does its share; the caller only ever waits for a piece a helper has started.
 *
 * <p><b>Between steps</b> a helper spins for up to {@link #SPIN_NANOS}, then parks. Helpers are
 * daemon threads; {@link #close()} stops them, and so does the garbage collector once the team's
 * workspace is unreachable.
 */
final class Team implements AutoCloseable {

    /** One step: {@code run(piece, thread)} for every piece; {@code thread} 0 is the caller. */
    interface Step {
        void run(int piece, int thread);
    }

    /** How long an idle helper spins before it parks: about the gap between two steps of a pass. */
    static final long SPIN_NANOS = 50_000;

    private static final Cleaner CLEANER = Cleaner.create();

    private final Crew crew;
    private final Cleaner.Cleanable cleanable;

    /**
     * @param threads the calling thread plus helpers, >= 2
     * @param owner the object whose unreachability stops the helpers (the workspace)
     */
    Team(int threads, Object owner) {
        crew = new Crew(threads);
        cleanable = CLEANER.register(owner, crew::stop);
    }

    /** @return the number of threads, the caller included */
    int threads() {
        return crew.helpers.length + 1;
    }

    /**
     * Runs every piece {@code 0 .. pieces - 1} of {@code step} exactly once, on this thread and the
     * helpers, and returns when all are done. Allocates nothing.
     *
     * @throws RuntimeException or Error thrown by a piece (on a helper too), after every piece ended
     */
    void run(Step step, int pieces) {
        crew.run(step, pieces);
    }

    @Override
    public void close() {
        cleanable.clean();
    }

    /** The state the helpers share; kept apart from {@link Team} so that they do not keep its owner reachable. */
    private static final class Crew {
        private static final int PIECE_BITS = 20;
        private static final long PIECE_MASK = (1L << PIECE_BITS) - 1;

        private final Thread[] helpers;
        private final AtomicInteger[] parked;
        /**
         * {@code round << 40 | pieces << 20 | next}, in one word so that a thread reads all three at
         * once: a piece can be taken only while its round has pieces left, and then the caller is
         * still in that round, so {@link #step} is that round's.
         */
        private final AtomicLong claim = new AtomicLong();
        private final AtomicInteger done = new AtomicInteger();
        private volatile Step step;
        private volatile Throwable failure;
        private volatile boolean stopped;
        private int round;
        private int lastPieces;

        Crew(int threads) {
            helpers = new Thread[threads - 1];
            parked = new AtomicInteger[threads - 1];
            for (int h = 0; h < helpers.length; h++) {
                int thread = h + 1;
                parked[h] = new AtomicInteger();
                helpers[h] = new Thread(() -> helperLoop(thread), "backprop-team-" + thread);
                helpers[h].setDaemon(true);
                helpers[h].start();
            }
        }

        private static long roundOf(long c) {
            return c >>> (2 * PIECE_BITS);
        }

        void run(Step newStep, int pieces) {
            if (pieces <= 0) {
                return;
            }
            if (pieces > PIECE_MASK) {
                throw new IllegalArgumentException("pieces is " + pieces + ": expected at most " + PIECE_MASK);
            }
            if (done.get() < lastPieces) {
                // The last round was abandoned (its caller was stopped mid-pass, e.g. by a notebook
                // kernel's stop): finish it, so that none of its pieces runs during this one.
                work(0);
                while (done.get() < lastPieces) {
                    Thread.onSpinWait();
                }
            }
            lastPieces = pieces;
            step = newStep;
            failure = null;
            done.set(0);
            round = (round + 1) & 0xFFFFFF;
            claim.set((long) round << (2 * PIECE_BITS) | (long) pieces << PIECE_BITS); // publishes the fields above
            for (int h = 0; h < helpers.length; h++) {
                if (parked[h].get() != 0) {
                    LockSupport.unpark(helpers[h]);
                }
            }
            work(0);
            while (done.get() < pieces) {
                Thread.onSpinWait();
            }
            step = null; // the step holds the workspace: do not keep it reachable from the helpers
            Throwable t = failure;
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            if (t instanceof Error) {
                throw (Error) t;
            }
        }

        /** Takes pieces of the current round until none is left. */
        private void work(int thread) {
            while (true) {
                long c = claim.get();
                long next = c & PIECE_MASK;
                if (next >= ((c >>> PIECE_BITS) & PIECE_MASK)) {
                    return;
                }
                if (!claim.compareAndSet(c, c + 1)) {
                    continue;
                }
                try {
                    step.run((int) next, thread);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    done.incrementAndGet();
                }
            }
        }

        private void helperLoop(int thread) {
            AtomicInteger myParked = parked[thread - 1];
            long seen = 0;
            while (!stopped) {
                long spinUntil = System.nanoTime() + SPIN_NANOS;
                long r;
                while ((r = roundOf(claim.get())) == seen && !stopped) {
                    if (System.nanoTime() - spinUntil > 0) {
                        myParked.set(1);
                        if (roundOf(claim.get()) == seen && !stopped) {
                            LockSupport.park(this);
                        }
                        myParked.set(0);
                        spinUntil = System.nanoTime() + SPIN_NANOS;
                    } else {
                        Thread.onSpinWait();
                    }
                }
                if (stopped) {
                    return;
                }
                seen = r;
                work(thread);
            }
        }

        void stop() {
            stopped = true;
            for (Thread h : helpers) {
                LockSupport.unpark(h);
            }
        }
    }
}
