package workbook.grading;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The graded results of a run, and their one-screen summary: a line per exercise with its status,
 * under it the first failing check and a pointer to the next hint, then the total. No build log, no
 * stack trace.
 *
 * @param tree the tree that was graded, as the learner knows it (e.g. {@code exercises/})
 * @param results one result per exercise, in lesson order
 * @param hintsShown for each result, how many of its hints the learner has seen
 * @param seconds how long grading took, wall time
 * @param hintCommand how the learner asks for a hint here, given an exercise's name
 */
public record Scoreboard(String tree, List<ExerciseResult> results, List<Integer> hintsShown,
                         double seconds, Function<String, String> hintCommand) {

    private static final int MESSAGE_LINES = 8;

    /** @return the number of exercises that passed */
    public long passedExercises() {
        return results.stream().filter(r -> r.status() == ExerciseStatus.PASSED).count();
    }

    /** @return true if every exercise passed */
    public boolean allPassed() {
        return passedExercises() == results.size();
    }

    /** @return the scoreboard as text */
    public String render() {
        StringBuilder s = new StringBuilder();
        s.append("Exercises graded from ").append(tree).append(String.format(Locale.ROOT, " (%.1f s)%n%n", seconds));
        int width = results.stream().mapToInt(r -> r.exercise().name().length()).max().orElse(10);
        long tests = 0;
        long passed = 0;
        for (int i = 0; i < results.size(); i++) {
            ExerciseResult r = results.get(i);
            ExerciseStatus status = r.status();
            tests += r.tests().size();
            passed += r.passedCount();
            s.append(String.format(Locale.ROOT, "  %-" + width + "s  %-16s", r.exercise().name(), status.label()));
            if (status != ExerciseStatus.DOES_NOT_COMPILE) {
                s.append(String.format(Locale.ROOT, " %2d/%d tests", r.passedCount(), r.tests().size()));
            }
            s.append('\n');
            detail(s, r, hintsShown.get(i));
        }
        s.append(String.format(Locale.ROOT, "%n  %d of %d exercises passed · %d of %d tests%n", passedExercises(),
                results.size(), passed, tests));
        return s.toString();
    }

    private void detail(StringBuilder s, ExerciseResult r, int shown) {
        String indent = "      ";
        switch (r.status()) {
            case PASSED -> { }
            case NOT_STARTED -> {
                // Every test stops at a stub: the exercise is untouched, or what is written calls a
                // method still to write. Either way, say which one comes next.
                s.append(indent).append("start with exercises/").append(r.exercise().name()).append("/README.md\n");
                r.firstProblem().map(t -> stubSentence(t.message())).filter(m -> !m.isEmpty())
                        .ifPresent(m -> appendLines(s, indent, "next to write: " + m, 2));
            }
            case DOES_NOT_COMPILE -> {
                List<CompileError> errors = r.compileErrors();
                for (CompileError e : errors.subList(0, Math.min(3, errors.size()))) {
                    appendLines(s, indent, e.toString(), 3);
                }
                if (errors.size() > 3) {
                    s.append(indent).append("… and ").append(errors.size() - 3).append(" more errors\n");
                }
                if (errors.stream().anyMatch(e -> e.file().replace('\\', '/').startsWith("src/graded/"))) {
                    s.append(indent).append("the graded tests call your classes as the stubs declared them: keep every "
                            + "public name and signature as it was\n");
                }
            }
            case FAILING, TIMED_OUT -> {
                r.firstProblem().ifPresent(t -> {
                    String head = headline(t);
                    appendLines(s, indent, head, 2);
                    String message = t.stub() ? "not written yet: " + t.message() : t.message();
                    appendLines(s, indent + "  ", message, MESSAGE_LINES);
                    if (!t.output().isEmpty()) {
                        appendLines(s, indent + "  ", "printed: " + t.output().strip(), 3);
                    }
                });
                int total = Hints.of(r.exercise()).size();
                if (total > 0 && shown < total) {
                    s.append(indent).append("next hint (").append(shown + 1).append(" of ").append(total)
                            .append("): ").append(hintCommand.apply(r.exercise().name())).append('\n');
                }
            }
            default -> throw new IllegalStateException(r.status().toString());
        }
    }

    /**
     * The failing test as the scoreboard names it: its display names without the test class's
     * (the exercise's line already says which exercise), led by its task unless a name says it.
     */
    static String headline(TestOutcome t) {
        String name = t.name();
        int first = name.indexOf(" › ");
        if (first >= 0) {
            name = name.substring(first + " › ".length());
        }
        String task = "Task " + t.task();
        return t.task() > 0 && !name.startsWith(task) ? task + " · " + name : name;
    }

    /** The sentence of a stub's exception, without its class name and location. */
    static String stubSentence(String message) {
        String first = message.strip().split("\\R")[0];
        String marker = "UnsupportedOperationException: ";
        int at = first.indexOf(marker);
        return at < 0 ? first : first.substring(at + marker.length());
    }

    private static void appendLines(StringBuilder s, String indent, String text, int max) {
        String[] lines = text.strip().split("\\R");
        for (int i = 0; i < Math.min(max, lines.length); i++) {
            String line = lines[i];
            if (line.length() > 160) {
                line = line.substring(0, 157) + "…";
            }
            s.append(indent).append(line).append('\n');
        }
        if (lines.length > max) {
            s.append(indent).append("…\n");
        }
    }

    @Override
    public String toString() {
        return render();
    }
}
