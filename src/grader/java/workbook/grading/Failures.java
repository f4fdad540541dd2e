package workbook.grading;

import java.util.concurrent.TimeoutException;

/** What a learner needs from a failed test's exception: its message and where in their code it came from. */
final class Failures {

    /** The package prefix of the exercises' sources. */
    static final String EXERCISE_PACKAGE = "exercises.";

    private Failures() {
    }

    /** @return true if {@code t} is the {@link UnsupportedOperationException} of an untouched stub */
    static boolean isStub(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnsupportedOperationException) {
                StackTraceElement[] trace = c.getStackTrace();
                return trace.length > 0 && trace[0].getClassName().startsWith(EXERCISE_PACKAGE);
            }
        }
        return false;
    }

    /**
     * An assertion's own message; for any other exception its class, message and the first line of
     * the learner's code it passed through. Never a stack trace.
     */
    static String message(Throwable t) {
        if (t == null) {
            return "";
        }
        if (t instanceof AssertionError) {
            String m = t.getMessage();
            return m == null ? "assertion failed" : m;
        }
        if (t instanceof TimeoutException) {
            return "timed out: " + t.getMessage() + " (an infinite loop, or far too much work?)";
        }
        String m = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        StackTraceElement where = learnerFrame(t);
        return where == null ? m : m + "\n  at " + where;
    }

    private static StackTraceElement learnerFrame(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith(EXERCISE_PACKAGE) && !e.getClassName().endsWith("Test")
                    && !e.getClassName().contains("Test$")) {
                return e;
            }
        }
        return null;
    }
}
