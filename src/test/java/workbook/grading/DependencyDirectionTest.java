package workbook.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The lesson library stands alone: machinery may use it, never the other way round. */
@DisplayName("Dependency direction")
class DependencyDirectionTest {

    private static final Pattern REFERENCE = Pattern.compile("\\b(workbook\\.(?:grading|bench)|exercises)\\.[A-Za-z]");

    @Test
    @DisplayName("no file of the lesson library (src/main/java) names the grader, the benchmarks or the exercises")
    void libraryImportsNoMachinery() throws IOException {
        List<String> offenders = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                files++;
                String[] lines = Files.readString(p, StandardCharsets.UTF_8).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    Matcher m = REFERENCE.matcher(lines[i]);
                    if (m.find() && !lines[i].trim().startsWith("*") && !lines[i].trim().startsWith("//")) {
                        offenders.add(p + ":" + (i + 1) + ": " + lines[i].trim());
                    }
                }
            }
        }
        assertTrue(files > 20, "found only " + files + " library files: is the working directory the project?");
        assertEquals(List.of(), offenders);
    }

    @Test
    @DisplayName("the check is able to see a reference when there is one")
    void patternSeesReferences() {
        assertTrue(REFERENCE.matcher("import workbook.grading.Grade;").find());
        assertTrue(REFERENCE.matcher("import workbook.bench.Workload;").find());
        assertTrue(REFERENCE.matcher("double[] g = exercises.mlp.Backprop.grad();").find());
        assertTrue(!REFERENCE.matcher("import backprop.train.Sgd; // the workbook's trainer").find());
    }
}
