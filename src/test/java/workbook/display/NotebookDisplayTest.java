package workbook.display;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("NotebookDisplay and its kernel bridge")
class NotebookDisplayTest {

    private static final Map<String, Object> BUNDLE =
            FigureBundle.of(Plots.loss(PlotTesting.history(5), Scale.LINEAR), 200, 120);

    @Nested
    @DisplayName("outside a JJava kernel")
    class OutsideKernel {

        @Test
        @DisplayName("show says it needs the kernel and what to use instead")
        void show() {
            IllegalStateException e =
                    assertThrows(
                            IllegalStateException.class,
                            () -> NotebookDisplay.show(Plots.loss(PlotTesting.history(3), Scale.LOG)));
            assertEquals(
                    "NotebookDisplay works only in a notebook run by the JJava kernel (the class "
                            + "org.dflib.jjava.jupyter.kernel.BaseKernel is not on the class path); elsewhere use "
                            + "FigureBundle.of(figure) and write its outputs yourself",
                    e.getMessage());
        }

        @Test
        @DisplayName("update rejects a blank display id before anything else")
        void blankId() {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> NotebookDisplay.update(" ", Plots.accuracy(PlotTesting.history(3))));
            assertEquals("displayId must be the id that showLive returned, got \" \"", e.getMessage());
        }
    }

    /** Stand-ins with the shape of JJava 1.0a8's BaseKernel, JupyterIO, DisplayStream, DisplayData. */
    public static final class FakeKernel {
        static FakeKernel running;
        final List<FakeDisplayData> displayed = new ArrayList<>();
        final FakeIo io = new FakeIo();

        public static FakeKernel notebookKernel() {
            return running;
        }

        public void display(FakeDisplayData data) {
            displayed.add(data);
        }

        public FakeIo getIO() {
            return io;
        }
    }

    public static final class FakeIo {
        public final FakeStream display = new FakeStream();
    }

    public static final class FakeStream {
        final List<Object[]> updates = new ArrayList<>();

        public void updateDisplay(String id, FakeDisplayData data) {
            updates.add(new Object[] {id, data});
        }
    }

    public static final class FakeDisplayData {
        final Map<String, Object> data = new LinkedHashMap<>();
        String id;

        public FakeDisplayData() {}

        public void putData(String mime, Object value) {
            data.put(mime, value);
        }

        public FakeDisplayData setDisplayId(String id) {
            this.id = id;
            return this;
        }
    }

    @Nested
    @DisplayName("with a kernel of JJava's shape")
    class WithKernel {

        private final KernelBridge bridge =
                new KernelBridge(
                        NotebookDisplayTest.class.getClassLoader(),
                        FakeKernel.class.getName(),
                        FakeDisplayData.class.getName());

        @BeforeEach
        void start() {
            FakeKernel.running = new FakeKernel();
        }

        @AfterEach
        void stop() {
            FakeKernel.running = null;
        }

        @Test
        @DisplayName("display sends one output with every MIME type of the bundle and the id")
        void display() {
            bridge.display("id-1", BUNDLE);
            List<FakeDisplayData> displayed = FakeKernel.running.displayed;
            assertAll(
                    () -> assertEquals(1, displayed.size()),
                    () -> assertEquals("id-1", displayed.get(0).id),
                    () -> assertEquals(List.copyOf(BUNDLE.keySet()), List.copyOf(displayed.get(0).data.keySet())),
                    () -> assertSame(BUNDLE.get(FigureBundle.PLOTLY_JSON),
                            displayed.get(0).data.get(FigureBundle.PLOTLY_JSON)));
        }

        @Test
        @DisplayName("update replaces the output with that id through the kernel's display stream")
        void update() {
            bridge.update("id-2", BUNDLE);
            List<Object[]> updates = FakeKernel.running.io.display.updates;
            assertAll(
                    () -> assertEquals(1, updates.size()),
                    () -> assertEquals("id-2", updates.get(0)[0]),
                    () -> assertEquals("id-2", ((FakeDisplayData) updates.get(0)[1]).id),
                    () -> assertEquals(3, ((FakeDisplayData) updates.get(0)[1]).data.size()),
                    () -> assertTrue(FakeKernel.running.displayed.isEmpty()));
        }

        @Test
        @DisplayName("a kernel class without notebookKernel() gives a clear error")
        void incompatible() {
            KernelBridge wrong =
                    new KernelBridge(
                            NotebookDisplayTest.class.getClassLoader(),
                            String.class.getName(),
                            FakeDisplayData.class.getName());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> wrong.display("x", BUNDLE));
            assertTrue(
                    e.getMessage().startsWith(
                            "this JJava kernel does not offer java.lang.String.notebookKernel as JJava 1.0a8 does"),
                    e.getMessage());
        }

        @Test
        @DisplayName("no running kernel (notebookKernel() is null) gives the not-in-a-notebook error")
        void noKernel() {
            FakeKernel.running = null;
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> bridge.display("x", BUNDLE));
            assertTrue(e.getMessage().startsWith("NotebookDisplay works only in a notebook run by the JJava kernel"));
        }
    }
}
