/**
 * Machinery, not lesson: the grader of the workbook's exercises and the checks its graded tests use.
 *
 * <p>The graded tests ({@code src/graded/java}) call {@link workbook.grading.Check} and
 * {@link workbook.grading.Diagnosis}, so that a failure says what was expected, what came back, for
 * which inputs, and, when the answer matches a classic mistake, which one. {@link
 * workbook.grading.Grader} compiles each exercise on its own, runs its graded tests in a separate JVM
 * that a watchdog can stop, and returns a {@link workbook.grading.Scoreboard}; {@link
 * workbook.grading.GradeMain} is its command line. The lesson library ({@code backprop}) imports
 * nothing from here.
 */
package workbook.grading;
