package backprop.check;

/**
 * The threshold ladder of a gradient check, applied to the largest relative error
 * {@code |a - n| / max(|a|, |n|)} between analytic and numerical gradients. The rungs follow the
 * practice of the CS231n notes for centred differences in double precision.
 */
public enum Verdict {

    /** Below 1e-7: analytic and numerical gradients agree to the precision the check can see. */
    PASS(1e-7, "agree to the precision of the check"),

    /** Below 1e-4: agreement, with the noise a ReLU kink or a tiny gradient can cause. */
    PASS_WITH_KINKS(1e-4, "agree; small differences are typical near ReLU kinks"),

    /** Below 1e-2: suspicious; a bug in a rarely used path, or a kink crossed by the step. */
    SUSPICIOUS(1e-2, "suspicious: look for a bug, or probe again with a smaller step"),

    /** 1e-2 or more: the analytic gradient is wrong. */
    FAIL(Double.POSITIVE_INFINITY, "the analytic gradient is wrong");

    private final double below;
    private final String meaning;

    Verdict(double below, String meaning) {
        this.below = below;
        this.meaning = meaning;
    }

    /** @return the relative error this rung stays below */
    public double below() {
        return below;
    }

    /** @return one sentence saying what the verdict means */
    public String meaning() {
        return meaning;
    }

    /** @return true for {@link #PASS} and {@link #PASS_WITH_KINKS} */
    public boolean passed() {
        return this == PASS || this == PASS_WITH_KINKS;
    }

    /**
     * The rung a relative error falls on.
     *
     * @param relativeError a relative error >= 0; NaN counts as {@link #FAIL}
     * @return the verdict
     */
    public static Verdict of(double relativeError) {
        for (Verdict v : values()) {
            if (relativeError < v.below) {
                return v;
            }
        }
        return FAIL;
    }
}
