package workbook.display;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tech.tablesaw.plotly.components.Figure;

/**
 * Turns a tablesaw-jsplot {@link Figure} into the plotly.js JSON tree {@code {data, layout, config}}.
 *
 * <p>tablesaw writes a figure as JavaScript statements ({@code var layout = {...}; var trace0 =
 * {...}; var config = {...}}) whose object literals are not strict JSON: unquoted keys, single
 * quotes, trailing commas, bare {@code NaN}. They are read here with a lenient Jackson parser, one
 * statement after another, and then repaired:
 *
 * <ul>
 *   <li>traces are taken in the order they are written, not by variable name: tablesaw names every
 *       heatmap {@code trace0}, so names repeat;
 *   <li>{@code title: 'text'} and {@code titlefont} become {@code title: {text, font}} in the layout
 *       and in every axis, the only form plotly.js 3 understands; quoted axis ranges and flags
 *       ({@code range: ["0", "1"]}, {@code autorange: 'false'}) become numbers and booleans;
 *   <li>data arrays ({@code x, y, z, open, high, low, close}) written as strings ({@code "0.5"},
 *       {@code "null"}, {@code "NaN"}) become numbers or {@code null}; other strings stay strings;
 *   <li>NaN and infinities anywhere become {@code null}, since JSON has no such numbers;
 *   <li>a font family of just {@code "Open Sans"} gets plotly's fallbacks ({@code verdana, arial,
 *       sans-serif}), so that text is not set in a serif font where Open Sans is missing.
 * </ul>
 *
 * <p>Text (titles, names) is plotly text, a small subset of HTML: tablesaw escapes it for HTML,
 * and the tree keeps {@code &lt; &gt; &amp;} escaped, so that plotly.js shows a literal {@code <}
 * instead of reading a tag, but turns {@code &#39;} and {@code &quot;} back into quotes, which
 * need no escape in JSON or in plotly text. {@link #plainText(Object)} decodes everything for the
 * static image and the one-line description.
 */
final class PlotlyJson {

    private static final JsonMapper LENIENT =
            JsonMapper.builder()
                    .enable(
                            JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                            JsonReadFeature.ALLOW_SINGLE_QUOTES,
                            JsonReadFeature.ALLOW_TRAILING_COMMA,
                            JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
                            JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS,
                            JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                            JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
                            JsonReadFeature.ALLOW_JAVA_COMMENTS)
                    .build();

    private static final Set<String> DATA_KEYS = Set.of("x", "y", "z", "open", "high", "low", "close");
    private static final Pattern AXIS_KEY = Pattern.compile("[xyz]axis\\d*");
    private static final Pattern DECIMAL =
            Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
    private static final Set<String> MISSING =
            Set.of("", "null", "NaN", "Infinity", "-Infinity", "+Infinity", "undefined");

    /**
     * tablesaw's fonts name only "Open Sans"; where it is not installed the browser falls back to a
     * serif font. plotly's own default names fallbacks.
     */
    private static final String TABLESAW_FONT = "Open Sans";

    private static final String PLOTLY_FONTS = "\"Open Sans\", verdana, arial, sans-serif";

    private PlotlyJson() {}

