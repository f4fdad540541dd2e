package backprop.data;

import backprop.Require;
import java.util.Random;

/**
 * The lessons' data sets, each generated from an explicit seed: the same seed gives the same data
 * bit for bit. Draws use {@link Random#nextGaussian()} and {@link Random#nextDouble()} in a fixed
 * order, documented per method. (NumPy's generator is a different one, so the lessons' exact points
 * are not reproduced; their distributions are.)
 */
public final class DataSets {

    private DataSets() {
    }

    /**
     * Lesson A: {@code x ~ N(0, I)} in two dimensions, label 1 when {@code x1 + x2 > 0}; linearly
     * separable. Lesson A uses 1000 points.
     *
     * @param points number of points, at least 1
     * @param seed random seed
     * @return the data set
     * @throws IllegalArgumentException if points is below 1, or the data set would not fit in
     *     memory (the message gives the memory it needs)
     */
    public static DataSet linear(int points, long seed) {
        Require.atLeast("points", points, 1);
        requireRoom(points);
        Random random = new Random(seed);
        double[] x = new double[2 * points];
        double[] y = new double[points];
        for (int n = 0; n < points; n++) {
            x[2 * n] = random.nextGaussian();
            x[2 * n + 1] = random.nextGaussian();
            y[n] = x[2 * n] + x[2 * n + 1] > 0 ? 1 : 0;
        }
        return new DataSet("linear x1 + x2 > 0 (" + points + " points)", 2, x, y);
    }

    /**
     * Lesson B's circle: {@code x ~ N(0, I)} in two dimensions, label 1 inside the circle
     * {@code x1² + x2² < 1.5}. About 53% of points fall inside (the chi-squared probability
     * {@code 1 - e^-0.75}). Lesson B uses 500 points.
     *
     * @param points number of points, at least 1
     * @param seed random seed
     * @return the data set
     * @throws IllegalArgumentException if points is below 1, or the data set would not fit in
     *     memory (the message gives the memory it needs)
     */
    public static DataSet circle(int points, long seed) {
        Require.atLeast("points", points, 1);
        requireRoom(points);
        Random random = new Random(seed);
        double[] x = new double[2 * points];
        double[] y = new double[points];
        for (int n = 0; n < points; n++) {
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            x[2 * n] = x1;
            x[2 * n + 1] = x2;
            y[n] = x1 * x1 + x2 * x2 < 1.5 ? 1 : 0;
        }
        return new DataSet("circle x1² + x2² < 1.5 (" + points + " points)", 2, x, y);
    }

    /**
     * XOR: four Gaussian clusters centred at {@code (±1, ±1)} with standard deviation
     * {@code noise}; label 1 when the centre's coordinates have opposite signs. Points are assigned
     * to the clusters in turn, so each holds a quarter (± 1).
     *
     * @param points number of points, at least 1
     * @param noise standard deviation around each centre, finite and >= 0
     * @param seed random seed
     * @return the data set
     * @throws IllegalArgumentException if points is below 1 or noise is negative or not finite, or
     *     the data set would not fit in memory
     */
    public static DataSet xor(int points, double noise, long seed) {
        Require.atLeast("points", points, 1);
        requireRoom(points);
        Require.nonNegativeFinite("noise", noise);
        Random random = new Random(seed);
        double[] x = new double[2 * points];
        double[] y = new double[points];
        for (int n = 0; n < points; n++) {
            double c1 = (n & 1) == 0 ? 1 : -1;
            double c2 = (n & 2) == 0 ? 1 : -1;
            x[2 * n] = c1 + noise * random.nextGaussian();
            x[2 * n + 1] = c2 + noise * random.nextGaussian();
            y[n] = c1 != c2 ? 1 : 0;
        }
        return new DataSet("XOR (" + points + " points, noise " + noise + ")", 2, x, y);
    }

    /**
     * Lesson B's two spirals: for each class, {@code pointsPerClass} angles {@code t} evenly spaced
     * on [0, 3π] (three half-turns); class 0 at {@code (t cos t, t sin t)}, class 1 rotated by π;
     * Gaussian noise of standard deviation {@code noise} on each coordinate; then each feature
     * standardised to mean 0 and (population) standard deviation 1 over all points. Lesson B uses
     * 300 points per class and noise 0.15. Rows: all of class 0, then all of class 1.
     *
     * @param pointsPerClass points in each spiral, at least 2
     * @param noise standard deviation of the noise, finite and >= 0
     * @param seed random seed
     * @return the data set, {@code 2 · pointsPerClass} rows
     * @throws IllegalArgumentException if pointsPerClass is below 2 or noise is invalid, or the
     *     data set would not fit in memory
     */
    public static DataSet spirals(int pointsPerClass, double noise, long seed) {
        Require.atLeast("pointsPerClass", pointsPerClass, 2);
        Require.nonNegativeFinite("noise", noise);
        requireRoom(2L * pointsPerClass);
        Random random = new Random(seed);
        int rows = 2 * pointsPerClass;
        double[] x = new double[2 * rows];
        double[] y = new double[rows];
        for (int c = 0; c < 2; c++) {
            double turn = c * Math.PI;
            // NumPy draws all x-noise of a spiral, then all y-noise; the same order here.
            double[] nx = new double[pointsPerClass];
            double[] ny = new double[pointsPerClass];
            for (int k = 0; k < pointsPerClass; k++) {
                nx[k] = random.nextGaussian() * noise;
            }
            for (int k = 0; k < pointsPerClass; k++) {
                ny[k] = random.nextGaussian() * noise;
            }
            for (int k = 0; k < pointsPerClass; k++) {
                double t = 3 * Math.PI * k / (pointsPerClass - 1);
                int n = c * pointsPerClass + k;
                x[2 * n] = t * Math.cos(t + turn) + nx[k];
                x[2 * n + 1] = t * Math.sin(t + turn) + ny[k];
                y[n] = c;
            }
        }
        standardise(x, rows, 2);
        return new DataSet("two spirals (" + rows + " points, noise " + noise + ")", 2, x, y);
    }

    /** Shifts and scales each column to mean 0 and population standard deviation 1, in place. */
    private static void standardise(double[] x, int rows, int features) {
        for (int j = 0; j < features; j++) {
            double mean = 0;
            for (int n = 0; n < rows; n++) {
                mean += x[n * features + j];
            }
            mean /= rows;
            double variance = 0;
            for (int n = 0; n < rows; n++) {
                double d = x[n * features + j] - mean;
                variance += d * d;
            }
            double std = Math.sqrt(variance / rows);
            for (int n = 0; n < rows; n++) {
                x[n * features + j] = std == 0 ? 0 : (x[n * features + j] - mean) / std;
            }
        }
    }

    /**
     * Refuses a data set that cannot be made: two features and a label per row, generated here and
     * copied once into the {@link DataSet}, so 6 doubles (48 bytes) per row at the peak.
     */
    private static void requireRoom(long rows) {
        Require.arrayLength("x of a data set of " + Require.count(rows) + " points with 2 features", 2 * rows);
        Require.memory("a data set of " + Require.count(rows) + " points (x, y and the data set's own copy)",
                48 * rows);
    }
}
