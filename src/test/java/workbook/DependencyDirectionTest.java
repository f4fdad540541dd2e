package workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * The lesson library stands alone: the machinery (src/machinery/java: workbook.display and
 * workbook.grading) may use it, never the other way round, and the display libraries
 * (tablesaw-jsplot, XChart) belong to the machinery too. Checked twice: in the sources, and in the
 * compiled classes, whose constant pools name every class they use.
 */
@DisplayName("Dependency direction: the lesson library imports nothing from the machinery")
class DependencyDirectionTest {

    /** What the lesson library must never name: the machinery, the exercises, the display libraries. */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\b(workbook\\.[a-z]+|exercises\\.[a-z]+|tech\\.tablesaw\\.plotly|org\\.knowm\\.xchart)\\.[A-Za-z]");

    /** The same names as they appear in a class file ({@code workbook/display/Plots}). */
    private static final List<String> BINARY_NAMES = List.of("workbook/", "exercises/", "tech/tablesaw/plotly/",
            "org/knowm/xchart/");

    @Test
    @DisplayName("no source file of the lesson library (src/main/java) names the machinery")
    void sourcesNameNoMachinery() throws IOException {
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
    @DisplayName("no compiled class of the lesson library (target/classes/backprop) refers to the machinery")
    void classesReferToNoMachinery() throws IOException {
        List<String> offenders = new ArrayList<>();
        int classes = 0;
        try (Stream<Path> walk = Files.walk(Path.of("target/classes/backprop"))) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".class")).toList()) {
                classes++;
                String pool = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                for (String name : BINARY_NAMES) {
                    if (pool.contains(name)) {
                        offenders.add(p + " names " + name);
                    }
                }
            }
        }
        assertTrue(classes > 20, "found only " + classes + " compiled library classes");
        assertEquals(List.of(), offenders);
    }

    @Test
    @DisplayName("the machinery lives in its own source root, and the lesson library has no display package")
    void layout() {
        assertTrue(Files.isDirectory(Path.of("src/machinery/java/workbook/display")));
        assertTrue(Files.isDirectory(Path.of("src/machinery/java/workbook/grading")));
        assertFalse(Files.exists(Path.of("src/main/java/backprop/plot")));
    }

    @Test
    @DisplayName("the checks are able to see a reference when there is one")
    void patternSeesReferences() {
        assertTrue(REFERENCE.matcher("import workbook.grading.Grade;").find());
        assertTrue(REFERENCE.matcher("import workbook.display.Plots;").find());
        assertTrue(REFERENCE.matcher("double[] g = exercises.mlp.Backprop.grad();").find());
        assertTrue(REFERENCE.matcher("import tech.tablesaw.plotly.components.Figure;").find());
        assertFalse(REFERENCE.matcher("import backprop.train.Sgd; // the workbook's trainer").find());
        assertFalse(REFERENCE.matcher("import tech.tablesaw.api.Table;").find());
    }
}