    /**
     * The plotly.js JSON tree of a figure: an insertion-ordered map with keys {@code data} (a list of
     * trace maps), {@code layout} (a map) and {@code config} (a map, empty if the figure has none).
     * Values are maps, lists, {@code String}, {@code Boolean}, {@code Integer}, {@code Long}, {@code
     * Double} (always finite) or {@code null}.
     *
     * @throws IllegalArgumentException if tablesaw wrote something that cannot be read
     */
    static Map<String, Object> tree(Figure figure) {
        figure.asJavascript("backprop_plot");
        Object script = figure.getContext().get("figure");
        Map<String, Object> layout = new LinkedHashMap<>();
        Map<String, Object> config = new LinkedHashMap<>();
        List<Object> data = new ArrayList<>();
        Statements statements = new Statements(script == null ? "" : script.toString());
        while (statements.hasNext()) {
            String name = statements.nextName();
            Object value = statements.nextValue(name);
            if (name.equals("layout")) {
                layout = asMap(name, value);
                repairLayout(layout);
            } else if (name.equals("config")) {
                config = asMap(name, value);
            } else {
                Map<String, Object> trace = asMap(name, value);
                repairTrace(trace);
                data.add(trace);
            }
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("data", data);
        tree.put("layout", layout);
        tree.put("config", config);
        return tree;
    }

    /** Reads {@code var name = literal;} statements one after another from tablesaw's script. */
    private static final class Statements {
        private final String script;
        private int position;

        Statements(String script) {
            this.script = script;
        }

        boolean hasNext() {
            skipSpaceAndSemicolons();
            return position < script.length();
        }

        String nextName() {
            if (!script.startsWith("var", position)) {
                throw unreadable("expected 'var' at offset " + position);
            }
            position += 3;
            skipSpaceAndSemicolons();
            int start = position;
            while (position < script.length() && Character.isJavaIdentifierPart(script.charAt(position))) {
                position++;
            }
            String name = script.substring(start, position);
            skipSpaceAndSemicolons();
            if (name.isEmpty() || position >= script.length() || script.charAt(position) != '=') {
                throw unreadable("expected 'var <name> =' at offset " + start);
            }
            position++;
            return name;
        }

        Object nextValue(String name) {
            try (JsonParser parser = LENIENT.createParser(script.substring(position))) {
                JsonNode node = parser.readValueAsTree();
                if (node == null) {
                    throw unreadable("no value after 'var " + name + " ='");
                }
                position += (int) parser.currentLocation().getCharOffset();
                return toJava(node);
            } catch (JsonProcessingException e) {
                throw unreadable("cannot parse the value of '" + name + "': " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void skipSpaceAndSemicolons() {
            while (position < script.length()
                    && (Character.isWhitespace(script.charAt(position)) || script.charAt(position) == ';')) {
                position++;
            }
        }

        private IllegalArgumentException unreadable(String what) {
            return new IllegalArgumentException(
                    "tablesaw's figure script cannot be read as plotly JSON: " + what);
        }
    }

    private static Object toJava(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                map.put(field.getKey(), toJava(field.getValue()));
            }
            if (TABLESAW_FONT.equals(map.get("family"))) {
                map.put("family", PLOTLY_FONTS);
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                list.add(toJava(element));
            }
            return list;
        }
        if (node.isTextual()) {
            return unescapeQuotes(node.textValue());
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            if (node.canConvertToInt()) {
                return node.intValue();
            }
            return node.canConvertToLong() ? (Object) node.longValue() : finiteOrNull(node.doubleValue());
        }
        if (node.isNumber()) {
            return finiteOrNull(node.doubleValue());
        }
        return null;
    }

    private static String unescapeQuotes(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return text.replace("&#39;", "'").replace("&#x27;", "'").replace("&quot;", "\"").replace("&#34;", "\"");
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(String name, Object value) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(
                    "tablesaw's figure script cannot be read as plotly JSON: 'var "
                            + name
                            + "' is not an object but "
                            + value);
        }
        return (Map<String, Object>) value;
    }

    private static void repairTrace(Map<String, Object> trace) {
        for (Map.Entry<String, Object> entry : trace.entrySet()) {
            if (DATA_KEYS.contains(entry.getKey())) {
                entry.setValue(numbersFromStrings(entry.getValue()));
            }
        }
        Object opacity = trace.get("opacity");
        if (opacity instanceof String && DECIMAL.matcher((String) opacity).matches()) {
            trace.put("opacity", Double.parseDouble((String) opacity));
        }
        Object visible = trace.get("visible");
        if ("true".equals(visible) || "false".equals(visible)) {
            trace.put("visible", Boolean.parseBoolean((String) visible));
        }
    }

    /** Numeric strings become numbers, markers of missing values become null; lists recursively. */
    private static Object numbersFromStrings(Object value) {
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            List<Object> repaired = new ArrayList<>(list.size());
            for (Object element : list) {
                repaired.add(numbersFromStrings(element));
            }
            return repaired;
        }
        if (!(value instanceof String)) {
            return value;
        }
        String text = ((String) value).trim();
        if (MISSING.contains(text)) {
            return null;
        }
        if (INTEGER.matcher(text).matches()) {
            long number = Long.parseLong(text);
            return number == (int) number ? (Object) (int) number : (Object) number;
        }
        if (DECIMAL.matcher(text).matches()) {
            return finiteOrNull(Double.parseDouble(text));
        }
        return value;
    }

