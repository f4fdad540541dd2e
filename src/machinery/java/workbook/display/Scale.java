package workbook.display;

/** How an axis maps values to positions. */
public enum Scale {
    /** Equal distances for equal differences. */
    LINEAR,
    /** Equal distances for equal ratios (powers of ten); values at or below zero are not drawn. */
    LOG
}
