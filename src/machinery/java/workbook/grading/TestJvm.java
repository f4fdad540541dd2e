package workbook.grading;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The grader's test JVM: runs the graded test classes of one exercise with the JUnit Platform
 * Launcher and writes one JSON line per event to a journal file, flushed at once, so that the
 * grader can tell which test was running if this JVM is stopped by {@code System.exit}, a crash or
 * its watchdog.
 *
 * <pre>
 *   java -cp CLASSES TestJvm --journal FILE --timeout SECONDS [--skip UNIQUE_ID]... [--skip-task N]... TEST_CLASS...
 * </pre>
 *
 * Journal lines: {@code {"event":"start","id","name","task","limit"}}, {@code {"event":"end","id",
 * "name","task","status","message","output","stub","timedOut","named","seconds","limit"}},
 * {@code {"event":"skipped","id","name","task"}} for each test (or parameterised test) of a task
 * given with {@code --skip-task}, and a last {@code {"event":"done"}}. Each
 * test's standard output and error are captured (learner code may print) and trimmed. Every test
 * has a time limit ({@code --timeout}, or its own {@code @Timeout}) enforced on a separate thread;
 * a test that loops forever is reported as timed out, and this JVM halts when the run is done, so a
 * runaway thread cannot keep it alive.
 */
public final class TestJvm {

    /** Captured output longer than this is trimmed, as exercism's runner does. */
    static final int OUTPUT_LIMIT = 500;

    private TestJvm() {
    }

