package exercises.efficiency;

/**
 * A source of time in nanoseconds, like {@link System#nanoTime()}: only the difference between
 * two readings means anything. The timer reads time through this interface so that a test can
 * hand it a scripted clock instead of the real one.
 */
@FunctionalInterface
public interface Clock {

    /** @return the current reading, in nanoseconds from an arbitrary origin */
    long nanoTime();

    /** @return the real clock, {@link System#nanoTime()} */
    static Clock system() {
        return System::nanoTime;
    }
}
