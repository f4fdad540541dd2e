package workbook.grading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Grading from a notebook cell: {@code Grade.exercise("04-backprop-mlp")} shows the same scoreboard
 * as {@code ./workbook grade 04-backprop-mlp}, and {@code Grade.hint("04-backprop-mlp")} the next
 * hint. The workbook is found from {@code WORKBOOK_ROOT} (set by the workbook's kernel) or by
 * walking up from the working directory.
 */
public final class Grade {

    private Grade() {
    }

    /**
     * Grades the named exercises of {@code exercises/} (all of them when none is named).
     *
     * @return the scoreboard; a cell shows it as text
     * @throws IllegalStateException if interrupted (the test JVM is stopped) or the workbook is not built
     */
    public static Scoreboard exercise(String... names) {
        Grader grader = Grader.forBuiltWorkbook(root());
        try {
            Scoreboard board = grader.grade(grader.root().resolve("exercises"), List.of(names),
                    n -> "Grade.hint(\"" + n + "\")");
            ResultsJson.write(board, grader.work().resolve("results.json"));
            return board;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grading interrupted: the test JVM was stopped, nothing was graded");
        }
    }

    /** @return the scoreboard of every exercise */
    public static Scoreboard all() {
        return exercise();
    }

    /** @return the next hint of an exercise */
    public static String hint(String name) {
        Grader grader = Grader.forBuiltWorkbook(root());
        Exercise e = Exercise.select(grader.exercises(grader.root().resolve("exercises")), List.of(name)).get(0);
        return new Hints(grader.work().resolve("hints.properties")).reveal(e);
    }

    /**
     * @return the workbook's root
     * @throws IllegalStateException if it cannot be found
     */
    static Path root() {
        String env = System.getenv("WORKBOOK_ROOT");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("exercises")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the workbook (no exercises/ and pom.xml above "
                + Path.of("").toAbsolutePath() + "): set WORKBOOK_ROOT");
    }
}
