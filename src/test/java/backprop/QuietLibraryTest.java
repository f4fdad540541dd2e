package backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

@DisplayName("The quiet-library guard")
class QuietLibraryTest {

    @Test
    @DisplayName("is installed for every test: standard output is captured while a test runs")
    void installed() {
        assertTrue(QuietLibrary.isActive(), "the guard should be registered by extension autodetection");
    }

    @Test
    @DisplayName("fails a test that printed, quoting what was printed")
    void failsOnPrint() throws Exception {
        QuietLibrary guard = new QuietLibrary();
        FakeContext context = new FakeContext(QuietLibraryTest.class);
        PrintStream before = System.out;
        guard.beforeEach(context.proxy());
        System.out.print("epoch 1: loss 0.69");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> guard.afterEach(context.proxy()));
        assertTrue(e.getMessage().contains("epoch 1: loss 0.69"), e.getMessage());
        assertEquals(before, System.out, "the guard restores the previous stream");
    }

    @Test
    @DisplayName("leaves the exercises' graded tests alone: a learner's code may print")
    void ignoresGradedTests() throws Exception {
        QuietLibrary guard = new QuietLibrary();
        FakeContext context = new FakeContext(String.class); // any class outside backprop and workbook
        PrintStream before = System.out;
        guard.beforeEach(context.proxy());
        assertEquals(before, System.out, "nothing captured outside the library's and the grader's tests");
        guard.afterEach(context.proxy());
        assertEquals(before, System.out);
    }

    /** A minimal ExtensionContext: only a store, a display name and the test class are used by the guard. */
    private static final class FakeContext {
        private final java.util.Map<Object, Object> map = new java.util.HashMap<>();
        private final Class<?> testClass;

        FakeContext(Class<?> testClass) {
            this.testClass = testClass;
        }

        ExtensionContext proxy() {
            ExtensionContext.Store store = (ExtensionContext.Store) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {ExtensionContext.Store.class}, (p, m, args) -> {
                        switch (m.getName()) {
                            case "put":
                                map.put(args[0], args[1]);
                                return null;
                            case "get":
                                return args.length == 2 ? ((Class<?>) args[1]).cast(map.get(args[0])) : map.get(args[0]);
                            default:
                                throw new UnsupportedOperationException(m.getName());
                        }
                    });
            return (ExtensionContext) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ExtensionContext.class}, (p, m, args) -> {
                        switch (m.getName()) {
                            case "getStore":
                                return store;
                            case "getDisplayName":
                                return "a printing test";
                            case "getRequiredTestClass":
                                return testClass;
                            default:
                                throw new UnsupportedOperationException(m.getName());
                        }
                    });
        }
    }
}
