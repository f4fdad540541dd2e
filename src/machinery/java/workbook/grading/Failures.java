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
        // An exception in a static initialiser arrives wrapped (ExceptionInInitializerError, then
        // NoClassDefFoundError on later use): show the innermost cause, where the mistake is.
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = describe(t);
        if (root != t) {
            m += "\n  caused by " + describe(root);
        }
        StackTraceElement where = learnerFrame(root);
        if (where == null) {
            where = learnerFrame(t);
        }
        if (where == null && t instanceof NoClassDefFoundError && t.getMessage() != null
                && t.getMessage().contains("Could not initialize class")) {
            m += "\n  (its static initialiser threw an exception when it first ran: see the first test that used it)";
        }
        return where == null ? m : m + "\n  at " + where;
    }

    private static String describe(Throwable t) {
        return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
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
