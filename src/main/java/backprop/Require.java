package backprop;

import java.util.Locale;

/**
 * Argument checks shared by the library's public methods. Each throws an exception whose message
 * names the argument, the offending value or both sizes, and what was expected; none of them
 * modifies anything.
 *
 * <p><b>The rules.</b> A null argument gives a {@link NullPointerException} that names the public
 * argument ({@code "x is null: expected ..."}), Java's convention; every other bad value gives an
 * {@link IllegalArgumentException}. Sizes are checked before anything is allocated: an array
 * longer than Java allows, or arrays that need more memory than this JVM's heap may ever hold,
 * are refused with the sizes and the memory they would need.
 */
public final class Require {

    /** The longest array every JVM can allocate ({@code Integer.MAX_VALUE - 8}). */
    public static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private Require() {
    }

    /**
     * Requires a non-null argument.
     *
     * @param name the argument's name as the caller sees it, e.g. {@code "x"}
     * @param value the argument
     * @param expected what a good argument is, e.g. {@code "N × 2 inputs"}
     * @return value
     * @throws NullPointerException {@code "<name> is null: expected <expected>"}
     */
    public static <T> T nonNull(String name, T value, String expected) {
        if (value == null) {
            throw new NullPointerException(name + " is null: expected " + expected);
        }
        return value;
    }

    /**
     * Requires that {@code length} values of {@code what} fit in one Java array.
     *
     * @param what what the array holds, with the sizes that call for it, e.g.
     *     {@code "W2 of layer sizes [2, 100000, 100000, 1]"}
     * @param length the number of values, computed without overflow
     * @return length as an int
     * @throws IllegalArgumentException if it exceeds {@link #MAX_ARRAY_LENGTH}
     */
    public static int arrayLength(String what, long length) {
        if (length > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException(what + " needs " + count(length) + " values ("
                    + bytes(8 * length) + "): expected at most " + count(MAX_ARRAY_LENGTH)
                    + " values, the most a Java array holds");
        }
        return (int) length;
    }

    /**
     * Requires that {@code bytes} could ever fit in this JVM's heap ({@code Runtime.maxMemory()},
     * set by {@code -Xmx}). Memory that is merely in use now is not counted against it: a garbage
     * collection may free it.
     *
     * @param what what is to be allocated, with the sizes that call for it
     * @param bytes the memory it needs
     * @throws IllegalArgumentException if it is more than the heap's maximum
     */
    public static void memory(String what, long bytes) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > max) {
            throw new IllegalArgumentException(what + " needs " + bytes(bytes)
                    + " but this JVM's heap holds at most " + bytes(max)
                    + ": expected smaller sizes (or a larger -Xmx)");
        }
    }

    /** @return e.g. {@code 10,000,000,000} */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** @return e.g. {@code 80.0 GB} (decimal units) */
    public static String bytes(long n) {
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", n / 1e3);
        }
        return n < 1_000_000_000 ? String.format(Locale.ROOT, "%.1f MB", n / 1e6)
                : String.format(Locale.ROOT, "%.1f GB", n / 1e9);
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
     * @throws NullPointerException if values is null
     */
    public static void allFinite(String name, double[] values) {
        nonNull(name, values, "an array of finite numbers");
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
     * @throws NullPointerException if values is null
     */
    public static void allInUnitInterval(String name, double[] values) {
        nonNull(name, values, "an array of values in [0, 1]");
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
        nonNull(nameA, a, "an array of numbers");
        nonNull(nameB, b, "an array of numbers");
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
        nonNull(name, values, "an array of numbers");
        if (values.length == 0) {
            throw new IllegalArgumentException(name + " is empty: expected at least one value");
        }
    }
}
