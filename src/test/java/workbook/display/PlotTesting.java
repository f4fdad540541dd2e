package workbook.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/** Helpers shared by the plot tests: sample data, tree access, image checks. */
final class PlotTesting {

    private PlotTesting() {}

    /** A training history of {@code epochs} rows whose loss falls and accuracy rises. */
    static Table history(int epochs) {
        Table history =
                Table.create(
                        "history",
                        IntColumn.create("epoch"),
                        DoubleColumn.create("loss"),
                        DoubleColumn.create("accuracy"));
        for (int e = 1; e <= epochs; e++) {
            history.intColumn("epoch").append(e);
            history.doubleColumn("loss").append(0.7 * Math.exp(-e / 20.0));
            history.doubleColumn("accuracy").append(1 - 0.5 * Math.exp(-e / 15.0));
        }
        return history;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map, () -> "expected a JSON object, got " + value);
        return (Map<String, Object>) value;
    }

    static List<?> list(Object value) {
        assertTrue(value instanceof List, () -> "expected a JSON array, got " + value);
        return (List<?>) value;
    }

    static List<?> traces(Figure figure) {
        return list(FigureBundle.plotlyJson(figure).get("data"));
    }

    static Map<String, Object> trace(Figure figure, int index) {
        return map(traces(figure).get(index));
    }

    static Map<String, Object> layout(Figure figure) {
        return map(FigureBundle.plotlyJson(figure).get("layout"));
    }

    /** {@code title.text} of a layout or axis map. */
    static Object titleText(Object owner) {
        return map(map(owner).get("title")).get("text");
    }

    static double[] doubles(Object jsonArray) {
        List<?> values = list(jsonArray);
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = values.get(i);
            out[i] = v == null ? Double.NaN : ((Number) v).doubleValue();
        }
        return out;
    }

    /**
     * Fails unless the tree holds only maps with string keys, lists, strings, booleans, finite
     * numbers and nulls.
     */
    static void assertPlainJson(Object node, String path) {
        if (node == null || node instanceof String || node instanceof Boolean) {
            return;
        }
        if (node instanceof Double || node instanceof Float) {
            double value = ((Number) node).doubleValue();
            assertTrue(Double.isFinite(value), () -> path + " is " + value + "; JSON has no such number");
            return;
        }
        if (node instanceof Integer || node instanceof Long) {
            return;
        }
        if (node instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) node).entrySet()) {
                assertTrue(entry.getKey() instanceof String, () -> path + " has a non-string key");
                assertPlainJson(entry.getValue(), path + "." + entry.getKey());
            }
            return;
        }
        if (node instanceof List) {
            List<?> list = (List<?>) node;
            for (int i = 0; i < list.size(); i++) {
                assertPlainJson(list.get(i), path + "[" + i + "]");
            }
            return;
        }
        fail(path + " is a " + node.getClass().getName() + ", not a JSON value");
    }

    static BufferedImage decodePng(Object base64) {
        assertTrue(base64 instanceof String, "image/png must be a base64 string");
        try {
            BufferedImage image =
                    ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) base64)));
            assertTrue(image != null, "image/png does not decode as an image");
            return image;
        } catch (IOException e) {
            throw new AssertionError("image/png does not decode: " + e, e);
        }
    }

    static int distinctColors(BufferedImage image) {
        Set<Integer> colors = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colors.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colors.size();
    }

    static void assertSize(int width, int height, BufferedImage image) {
        assertEquals(width, image.getWidth(), "PNG width");
        assertEquals(height, image.getHeight(), "PNG height");
    }
}
