package workbook.display;

import backprop.ChainRuleStep;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The computation graph of lesson B's 1-1-1 network drawn as a picture, with the forward value and
 * the gradient {@code dL/d(node)} on every node and the local derivative on every edge, all taken
 * from {@link backprop.ScalarNetwork#ledger}. Drawn with Java2D into a {@link BufferedImage}, so
 * it needs no Graphviz and no browser, and shown in a notebook as a PNG with a text description.
 *
 * <pre>{@code
 * ComputationGraph.show(net.ledger(x, y), "x = 1.5, y = 1");   // a statement: prints nothing else
 * }</pre>
 *
 * <p>The layout is fixed for the ledger's ten nodes: inputs and parameters on the left, the loss on
 * the right, each arrow pointing the way the forward pass goes (the gradient flows against it).
 */
public final class ComputationGraph {

    /** Width of the image in pixels. */
    public static final int WIDTH = 1040;
    /** Height of the image in pixels. */
    public static final int HEIGHT = 420;

    static final int BOX_WIDTH = 120;
    static final int BOX_HEIGHT = 64;
    private static final int LEFT = 24;
    private static final int COLUMN_STEP = 176;
    private static final int TOP = 64;
    private static final int ROW_STEP = 118;
    private static final Color PARAMETER_FILL = new Color(0xE8, 0xF0, 0xFB);
    private static final Color NODE_FILL = new Color(0xF4, 0xF4, 0xF4);
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color GRADIENT_INK = new Color(0xB0, 0x30, 0x20);
    private static final Color EDGE_INK = new Color(0x66, 0x66, 0x66);

    /** Where a node of the 1-1-1 network sits: column (left to right), row (top to bottom), and what it feeds. */
    private record Place(String name, int column, int row, String feeds, boolean parameter) {
    }

    private static final List<Place> PLACES = List.of(
            new Place("w1", 0, 0, "z1", true),
            new Place("x", 0, 1, "z1", false),
            new Place("b1", 0, 2, "z1", true),
            new Place("z1", 1, 1, "a1", false),
            new Place("w2", 2, 0, "z2", true),
            new Place("a1", 2, 1, "z2", false),
            new Place("b2", 2, 2, "z2", true),
            new Place("z2", 3, 1, "a2", false),
            new Place("a2", 4, 1, "L", false),
            new Place("L", 5, 1, null, false));

    /**
     * One node as drawn.
     *
     * @param name the node's name ("z1", "w2", ...)
     * @param value its forward value
     * @param gradient {@code dL/d(node)}
     * @param x left edge of its box, pixels
     * @param y top edge of its box, pixels
     */
    public record Node(String name, double value, double gradient, int x, int y) {
    }

    /**
     * One arrow, from a node to the node it feeds, labelled with the local derivative.
     *
     * @param from the input node
     * @param to the node it feeds
     * @param local the local derivative's name, e.g. {@code "dz2/da1"}
     * @param localDerivative its value
     */
    public record Edge(String from, String to, String local, double localDerivative) {
    }

    /**
     * A drawn image and every text drawn on it, in drawing order.
     *
     * @param image the picture, {@value #WIDTH}×{@value #HEIGHT}
     * @param texts each string passed to {@code drawString}
     */
    public record Drawing(BufferedImage image, List<String> texts) {
    }

    private final String title;
    private final List<Node> nodes;
    private final List<Edge> edges;

    private ComputationGraph(String title, List<Node> nodes, List<Edge> edges) {
        this.title = title;
        this.nodes = nodes;
        this.edges = edges;
    }

    /**
     * The graph of a 1-1-1 network's ledger. Not modified.
     *
     * @param ledger the ten steps of {@code ScalarNetwork.ledger(x, y)}: L, a2, z2, w2, b2, a1, z1,
     *     w1, b1, x, in any order
     * @param title a line drawn above the graph, e.g. the sample
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the ledger does not have exactly those ten nodes
     */
    public static ComputationGraph of(List<ChainRuleStep> ledger, String title) {
        FigureArguments.notNull("ledger", ledger, "the steps of ScalarNetwork.ledger(x, y)");
        FigureArguments.notNull("title", title, "a line drawn above the graph");
        Map<String, ChainRuleStep> byName = new LinkedHashMap<>();
        for (ChainRuleStep step : ledger) {
            if (byName.put(step.node(), step) != null) {
                throw new IllegalArgumentException("the ledger has node " + step.node() + " twice");
            }
        }
        List<String> expected = PLACES.stream().map(Place::name).toList();
        if (!byName.keySet().containsAll(expected) || byName.size() != expected.size()) {
            throw new IllegalArgumentException("the ledger has nodes " + byName.keySet()
                    + ", expected the 1-1-1 network's " + expected);
        }
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (Place p : PLACES) {
            ChainRuleStep s = byName.get(p.name());
            nodes.add(new Node(p.name(), s.value(), s.gradient(),
                    LEFT + p.column() * COLUMN_STEP, TOP + p.row() * ROW_STEP));
            if (p.feeds() != null) {
                edges.add(new Edge(p.name(), p.feeds(), s.local(), s.localDerivative()));
            }
        }
        return new ComputationGraph(title, List.copyOf(nodes), List.copyOf(edges));
    }

    /** The nodes, inputs first, the loss last. */
    public List<Node> nodes() {
        return nodes;
    }

    /** The nine arrows. */
    public List<Edge> edges() {
        return edges;
    }

    /**
     * One line for the graph, then one per node ({@code "  z1: value 0.800000, gradient
     * 0.791112"}), then one per edge ({@code "  a1 -> z2: dz2/da1 = -1.200000"}); numbers to six
     * decimals, a negative zero written as 0.
     */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("Computation graph of the 1-1-1 network (").append(title).append("): ")
                .append(nodes.size()).append(" nodes, ").append(edges.size()).append(" edges");
        for (Node n : nodes) {
            text.append("\n  ").append(n.name()).append(": value ").append(number(n.value()))
                    .append(", gradient ").append(number(n.gradient()));
        }
        for (Edge e : edges) {
            text.append("\n  ").append(e.from()).append(" -> ").append(e.to()).append(": ")
                    .append(e.local()).append(" = ").append(number(e.localDerivative()));
        }
        return text.toString();
    }

    /** Draws the graph: a box per node with its name, value and gradient, an arrow per edge. */
    public Drawing draw() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        List<String> texts = new ArrayList<>();
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            text(g, texts, "Computation graph, " + title
                    + ": value (forward) and gradient dL/d(node) (backward) on each node", LEFT, 28);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(EDGE_INK);
            text(g, texts, "arrows: the forward pass; the gradient flows against them, multiplied by the local"
                    + " derivative written on each arrow", LEFT, 46);
            for (Edge e : edges) {
                drawEdge(g, texts, e);
            }
            for (Node n : nodes) {
                drawNode(g, texts, n);
            }
        } finally {
            g.dispose();
        }
        return new Drawing(image, Collections.unmodifiableList(texts));
    }

    /**
     * The notebook output: {@value FigureBundle#PNG} (base64) and {@value FigureBundle#TEXT}
     * ({@link #describe}), in that order.
     */
    public Map<String, Object> bundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put(FigureBundle.PNG, base64Png(draw().image()));
        bundle.put(FigureBundle.TEXT, describe());
        return Collections.unmodifiableMap(bundle);
    }

    /**
     * Shows the graph of {@code ledger} as one notebook output.
     *
     * @throws IllegalArgumentException see {@link #of}
     * @throws IllegalStateException if not running inside the JJava kernel
     */
    public static void show(List<ChainRuleStep> ledger, String title) {
        NotebookDisplay.display(of(ledger, title).bundle());
    }

    private Node node(String name) {
        for (Node n : nodes) {
            if (n.name().equals(name)) {
                return n;
            }
        }
        throw new IllegalStateException("no node " + name);
    }

    private void drawEdge(Graphics2D g, List<String> texts, Edge e) {
        Node from = node(e.from());
        Node to = node(e.to());
        double x1 = from.x() + BOX_WIDTH;
        double y1 = from.y() + BOX_HEIGHT / 2.0;
        double x2 = to.x();
        double y2 = to.y() + BOX_HEIGHT / 2.0;
        g.setColor(EDGE_INK);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine((int) x1, (int) y1, (int) x2, (int) y2);
        double angle = Math.atan2(y2 - y1, x2 - x1);
        Path2D head = new Path2D.Double();
        head.moveTo(x2, y2);
        head.lineTo(x2 - 9 * Math.cos(angle - 0.4), y2 - 9 * Math.sin(angle - 0.4));
        head.lineTo(x2 - 9 * Math.cos(angle + 0.4), y2 - 9 * Math.sin(angle + 0.4));
        head.closePath();
        g.fill(head);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        String label = "×" + shortNumber(e.localDerivative());
        FontMetrics m = g.getFontMetrics();
        int lx = (int) ((x1 + x2) / 2 - m.stringWidth(label) / 2.0);
        // Above the middle of a level arrow; beside the middle of a sloping one, clear of the line.
        int ly = (int) ((y1 + y2) / 2) - 6;
        if (y1 != y2) {
            lx -= m.stringWidth(label) / 2 + 6;
        }
        g.setColor(Color.WHITE);
        g.fillRect(lx - 2, ly - m.getAscent(), m.stringWidth(label) + 4, m.getHeight());
        g.setColor(EDGE_INK);
        text(g, texts, label, lx, ly);
    }

    private void drawNode(Graphics2D g, List<String> texts, Node n) {
        boolean parameter = n.name().startsWith("w") || n.name().startsWith("b");
        g.setColor(parameter ? PARAMETER_FILL : NODE_FILL);
        g.fillRoundRect(n.x(), n.y(), BOX_WIDTH, BOX_HEIGHT, 14, 14);
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.2f));
        g.drawRoundRect(n.x(), n.y(), BOX_WIDTH, BOX_HEIGHT, 14, 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        text(g, texts, n.name(), n.x() + 8, n.y() + 18);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        text(g, texts, "value " + number(n.value()), n.x() + 8, n.y() + 37);
        g.setColor(GRADIENT_INK);
        text(g, texts, "grad  " + number(n.gradient()), n.x() + 8, n.y() + 55);
    }

    private static void text(Graphics2D g, List<String> texts, String s, int x, int y) {
        texts.add(s);
        g.drawString(s, x, y);
    }

    /** Six decimals, a negative zero (from multiplying by a local derivative of 0) written as 0. */
    static String number(double v) {
        return String.format(Locale.ROOT, "%.6f", v + 0.0);
    }

    private static String shortNumber(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v + 0.0);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String base64Png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the graph as PNG", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
