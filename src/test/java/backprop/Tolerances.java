package backprop;

/** Named tolerances shared by the tests. */
public final class Tolerances {

    /** Lesson values are printed to 4 decimals. */
    public static final double LESSON_PRINTED = 5e-5;

    /** Two computations of the same double that differ only in the order of operations. */
    public static final double ROUNDING = 1e-12;

    /** Centred finite difference with h = 1e-5, as a relative error. */
    public static final double FINITE_DIFFERENCE = 1e-6;

    private Tolerances() {
    }
}
