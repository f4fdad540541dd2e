package workbook.grading;

import org.opentest4j.AssertionFailedError;

/**
 * The comparisons of the graded tests. Every tolerance is relative: a learner's sum taken in another
 * order differs from the reference in the 15th digit, and that is right.
 *
 * <p>{@code near(e, a, tol)} holds when {@code |a - e| <= tol · max(|e|, |a|)} or when
 * {@code |a - e| <= tol · scale} for a scale given by the whole array (its largest magnitude), so
 * that an element that should be 0 may come out as 1e-19. NaN is never near anything.
 *
 * <p>Every failure message says what was compared, the expected and the actual value, and the
 * inputs, so that a learner can reproduce it.
 */
public final class Check {

    /** The default relative tolerance of value comparisons. */
    public static final double TOLERANCE = 1e-9;

    private Check() {
    }

    /** @return true if {@code actual} is within {@code tolerance} of {@code expected}, relatively */
    public static boolean near(double expected, double actual, double tolerance) {
        return near(expected, actual, tolerance, 0);
    }

    /**
     * @return true if both arrays have the same length and every element is near, relative to the
     *     element or to the largest magnitude in {@code expected}
     */
    public static boolean near(double[] expected, double[] actual, double tolerance) {
        return firstDifference(expected, actual, tolerance) < 0 && expected.length == actual.length;
    }

    /**
     * Fails unless {@code actual} is within {@link #TOLERANCE} of {@code expected}.
     *
     * @param quantity what is compared, e.g. {@code "loss"}
     * @param inputs the inputs that produced it, shown in the message
     */
    public static void close(String quantity, double expected, double actual, String inputs) {
        close(quantity, expected, actual, TOLERANCE, inputs);
    }

    /** As {@link #close(String, double, double, String)} with a chosen relative tolerance. */
    public static void close(String quantity, double expected, double actual, double tolerance, String inputs) {
        if (!near(expected, actual, tolerance)) {
            throw new AssertionFailedError(quantity + ": expected " + Show.pair(expected, actual)
                    + relative(expected, actual) + "\n  inputs: " + inputs);
        }
    }

    /**
     * Fails unless both arrays have the same length and every element is near.
     *
     * @param quantity what is compared, e.g. {@code "dW1"}
     * @param inputs the inputs, shown in the message
     */
    public static void closeArrays(String quantity, double[] expected, double[] actual, String inputs) {
        closeArrays(quantity, expected, actual, TOLERANCE, inputs);
    }

    /** As {@link #closeArrays(String, double[], double[], String)} with a chosen tolerance. */
    public static void closeArrays(String quantity, double[] expected, double[] actual, double tolerance,
                                   String inputs) {
        String problem = describeDifference(quantity, expected, actual, tolerance);
        if (problem != null) {
            throw new AssertionFailedError(problem + "\n  inputs: " + inputs);
        }
    }

    /** Fails with {@code message} (and the inputs) unless {@code condition} holds. */
    public static void that(boolean condition, String message, String inputs) {
        if (!condition) {
            throw new AssertionFailedError(message + "\n  inputs: " + inputs);
        }
    }

    /**
     * @return null if the arrays are near, else one line naming the first differing element, its
     *     expected and actual values and how many elements differ
     */
    static String describeDifference(String quantity, double[] expected, double[] actual, double tolerance) {
        if (actual == null) {
            return quantity + ": expected " + expected.length + " values but got null";
        }
        if (expected.length != actual.length) {
            return quantity + ": expected " + expected.length + " values but got " + actual.length;
        }
        int first = firstDifference(expected, actual, tolerance);
        if (first < 0) {
            return null;
        }
        if (expected.length == 1) {
            return quantity + ": expected " + Show.pair(expected[0], actual[0]) + relative(expected[0], actual[0]);
        }
        double scale = maxAbs(expected);
        int differ = 0;
        for (int i = 0; i < expected.length; i++) {
            differ += near(expected[i], actual[i], tolerance, scale) ? 0 : 1;
        }
        return quantity + "[" + first + "]: expected " + Show.pair(expected[first], actual[first])
                + relative(expected[first], actual[first]) + "; " + differ + " of "
                + expected.length + " values differ\n  expected " + Show.array(expected) + "\n  got      "
                + Show.array(actual);
    }

    private static int firstDifference(double[] expected, double[] actual, double tolerance) {
        if (actual == null || expected.length != actual.length) {
            return 0;
        }
        double scale = maxAbs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (!near(expected[i], actual[i], tolerance, scale)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean near(double expected, double actual, double tolerance, double scale) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return false;
        }
        if (expected == actual) {
            return true; // also equal infinities
        }
        double diff = Math.abs(actual - expected);
        return diff <= tolerance * Math.max(Math.max(Math.abs(expected), Math.abs(actual)), scale);
    }

    private static double maxAbs(double[] values) {
        double m = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    private static String relative(double expected, double actual) {
        if (!Double.isFinite(expected) || !Double.isFinite(actual) || expected == 0) {
            return "";
        }
        double ratio = actual / expected;
        String r = " (relative error " + Show.num(Math.abs(actual - expected) / Math.abs(expected));
        if (Math.abs(ratio) >= 1.5 || (ratio != 0 && Math.abs(ratio) <= 0.67)) {
            r += ", actual/expected = " + Show.num(ratio);
        }
        return r + ")";
    }
}
