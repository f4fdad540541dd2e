package workbook.grading;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one exercise (its sources and its graded tests, nothing else) with the JDK's compiler,
 * in this JVM, so that one exercise's syntax error never stops another from being graded.
 */
final class ExerciseCompiler {

    private final JavaCompiler javac;
    private final String classpath;
    private final Path root;

    /**
     * @param classpath the library's classpath (its classes, JUnit, the grading checks)
     * @param root the workbook's root, to shorten file names in messages
     * @throws IllegalStateException if this JVM has no compiler (a JRE, not a JDK)
     */
    ExerciseCompiler(String classpath, Path root) {
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java (" + System.getProperty("java.home") + ") has no compiler: "
                    + "grading needs a JDK 17 or newer, not a JRE");
        }
        this.classpath = classpath;
        this.root = root;
    }

    /**
     * Compiles the exercise into {@code out} (emptied first).
     *
     * @return the errors; empty when it compiled
     */
    List<CompileError> compile(Exercise exercise, Path out) {
        try {
            deleteTree(out);
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> files = new ArrayList<>(exercise.sources());
        files.addAll(exercise.tests());
        if (exercise.sources().isEmpty()) {
            return List.of(new CompileError(root.relativize(exercise.sourceRoot()).toString(), 0,
                    "no .java files found"));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", out.toString(), "-cp", classpath, "-encoding", "UTF-8",
                    "-proc:none", "-implicit:none", "-nowarn", "-Xlint:none", "-g", "-Xmaxerrs", "20");
            StringWriter stray = new StringWriter();
            boolean ok = javac.getTask(stray, fm, diagnostics, options, null,
                    fm.getJavaFileObjectsFromPaths(files)).call();
            List<CompileError> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(new CompileError(fileName(d), d.getLineNumber(), d.getMessage(Locale.ROOT)));
                }
            }
            if (!ok && errors.isEmpty()) {
                errors.add(new CompileError(root.relativize(exercise.sourceRoot()).toString(), 0,
                        stray.toString().isBlank() ? "the compiler failed" : stray.toString().trim()));
            }
            return errors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String fileName(Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() == null) {
            return "(compiler)";
        }
        Path p = Path.of(d.getSource().toUri());
        return p.startsWith(root) ? root.relativize(p).toString() : p.toString();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