    public static void main(String[] args) throws IOException {
        String journalPath = null;
        String timeout = "5";
        Set<String> skip = new HashSet<>();
        Set<Integer> skipTasks = new HashSet<>();
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--journal" -> journalPath = args[++i];
                case "--timeout" -> timeout = args[++i];
                case "--skip" -> skip.add(args[++i]);
                case "--skip-task" -> skipTasks.add(Integer.parseInt(args[++i]));
                default -> selectors.add(DiscoverySelectors.selectClass(args[i]));
            }
        }
        if (journalPath == null || selectors.isEmpty()) {
            throw new IllegalArgumentException("usage: TestJvm --journal FILE [--timeout S] [--skip ID]... CLASS...");
        }
        PrintStream realErr = System.err;
        // Not in a try-with-resources: the journal must still be open in the catch below.
        Journal jj = new Journal(new FileOutputStream(journalPath, true));
        try {
            Capture capture = new Capture();
            System.setOut(capture.stream);
            System.setErr(capture.stream);
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectors)
                    .filters((PostDiscoveryFilter) d -> filter(d, skip, skipTasks, jj))
                    .configurationParameter("junit.jupiter.execution.timeout.default", timeout + " s")
                    .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                    .build();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request, new Listener(jj, capture, Double.parseDouble(timeout)));
            jj.write(jj.node("done"));
        } catch (Throwable t) {
            // JUnit lets OutOfMemoryError and the like through: say what stopped the run.
            try {
                System.gc(); // after an OutOfMemoryError, room to write one line
                jj.write(jj.node("crashed").put("message", Failures.message(t)));
            } catch (Throwable ignored) {
                // the journal is gone too; the exit code still tells the grader
            }
            t.printStackTrace(realErr);
            Runtime.getRuntime().halt(3);
        }
        // A test that timed out may have left its thread running: do not wait for it.
        Runtime.getRuntime().halt(0);
    }

    /**
     * Leaves out tests already graded, and every test of a task in which a test timed out: the
     * learner's code loops, and each of them would cost its whole time limit. Those are journalled
     * as skipped, so that the grader can say why they did not run.
     */
    private static FilterResult filter(TestDescriptor d, Set<String> skip, Set<Integer> skipTasks, Journal j) {
        if (skip.contains(d.getUniqueId().toString())) {
            return FilterResult.excluded("already graded");
        }
        if (d.getSource().orElse(null) instanceof MethodSource && skipTasks.contains(task(d))) {
            try {
                j.write(j.node("skipped").put("id", d.getUniqueId().toString()).put("name", name(d))
                        .put("task", task(d)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return FilterResult.excluded("its task timed out");
        }
        return FilterResult.included("to grade");
    }

    private static int task(TestDescriptor d) {
        for (TestDescriptor t = d; t != null; t = t.getParent().orElse(null)) {
            for (TestTag tag : t.getTags()) {
                if (tag.getName().startsWith("task:")) {
                    return parseTask(tag.getName());
                }
            }
        }
        return 0;
    }

    private static String name(TestDescriptor d) {
        List<String> parts = new ArrayList<>();
        for (TestDescriptor t = d; t != null && t.getParent().isPresent(); t = t.getParent().orElse(null)) {
            parts.add(0, t.getDisplayName());
        }
        return String.join(" › ", parts);
    }

    static int parseTask(String tag) {
        try {
            return Integer.parseInt(tag.substring("task:".length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** One JSON object per line, flushed at once (written by hand: this JVM loads as little as it can). */
    static final class Journal {
        private final OutputStream out;

        Journal(OutputStream out) {
            this.out = out;
        }

        ObjectNode node(String event) {
            return new ObjectNode().put("event", event);
        }

        synchronized void write(ObjectNode node) throws IOException {
            out.write((node.text() + "}\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** A flat JSON object of strings, numbers and booleans. */
    static final class ObjectNode {
        private final StringBuilder text = new StringBuilder("{");

        ObjectNode put(String key, String value) {
            return raw(key, quote(value));
        }

        ObjectNode put(String key, double value) {
            return raw(key, Double.isFinite(value) ? Double.toString(value) : "null");
        }

        ObjectNode put(String key, int value) {
            return raw(key, Integer.toString(value));
        }

        ObjectNode put(String key, boolean value) {
            return raw(key, Boolean.toString(value));
        }

        private ObjectNode raw(String key, String value) {
            text.append(text.length() == 1 ? "" : ",").append(quote(key)).append(':').append(value);
            return this;
        }

        String text() {
            return text.toString();
        }

        static String quote(String s) {
            StringBuilder q = new StringBuilder("\"");
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> q.append("\\\"");
                    case '\\' -> q.append("\\\\");
                    case '\n' -> q.append("\\n");
                    case '\r' -> q.append("\\r");
                    case '\t' -> q.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            q.append(String.format("\\u%04x", (int) c));
                        } else {
                            q.append(c);
                        }
                    }
                }
            }
            return q.append('"').toString();
        }
    }

    /** Standard output and error of the running test, swapped per test. */
    static final class Capture {
        private ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (Capture.this) {
                    buffer.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (Capture.this) {
                    buffer.write(b, off, len);
                }
            }
        }, true, StandardCharsets.UTF_8);

        synchronized String take() {
            stream.flush();
            String text = buffer.toString(StandardCharsets.UTF_8);
            buffer = new ByteArrayOutputStream();
            return text;
        }
    }

    private static final class Listener implements TestExecutionListener {
        private final Journal journal;
        private final Capture capture;
        private final double defaultSeconds;
        private TestPlan plan;
        private long startedAt;

        Listener(Journal journal, Capture capture, double defaultSeconds) {
            this.journal = journal;
            this.capture = capture;
            this.defaultSeconds = defaultSeconds;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            if (!id.isTest()) {
                return;
            }
            capture.take();
            startedAt = System.nanoTime();
            write(describe(journal.node("start"), id).put("limit", limitSeconds(id)));
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (!id.isTest()) {
                if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                    // A class that fails before its tests run (a static initialiser, @BeforeAll).
                    ObjectNode n = describe(journal.node("container-failed"), id);
                    n.put("message", Failures.message(result.getThrowable().orElse(null)));
                    write(n);
                }
                return;
            }
            ObjectNode n = describe(journal.node("end"), id);
            Throwable t = result.getThrowable().orElse(null);
            String status = switch (result.getStatus()) {
                case SUCCESSFUL -> "pass";
                case ABORTED -> "fail";
                case FAILED -> t instanceof AssertionError ? "fail" : "error";
            };
            n.put("status", status);
            n.put("seconds", (System.nanoTime() - startedAt) / 1e9);
            n.put("limit", limitSeconds(id));
            if (t != null) {
                n.put("message", Failures.message(t));
                n.put("stub", Failures.isStub(t));
                n.put("named", t instanceof MistakeFound);
                n.put("timedOut", t instanceof TimeoutException);
            }
            n.put("output", trim(capture.take()));
            write(n);
        }

        /** The test's own {@code @Timeout} (on the method or an enclosing class), else the default. */
        private double limitSeconds(TestIdentifier id) {
            if (id.getSource().orElse(null) instanceof MethodSource source) {
                try {
                    Timeout t = source.getJavaMethod().getAnnotation(Timeout.class);
                    for (Class<?> c = source.getJavaClass(); t == null && c != null; c = c.getEnclosingClass()) {
                        t = c.getAnnotation(Timeout.class);
                    }
                    if (t != null) {
                        return t.unit().toMillis(t.value()) / 1000.0;
                    }
                } catch (RuntimeException e) {
                    return defaultSeconds;
                }
            }
            return defaultSeconds;
        }

        private ObjectNode describe(ObjectNode n, TestIdentifier id) {
            n.put("id", id.getUniqueId());
            n.put("name", name(id));
            n.put("task", task(id));
            return n;
        }

        /** The display names from the test class down to the test, joined with " › ". */
        private String name(TestIdentifier id) {
            List<String> parts = new ArrayList<>();
            for (TestIdentifier t = id; t != null; t = plan.getParent(t).orElse(null)) {
                if (plan.getParent(t).isPresent()) { // not the engine
                    parts.add(0, t.getDisplayName());
                }
            }
            return String.join(" › ", parts);
        }

        private int task(TestIdentifier id) {
            for (TestIdentifier t = id; t != null; t = plan.getParent(t).orElse(null)) {
                for (var tag : t.getTags()) {
                    if (tag.getName().startsWith("task:")) {
                        return parseTask(tag.getName());
                    }
                }
            }
            return 0;
        }

        private void write(ObjectNode n) {
            try {
                journal.write(n);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    static String trim(String output) {
        if (output.length() <= OUTPUT_LIMIT) {
            return output;
        }
        return output.substring(0, OUTPUT_LIMIT) + "… (" + (output.length() - OUTPUT_LIMIT) + " more characters)";
    }
}
