package workbook.grading;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The graded result of one exercise.
 *
 * @param exercise the exercise
 * @param compileErrors the compiler's errors (empty if it compiled)
 * @param tests the outcome of each graded test, in the order they ran (empty if it did not compile)
 * @param seconds how long compiling and testing took
 */
public record ExerciseResult(Exercise exercise, List<CompileError> compileErrors, List<TestOutcome> tests,
                             double seconds) {

    /** @return where the exercise stands */
    public ExerciseStatus status() {
        if (!compileErrors.isEmpty()) {
            return ExerciseStatus.DOES_NOT_COMPILE;
        }
        if (tests.stream().anyMatch(TestOutcome::timedOut)) {
            return ExerciseStatus.TIMED_OUT;
        }
        if (!tests.isEmpty() && tests.stream().allMatch(TestOutcome::passed)) {
            return ExerciseStatus.PASSED;
        }
        if (!tests.isEmpty() && tests.stream().allMatch(TestOutcome::stub)) {
            return ExerciseStatus.NOT_STARTED;
        }
        return ExerciseStatus.FAILING;
    }

    /** @return the number of tests that passed */
    public long passedCount() {
        return tests.stream().filter(TestOutcome::passed).count();
    }

    /**
     * The check to look at first: a test that timed out, else the first failure in the learner's
     * own code (by task; within a task, one that names a classic mistake before one that can only
     * compare numbers; then in the order run), else the first stub still to write.
     */
    public Optional<TestOutcome> firstProblem() {
        Comparator<TestOutcome> byTask = Comparator.<TestOutcome>comparingInt(
                t -> t.task() == 0 ? Integer.MAX_VALUE : t.task()).thenComparing(t -> !t.named());
        Optional<TestOutcome> timedOut = tests.stream().filter(TestOutcome::timedOut).findFirst();
        if (timedOut.isPresent()) {
            return timedOut;
        }
        Optional<TestOutcome> real = tests.stream().filter(t -> !t.passed() && !t.stub()).min(byTask);
        return real.isPresent() ? real : tests.stream().filter(t -> !t.passed()).min(byTask);
    }
}
