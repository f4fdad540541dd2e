package workbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The build's proof that the exercises are sound: every graded test passes on the reference
 * solutions, every graded test fails on the untouched stubs (test by test), and both trees hold
 * the same files, each exercise with its README, its hints and a place in the editors' Maven
 * profile.
 *
 * @param problems what is wrong, one line each (empty when sound)
 * @param solutions the scoreboard of {@code solutions/}
 * @param stubs the scoreboard of the stubs
 */
public record Verification(List<String> problems, Scoreboard solutions, Scoreboard stubs) {

    /** @return true if nothing is wrong */
    public boolean ok() {
        return problems.isEmpty();
    }

    /**
     * Grades both trees and compares.
     *
     * @throws InterruptedException if interrupted
     */
    public static Verification run(Grader grader, Path solutionsTree, Path stubsTree) throws InterruptedException {
        List<String> problems = new ArrayList<>();
        problems.addAll(layout(grader, solutionsTree, stubsTree));
        Scoreboard solutions = grader.grade(solutionsTree, List.of(), n -> "");
        Scoreboard stubs = grader.grade(stubsTree, List.of(), n -> "");
        for (ExerciseResult r : solutions.results()) {
            String name = r.exercise().name();
            r.compileErrors().forEach(e -> problems.add("solutions: " + name + " does not compile: " + e));
            for (TestOutcome t : r.tests()) {
                if (!t.passed()) {
                    problems.add("solutions: " + name + " › " + t.name() + " fails on the reference solution: "
                            + firstLine(t.message()));
                }
                if (t.passed() && t.limitSeconds() > 0 && t.seconds() > t.limitSeconds() / 2) {
                    problems.add("solutions: " + name + " › " + t.name() + " took " + Show.num(t.seconds())
                            + " s of its " + Show.num(t.limitSeconds()) + " s limit: on a busy machine it would time "
                            + "out; give it a @Timeout of its own or make it lighter");
                }
                if (t.task() == 0) {
                    problems.add("tests: " + name + " › " + t.name() + " has no @Tag(\"task:N\")");
                }
            }
            if (r.compileErrors().isEmpty() && r.tests().isEmpty()) {
                problems.add("solutions: " + name + " has no graded tests");
            }
        }
        for (ExerciseResult r : stubs.results()) {
            String name = r.exercise().name();
            r.compileErrors().forEach(e -> problems.add("stubs: " + name + " does not compile: " + e));
            for (TestOutcome t : r.tests()) {
                if (t.passed()) {
                    problems.add("stubs: " + name + " › " + t.name() + " PASSES on the untouched stub: it cannot "
                            + "tell an unwritten exercise from a solved one");
                }
            }
            if (r.compileErrors().isEmpty() && r.status() != ExerciseStatus.NOT_STARTED) {
                problems.add("stubs: " + name + " reads as '" + r.status().label() + "', expected 'not started'");
            }
        }
        Set<String> solved = names(solutions);
        Set<String> stubbed = names(stubs);
        if (!solved.equals(stubbed)) {
            Set<String> onlySolved = new TreeSet<>(solved);
            onlySolved.removeAll(stubbed);
            Set<String> onlyStubbed = new TreeSet<>(stubbed);
            onlyStubbed.removeAll(solved);
            problems.add("the two trees ran different tests: only on solutions " + onlySolved + ", only on stubs "
                    + onlyStubbed);
        }
        return new Verification(problems, solutions, stubs);
    }

    /** @return a summary: what was proved, or each problem */
    public String report() {
        StringBuilder s = new StringBuilder();
        long tests = solutions.results().stream().mapToLong(r -> r.tests().size()).sum();
        s.append(String.format(Locale.ROOT, "exercises: %d exercises, %d graded tests%n", solutions.results().size(),
                tests));
        s.append(String.format(Locale.ROOT, "  solutions/: %d of %d exercises pass%n", solutions.passedExercises(),
                solutions.results().size()));
        long stubFailures = stubs.results().stream().flatMap(r -> r.tests().stream()).filter(t -> !t.passed()).count();
        long stubTests = stubs.results().stream().mapToLong(r -> r.tests().size()).sum();
        s.append(String.format(Locale.ROOT, "  %s: %d of %d tests fail on the untouched stubs%n", stubs.tree(),
                stubFailures, stubTests));
        solutions.results().stream().flatMap(r -> r.tests().stream().map(t -> Map.entry(r.exercise().name(), t)))
                .max(Comparator.comparingDouble(e -> e.getValue().seconds() / Math.max(1e-9, e.getValue().limitSeconds())))
                .ifPresent(e -> s.append(String.format(Locale.ROOT, "  slowest against its limit: %s › %s, %.1f s of %.0f s%n",
                        e.getKey(), e.getValue().name(), e.getValue().seconds(), e.getValue().limitSeconds())));
        if (ok()) {
            s.append("  every graded test passes on the solutions and fails on the stubs\n");
        } else {
            s.append(String.format(Locale.ROOT, "  %d problem%s:%n", problems.size(), problems.size() == 1 ? "" : "s"));
            problems.forEach(p -> s.append("  - ").append(p).append('\n'));
        }
        return s.toString();
    }

    private static Set<String> names(Scoreboard board) {
        return board.results().stream().flatMap(r -> r.tests().stream().map(t -> r.exercise().name() + " › " + t.name()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> layout(Grader grader, Path solutionsTree, Path stubsTree) {
        List<String> problems = new ArrayList<>();
        List<Exercise> stubs = grader.exercises(stubsTree);
        List<Exercise> solutions = grader.exercises(solutionsTree);
        Set<String> stubNames = stubs.stream().map(Exercise::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> solutionNames = solutions.stream().map(Exercise::name).collect(Collectors.toCollection(TreeSet::new));
        if (!stubNames.equals(solutionNames)) {
            problems.add("layout: exercises " + stubNames + " but solutions " + solutionNames);
        }
        String pom = read(grader.root().resolve("pom.xml"));
        for (Exercise e : stubs) {
            Path folder = e.sourceRoot().getParent();
            if (!Files.isRegularFile(folder.resolve("README.md"))) {
                problems.add("layout: " + e.name() + " has no README.md");
            }
            if (Hints.of(e).size() < 2) {
                problems.add("layout: " + e.name() + " has " + Hints.of(e).size() + " hints in hints.md, expected "
                        + "at least 2 sections headed '## Hint N'");
            }
            if (!pom.contains("<source>${graded.tree}/" + e.name() + "/src</source>")) {
                problems.add("layout: pom.xml's exercises profile does not list " + e.name()
                        + " (editors would not see it)");
            }
            solutions.stream().filter(s -> s.name().equals(e.name())).findFirst().ifPresent(s -> {
                Set<String> a = relative(e);
                Set<String> b = relative(s);
                if (!a.equals(b)) {
                    problems.add("layout: " + e.name() + " has sources " + a + " in the stubs but " + b
                            + " in the solutions");
                }
            });
        }
        return problems;
    }

    private static Set<String> relative(Exercise e) {
        return e.sources().stream().map(p -> e.sourceRoot().relativize(p).toString().replace('\\', '/'))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
