package workbook.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Runs one compiled exercise's graded tests in a separate JVM ({@link TestJvm}) and watches it.
 *
 * <p>The test JVM journals each test's start and end. If it stops before the end (the learner's
 * code called {@code System.exit}, or crashed it) or a test overruns its limit by more than the
 * grace period (a loop that the test's own time limit could not stop), the running test is
 * recorded as such, the JVM is killed, and a new one carries on with the tests not yet graded. So a
 * runaway test costs its time limit, and every other test is still graded.
 */
final class GradedRun {

    /** How much longer than a test's own limit the watchdog waits before it kills the test JVM. */
    static final long GRACE_MILLIS = 3_000;

    /** The test JVM's heap: ample for every graded test, small enough to fail fast. */
    static final String HEAP = "1g";

    private final ObjectMapper json = new ObjectMapper();
    private final String classpath;
    private final int timeoutSeconds;

    /**
     * @param classpath the library's classpath; the exercise's classes are put in front
     * @param timeoutSeconds the time limit of a test without a {@code @Timeout} of its own
     */
    GradedRun(String classpath, int timeoutSeconds) {
        this.classpath = classpath;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * @param classes the compiled exercise
     * @param testClasses the graded test classes to run
     * @param work a folder for the journal
     * @return one outcome per test, in the order they ran
     * @throws InterruptedException if this thread is interrupted; the test JVM is killed first
     */
    List<TestOutcome> run(Path classes, List<String> testClasses, Path work) throws InterruptedException {
        Map<String, TestOutcome> done = new LinkedHashMap<>();
        Set<String> skipIds = new LinkedHashSet<>();
        Set<Integer> skipTasks = new TreeSet<>();
        Path journal = work.resolve("journal.jsonl");
        for (int attempt = 0; attempt <= 50; attempt++) {
            skipIds.addAll(done.keySet());
            Attempt a = attempt(classes, testClasses, journal, done, skipIds, skipTasks);
            if (a.finished) {
                break;
            }
            if (a.loopingTask > 0) {
                // The learner's code loops: every other test of that task would cost its whole limit.
                skipTasks.add(a.loopingTask);
                continue;
            }
            if (a.running == null) {
                // Stopped between tests, or before the first: nothing to blame; say so once.
                done.put("jvm:" + attempt, new TestOutcome("jvm:" + attempt, "(the test JVM)", 0, "error",
                        a.reason, "", false, false, false, 0, 0));
                break;
            }
            done.put(a.running.id, new TestOutcome(a.running.id, a.running.name, a.running.task, "error",
                    a.reason, "", false, a.timedOut, false,
                    (System.currentTimeMillis() - a.running.atMillis) / 1e3, a.running.limitSeconds));
            // A parameterised test's cases cannot be left out one by one: leave out the rest of them.
            int invocation = a.running.id.indexOf("/[test-template-invocation:");
            skipIds.add(invocation < 0 ? a.running.id : a.running.id.substring(0, invocation));
            if (a.timedOut && a.running.task > 0) {
                skipTasks.add(a.running.task);
            }
        }
        return new ArrayList<>(done.values());
    }

    private record Started(String id, String name, int task, double limitSeconds, long atMillis) {
    }

    private static final class Attempt {
        boolean finished;
        int loopingTask;
        String crash;
        Started running;
        String reason;
        boolean timedOut;
    }

    private Attempt attempt(Path classes, List<String> testClasses, Path journal, Map<String, TestOutcome> done,
                            Set<String> skipIds, Set<Integer> skipTasks) throws InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java").toString());
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=4");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Xmx" + HEAP); // a runaway allocation fails in seconds, not after eating the machine's memory
        cmd.add("-cp");
        cmd.add(classes + File.pathSeparator + classpath);
        cmd.add(TestJvm.class.getName());
        cmd.add("--journal");
        cmd.add(journal.toString());
        cmd.add("--timeout");
        cmd.add(Integer.toString(timeoutSeconds));
        for (String id : skipIds) {
            cmd.add("--skip");
            cmd.add(id);
        }
        for (int task : skipTasks) {
            cmd.add("--skip-task");
            cmd.add(Integer.toString(task));
        }
        cmd.addAll(testClasses);
        Attempt a = new Attempt();
        Process p;
        try {
            Files.deleteIfExists(journal);
            p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(journal.resolveSibling("jvm-output.txt").toFile()).start();
            p.getOutputStream().close(); // standard input is empty: a read returns end-of-file, never blocks
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the test JVM: " + cmd.get(0), e);
        }
        try {
            long read = 0;
            Started running = null;
            while (true) {
                boolean exited = p.waitFor(100, TimeUnit.MILLISECONDS);
                List<JsonNode> events = new ArrayList<>();
                read = readNew(journal, read, events);
                for (JsonNode e : events) {
                    switch (e.path("event").asText()) {
                        case "start" -> running = new Started(e.path("id").asText(), e.path("name").asText(),
                                e.path("task").asInt(), e.path("limit").asDouble(timeoutSeconds),
                                System.currentTimeMillis());
                        case "end" -> {
                            TestOutcome o = outcome(e);
                            done.put(o.id(), o);
                            running = null;
                            if (o.timedOut() && o.task() > 0) {
                                a.loopingTask = o.task(); // stop this JVM: its runaway thread still burns a core
                            }
                        }
                        case "skipped" -> done.put(e.path("id").asText(), new TestOutcome(e.path("id").asText(),
                                e.path("name").asText(), e.path("task").asInt(), "error", "not run: a test of task "
                                + e.path("task").asInt() + " timed out, so the others of that task were left out "
                                + "(each would cost its whole time limit); fix the loop, then grade again", "", false,
                                false, false, 0, 0));
                        case "container-failed" -> done.put(e.path("id").asText(), new TestOutcome(
                                e.path("id").asText(), e.path("name").asText(), e.path("task").asInt(), "error",
                                e.path("message").asText(), "", false, false, false, 0, 0));
                        case "done" -> a.finished = true;
                        case "crashed" -> a.crash = e.path("message").asText();
                        default -> { }
                    }
                }
                if (a.finished) {
                    p.waitFor(2, TimeUnit.SECONDS);
                    return a;
                }
                if (a.loopingTask > 0) {
                    return a;
                }
                if (exited) {
                    a.running = running;
                    if (a.crash != null) {
                        a.reason = "the test JVM stopped" + (running == null ? "" : " while this test ran") + ": "
                                + a.crash + (a.crash.contains("OutOfMemoryError") ? "\n  (the test JVM has "
                                + HEAP + " of heap: does your code allocate in a loop that never ends?)" : "");
                    } else {
                        a.reason = "the test JVM stopped (exit code " + p.exitValue() + ")"
                                + (running == null ? "" : " while this test ran")
                                + ": did your code call System.exit? Return or throw instead."
                                + lastLines(journal.resolveSibling("jvm-output.txt"));
                    }
                    return a;
                }
                if (running != null && System.currentTimeMillis() - running.atMillis
                        > running.limitSeconds * 1000 + GRACE_MILLIS) {
                    a.running = running;
                    a.timedOut = true;
                    a.reason = "timed out: did not finish within " + Show.num(running.limitSeconds)
                            + " s and had to be stopped (an infinite loop?)";
                    return a;
                }
            }
        } finally {
            if (p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private TestOutcome outcome(JsonNode e) {
        return new TestOutcome(e.path("id").asText(), e.path("name").asText(), e.path("task").asInt(),
                e.path("status").asText(), e.path("message").asText(""), e.path("output").asText(""),
                e.path("stub").asBoolean(false), e.path("timedOut").asBoolean(false),
                e.path("named").asBoolean(false), e.path("seconds").asDouble(0), e.path("limit").asDouble(0));
    }

    /** Reads complete lines after byte offset {@code from}; returns the new offset. */
    private long readNew(Path journal, long from, List<JsonNode> into) {
        if (!Files.exists(journal)) {
            return from;
        }
        try {
            byte[] all = Files.readAllBytes(journal);
            int end = all.length;
            while (end > from && all[end - 1] != '\n') {
                end--;
            }
            if (end <= from) {
                return from;
            }
            String text = new String(all, (int) from, (int) (end - from), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    into.add(json.readTree(line));
                }
            }
            return end;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lastLines(Path output) {
        try {
            if (!Files.exists(output)) {
                return "";
            }
            String text = Files.readString(output, StandardCharsets.UTF_8).trim();
            if (text.isEmpty()) {
                return "";
            }
            String[] lines = text.split("\n");
            // The first line that names an exception says more than the last lines of its trace.
            for (String line : lines) {
                if (!line.startsWith("\t") && (line.contains("Exception") || line.contains("Error"))) {
                    return "\n  the JVM said: " + line.trim();
                }
            }
            int from = Math.max(0, lines.length - 3);
            return "\n  the JVM said: " + String.join("\n  ", java.util.Arrays.copyOfRange(lines, from, lines.length));
        } catch (IOException e) {
            return "";
        }
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
