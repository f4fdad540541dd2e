package workbook.display;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Small helpers for the notebooks' Tablesaw tables: columns that print the way the lessons write
 * numbers, with a decimal point whatever the machine's language ({@link Locale#ROOT}).
 *
 * <pre>{@code
 * Table t = Table.create("BCE", Tables.column("p", "0.00", p), Tables.column("BCE", "0.0000", loss));
 * history.doubleColumn("accuracy").setPrintFormatter(Tables.formatter("0.0%"));
 * }</pre>
 */
public final class Tables {

    private Tables() {}

    /**
     * A number format for {@code setPrintFormatter}, with a decimal point whatever the locale.
     *
     * @param pattern a {@link DecimalFormat} pattern: {@code "0.0000"} (four decimals),
     *     {@code "0.00E0"} (scientific), {@code "0.0%"}, {@code "+0.0000;-0.0000"} (signed)
     * @throws NullPointerException if pattern is null
     * @throws IllegalArgumentException if pattern is not a valid DecimalFormat pattern
     */
    public static NumberColumnFormatter formatter(String pattern) {
        FigureArguments.notNull("pattern", pattern, "a DecimalFormat pattern such as \"0.0000\"");
        return new NumberColumnFormatter(new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)));
    }

    /**
     * A number column that prints with a fixed pattern (see {@link #formatter}).
     *
     * @param name the column's name
     * @param pattern e.g. {@code "0.0000"}
     * @param values its values (copied)
     * @throws NullPointerException if an argument is null
     */
    public static DoubleColumn column(String name, String pattern, double... values) {
        FigureArguments.notNull("name", name, "the column's name");
        FigureArguments.notNull("values", values, "the column's values");
        DoubleColumn c = DoubleColumn.create(name, values);
        c.setPrintFormatter(formatter(pattern));
        return c;
    }

    /**
     * A column of numbers written as text with a {@code printf} format such as {@code "%.6g"}.
     * Unlike a number column it shows NaN and infinity (Tablesaw treats NaN as a missing value and
     * prints it blank).
     *
     * @param name the column's name
     * @param format a format with one {@code %} conversion for a double
     * @param values its values
     * @throws NullPointerException if an argument is null
     */
    public static StringColumn texts(String name, String format, double... values) {
        FigureArguments.notNull("name", name, "the column's name");
        FigureArguments.notNull("format", format, "a printf format such as \"%.6g\"");
        FigureArguments.notNull("values", values, "the column's values");
        StringColumn c = StringColumn.create(name);
        for (double v : values) {
            c.append(String.format(Locale.ROOT, format, v));
        }
        return c;
    }
}
