package workbook.grading;

import org.opentest4j.AssertionFailedError;

/**
 * A failure that names a classic mistake ({@link Diagnosis}). The scoreboard shows such a failure
 * before one that can only say "expected this, got that".
 */
final class MistakeFound extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    MistakeFound(String message) {
        super(message);
    }
}
