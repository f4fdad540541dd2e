package workbook.display;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Colours shared by the figure builders and the static renderer, so that the interactive plot and
 * the PNG agree: plotly.js's default trace colours, CSS colour strings, and colour scales.
 */
final class Colors {

    /** plotly.js's default colour cycle ({@code layout.colorway}), as CSS hex strings. */
    static final List<String> COLORWAY =
            List.of(
                    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                    "#bcbd22", "#17becf");

    /**
     * The colour scale for predicted probabilities: blue at 0, near-white at 0.5, red at 1. Light
     * enough that the data points drawn on top stay visible. Pairs of (stop, CSS colour).
     */
    static final List<List<Object>> PROBABILITY_SCALE =
            List.of(
                    List.of(0.0, "#4a7fc1"),
                    List.of(0.25, "#a9c6e8"),
                    List.of(0.5, "#f7f7f7"),
                    List.of(0.75, "#f2b8a0"),
                    List.of(1.0, "#d6604d"));

    /** plotly.js's default colour scale for heatmaps ({@code RdBu}), used when a trace names none. */
    private static final List<List<Object>> RD_BU =
            List.of(
                    List.of(0.0, "rgb(5,10,172)"),
                    List.of(0.35, "rgb(106,137,247)"),
                    List.of(0.5, "rgb(190,190,190)"),
                    List.of(0.6, "rgb(220,170,132)"),
                    List.of(0.7, "rgb(230,145,90)"),
                    List.of(1.0, "rgb(178,10,28)"));

    private static final Map<String, Color> NAMED =
            Map.ofEntries(
                    Map.entry("black", Color.BLACK),
                    Map.entry("white", Color.WHITE),
                    Map.entry("red", new Color(255, 0, 0)),
                    Map.entry("green", new Color(0, 128, 0)),
                    Map.entry("blue", new Color(0, 0, 255)),
                    Map.entry("orange", new Color(255, 165, 0)),
                    Map.entry("purple", new Color(128, 0, 128)),
                    Map.entry("gray", new Color(128, 128, 128)),
                    Map.entry("grey", new Color(128, 128, 128)),
                    Map.entry("darkgray", new Color(169, 169, 169)),
                    Map.entry("darkgrey", new Color(169, 169, 169)),
                    Map.entry("lightgray", new Color(211, 211, 211)),
                    Map.entry("lightgrey", new Color(211, 211, 211)),
                    Map.entry("yellow", new Color(255, 255, 0)),
                    Map.entry("brown", new Color(165, 42, 42)),
                    Map.entry("pink", new Color(255, 192, 203)),
                    Map.entry("cyan", new Color(0, 255, 255)),
                    Map.entry("magenta", new Color(255, 0, 255)),
                    Map.entry("navy", new Color(0, 0, 128)),
                    Map.entry("teal", new Color(0, 128, 128)),
                    Map.entry("darkred", new Color(139, 0, 0)),
                    Map.entry("darkblue", new Color(0, 0, 139)),
                    Map.entry("darkgreen", new Color(0, 100, 0)));

    private Colors() {}

    /** plotly.js's default colour for the trace at {@code index}. */
    static String defaultColor(int index) {
        return COLORWAY.get(Math.floorMod(index, COLORWAY.size()));
    }

    /**
     * Parses a CSS colour: {@code #rgb}, {@code #rrggbb}, {@code rgb(r,g,b)}, {@code rgba(r,g,b,a)}
     * or one of a few common names.
     *
     * @return the colour, or {@code fallback} if {@code css} is not a string in one of those forms
     */
    static Color parse(Object css, Color fallback) {
        if (!(css instanceof String)) {
            return fallback;
        }
        String s = ((String) css).trim().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("#") && s.length() == 4) {
                int r = Integer.parseInt(s.substring(1, 2), 16);
                int g = Integer.parseInt(s.substring(2, 3), 16);
                int b = Integer.parseInt(s.substring(3, 4), 16);
                return new Color(r * 17, g * 17, b * 17);
            }
            if (s.startsWith("#") && s.length() == 7) {
                return new Color(Integer.parseInt(s.substring(1), 16));
            }
            if (s.startsWith("rgb")) {
                String[] parts = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')')).split(",");
                int r = (int) Math.round(Double.parseDouble(parts[0].trim()));
                int g = (int) Math.round(Double.parseDouble(parts[1].trim()));
                int b = (int) Math.round(Double.parseDouble(parts[2].trim()));
                int a = parts.length > 3 ? (int) Math.round(255 * Double.parseDouble(parts[3].trim())) : 255;
                return new Color(clamp255(r), clamp255(g), clamp255(b), clamp255(a));
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return fallback;
        }
        return NAMED.getOrDefault(s, fallback);
    }

    private static int clamp255(int value) {
        return Math.max(0, Math.min(255, value));
    }

    /**
     * A colour scale read from a plotly {@code colorscale} value: a list of {@code [stop, colour]}
     * pairs with stops rising from 0 to 1. Anything else (a named scale, nothing) gives plotly.js's
     * default {@code RdBu}.
     */
    static Ramp scale(Object colorscale) {
        Ramp parsed = colorscale instanceof List ? parseStops((List<?>) colorscale) : null;
        return parsed != null ? parsed : parseStops(RD_BU);
    }

    private static Ramp parseStops(List<?> pairs) {
        List<Double> stops = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        for (Object pair : pairs) {
            if (!(pair instanceof List) || ((List<?>) pair).size() != 2) {
                return null;
            }
            Object stop = ((List<?>) pair).get(0);
            Color color = parse(((List<?>) pair).get(1), null);
            if (!(stop instanceof Number) || color == null) {
                return null;
            }
            stops.add(((Number) stop).doubleValue());
            colors.add(color);
        }
        if (stops.size() < 2) {
            return null;
        }
        double[] s = new double[stops.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = stops.get(i);
        }
        return new Ramp(s, colors.toArray(new Color[0]));
    }

    /** A piecewise-linear colour scale over [0, 1]. */
    static final class Ramp {
        private final double[] stops;
        private final Color[] colors;

        private Ramp(double[] stops, Color[] colors) {
            this.stops = stops;
            this.colors = colors;
        }

        /** The colour at {@code t}, clamped to [0, 1]. */
        Color at(double t) {
            double u = Math.max(stops[0], Math.min(stops[stops.length - 1], t));
            int i = 1;
            while (i < stops.length - 1 && u > stops[i]) {
                i++;
            }
            double span = stops[i] - stops[i - 1];
            double w = span > 0 ? (u - stops[i - 1]) / span : 1;
            Color a = colors[i - 1];
            Color b = colors[i];
            return new Color(
                    (int) Math.round(a.getRed() + w * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + w * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + w * (b.getBlue() - a.getBlue())));
        }
    }
}
