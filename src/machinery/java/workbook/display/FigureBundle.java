package workbook.display;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import tech.tablesaw.plotly.components.Figure;

/**
 * One notebook output for a tablesaw-jsplot {@link Figure}, carrying three MIME types so that every
 * viewer finds one it can show, with no CDN, no browser and no file:
 *
 * <ul>
 *   <li>{@value #PLOTLY_JSON}: the figure as plotly.js JSON {@code {data, layout, config}},
 *       interactive in JupyterLab with the {@code jupyterlab-plotly} renderer (plotly.js 3);
 *   <li>{@value #PNG}: a static rendering of the same figure, base64, for exported HTML, GitHub and
 *       any viewer without that renderer;
 *   <li>{@value #TEXT}: one line naming the figure, its traces and points.
 * </ul>
 *
 * <p>The PNG is drawn by XChart from the same JSON tree (see {@link #image}); it supports the
 * trace types the workbook uses: {@code scatter} (lines and/or markers, several traces, a second y
 * axis), {@code bar}, {@code heatmap} with scatter on top, and log axes.
 *
 * <p>This class neither prints, nor writes files, nor opens a browser; {@code Plot.show} is never
 * called. Showing the bundle in a notebook is {@link NotebookDisplay}'s job.
 */
public final class FigureBundle {

    /** The plotly MIME type, rendered by the jupyterlab-plotly extension. */
    public static final String PLOTLY_JSON = "application/vnd.plotly.v1+json";
    /** Base64 PNG. */
    public static final String PNG = "image/png";
    /** One line of text. */
    public static final String TEXT = "text/plain";
    /** Width of the PNG in pixels unless another is asked for. */
    public static final int DEFAULT_WIDTH = 720;
    /** Height of the PNG in pixels unless another is asked for. */
    public static final int DEFAULT_HEIGHT = 440;

    private static final int MAX_SIDE = 4000;

    private FigureBundle() {}

    /**
     * The bundle for {@code figure} with a PNG of the size its layout states (the builders of
     * {@link Plots} state {@value #DEFAULT_WIDTH}×{@value #DEFAULT_HEIGHT}, a decision boundary a
     * squarer size), or of {@value #DEFAULT_WIDTH}×{@value #DEFAULT_HEIGHT} when it states none, so
     * that the static image has the proportions of the interactive plot.
     *
     * @see #of(Figure, int, int)
     */
    public static Map<String, Object> of(Figure figure) {
        Map<String, Object> tree = plotlyJson(figure);
        Object layout = tree.get("layout");
        return bundle(tree, layoutSide(layout, "width", DEFAULT_WIDTH), layoutSide(layout, "height", DEFAULT_HEIGHT));
    }

    /**
     * The bundle for {@code figure}: an unmodifiable map, in this order, from {@value #PLOTLY_JSON}
     * to the JSON tree ({@link #plotlyJson}), from {@value #PNG} to the base64 PNG of {@code
     * width}×{@code height} pixels, and from {@value #TEXT} to {@link #describe}. The figure's own
     * layout size is left as it is in the JSON; the PNG size applies to the PNG only. Not modified.
     *
     * @throws NullPointerException if {@code figure} is null
     * @throws IllegalArgumentException if a size is outside 1..4000, or a
     *     trace has a type the PNG renderer cannot draw
     */
    public static Map<String, Object> of(Figure figure, int width, int height) {
        return bundle(plotlyJson(figure), width, height);
    }

    private static int layoutSide(Object layout, String key, int fallback) {
        if (layout instanceof Map<?, ?> map && map.get(key) instanceof Number n && n.intValue() > 0) {
            return Math.min(n.intValue(), MAX_SIDE);
        }
        return fallback;
    }

    private static Map<String, Object> bundle(Map<String, Object> tree, int width, int height) {
        BufferedImage image = StaticImage.render(tree, checkSide("width", width), checkSide("height", height));
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put(PLOTLY_JSON, tree);
        bundle.put(PNG, Base64.getEncoder().encodeToString(pngBytes(image)));
        bundle.put(TEXT, describe(tree));
        return Collections.unmodifiableMap(bundle);
    }

    /**
     * The figure as plotly.js JSON: an insertion-ordered map {@code {data, layout, config}} of maps,
     * lists, strings, booleans, integers and finite doubles, with {@code null} where the figure has
     * NaN or an infinity. Titles are in plotly.js 3 form ({@code title: {text: ...}}), numeric
     * strings in data arrays are numbers. A fresh, modifiable tree on every call.
     *
     * @throws NullPointerException if {@code figure} is null
     */
    public static Map<String, Object> plotlyJson(Figure figure) {
        if (figure == null) {
            throw new NullPointerException("figure is null: expected a tablesaw-jsplot Figure, e.g. from Plots");
        }
        return PlotlyJson.tree(figure);
    }

    /**
     * A static rendering of {@code figure}, {@code width}×{@code height} pixels, drawn by XChart from
     * the {@link #plotlyJson} tree. A heatmap is drawn as filled cells in an XY chart, so that points
     * can be drawn on top (XChart's own heatmap chart cannot hold a scatter), with its colour bar in
     * a strip on the right.
     *
     * @throws NullPointerException if {@code figure} is null
     * @throws IllegalArgumentException if a size is outside 1..4000, or a
     *     trace has a type other than scatter, bar or heatmap
     */
    public static BufferedImage image(Figure figure, int width, int height) {
        return StaticImage.render(plotlyJson(figure), checkSide("width", width), checkSide("height", height));
    }

    /**
     * One line: the title (or "untitled figure"), the number of traces and of points, e.g. {@code
     * Loss per epoch: 2 traces, 400 points}. A heatmap counts its cells as points.
     *
     * @throws NullPointerException if {@code figure} is null
     */
    public static String describe(Figure figure) {
        return describe(plotlyJson(figure));
    }

    private static String describe(Map<String, Object> tree) {
        String title = PlotlyJson.titleText(tree.get("layout")).replaceAll("\\s+", " ").trim();
        List<?> data = TraceView.list(tree.get("data"));
        int points = 0;
        for (int i = 0; i < data.size(); i++) {
            points += new TraceView((Map<?, ?>) data.get(i), i).pointCount();
        }
        return (title.isEmpty() ? "untitled figure" : title)
                + ": "
                + data.size()
                + (data.size() == 1 ? " trace, " : " traces, ")
                + points
                + (points == 1 ? " point" : " points");
    }

    private static int checkSide(String name, int pixels) {
        if (pixels < 1 || pixels > MAX_SIDE) {
            throw new IllegalArgumentException(
                    name + " must be between 1 and " + MAX_SIDE + " pixels, got " + pixels);
        }
        return pixels;
    }

    private static byte[] pngBytes(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JDK's ImageIO");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory failed", e);
        }
        return out.toByteArray();
    }
}
