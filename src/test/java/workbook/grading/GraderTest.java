package workbook.grading;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader on a small fixture workbook of its own: one exercise, {@code 01-add}, whose graded
 * tests know one classic mistake (subtracting). Each learner situation is a tree of its own, graded
 * for real (compiler, test JVM, watchdog), and must read right in the scoreboard and in the JSON.
 */
@DisplayName("The grader")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GraderTest {

    static final String STUB_BODY = "throw new UnsupportedOperationException(\"Write Adder.add: return a + b.\");";

    @TempDir
    static Path root;

    static Grader grader;

    @BeforeAll
    static void fixture() throws IOException {
        write("exercises/01-add/README.md", "# Exercise 01 · adding\n");
        write("exercises/01-add/hints.md", "## Hint 1\nUse +.\n\n## Hint 2\nreturn a + b;\n");
        tree("exercises", STUB_BODY);
        tree("solutions", "return a + b;");
        write("src/graded/java/exercises/add/AdderTest.java", """
                package exercises.add;
                import org.junit.jupiter.api.*;
                import workbook.grading.*;
                @DisplayName("Adder")
                class AdderTest {
                    @Test @Tag("task:1") @DisplayName("adds 2 and 3")
                    void adds() {
                        Diagnosis.of("a + b", 5.0, Adder.add(2, 3), "a = 2, b = 3")
                                .mistake(-1.0, "you subtracted b from a").verify();
                    }
                    @Test @Tag("task:1") @DisplayName("adds 4 and 5")
                    void more() {
                        Check.close("a + b", 9.0, Adder.add(4, 5), "a = 4, b = 5");
                    }
                    @Test @Tag("task:2") @DisplayName("adds -2 and -3")
                    void negatives() {
                        Check.close("a + b", -5.0, Adder.add(-2, -3), "a = -2, b = -3");
                    }
                }
                """);
        write("pom.xml", "<source>${graded.tree}/01-add/src</source>\n");
        grader = new Grader(root, Grader.builtClasspath(Path.of("")), root.resolve("target/grade"), 2);
    }

    static void tree(String name, String body) throws IOException {
        write(name + "/01-add/src/exercises/add/Adder.java", """
                package exercises.add;
                public final class Adder {
                    public static double add(double a, double b) {
                        BODY
                    }
                }
                """.replace("BODY", body));
    }

    static void write(String file, String text) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    static Graded grade(String treeName, String body) throws Exception {
        if (body != null) {
            tree(treeName, body);
        }
        Scoreboard board = grader.grade(root.resolve(treeName), List.of(), n -> "./workbook hint " + n);
        return new Graded(board, ResultsJson.of(board));
    }

    record Graded(Scoreboard board, JsonNode json) {
        ExerciseResult result() {
            return board.results().get(0);
        }

        String text() {
            return board.render();
        }

        JsonNode test(String name) {
            for (JsonNode t : json.get("tests")) {
                if (t.get("name").asText().endsWith(name)) {
                    return t;
                }
            }
            throw new AssertionError("no test named " + name + " in " + json);
        }
    }

    @Nested
    @DisplayName("reports each learner's situation")
    class Situations {

        @Test
        @DisplayName("solved: passed, 3/3, JSON status pass")
        void solved() throws Exception {
            Graded g = grade("solutions", null);
            assertAll(
                    () -> assertEquals(ExerciseStatus.PASSED, g.result().status()),
                    () -> assertTrue(g.text().contains("01-add  passed"), g.text()),
                    () -> assertTrue(g.text().contains("1 of 1 exercises passed · 3 of 3 tests"), g.text()),
                    () -> assertEquals("pass", g.json().get("status").asText()),
                    () -> assertEquals(3, g.json().get("version").asInt()),
                    () -> assertEquals("pass", g.test("adds 2 and 3").get("status").asText()),
                    () -> assertTrue(g.test("adds 2 and 3").get("message").isNull()),
                    () -> assertEquals(1, g.test("adds 2 and 3").get("task_id").asInt()),
                    () -> assertEquals(2, g.test("adds -2 and -3").get("task_id").asInt()),
                    () -> assertEquals("01-add", g.test("adds 2 and 3").get("exercise").asText()),
                    () -> assertEquals("notebooks/01-add.ipynb", g.test("adds 2 and 3").get("notebook").asText()));
        }

        @Test
        @DisplayName("untouched: not started, pointing at the README, JSON says not written yet")
        void untouched() throws Exception {
            Graded g = grade("exercises", null);
            assertAll(
                    () -> assertEquals(ExerciseStatus.NOT_STARTED, g.result().status()),
                    () -> assertTrue(g.text().contains("01-add  not started"), g.text()),
                    () -> assertTrue(g.text().contains("start with exercises/01-add/README.md"), g.text()),
                    () -> assertEquals("fail", g.json().get("status").asText()),
                    () -> assertTrue(g.test("adds 2 and 3").get("message").asText()
                            .startsWith("not written yet: java.lang.UnsupportedOperationException: Write Adder.add"),
                            g.test("adds 2 and 3").toString()));
        }

        @Test
        @DisplayName("a classic mistake: failing, the mistake named first, the next hint pointed to")
        void classicMistake() throws Exception {
            Graded g = grade("subtracts", "return a - b;");
            assertAll(
                    () -> assertEquals(ExerciseStatus.FAILING, g.result().status()),
                    () -> assertTrue(g.text().contains("01-add  failing"), g.text()),
                    () -> assertTrue(g.text().contains("      Task 1 · adds 2 and 3\n"), g.text()),
                    () -> assertTrue(g.text().contains("a + b is wrong: you subtracted b from a"), g.text()),
                    () -> assertTrue(g.text().contains("expected 5 but got -1"), g.text()),
                    () -> assertTrue(g.text().contains("inputs: a = 2, b = 3"), g.text()),
                    () -> assertTrue(g.text().contains("next hint (1 of 2): ./workbook hint 01-add"), g.text()),
                    () -> assertEquals("fail", g.test("adds 2 and 3").get("status").asText()),
                    () -> assertTrue(g.test("adds 2 and 3").get("message").asText().contains("you subtracted")));
        }

        @Test
        @DisplayName("not compiling: file, line and the compiler's message; JSON status error")
        void notCompiling() throws Exception {
            Graded g = grade("syntax", "return a + b");
            assertAll(
                    () -> assertEquals(ExerciseStatus.DOES_NOT_COMPILE, g.result().status()),
                    () -> assertTrue(g.text().contains("01-add  does not compile"), g.text()),
                    () -> assertTrue(g.text().contains("syntax/01-add/src/exercises/add/Adder.java:4: ';' expected"),
                            g.text()),
                    () -> assertEquals("error", g.json().get("status").asText()),
                    () -> assertTrue(g.json().get("message").asText().contains("Adder.java:4")),
                    () -> assertEquals(4, g.json().get("exercises").get(0).get("compile_errors").get(0)
                            .get("line").asInt()));
        }

        @Test
        @DisplayName("an infinite loop: timed out once, the rest of its task left out, every other task graded")
        void loopsForever() throws Exception {
            long start = System.nanoTime();
            Graded g = grade("loop", "if (a > 0) { while (a > 0) { } } return a + b;");
            double seconds = (System.nanoTime() - start) / 1e9;
            String first = g.test("adds 2 and 3").get("message").asText();
            String second = g.test("adds 4 and 5").get("message").asText();
            String timedOut = first.startsWith("timed out") ? first : second;
            String leftOut = first.startsWith("timed out") ? second : first;
            assertAll(
                    () -> assertEquals(ExerciseStatus.TIMED_OUT, g.result().status()),
                    () -> assertTrue(g.text().contains("01-add  timed out"), g.text()),
                    () -> assertTrue(timedOut.contains("timed out after 2 seconds"), timedOut),
                    () -> assertTrue(leftOut.startsWith("not run: a test of task 1 timed out"), leftOut),
                    () -> assertEquals("error", g.test("adds 2 and 3").get("status").asText()),
                    () -> assertEquals("error", g.test("adds 4 and 5").get("status").asText()),
                    () -> assertEquals("pass", g.test("adds -2 and -3").get("status").asText()),
                    () -> assertTrue(seconds < 20, "took " + seconds + " s: one time limit, not one per test"));
        }

        @Test
        @DisplayName("System.exit: named as the cause, and the run carries on with the other tests")
        void callsExit() throws Exception {
            Graded g = grade("exit", "if (a > 0) { System.exit(7); } return a + b;");
            assertAll(
                    () -> assertEquals(ExerciseStatus.FAILING, g.result().status()),
                    () -> assertTrue(g.text().contains("exit code 7"), g.text()),
                    () -> assertTrue(g.text().contains("did your code call System.exit?"), g.text()),
                    () -> assertEquals("error", g.test("adds 2 and 3").get("status").asText()),
                    () -> assertEquals("pass", g.test("adds -2 and -3").get("status").asText()));
        }

        @Test
        @DisplayName("printing: captured per test and trimmed, and the result still stands")
        void prints() throws Exception {
            Graded g = grade("prints", "System.out.println(\"x\".repeat(2000)); return a + b;");
            String output = g.test("adds 2 and 3").get("output").asText();
            assertAll(
                    () -> assertEquals(ExerciseStatus.PASSED, g.result().status()),
                    () -> assertTrue(output.startsWith("xxxx")),
                    () -> assertTrue(output.length() < 600, "output of " + output.length() + " characters"),
                    () -> assertTrue(output.endsWith("(1501 more characters)"), output));
        }

        @Test
        @DisplayName("running out of memory: named as such, not as System.exit or a loop")
        void outOfMemory() throws Exception {
            // One array larger than the test JVM's whole heap (-Xmx1g): the error comes at once, instead
            // of after the collector has fought for every last byte (slow on a busy machine).
            Graded g = grade("hog", "long[] hog = new long[200_000_000]; return a + b + (int) hog[0];");
            String message = g.test("adds 2 and 3").get("message").asText();
            assertAll(
                    () -> assertEquals(ExerciseStatus.FAILING, g.result().status()),
                    () -> assertTrue(message.contains("java.lang.OutOfMemoryError"), message),
                    () -> assertFalse(message.contains("System.exit"), message));
        }

        @Test
        @DisplayName("reading standard input meets its end at once, instead of waiting for ever")
        void readsStandardInput() throws Exception {
            Graded g = grade("stdin", "try { return System.in.read() + 1 + a + b; } catch (java.io.IOException e) { return 0; }");
            assertEquals(ExerciseStatus.PASSED, g.result().status(), g.text());
        }

        @Test
        @DisplayName("an exception in a static initialiser: its cause and the learner's line are shown")
        void staticInitialiser() throws Exception {
            tree("static", "return a + b + TABLE[0];\n    }\n    static final double[] TABLE = table();\n"
                    + "    static double[] table() {\n        double[] t = new double[2];\n        t[2] = 1;\n"
                    + "        return t;");
            Graded g = grade("static", null);
            String all = g.json().get("tests").findValuesAsText("message").toString();
            assertAll(
                    () -> assertTrue(all.contains("caused by java.lang.ArrayIndexOutOfBoundsException"), all),
                    () -> assertTrue(all.contains("at exercises.add.Adder.table(Adder.java:9)"), all));
        }

        @Test
        @DisplayName("a throw in learner code: the exception and the learner's line, no stack trace")
        void throwsException() throws Exception {
            Graded g = grade("throws", "double[] t = new double[1];\n return t[(int) a];");
            String message = g.test("adds 2 and 3").get("message").asText();
            assertAll(
                    () -> assertEquals(ExerciseStatus.FAILING, g.result().status()),
                    () -> assertTrue(message.startsWith("java.lang.ArrayIndexOutOfBoundsException"), message),
                    () -> assertTrue(message.contains("at exercises.add.Adder.add(Adder.java:5)"), message),
                    () -> assertFalse(message.contains("org.junit"), message));
        }
    }

    @Nested
    @DisplayName("proves the exercises sound")
    class Verifying {

        @Test
        @DisplayName("solutions pass and stubs fail: no problem")
        void sound() throws Exception {
            Verification v = Verification.run(grader, root.resolve("solutions"), root.resolve("exercises"));
            assertTrue(v.ok(), v.report());
        }

        @Test
        @DisplayName("a test that passes on a stub is named")
        void stubThatPasses() throws Exception {
            tree("lenient", "return 5;");
            Verification v = Verification.run(grader, root.resolve("solutions"), root.resolve("lenient"));
            assertFalse(v.ok());
            assertTrue(v.report().contains("01-add › Adder › adds 2 and 3 PASSES on the untouched stub"), v.report());
        }
    }

    @Nested
    @DisplayName("hints and names")
    class HintsAndNames {

        @Test
        @DisplayName("hints are revealed one at a time, the last one repeated")
        void hintsOneAtATime() {
            Hints hints = new Hints(root.resolve("target/hints-test.properties"));
            Exercise e = grader.exercises(root.resolve("exercises")).get(0);
            assertAll(
                    () -> assertEquals(0, hints.shown(e)),
                    () -> assertEquals("Hint 1 of 2 for 01-add\n\nUse +.", hints.reveal(e)),
                    () -> assertEquals("Hint 2 of 2 for 01-add (the last)\n\nreturn a + b;", hints.reveal(e)),
                    () -> assertEquals("Hint 2 of 2 for 01-add (the last)\n\nreturn a + b;", hints.reveal(e)),
                    () -> assertEquals(2, hints.shown(e)));
        }

        @Test
        @DisplayName("an exercise is found by its name, its number or a word of it; an unknown name is listed")
        void names() {
            List<Exercise> all = grader.exercises(root.resolve("exercises"));
            assertAll(
                    () -> assertEquals("01-add", Exercise.select(all, List.of("01-add")).get(0).name()),
                    () -> assertEquals("01-add", Exercise.select(all, List.of("1")).get(0).name()),
                    () -> assertEquals("01-add", Exercise.select(all, List.of("add")).get(0).name()),
                    () -> assertEquals("01-add", Exercise.select(all, List.of("exercises/01-add/")).get(0).name()));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Exercise.select(all, List.of("07")));
            assertEquals("no exercise called '07': expected one of [01-add]", e.getMessage());
        }

        @Test
        @DisplayName("a word that two exercises share is refused, naming both; a package name picks one")
        void ambiguousNames() {
            List<Exercise> two = List.of(exercise("05-gradient-checking", "gradcheck"),
                    exercise("09-beyond-gradient-descent", "optimizers"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Exercise.select(two, List.of("gradient")));
            assertEquals("'gradient' could be any of [05-gradient-checking, 09-beyond-gradient-descent]: "
                    + "say which, e.g. by its number", e.getMessage());
            assertEquals("09-beyond-gradient-descent", Exercise.select(two, List.of("optimizers")).get(0).name());
            assertEquals("05-gradient-checking", Exercise.select(two, List.of("5")).get(0).name());
        }

        private Exercise exercise(String name, String pkg) {
            Path src = root.resolve("elsewhere").resolve(name).resolve("src");
            return new Exercise(name, name, src, List.of(src.resolve("exercises").resolve(pkg).resolve("A.java")),
                    List.of(), List.of(), src.resolveSibling("hints.md"));
        }
    }
}