    /** Rewrites {@code title: 'text', titlefont: {...}} to {@code title: {text, font}}. */
    @SuppressWarnings("unchecked")
    private static void repairLayout(Map<String, Object> layout) {
        rewriteTitle(layout);
        for (Map.Entry<String, Object> entry : layout.entrySet()) {
            if (AXIS_KEY.matcher(entry.getKey()).matches() && entry.getValue() instanceof Map) {
                Map<String, Object> axis = (Map<String, Object>) entry.getValue();
                rewriteTitle(axis);
                repairAxis(axis);
            }
        }
    }

    /**
     * tablesaw quotes some axis values: {@code range: ["0", "1"]}, {@code autorange: 'false'},
     * {@code nticks: '5'}. plotly.js would ignore the quoted boolean; numbers and booleans go back.
     */
    private static void repairAxis(Map<String, Object> axis) {
        if (axis.containsKey("range")) {
            axis.put("range", numbersFromStrings(axis.get("range")));
        }
        for (String key : List.of("autorange", "showgrid", "showline", "zeroline", "visible")) {
            Object value = axis.get(key);
            if ("true".equals(value) || "false".equals(value)) {
                axis.put(key, Boolean.parseBoolean((String) value));
            }
        }
        for (String key : List.of("nticks", "scaleratio")) {
            Object value = axis.get(key);
            if (value instanceof String && DECIMAL.matcher((String) value).matches()) {
                axis.put(key, numbersFromStrings(value));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void rewriteTitle(Map<String, Object> owner) {
        Object title = owner.get("title");
        Object font = owner.remove("titlefont");
        if (title == null && font == null) {
            return;
        }
        Map<String, Object> rewritten;
        if (title instanceof Map) {
            rewritten = (Map<String, Object>) title;
        } else {
            rewritten = new LinkedHashMap<>();
            rewritten.put("text", title == null ? "" : title.toString());
        }
        if (font != null && !rewritten.containsKey("font")) {
            rewritten.put("font", font);
        }
        owner.put("title", rewritten);
    }

    /** The text of a title in either form, entities decoded; "" if there is none. */
    static String titleText(Object owner) {
        if (!(owner instanceof Map)) {
            return "";
        }
        Object title = ((Map<?, ?>) owner).get("title");
        if (title instanceof Map) {
            title = ((Map<?, ?>) title).get("text");
        }
        return plainText(title);
    }

    /**
     * Decodes the HTML entities that tablesaw's templates write ({@code &amp; &lt; &gt; &quot;
     * &#39;} and numeric ones) and drops plotly's {@code <br>} line breaks to spaces.
     */
    static String plainText(Object text) {
        if (text == null) {
            return "";
        }
        String s = text.toString().replaceAll("(?i)<br\\s*/?>", " ");
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int end = c == '&' ? s.indexOf(';', i) : -1;
            if (end > i && end - i <= 10) {
                String entity = s.substring(i + 1, end);
                String decoded = decodeEntity(entity);
                if (decoded != null) {
                    out.append(decoded);
                    i = end + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String decodeEntity(String entity) {
        switch (entity) {
            case "amp":
                return "&";
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "quot":
                return "\"";
            case "apos":
                return "'";
            case "nbsp":
                return " ";
            default:
                break;
        }
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)));
            }
            if (entity.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
