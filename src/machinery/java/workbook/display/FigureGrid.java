package workbook.display;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import tech.tablesaw.plotly.components.Figure;

/**
 * Several figures as one static picture, tiled row by row: for a series of snapshots (a decision
 * boundary at several epochs, say) that would be too many figures one below the other.
 *
 * <pre>{@code
 * display(FigureGrid.image(List.of(before, after), 2, 360, 300));
 * }</pre>
 *
 * <p>The picture is a {@link BufferedImage}, which the kernel shows as {@code image/png}; it is not
 * interactive. Each cell is drawn as {@link FigureBundle#image} draws a single figure.
 */
public final class FigureGrid {

    private FigureGrid() {}

    /**
     * The figures drawn side by side, {@code columns} to a row, each {@code cellWidth × cellHeight}
     * pixels; a last row that is not full is left white on the right.
     *
     * @param figures the figures, at least one; not modified
     * @param columns figures per row, at least 1
     * @param cellWidth pixels per figure across, 1 to 4000
     * @param cellHeight pixels per figure down, 1 to 4000
     * @return a new image, {@code columns·cellWidth} wide (fewer columns if there are fewer
     *     figures) and {@code rows·cellHeight} high
     * @throws NullPointerException if figures or one of them is null
     * @throws IllegalArgumentException if there are no figures, columns is below 1, a size is out of
     *     range, or a figure has a trace the static renderer cannot draw
     */
    public static BufferedImage image(List<Figure> figures, int columns, int cellWidth, int cellHeight) {
        FigureArguments.notNull("figures", figures, "a list of figures, e.g. List.of(a, b)");
        if (figures.isEmpty()) {
            throw new IllegalArgumentException("figures is empty: expected at least one figure");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns is " + columns + ": expected at least 1");
        }
        int across = Math.min(columns, figures.size());
        int rows = (figures.size() + columns - 1) / columns;
        BufferedImage[] cells = new BufferedImage[figures.size()];
        for (int k = 0; k < cells.length; k++) {
            Figure figure = figures.get(k);
            if (figure == null) {
                throw new NullPointerException("figures[" + k + "] is null: expected a figure");
            }
            cells[k] = FigureBundle.image(figure, cellWidth, cellHeight);
        }
        BufferedImage grid = new BufferedImage(across * cellWidth, rows * cellHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
            for (int k = 0; k < cells.length; k++) {
                g.drawImage(cells[k], (k % columns) * cellWidth, (k / columns) * cellHeight, null);
            }
        } finally {
            g.dispose();
        }
        return grid;
    }
}
