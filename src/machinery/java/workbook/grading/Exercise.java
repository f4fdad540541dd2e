package workbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One exercise of a tree ({@code exercises/} or {@code solutions/}): its folder, named after its
 * notebook, the learner's sources under {@code src/}, and the graded tests of the same packages
 * under {@code src/graded/java}.
 *
 * @param name the folder's name, e.g. {@code 04-backprop-mlp}; also the notebook's name
 * @param title the first heading of its README, or the name
 * @param sourceRoot {@code <tree>/<name>/src}
 * @param sources the {@code .java} files under the source root
 * @param tests the graded test files of the exercise's packages
 * @param testClasses their class names
 * @param hints the exercise's {@code hints.md} in {@code exercises/} (may not exist)
 */
public record Exercise(String name, String title, Path sourceRoot, List<Path> sources, List<Path> tests,
                       List<String> testClasses, Path hints) {

    /** @return the notebook this exercise belongs to, e.g. {@code notebooks/04-backprop-mlp.ipynb} */
    public String notebook() {
        return "notebooks/" + name + ".ipynb";
    }

    /**
     * Every exercise of a tree, in lesson order (folders whose name starts with two digits).
     *
     * @param tree the tree's folder
     * @param graded the graded tests' source root
     * @param hintsTree the folder whose {@code <name>/hints.md} holds the hints (the exercises tree)
     * @throws IllegalArgumentException if the tree is not a folder
     */
    public static List<Exercise> discover(Path tree, Path graded, Path hintsTree) {
        if (!Files.isDirectory(tree)) {
            throw new IllegalArgumentException("no exercises folder at " + tree);
        }
        List<Exercise> all = new ArrayList<>();
        try (Stream<Path> folders = Files.list(tree)) {
            for (Path folder : folders.sorted().toList()) {
                String name = folder.getFileName().toString();
                if (Files.isDirectory(folder) && name.matches("\\d\\d-.+")) {
                    all.add(load(folder, graded, hintsTree.resolve(name).resolve("hints.md")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /**
     * The exercises a learner named: a full name ({@code 04-backprop-mlp}), its number ({@code 04}
     * or {@code 4}) or a word of it ({@code mlp}).
     *
     * @throws IllegalArgumentException naming the unknown name and listing the known ones
     */
    public static List<Exercise> select(List<Exercise> all, List<String> names) {
        if (names.isEmpty()) {
            return all;
        }
        List<Exercise> chosen = new ArrayList<>();
        for (String wanted : names) {
            List<Exercise> matches = all.stream().filter(e -> e.matches(wanted)).toList();
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("no exercise called '" + wanted + "': expected one of "
                        + all.stream().map(Exercise::name).toList());
            }
            if (matches.size() > 1) {
                throw new IllegalArgumentException("'" + wanted + "' could be any of "
                        + matches.stream().map(Exercise::name).toList() + ": say which, e.g. by its number");
            }
            if (!chosen.contains(matches.get(0))) {
                chosen.add(matches.get(0));
            }
        }
        return chosen;
    }

    /**
     * @return true if a learner's word names this exercise: its folder's name, its number, a word of
     *     its name or the last part of one of its packages
     */
    boolean matches(String wanted) {
        String w = wanted.toLowerCase(Locale.ROOT).replace('\\', '/').replaceAll("/+$", "");
        w = w.substring(w.lastIndexOf('/') + 1);
        if (name.equals(w)) {
            return true;
        }
        if (w.matches("\\d{1,2}")) {
            return Integer.parseInt(w) == Integer.parseInt(name.substring(0, 2));
        }
        String words = name.substring(3);
        if (List.of(words.split("-")).contains(w) || words.equals(w)) {
            return true;
        }
        for (Path source : sources) {
            Path pkg = sourceRoot.relativize(source).getParent();
            if (pkg != null && pkg.getFileName().toString().toLowerCase(Locale.ROOT).equals(w)) {
                return true;
            }
        }
        return false;
    }

    private static Exercise load(Path folder, Path graded, Path hints) {
        String name = folder.getFileName().toString();
        Path src = folder.resolve("src");
        List<Path> sources = javaFiles(src);
        List<Path> tests = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (Path pkg : sources.stream().map(p -> src.relativize(p.getParent())).distinct().sorted().toList()) {
            for (Path test : javaFiles(graded.resolve(pkg.toString()))) {
                if (test.getParent().equals(graded.resolve(pkg.toString()))
                        && test.getFileName().toString().endsWith("Test.java")) {
                    tests.add(test);
                    String file = graded.relativize(test).toString();
                    classes.add(file.substring(0, file.length() - ".java".length()).replace('\\', '.').replace('/', '.'));
                }
            }
        }
        return new Exercise(name, title(folder.resolve("README.md"), name), src, sources, tests, classes, hints);
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String title(Path readme, String fallback) {
        if (!Files.isRegularFile(readme)) {
            return fallback;
        }
        try {
            for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
                if (line.startsWith("# ")) {
                    return line.substring(2).trim();
                }
            }
        } catch (IOException e) {
            return fallback;
        }
        return fallback;
    }
}
