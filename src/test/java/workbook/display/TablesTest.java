package workbook.display;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

@DisplayName("Table columns print as the lessons write numbers, whatever the machine's language")
class TablesTest {

    @Test
    @DisplayName("a fixed pattern, a decimal point even under a comma locale, and NaN shown as text")
    void printing() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            Table t = Table.create("t", Tables.column("p", "0.0000", 0.5, 1.0 / 3),
                    Tables.texts("v", "%.3g", Double.NaN, 12345.678));
            String printed = t.print();
            assertAll(
                    () -> assertTrue(printed.contains("0.5000"), printed),
                    () -> assertTrue(printed.contains("0.3333"), printed),
                    () -> assertTrue(printed.contains("NaN"), printed),
                    () -> assertTrue(printed.contains("1.23e+04"), printed),
                    () -> assertTrue(percent().contains("95.0%"), percent()));
        } finally {
            Locale.setDefault(before);
        }
    }

    static String percent() {
        tech.tablesaw.api.DoubleColumn c = tech.tablesaw.api.DoubleColumn.create("accuracy", 0.95);
        c.setPrintFormatter(Tables.formatter("0.0%"));
        return Table.create("t", c).print();
    }
}
