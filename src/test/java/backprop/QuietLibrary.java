package backprop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any test during which the library wrote to standard output or standard error: the library
 * returns data and never prints.
 */
public final class QuietLibrary implements BeforeEachCallback, AfterEachCallback {

    private static volatile boolean active;

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(QuietLibrary.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!guards(context)) {
            return;
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        context.getStore(NS).put("out", System.out);
        context.getStore(NS).put("err", System.err);
        context.getStore(NS).put("captured", captured);
        System.setOut(capture);
        System.setErr(capture);
        active = true;
    }

    /**
     * The guard covers the library's own tests and the grader's; the graded tests of the exercises
     * (run from an editor with the exercises profile) test learner code, which may print.
     */
    private static boolean guards(ExtensionContext context) {
        String pkg = context.getRequiredTestClass().getPackageName();
        return pkg.startsWith("backprop") || pkg.startsWith("workbook");
    }

    /** @return true while a test runs under the guard */
    static boolean isActive() {
        return active;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!guards(context)) {
            return;
        }
        active = false;
        System.setOut(context.getStore(NS).get("out", PrintStream.class));
        System.setErr(context.getStore(NS).get("err", PrintStream.class));
        ByteArrayOutputStream captured = context.getStore(NS).get("captured", ByteArrayOutputStream.class);
        String text = captured.toString(StandardCharsets.UTF_8);
        if (!text.isEmpty()) {
            fail("the library printed during " + context.getDisplayName() + ": \""
                    + text.substring(0, Math.min(200, text.length())) + "\"");
        }
    }
}
