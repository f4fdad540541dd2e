package workbook.display;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;

@DisplayName("A grid of figures is one picture, the figures tiled row by row")
class FigureGridTest {

    private static Figure curve(String title, double slope) {
        return Plots.line(title, "x", Scale.LINEAR, "y", Scale.LINEAR,
                Map.of("line", new double[][] {{0, 1, 2}, {0, slope, 2 * slope}}));
    }

    @Test
    @DisplayName("three figures, two to a row: two rows, the empty fourth cell white, each cell as drawn alone")
    void tiles() {
        Figure a = curve("a", 1), b = curve("b", -1), c = curve("c", 2);
        BufferedImage grid = FigureGrid.image(List.of(a, b, c), 2, 120, 90);
        BufferedImage alone = FigureBundle.image(b, 120, 90);
        int differing = 0;
        for (int px = 0; px < 120; px++) {
            for (int py = 0; py < 90; py++) {
                if ((grid.getRGB(120 + px, py) & 0xFFFFFF) != (alone.getRGB(px, py) & 0xFFFFFF)) {
                    differing++;
                }
            }
        }
        int finalDiffering = differing;
        assertAll(
                () -> assertEquals(240, grid.getWidth()),
                () -> assertEquals(180, grid.getHeight()),
                () -> assertEquals(0, finalDiffering, "the second cell is figure b as drawn alone"),
                () -> assertEquals(0xFFFFFF, grid.getRGB(239, 179) & 0xFFFFFF, "the empty cell is white"),
                () -> assertNotEquals(0xFFFFFF, grid.getRGB(60, 45) & 0xFFFFFF, "the first cell is drawn"));
    }

    @Test
    @DisplayName("fewer figures than columns: the picture is only as wide as the figures")
    void narrow() {
        BufferedImage grid = FigureGrid.image(List.of(curve("a", 1)), 4, 100, 80);
        assertAll(() -> assertEquals(100, grid.getWidth()), () -> assertEquals(80, grid.getHeight()));
    }

    @Test
    @DisplayName("no figures, or columns below 1, are refused with a message that says what was expected")
    void refuses() {
        IllegalArgumentException empty =
                assertThrows(IllegalArgumentException.class, () -> FigureGrid.image(List.of(), 2, 100, 80));
        IllegalArgumentException columns =
                assertThrows(IllegalArgumentException.class, () -> FigureGrid.image(List.of(curve("a", 1)), 0, 100, 80));
        assertAll(
                () -> assertTrue(empty.getMessage().contains("at least one figure"), empty.getMessage()),
                () -> assertTrue(columns.getMessage().contains("columns is 0"), columns.getMessage()));
    }
}
