package workbook.grading;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real exercise 04, solved and then broken in each classic way (the library's planted bugs,
 * written as a learner would write them into the reference solution): the grader must call it
 * failing and name the mistake in the scoreboard and in the JSON.
 */
@DisplayName("The grader names each classic backward-pass mistake in exercise 04")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClassicMistakesTest {

    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final String EXERCISE = "04-backprop-mlp";

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bias averaged twice     | DenseLayer.java | db[j] += delta[n * out + j];             | db[j] += delta[n * out + j] / rows;             | your db is N times too small: the bias gradient was averaged, but δ already carries 1/N
            missing 1/N             | Backprop.java   | (aOut[k] - y[k]) / count                 | (aOut[k] - y[k])                                | the 1/N is missing
            sign flipped            | Backprop.java   | (aOut[k] - y[k]) / count                 | (y[k] - aOut[k]) / count                        | the sign is flipped: the error is a − y, not y − a
            W transposed going back | DenseLayer.java | sum += delta[n * out + j] * w[i * out + j]; | sum += delta[n * out + j] * w[j * in + i]; | transposed
            derivative at a         | DenseLayer.java | f.derivative(zPrev[n * in + i])          | f.derivative(f.apply(zPrev[n * in + i]))        | the derivative was taken at a instead of z
            dW transposed           | DenseLayer.java | dW[i * out + j] += ai * delta[n * out + j]; | dW[j * in + i] += ai * delta[n * out + j];   | dW is transposed
            """)
    void named(String mistake, String file, String right, String wrong, String diagnosis) throws Exception {
        Path tree = temp.resolve("broken");
        copy(PROJECT.resolve("solutions").resolve(EXERCISE), tree.resolve(EXERCISE));
        Path source = tree.resolve(EXERCISE).resolve("src/exercises/mlp").resolve(file);
        String text = Files.readString(source, StandardCharsets.UTF_8);
        assertTrue(text.contains(right), "the reference solution no longer contains '" + right + "': update this test");
        Files.writeString(source, text.replace(right, wrong), StandardCharsets.UTF_8);

        Grader grader = new Grader(PROJECT, Grader.builtClasspath(PROJECT), temp.resolve("work"),
                Grader.DEFAULT_TIMEOUT_SECONDS);
        Scoreboard board = grader.grade(tree, List.of(EXERCISE), n -> "./workbook hint " + n);
        ExerciseResult result = board.results().get(0);
        String text2 = board.render();
        String firstMessage = result.firstProblem().orElseThrow().message();
        long named = ResultsJson.of(board).get("tests").findValuesAsText("message").stream()
                .filter(m -> m != null && m.contains(diagnosis)).count();
        assertAll(
                () -> assertEquals(ExerciseStatus.FAILING, result.status(), text2),
                () -> assertTrue(firstMessage.contains(diagnosis), "first message: " + firstMessage),
                () -> assertTrue(text2.contains(diagnosis.substring(0, Math.min(40, diagnosis.length()))), text2),
                () -> assertTrue(named > 0, "no test message in the JSON names: " + diagnosis));
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }
}
