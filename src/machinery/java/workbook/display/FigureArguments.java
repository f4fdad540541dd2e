package workbook.display;

import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Argument checks for the figure builders, with the lesson library's rule: a null argument is a
 * {@link NullPointerException} naming it, any other bad value an {@link IllegalArgumentException}
 * whose message names the argument, the bad value or both sizes, and what was expected. The kernel
 * shows only the top-level message, so it has to say everything.
 */
final class FigureArguments {

    private FigureArguments() {}

    static <T> T notNull(String name, T value, String expected) {
        if (value == null) {
            throw new NullPointerException(name + " is null: expected " + expected);
        }
        return value;
    }

    static <V> Map<String, V> notEmpty(String name, Map<String, V> series) {
        notNull(name, series, "a map from each series' name to its values");
        if (series.isEmpty()) {
            throw new IllegalArgumentException(name + " must hold at least one series, got none");
        }
        for (Map.Entry<String, V> entry : series.entrySet()) {
            if (entry.getKey() == null) {
                throw new IllegalArgumentException(name + " has a series named null; every series needs a name");
            }
            notNull(name + "[\"" + entry.getKey() + "\"]", entry.getValue(), "the values of series \"" + entry.getKey() + "\"");
        }
        return series;
    }

    static void sameLength(String nameA, double[] a, String nameB, double[] b) {
        notNull(nameA, a, "an array of numbers");
        notNull(nameB, b, "an array of numbers");
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    nameA
                            + " and "
                            + nameB
                            + " must have the same length: "
                            + a.length
                            + " != "
                            + b.length);
        }
    }

    /** The values of a numeric column of {@code table}, missing values as NaN. */
    static double[] numericColumn(String tableName, Table table, String column, String expected) {
        notNull(tableName, table, "a table with a column \"" + column + "\"");
        if (!table.containsColumn(column)) {
            throw new IllegalArgumentException(
                    tableName
                            + " has no column \""
                            + column
                            + "\"; its columns are "
                            + table.columnNames()
                            + "; expected "
                            + expected);
        }
        Column<?> found = table.column(column);
        if (!(found instanceof NumericColumn)) {
            throw new IllegalArgumentException(
                    tableName
                            + " column \""
                            + column
                            + "\" is a "
                            + found.type()
                            + " column; expected "
                            + expected);
        }
        return ((NumericColumn<?>) found).asDoubleArray();
    }

    static double[] positiveFinite(String name, double[] values) {
        notNull(name, values, "an array of positive numbers");
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0) || Double.isInfinite(values[i])) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] is " + values[i] + "; expected a finite number > 0 (log axis)");
            }
        }
        return values;
    }
}
