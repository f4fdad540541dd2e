package workbook.display;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * Tick labels for a logarithmic axis of the static image. XChart labels every decade, in a format
 * that changes half-way (0.001, then 1E-4): over many decades the labels run into each other. These
 * labels use one format ({@code 0.001 ... 10000}, beyond that {@code 1e-7}, {@code 1e12}) and, when
 * the decades outnumber the room, label only every k-th decade, always including 10⁰ = 1 when it is
 * on the axis. An axis spanning at most {@value #NARROW_DECADES} decades, which would show one label
 * or none, also labels 2 and 5 times each power of ten.
 */
final class LogAxisLabels {

    /** The room one label needs along the axis, in pixels. */
    static final int PIXELS_PER_LABEL = 28;

    /** Up to this many decades an axis also labels 2 and 5 times each power of ten. */
    static final int NARROW_DECADES = 2;

    private LogAxisLabels() {}

    /**
     * @param range the smallest and largest value on the axis, both > 0
     * @param pixels the axis length in pixels
     * @return a formatting function for XChart's tick labels
     */
    static Function<Double, String> forRange(double[] range, int pixels) {
        int decades = decades(range);
        int room = Math.max(2, pixels / PIXELS_PER_LABEL);
        int every = (decades + room - 1) / room;
        boolean narrow = isNarrow(range);
        return value -> label(value, every, narrow);
    }

    /** @return true if the axis should show ticks between decades too (XChart's decade-only off) */
    static boolean isNarrow(double[] range) {
        return decades(range) <= NARROW_DECADES;
    }

    private static int decades(double[] range) {
        int low = (int) Math.floor(Math.log10(range[0]));
        int high = (int) Math.ceil(Math.log10(range[1]));
        return Math.max(1, high - low);
    }

    static String label(double value, int every, boolean narrow) {
        if (!(value > 0) || Double.isInfinite(value)) {
            return "";
        }
        int exponent = (int) Math.floor(Math.log10(value) + 1e-9);
        double mantissa = value / Math.pow(10, exponent);
        long digit = Math.round(mantissa);
        if (Math.abs(mantissa - digit) > 1e-6) {
            return "";
        }
        boolean decade = digit == 1 && exponent % every == 0;
        boolean between = narrow && (digit == 2 || digit == 5);
        if (!decade && !between) {
            return "";
        }
        if (exponent >= -3 && exponent <= 4) {
            return BigDecimal.valueOf(digit).scaleByPowerOfTen(exponent).stripTrailingZeros().toPlainString();
        }
        return digit + "e" + exponent;
    }
}
