package workbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * An exercise's hints, revealed one at a time. They are the sections of its {@code hints.md}, each
 * starting with a line {@code ## Hint N}; how many a learner has seen is kept in a small file
 * under {@code target/grade/}.
 */
public final class Hints {

    private final Path state;

    /** @param state the file that remembers how many hints of each exercise were shown */
    public Hints(Path state) {
        this.state = state;
    }

    /** @return the hints of an exercise, in order (empty if it has none) */
    public static List<String> of(Exercise exercise) {
        List<String> hints = new ArrayList<>();
        if (!Files.isRegularFile(exercise.hints())) {
            return hints;
        }
        StringBuilder current = null;
        try {
            for (String line : Files.readAllLines(exercise.hints(), StandardCharsets.UTF_8)) {
                if (line.matches("## Hint \\d+.*")) {
                    if (current != null) {
                        hints.add(current.toString().trim());
                    }
                    current = new StringBuilder();
                } else if (current != null) {
                    current.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (current != null) {
            hints.add(current.toString().trim());
        }
        return hints;
    }

    /** @return how many hints of this exercise have been shown */
    public int shown(Exercise exercise) {
        return Integer.parseInt(load().getProperty(exercise.name(), "0"));
    }

    /**
     * Reveals the next hint (or the last again, once all are shown).
     *
     * @return the text to show, headed "Hint k of n"
     */
    public String reveal(Exercise exercise) {
        List<String> hints = of(exercise);
        if (hints.isEmpty()) {
            return exercise.name() + " has no hints: read its README.md.";
        }
        int k = Math.min(shown(exercise) + 1, hints.size());
        Properties p = load();
        p.setProperty(exercise.name(), Integer.toString(k));
        save(p);
        String head = "Hint " + k + " of " + hints.size() + " for " + exercise.name()
                + (k == hints.size() ? " (the last)" : "");
        return head + "\n\n" + hints.get(k - 1);
    }

    private Properties load() {
        Properties p = new Properties();
        if (Files.isRegularFile(state)) {
            try (var in = Files.newBufferedReader(state, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    private void save(Properties p) {
        try {
            Files.createDirectories(state.getParent());
            try (var out = Files.newBufferedWriter(state, StandardCharsets.UTF_8)) {
                p.store(out, "hints shown per exercise (./workbook hint NAME)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
