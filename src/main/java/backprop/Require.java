package backprop;

/**
 * Argument checks shared by the library's public methods. Each throws an
 * {@link IllegalArgumentException} whose message names the argument, the offending value or both
 * sizes, and what was expected; none of them modifies anything.
 */
public final class Require {

    private Require() {
    }

    /**
     * Requires {@code value} to be a finite number greater than zero.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static double positiveFinite(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(
                    name + " is " + value + ": expected a positive finite number");
        }
        return value;
    }

    /**
     * Requires {@code value >= 0} and finite.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static double nonNegativeFinite(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(
                    name + " is " + value + ": expected a finite number >= 0");
        }
        return value;
    }

    /**
     * Requires {@code value >= min}.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " is " + value + ": expected at least " + min);
        }
        return value;
    }

    /**
     * Requires every element to be finite (no NaN, no infinity).
     *
     * @throws IllegalArgumentException naming the first bad index and value
     */
    public static void allFinite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] is " + values[i] + ": expected a finite number");
            }
        }
    }

    /**
     * Requires every element to lie in [0, 1] (which also excludes NaN).
     *
     * @throws IllegalArgumentException naming the first bad index and value
     */
    public static void allInUnitInterval(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0.0 && values[i] <= 1.0)) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] is " + values[i] + ": expected a value in [0, 1]");
            }
        }
    }

    /**
     * Requires a scalar in [0, 1].
     *
     * @throws IllegalArgumentException otherwise
     */
    public static double inUnitInterval(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " is " + value + ": expected a value in [0, 1]");
        }
        return value;
    }

    /**
     * Requires two arrays to have the same length.
     *
     * @throws IllegalArgumentException naming both lengths
     */
    public static void sameLength(String nameA, double[] a, String nameB, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    nameA + " has " + a.length + " values but " + nameB + " has " + b.length
                            + ": expected the same number");
        }
    }

    /**
     * Requires a non-empty array.
     *
     * @throws IllegalArgumentException if it is empty
     */
    public static void nonEmpty(String name, double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException(name + " is empty: expected at least one value");
        }
    }
}
