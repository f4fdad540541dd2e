package workbook.grading;

import java.util.Locale;

/** Short, readable renderings of numbers and arrays for failure messages. */
public final class Show {

    private static final int SHOWN = 6;

    private Show() {
    }

    /** @return {@code v} with 6 significant digits, e.g. {@code 0.693147}, {@code -1.23457e-08} */
    public static String num(double v) {
        if (v == 0) {
            return (1 / v < 0) ? "-0" : "0";
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) {
            String s = String.format(Locale.ROOT, "%.6g", v);
            if (s.contains(".") && !s.contains("e")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s;
        }
        return String.format(Locale.ROOT, "%.5e", v).replaceAll("0+e", "e").replace(".e", "e");
    }

    /**
     * @return {@code "e but got a"}, each with 6 significant digits, or with every digit when 6 would
     *     make two different numbers look the same
     */
    public static String pair(double expected, double actual) {
        String e = num(expected);
        String a = num(actual);
        if (e.equals(a) && Double.compare(expected, actual) != 0) {
            e = Double.toString(expected);
            a = Double.toString(actual);
        }
        return e + " but got " + a;
    }

    /** @return the first values of {@code values} and their count, e.g. {@code [0.1, 0.2, … 12 values]} */
    public static String array(double[] values) {
        if (values == null) {
            return "null";
        }
        StringBuilder s = new StringBuilder("[");
        int shown = Math.min(SHOWN, values.length);
        for (int i = 0; i < shown; i++) {
            s.append(i == 0 ? "" : ", ").append(num(values[i]));
        }
        if (values.length > shown) {
            s.append(", … ").append(values.length).append(" values");
        }
        return s.append("]").toString();
    }

    /** @return layer sizes as the lessons write them, e.g. {@code 2-16-8-1} */
    public static String sizes(int[] sizes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < sizes.length; i++) {
            s.append(i == 0 ? "" : "-").append(sizes[i]);
        }
        return s.toString();
    }
}
