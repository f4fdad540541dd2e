package workbook.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The machine-readable results, in the shape of exercism's test-runner interface, version 3: a
 * top-level {@code status} ({@code pass}, {@code fail}, or {@code error} when no test could run;
 * compile errors are listed in {@code message}) and a {@code tests} array whose entries carry
 * {@code name}, {@code status}, {@code message}, {@code output} and {@code task_id}. Each test also
 * carries its {@code exercise} and {@code notebook}; an {@code exercises} array gives each
 * exercise's status as the scoreboard words it.
 */
public final class ResultsJson {

    private ResultsJson() {
    }

    /** @return the results as a JSON tree */
    public static ObjectNode of(Scoreboard board) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("version", 3);
        boolean compileError = board.results().stream().anyMatch(r -> r.status() == ExerciseStatus.DOES_NOT_COMPILE);
        boolean anyTestRan = board.results().stream().anyMatch(r -> !r.tests().isEmpty());
        // As in exercism's interface: "error" when no test could run, "fail" when some test failed
        // (an exercise that did not compile counts as failing then, its errors in "message").
        root.put("status", board.allPassed() ? "pass" : compileError && !anyTestRan ? "error" : "fail");
        StringBuilder message = new StringBuilder();
        ArrayNode tests = root.putArray("tests");
        ArrayNode exercises = json.createArrayNode();
        for (ExerciseResult r : board.results()) {
            ObjectNode e = exercises.addObject();
            e.put("name", r.exercise().name());
            e.put("notebook", r.exercise().notebook());
            e.put("status", r.status().label());
            e.put("passed", r.passedCount());
            e.put("tests", r.tests().size());
            ArrayNode errors = e.putArray("compile_errors");
            for (CompileError c : r.compileErrors()) {
                errors.addObject().put("file", c.file()).put("line", c.line()).put("message", c.message());
                message.append(r.exercise().name()).append(": ").append(c).append('\n');
            }
            // By task, then in the order the tests ran.
            List<TestOutcome> ordered = new ArrayList<>(r.tests());
            ordered.sort(Comparator.comparingInt(t -> t.task() == 0 ? Integer.MAX_VALUE : t.task()));
            for (TestOutcome t : ordered) {
                ObjectNode n = tests.addObject();
                n.put("name", t.name());
                n.put("status", t.status());
                if (t.passed()) {
                    n.putNull("message");
                } else {
                    n.put("message", t.stub() ? "not written yet: " + t.message() : t.message());
                }
                if (t.output().isEmpty()) {
                    n.putNull("output");
                } else {
                    n.put("output", t.output());
                }
                n.put("task_id", t.task());
                n.put("exercise", r.exercise().name());
                n.put("notebook", r.exercise().notebook());
            }
        }
        if (message.length() > 0) {
            root.put("message", message.toString().trim());
        } else {
            root.putNull("message");
        }
        root.set("exercises", exercises);
        return root;
    }

    /** Writes the results to {@code file}, creating its folder. */
    public static void write(Scoreboard board, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), of(board));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
