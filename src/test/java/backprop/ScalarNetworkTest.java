package backprop;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.tablesaw.api.Table;

@DisplayName("The scalar 1-1-1 network's chain rule ledger")
class ScalarNetworkTest {

    private final ScalarNetwork net = new ScalarNetwork(0.8, 0.1, -1.2, 0.3);

    @Test
    @DisplayName("walks back from L to x through every node, in order")
    void order() {
        List<String> nodes = net.ledger(1.5, 1).stream().map(ChainRuleStep::node).toList();
        assertEquals(List.of("L", "a2", "z2", "w2", "b2", "a1", "z1", "w1", "b1", "x"), nodes);
    }

    @Test
    @DisplayName("holds the forward values of lesson B's formulas")
    void forwardValues() {
        ScalarNetwork.Forward f = net.forward(1.5, 1);
        double z1 = 0.8 * 1.5 + 0.1;
        double z2 = -1.2 * z1 + 0.3;
        double a2 = 1 / (1 + Math.exp(-z2));
        assertAll(
                () -> assertEquals(z1, f.z1(), 1e-15),
                () -> assertEquals(z1, f.a1(), 1e-15),
                () -> assertEquals(z2, f.z2(), 1e-15),
                () -> assertEquals(a2, f.a2(), 1e-15),
                () -> assertEquals(-Math.log(a2), f.loss(), 1e-12));
    }

    @ParameterizedTest(name = "x={0}, y={1}")
    @CsvSource({"1.5, 1", "1.5, 0", "-3.0, 1", "0.2, 0"})
    @DisplayName("agrees at every node with a centred finite difference of the same derivative")
    void everyNodeMatchesFiniteDifference(double x, double y) {
        for (ChainRuleStep s : net.ledger(x, y)) {
            assertEquals(s.finiteDifference(), s.gradient(), 1e-7 * Math.max(1, Math.abs(s.gradient())),
                    "node " + s.node());
        }
    }

    @Test
    @DisplayName("multiplies each local derivative by the gradient arriving from its parent")
    void productsChain() {
        List<ChainRuleStep> steps = net.ledger(1.5, 1);
        // parent of each row: a2<-L, z2<-a2, w2<-z2, b2<-z2, a1<-z2, z1<-a1, w1<-z1, b1<-z1, x<-z1
        int[] parent = {-1, 0, 1, 2, 2, 2, 5, 6, 6, 6};
        for (int i = 1; i < steps.size(); i++) {
            ChainRuleStep s = steps.get(i);
            assertEquals(steps.get(parent[i]).gradient(), s.upstream(), 0.0, "upstream of " + s.node());
            assertEquals(s.upstream() * s.localDerivative(), s.gradient(), 0.0, "product at " + s.node());
        }
    }

    @Test
    @DisplayName("stops the gradient at a ReLU that is off: dL/dw1 = 0, and the finite difference agrees")
    void reluOff() {
        List<ChainRuleStep> steps = net.ledger(-3.0, 1); // z1 = -2.3 < 0
        ChainRuleStep w1 = steps.get(7);
        assertEquals(0.0, w1.gradient(), 0.0);
        assertEquals(0.0, w1.finiteDifference(), 1e-12);
    }

    @Test
    @DisplayName("measures the true loss when the output saturates, and shows where the product underflows")
    void saturated() {
        ScalarNetwork wrong = new ScalarNetwork(1, 0, 50, 0); // z2 = 50 for x = 1: confidently wrong for y = 0
        List<ChainRuleStep> steps = wrong.ledger(1, 0);
        ChainRuleStep z2 = steps.get(2);
        assertAll(
                () -> assertEquals(50.0, steps.get(0).value(), 1e-9, "the loss is about z2, not the clamp's 27.6"),
                () -> assertEquals(1.0, z2.finiteDifference(), 1e-6, "dL/dz2 = a2 - y = 1"),
                () -> assertTrue(z2.relativeError() > 0.5, "the product's underflow is visible: " + z2));
    }

    @Test
    @DisplayName("is available as a table, one row per node")
    void table() {
        Table t = net.ledgerTable(1.5, 1);
        assertEquals(10, t.rowCount());
        assertEquals(List.of("node", "value", "local", "local derivative", "upstream", "gradient",
                "finite difference", "relative error"), t.columnNames());
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {
        @Test
        @DisplayName("a label outside [0, 1]")
        void label() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.ledger(1, 3));
            assertEquals("y is 3.0: expected a value in [0, 1]", e.getMessage());
        }

        @Test
        @DisplayName("a non-finite input")
        void input() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> net.forward(Double.NaN, 1));
            assertEquals("x is NaN: expected a finite number", e.getMessage());
        }
    }
}
