package workbook.display;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.ChainRuleStep;
import backprop.ScalarNetwork;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The 1-1-1 network's computation graph, drawn from the chain-rule ledger")
class ComputationGraphTest {

    /** Lesson 03's network and sample: every node's value and gradient is distinct. */
    static final ScalarNetwork NET = new ScalarNetwork(0.5, 0.05, -1.2, 0.3);

    static List<ChainRuleStep> ledger(double x) {
        return NET.ledger(x, 1);
    }

    @Nested
    @DisplayName("its nodes and edges")
    class Structure {

        @Test
        @DisplayName("carry each node's value and gradient exactly as the ledger has them")
        void valuesFromTheLedger() {
            List<ChainRuleStep> steps = ledger(1.5);
            ComputationGraph graph = ComputationGraph.of(steps, "x = 1.5, y = 1");
            assertEquals(10, graph.nodes().size());
            for (ChainRuleStep s : steps) {
                ComputationGraph.Node n = graph.nodes().stream()
                        .filter(node -> node.name().equals(s.node())).findFirst().orElseThrow();
                assertAll(s.node(),
                        () -> assertEquals(s.value(), n.value(), 0.0, "value of " + s.node()),
                        () -> assertEquals(s.gradient(), n.gradient(), 0.0, "gradient of " + s.node()));
            }
        }

        @Test
        @DisplayName("has the nine arrows of the forward pass, each with the local derivative of its input")
        void edges() {
            ComputationGraph graph = ComputationGraph.of(ledger(1.5), "t");
            List<String> arrows = graph.edges().stream().map(e -> e.from() + "->" + e.to()).toList();
            assertEquals(List.of("w1->z1", "x->z1", "b1->z1", "z1->a1", "w2->z2", "a1->z2", "b2->z2", "z2->a2",
                    "a2->L"), arrows);
            ComputationGraph.Edge a1 = graph.edges().get(5);
            assertAll(() -> assertEquals("dz2/da1", a1.local()), () -> assertEquals(-1.2, a1.localDerivative(), 0.0));
        }

        @Test
        @DisplayName("describes every node and edge in one text, with the lesson's numbers")
        void describe() {
            String text = ComputationGraph.of(ledger(1.5), "x = 1.5, y = 1").describe();
            assertAll(
                    () -> assertTrue(text.startsWith(
                            "Computation graph of the 1-1-1 network (x = 1.5, y = 1): 10 nodes, 9 edges"), text),
                    () -> assertTrue(text.contains("\n  z1: value 0.800000, gradient 0.791112"), text),
                    () -> assertTrue(text.contains("\n  w1: value 0.500000, gradient 1.186669"), text),
                    () -> assertTrue(text.contains("\n  z2: value -0.660000, gradient -0.659260"), text),
                    () -> assertTrue(text.contains("\n  L: value 1.076637, gradient 1.000000"), text),
                    () -> assertTrue(text.contains("\n  a1 -> z2: dz2/da1 = -1.200000"), text));
        }

        @Test
        @DisplayName("writes a negative zero gradient as 0 (the ReLU-off sample)")
        void negativeZero() {
            List<ChainRuleStep> off = ledger(-1.0);
            double w1 = off.stream().filter(s -> s.node().equals("w1")).findFirst().orElseThrow().gradient();
            assertEquals(0.0, w1, 0.0);
            String text = ComputationGraph.of(off, "x = -1").describe();
            assertAll(() -> assertTrue(text.contains("\n  w1: value 0.500000, gradient 0.000000"), text),
                    () -> assertTrue(!text.contains("-0.000000"), text));
        }

        @Test
        @DisplayName("refuses a ledger that is not the 1-1-1 network's, naming the nodes it got")
        void wrongLedger() {
            List<ChainRuleStep> nine = new ArrayList<>(ledger(1.5));
            nine.remove(9);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ComputationGraph.of(nine, "t"));
            assertTrue(e.getMessage().contains("expected the 1-1-1 network's"), e.getMessage());
            List<ChainRuleStep> twice = new ArrayList<>(ledger(1.5));
            twice.set(9, twice.get(8));
            IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                    () -> ComputationGraph.of(twice, "t"));
            assertTrue(dup.getMessage().contains("b1 twice"), dup.getMessage());
            assertThrows(NullPointerException.class, () -> ComputationGraph.of(null, "t"));
        }
    }

    @Nested
    @DisplayName("its picture")
    class Picture {

        @Test
        @DisplayName("is an image of the stated size with every node's name, value and gradient drawn on it")
        void drawsEveryLabel() {
            List<ChainRuleStep> steps = ledger(1.5);
            ComputationGraph.Drawing drawing = ComputationGraph.of(steps, "x = 1.5, y = 1").draw();
            assertEquals(ComputationGraph.WIDTH, drawing.image().getWidth());
            assertEquals(ComputationGraph.HEIGHT, drawing.image().getHeight());
            for (ChainRuleStep s : steps) {
                assertAll(s.node(),
                        () -> assertTrue(drawing.texts().contains(s.node()), s.node() + " in " + drawing.texts()),
                        () -> assertTrue(drawing.texts().contains("value " + ComputationGraph.number(s.value())),
                                "value of " + s.node() + " in " + drawing.texts()),
                        () -> assertTrue(drawing.texts().contains("grad  " + ComputationGraph.number(s.gradient())),
                                "gradient of " + s.node() + " in " + drawing.texts()));
            }
            assertTrue(drawing.texts().contains("×-1.2"), "the local derivative w2 on the arrow a1 -> z2: "
                    + drawing.texts());
        }

        @Test
        @DisplayName("puts every node inside the image, and paints its box")
        void nodesInside() {
            ComputationGraph graph = ComputationGraph.of(ledger(1.5), "t");
            BufferedImage image = graph.draw().image();
            int white = 0xFFFFFF;
            for (ComputationGraph.Node n : graph.nodes()) {
                assertAll(n.name(),
                        () -> assertTrue(n.x() >= 0 && n.x() + ComputationGraph.BOX_WIDTH <= image.getWidth(), "x of " + n.name()),
                        () -> assertTrue(n.y() >= 0 && n.y() + ComputationGraph.BOX_HEIGHT <= image.getHeight(), "y of " + n.name()),
                        () -> assertNotEquals(white, image.getRGB(n.x() + ComputationGraph.BOX_WIDTH - 8, n.y() + 4) & 0xFFFFFF,
                                "the box of " + n.name() + " is painted"));
            }
        }

        @Test
        @DisplayName("goes to the notebook as a PNG that decodes to the same size, with the description as text")
        void bundle() throws Exception {
            ComputationGraph graph = ComputationGraph.of(ledger(1.5), "x = 1.5, y = 1");
            Map<String, Object> bundle = graph.bundle();
            assertEquals(List.of(FigureBundle.PNG, FigureBundle.TEXT), List.copyOf(bundle.keySet()));
            byte[] png = Base64.getDecoder().decode((String) bundle.get(FigureBundle.PNG));
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
            assertAll(() -> assertEquals(ComputationGraph.WIDTH, decoded.getWidth()),
                    () -> assertEquals(ComputationGraph.HEIGHT, decoded.getHeight()),
                    () -> assertEquals(graph.describe(), bundle.get(FigureBundle.TEXT)));
        }
    }
}
