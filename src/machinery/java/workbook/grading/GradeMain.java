package workbook.grading;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The grader's command line, called by {@code ./workbook grade}, {@code ./workbook hint} and
 * {@code ./workbook test}.
 *
 * <pre>
 *   grade  [--root DIR] [--tree DIR] [--hint-command PREFIX] [NAME...]
 *          grade the exercises (default exercises/), print the scoreboard, write
 *          target/grade/results.json; exit 0 if every graded exercise passed, 1 if not
 *   hint   [--root DIR] NAME
 *          reveal the next hint of an exercise
 *   verify [--root DIR] [--stubs DIR]
 *          the build's proof: every graded test passes on solutions/ and fails on the stubs
 *          (default exercises/), test by test; exit 1 naming each test that does not
 * </pre>
 */
public final class GradeMain {

    private GradeMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws InterruptedException {
        if (args.length == 0) {
            System.err.println("usage: GradeMain grade|hint|verify [--root DIR] ...");
            return 2;
        }
        Path root = Path.of("").toAbsolutePath();
        Path tree = null;
        Path stubs = null;
        String hintPrefix = "./workbook hint";
        List<String> names = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--") && (i + 1 >= args.length || args[i + 1].startsWith("--"))) {
                System.err.println("grade: " + args[i] + " needs a value, e.g. " + args[i]
                        + (args[i].equals("--tree") ? " solutions" : " DIR"));
                return 2;
            }
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath();
                case "--tree" -> tree = Path.of(args[++i]).toAbsolutePath();
                case "--stubs" -> stubs = Path.of(args[++i]).toAbsolutePath();
                case "--hint-command" -> hintPrefix = args[++i];
                default -> names.add(args[i]);
            }
        }
        String prefix = hintPrefix;
        try {
            Grader grader = Grader.forBuiltWorkbook(root);
            switch (args[0]) {
                case "grade" -> {
                    Path graded = tree == null ? root.resolve("exercises") : tree;
                    Scoreboard board = grader.grade(graded, names, n -> prefix + " " + n);
                    System.out.print(board.render());
                    Path json = grader.work().resolve("results.json");
                    ResultsJson.write(board, json);
                    System.out.println("  results: " + root.relativize(json));
                    return board.allPassed() ? 0 : 1;
                }
                case "hint" -> {
                    if (names.size() != 1) {
                        System.err.println("hint needs one exercise name, e.g. hint 04-backprop-mlp");
                        return 2;
                    }
                    Exercise e = Exercise.select(grader.exercises(root.resolve("exercises")), names).get(0);
                    System.out.println(new Hints(grader.work().resolve("hints.properties")).reveal(e));
                    return 0;
                }
                case "verify" -> {
                    Verification v = Verification.run(grader, root.resolve("solutions"),
                            stubs == null ? root.resolve("exercises") : stubs);
                    System.out.print(v.report());
                    return v.ok() ? 0 : 1;
                }
                default -> {
                    System.err.println("unknown command '" + args[0] + "': expected grade, hint or verify");
                    return 2;
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("grade: " + e.getMessage());
            return 2;
        }
    }
}
