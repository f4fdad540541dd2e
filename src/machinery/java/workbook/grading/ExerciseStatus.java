package workbook.grading;

/** Where an exercise stands, as the scoreboard says it. */
public enum ExerciseStatus {
    /** Every graded test passes. */
    PASSED("passed"),
    /** At least one test fails; the scoreboard shows the first failing check. */
    FAILING("failing"),
    /** Every test fails because the stubs are still in place. */
    NOT_STARTED("not started"),
    /** The exercise's sources (or its tests, against them) do not compile. */
    DOES_NOT_COMPILE("does not compile"),
    /** A test ran past its time limit. */
    TIMED_OUT("timed out");

    private final String label;

    ExerciseStatus(String label) {
        this.label = label;
    }

    /** @return the words the scoreboard uses, e.g. {@code "not started"} */
    public String label() {
        return label;
    }
}
