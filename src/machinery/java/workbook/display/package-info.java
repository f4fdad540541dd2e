/**
 * Figures for the workbook and their display in notebooks.
 *
 * <ul>
 *   <li>{@link workbook.display.Plots} builds the workbook's figures (learning curves, decision
 *       boundaries, activation curves, gradient-check, timing and gradient-norm charts) as
 *       tablesaw-jsplot {@code Figure}s;
 *   <li>{@link workbook.display.FigureBundle} turns any such figure into one output with three MIME
 *       types: plotly JSON (interactive), a PNG drawn by XChart (static) and a line of text;
 *   <li>{@link workbook.display.NotebookDisplay} shows a bundle in a JJava notebook and updates it in
 *       place; it is the only class that talks to the kernel.
 *   <li>{@link workbook.display.ComputationGraph} draws lesson 03's 1-1-1 network as a computation
 *       graph (Java2D, no Graphviz) with the forward value and gradient on every node, and shows it
 *       as a PNG with a text description, through NotebookDisplay.
 * </ul>
 *
 * <p>Nothing here prints, writes files or opens a browser.
 */
package workbook.display;
