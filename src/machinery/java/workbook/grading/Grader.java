package workbook.grading;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Grades exercises: each one is compiled on its own (a compile error is that exercise's result and
 * nothing more), and its graded tests run in a separate JVM with a time limit per test
 * ({@link GradedRun}). Returns data; {@link GradeMain} and {@link Grade} show it.
 */
public final class Grader {

    /** The time limit of a graded test without a {@code @Timeout} of its own, in seconds. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 5;

    private final Path root;
    private final String classpath;
    private final Path work;
    private final int timeoutSeconds;
    private final int parallelism;

    /**
     * @param root the workbook's root (holds {@code exercises/}, {@code solutions/}, {@code src/graded/java})
     * @param classpath the library's classes and every jar the graded tests need
     * @param work where compiled exercises, journals and results go
     * @param timeoutSeconds the default time limit per test, >= 1
     */
    public Grader(Path root, String classpath, Path work, int timeoutSeconds) {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("timeoutSeconds is " + timeoutSeconds + ": expected at least 1");
        }
        this.root = root.toAbsolutePath().normalize();
        this.classpath = classpath;
        this.work = work.toAbsolutePath().normalize();
        this.timeoutSeconds = timeoutSeconds;
        // Two exercises at a time on two or more cores: a test JVM spends much of its life starting.
        this.parallelism = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * A grader for a built workbook: the classpath is {@code target/classes} and every jar in
     * {@code target/grader-lib}, work goes to {@code target/grade}.
     *
     * @throws IllegalStateException if the workbook has not been built
     */
    public static Grader forBuiltWorkbook(Path root) {
        Path target = root.toAbsolutePath().normalize().resolve("target");
        return new Grader(root, builtClasspath(root), target.resolve("grade"), DEFAULT_TIMEOUT_SECONDS);
    }

    /**
     * The classpath of a built workbook: {@code target/classes} and every jar in
     * {@code target/grader-lib}.
     *
     * @throws IllegalStateException if the workbook has not been built
     */
    public static String builtClasspath(Path root) {
        Path target = root.toAbsolutePath().normalize().resolve("target");
        Path lib = target.resolve("grader-lib");
        if (!Files.isDirectory(target.resolve("classes")) || !Files.isDirectory(lib)) {
            throw new IllegalStateException("the workbook is not built (no target/classes or target/grader-lib "
                    + "under " + root + "): run ./workbook build first");
        }
        List<String> entries = new ArrayList<>();
        entries.add(target.resolve("classes").toString());
        try (Stream<Path> jars = Files.list(lib)) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> entries.add(p.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(File.pathSeparator, entries);
    }

    /** @return the workbook's root */
    public Path root() {
        return root;
    }

    /** @return the folder where results go */
    public Path work() {
        return work;
    }

    /** @return the exercises of a tree, in lesson order */
    public List<Exercise> exercises(Path tree) {
        return Exercise.discover(tree, root.resolve("src/graded/java"), root.resolve("exercises"));
    }

    /**
     * Grades the named exercises of a tree (all of them when no name is given).
     *
     * @param tree {@code exercises/}, {@code solutions/} or another tree of the same shape
     * @param names names as a learner types them ({@code 04}, {@code 04-backprop-mlp}, {@code mlp})
     * @param hintCommand how to ask for a hint here, given an exercise's name
     * @return the scoreboard
     * @throws IllegalArgumentException if a name matches no exercise
     * @throws InterruptedException if interrupted; the running test JVMs are stopped first
     */
    public Scoreboard grade(Path tree, List<String> names, Function<String, String> hintCommand)
            throws InterruptedException {
        List<Exercise> chosen = Exercise.select(exercises(tree), names);
        Path treeWork = work.resolve(tree.getFileName().toString());
        ExerciseCompiler compiler = new ExerciseCompiler(classpath, root);
        GradedRun runner = new GradedRun(classpath, timeoutSeconds);
        Hints hints = new Hints(work.resolve("hints.properties"));
        long start = System.nanoTime();
        List<Future<ExerciseResult>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, chosen.size())));
        try {
            for (Exercise e : chosen) {
                futures.add(pool.submit(() -> grade(e, treeWork.resolve(e.name()), compiler, runner)));
            }
            List<ExerciseResult> results = new ArrayList<>();
            List<Integer> shown = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) {
                results.add(resultOf(futures.get(i)));
                shown.add(hints.shown(chosen.get(i)));
            }
            String shownTree = tree.startsWith(root) ? root.relativize(tree) + "/" : tree.toString();
            return new Scoreboard(shownTree, results, shown, (System.nanoTime() - start) / 1e9, hintCommand);
        } finally {
            pool.shutdownNow(); // on interrupt: each running test JVM is killed by its GradedRun
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private static ExerciseResult resultOf(Future<ExerciseResult> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof InterruptedException i) {
                throw i;
            }
            throw new IllegalStateException(cause);
        }
    }

    private ExerciseResult grade(Exercise e, Path dir, ExerciseCompiler compiler, GradedRun runner)
            throws InterruptedException {
        long start = System.nanoTime();
        Path classes = dir.resolve("classes");
        List<CompileError> errors = compiler.compile(e, classes);
        if (!errors.isEmpty()) {
            return new ExerciseResult(e, errors, List.of(), (System.nanoTime() - start) / 1e9);
        }
        if (e.testClasses().isEmpty()) {
            return new ExerciseResult(e, List.of(new CompileError("src/graded/java", 0,
                    "no graded tests found for " + e.name())), List.of(), (System.nanoTime() - start) / 1e9);
        }
        List<TestOutcome> outcomes = runner.run(classes, e.testClasses(), dir);
        return new ExerciseResult(e, List.of(), outcomes, (System.nanoTime() - start) / 1e9);
    }

    /** @return the compiled classes of an exercise of a tree, after it was graded */
    public Path compiledClasses(Path tree, String exercise) {
        return work.resolve(tree.getFileName().toString()).resolve(exercise).resolve("classes");
    }
}
