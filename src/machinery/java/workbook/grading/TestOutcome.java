package workbook.grading;

/**
 * The result of one graded test.
 *
 * @param id JUnit's unique id
 * @param name the display names from the test class down, joined with " › "
 * @param task the task it grades (its {@code task:N} tag), 0 if none
 * @param status {@code pass}, {@code fail} or {@code error}, as exercism's results use them
 * @param message what went wrong, "" when it passed
 * @param output what the test printed, trimmed
 * @param stub true if it failed because the exercise's stub is still in place
 * @param timedOut true if it did not finish within its time limit
 * @param named true if its failure names a classic mistake (see {@link Diagnosis})
 * @param seconds how long it ran (0 if unknown)
 * @param limitSeconds its time limit
 */
public record TestOutcome(String id, String name, int task, String status, String message, String output,
                          boolean stub, boolean timedOut, boolean named,
                          double seconds, double limitSeconds) {

    /** @return true if the test passed */
    public boolean passed() {
        return "pass".equals(status);
    }
}
