package workbook.grading;

import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * A comparison that knows the classic wrong answers. The graded test computes the right value and,
 * beside it, what each classic mistake would produce (the library's planted bugs are a ready
 * source); when the learner's answer is wrong and matches one of them, the failure names that
 * mistake instead of only printing two numbers.
 *
 * <pre>
 *   Diagnosis.of("db1", expected, actual, inputs)
 *       .mistake(averagedTwice, "your db is N times too small: the bias gradient was averaged, "
 *               + "but δ already carries 1/N")
 *       .verify();
 * </pre>
 */
public final class Diagnosis {

    /** How close a wrong answer must be to a mistake's value to be recognised as that mistake. */
    public static final double MATCH_TOLERANCE = 1e-6;

    private record Mistake(double[] value, String explanation) {
    }

    private final String quantity;
    private final double[] expected;
    private final double[] actual;
    private final String inputs;
    private final double tolerance;
    private final List<Mistake> mistakes = new ArrayList<>();

    private Diagnosis(String quantity, double[] expected, double[] actual, double tolerance, String inputs) {
        this.quantity = quantity;
        this.expected = expected;
        this.actual = actual;
        this.tolerance = tolerance;
        this.inputs = inputs;
    }

    /** A diagnosis of an array result with the default tolerance {@link Check#TOLERANCE}. */
    public static Diagnosis of(String quantity, double[] expected, double[] actual, String inputs) {
        return new Diagnosis(quantity, expected, actual, Check.TOLERANCE, inputs);
    }

    /** A diagnosis of a scalar result with the default tolerance. */
    public static Diagnosis of(String quantity, double expected, double actual, String inputs) {
        return of(quantity, new double[] {expected}, new double[] {actual}, inputs);
    }

    /** @return this diagnosis with another relative tolerance for the right answer */
    public Diagnosis tolerance(double relative) {
        Diagnosis d = new Diagnosis(quantity, expected, actual, relative, inputs);
        d.mistakes.addAll(mistakes);
        return d;
    }

    /**
     * Adds a classic mistake: the value it would produce and one sentence that explains it.
     *
     * @return this
     */
    public Diagnosis mistake(double[] value, String explanation) {
        mistakes.add(new Mistake(value, explanation));
        return this;
    }

    /** Adds a classic mistake of a scalar result. */
    public Diagnosis mistake(double value, String explanation) {
        return mistake(new double[] {value}, explanation);
    }

    /**
     * Passes if the actual value is near the expected one; otherwise fails with the first matching
     * mistake's explanation, or with a plain expected-versus-actual message.
     */
    public void verify() {
        String difference = Check.describeDifference(quantity, expected, actual, tolerance);
        if (difference == null) {
            return;
        }
        List<String> matching = new ArrayList<>();
        for (Mistake m : mistakes) {
            boolean looksRight = Check.near(expected, m.value(), tolerance);
            if (!looksRight && actual != null && Check.near(m.value(), actual, MATCH_TOLERANCE)
                    && !matching.contains(m.explanation())) {
                matching.add(m.explanation());
            }
        }
        if (matching.size() == 1) {
            throw new MistakeFound(quantity + " is wrong: " + matching.get(0) + "\n  " + difference
                    + "\n  inputs: " + inputs);
        }
        if (matching.size() > 1) {
            // For these inputs several mistakes give the same numbers (N = 1, say): name them all.
            StringBuilder which = new StringBuilder(quantity + " is wrong, in one of " + matching.size()
                    + " ways that give the same numbers for these inputs:");
            for (String m : matching) {
                which.append("\n  - ").append(m);
            }
            throw new MistakeFound(which + "\n  " + difference + "\n  inputs: " + inputs);
        }
        throw new AssertionFailedError(difference + "\n  inputs: " + inputs);
    }
}
