package workbook.grading;

/**
 * One error reported by the compiler.
 *
 * @param file the file, relative to the workbook's root where possible
 * @param line its line (0 if unknown)
 * @param message the compiler's message
 */
public record CompileError(String file, long line, String message) {

    /** @return {@code file:line: message}, the form editors and terminals link */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
