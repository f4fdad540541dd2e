package exercises.spirals;

import backprop.data.DataSet;
import backprop.data.DataSets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import workbook.grading.Check;
import workbook.grading.Diagnosis;
import workbook.grading.Show;

@DisplayName("Task 1 · the two spirals, generated and standardised")
@Tag("task:1")
class SpiralsTest {

    private static final String NOT_STANDARDISED =
            "your points are not standardised: after adding the noise, shift each column to mean 0 and divide "
                    + "it by its standard deviation";
    private static final String SAME_SPIRAL =
            "both classes lie on the same spiral: class c is turned by cπ, so use cos(t + cπ) and sin(t + cπ)";
    private static final String SAMPLE_STD =
            "you divided by the sample standard deviation (sum over n − 1): the lesson uses the population one, "
                    + "σ² = (1/N) Σ (x − μ)² over all N = 2 · pointsPerClass rows";
    private static final String SPACING =
            "your angles stop short of 3π: t = 3πk/(n − 1) for k = 0 … n − 1 puts the last point at exactly 3π";
    private static final String SWAPPED =
            "x1 and x2 are swapped: x1 = t cos(t + cπ) and x2 = t sin(t + cπ)";
    private static final String INTERLEAVED =
            "your classes alternate row by row: the rows are all of class 0 first, then all of class 1";

    /** The noise-free spiral of the lesson, before standardisation, with the knobs of the classic mistakes. */
    static double[] raw(int n, double turn, int spacing, boolean swapped) {
        double[] x = new double[4 * n];
        for (int c = 0; c < 2; c++) {
            for (int k = 0; k < n; k++) {
                double t = 3 * Math.PI * k / spacing;
                int row = c * n + k;
                double cos = t * Math.cos(t + c * turn);
                double sin = t * Math.sin(t + c * turn);
                x[2 * row] = swapped ? sin : cos;
                x[2 * row + 1] = swapped ? cos : sin;
            }
        }
        return x;
    }

    static double[] lessonRaw(int n) {
        return raw(n, Math.PI, n - 1, false);
    }

    /** Column means and standard deviations of a 2-column array, with {@code rows − ddof} as divisor. */
    static double[][] moments(double[] x, int ddof) {
        int rows = x.length / 2;
        double[] mean = new double[2];
        double[] std = new double[2];
        for (int j = 0; j < 2; j++) {
            double sum = 0;
            for (int n = 0; n < rows; n++) {
                sum += x[2 * n + j];
            }
            mean[j] = sum / rows;
            double squares = 0;
            for (int n = 0; n < rows; n++) {
                double d = x[2 * n + j] - mean[j];
                squares += d * d;
            }
            std[j] = Math.sqrt(squares / (rows - ddof));
        }
        return new double[][] {mean, std};
    }

    static double[] standardised(double[] x, int ddof) {
        double[][] m = moments(x, ddof);
        double[] s = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            s[i] = (x[i] - m[0][i % 2]) / m[1][i % 2];
        }
        return s;
    }

    /** The rows of class 0 and class 1 taken in turns: row 2k + c holds point k of class c. */
    static double[] interleaved(double[] x) {
        int n = x.length / 4;
        double[] s = new double[x.length];
        for (int c = 0; c < 2; c++) {
            for (int k = 0; k < n; k++) {
                int from = c * n + k;
                int to = 2 * k + c;
                s[2 * to] = x[2 * from];
                s[2 * to + 1] = x[2 * from + 1];
            }
        }
        return s;
    }

    static String inputs(int n, double noise, long seed) {
        return "Spirals.generate(pointsPerClass = " + n + ", noise = " + Show.num(noise) + ", seed = " + seed + ")";
    }

    /** Calls the exercise and checks the shape of what comes back. */
    static DataSet generate(int n, double noise, long seed) {
        String inputs = inputs(n, noise, seed);
        DataSet d = Spirals.generate(n, noise, seed);
        Check.that(d != null, "generate returned null: expected a data set", inputs);
        Check.that(d.features() == 2, "your data set has " + d.features() + " features: expected 2 (x1, x2)",
                inputs);
        Check.that(d.rows() == 2 * n, "your data set has " + d.rows() + " rows: expected 2 · pointsPerClass = "
                + 2 * n, inputs);
        return d;
    }

    @ParameterizedTest(name = "{0} points per class, seed {1}")
    @CsvSource({"3, 1", "8, 2", "50, 42", "300, 7"})
    @DisplayName("with noise 0 the points equal the library's DataSets.spirals, to 1e-12")
    void noiseFree(int n, long seed) {
        String inputs = inputs(n, 0.0, seed);
        DataSet d = generate(n, 0.0, seed);
        double[] expected = DataSets.spirals(n, 0.0, seed).x();
        Diagnosis.of("x", expected, d.x(), inputs)
                .tolerance(1e-12)
                .mistake(lessonRaw(n), NOT_STANDARDISED)
                .mistake(standardised(raw(n, 0, n - 1, false), 0), SAME_SPIRAL)
                .mistake(standardised(lessonRaw(n), 1), SAMPLE_STD)
                .mistake(standardised(raw(n, Math.PI, n, false), 0), SPACING)
                .mistake(standardised(raw(n, Math.PI, n - 1, true), 0), SWAPPED)
                .mistake(interleaved(expected), INTERLEAVED)
                .verify();
    }

    @ParameterizedTest(name = "{0} points per class, noise {1}, seed {2}")
    @CsvSource({"3, 0.0, 1", "50, 0.15, 42", "300, 0.15, 7", "120, 0.3, 5"})
    @DisplayName("labels: pointsPerClass zeros, then pointsPerClass ones")
    void labels(int n, double noise, long seed) {
        DataSet d = generate(n, noise, seed);
        double[] expected = new double[2 * n];
        double[] alternating = new double[2 * n];
        for (int row = 0; row < 2 * n; row++) {
            expected[row] = row < n ? 0 : 1;
            alternating[row] = row % 2;
        }
        Diagnosis.of("y", expected, d.y(), inputs(n, noise, seed))
                .mistake(alternating, INTERLEAVED)
                .verify();
    }

    @ParameterizedTest(name = "{0} points per class, noise {1}, seeds {2} and {3}")
    @CsvSource({"50, 0.15, 42, 43", "300, 0.15, 7, 8", "120, 0.3, 5, 1005"})
    @DisplayName("with noise, the same seed gives the same data and another seed other data")
    void seeds(int n, double noise, long seed, long otherSeed) {
        String inputs = inputs(n, noise, seed);
        DataSet d = generate(n, noise, seed);
        DataSet again = generate(n, noise, seed);
        Check.closeArrays("x for the same seed, called twice", d.x(), again.x(), 1e-12, inputs + ", called twice");
        DataSet other = generate(n, noise, otherSeed);
        double[] a = d.x();
        double[] b = other.x();
        double largest = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.abs(a[i] - b[i]));
        }
        Check.that(largest > 1e-3, "seeds " + seed + " and " + otherSeed + " gave the same points (largest "
                + "difference " + Show.num(largest) + "): draw the noise from new Random(seed), and add it",
                inputs + " and seed = " + otherSeed);
    }

    @ParameterizedTest(name = "{0} points per class, noise {1}, seed {2}")
    @CsvSource({"3, 0.0, 1", "50, 0.15, 42", "300, 0.15, 7", "120, 0.3, 5", "200, 1.0, 3"})
    @DisplayName("each column has mean 0 and population standard deviation 1")
    void moments(int n, double noise, long seed) {
        String inputs = inputs(n, noise, seed);
        DataSet d = generate(n, noise, seed);
        double[][] m = moments(d.x(), 0);
        int rows = 2 * n;
        for (int j = 0; j < 2; j++) {
            Check.that(Math.abs(m[0][j]) <= 1e-9, "column x" + (j + 1) + " has mean " + Show.num(m[0][j])
                    + ": expected 0; " + NOT_STANDARDISED, inputs);
            Diagnosis.of("population standard deviation of column x" + (j + 1), 1.0, m[1][j], inputs)
                    .mistake(Math.sqrt((rows - 1.0) / rows), SAMPLE_STD)
                    .verify();
        }
    }

    @ParameterizedTest(name = "{0} points per class, noise {1}, seed {2}")
    @CsvSource({"50, 0.15, 42", "300, 0.15, 7", "120, 0.3, 5", "200, 0.05, 3"})
    @DisplayName("each point lies within a few noise σ of its noise-free spiral point, and the noise has size σ")
    void nearTheSpiral(int n, double noise, long seed) {
        String inputs = inputs(n, noise, seed);
        DataSet d = generate(n, noise, seed);
        double[] clean = lessonRaw(n);
        double[] sigma = moments(clean, 0)[1];
        double[] cleanStandardised = standardised(clean, 0);
        double[] x = d.x();
        double squares = 0;
        for (int i = 0; i < x.length; i++) {
            int j = i % 2;
            // A noise of σ moves a point by σ / σ_j after standardising; 7 σ allows for the shift of the
            // mean and the standard deviation that the noise itself causes.
            double allowed = 7 * noise / sigma[j];
            double off = x[i] - cleanStandardised[i];
            Check.that(Math.abs(off) <= allowed, "row " + i / 2 + ", x" + (j + 1) + " is " + Show.num(x[i])
                    + " but the noise-free point, standardised the same way, is " + Show.num(cleanStandardised[i])
                    + ": more than 7 noise σ away (" + Show.num(Math.abs(off) / (noise / sigma[j])) + " σ). "
                    + "Is the spiral right (t = 3πk/(n − 1), class c turned by cπ, rows of class 0 first), and "
                    + "standardised after the noise was added?", inputs);
            double rawOff = off * sigma[j];
            squares += rawOff * rawOff;
        }
        double size = Math.sqrt(squares / x.length);
        Check.that(size >= 0.7 * noise && size <= 1.3 * noise, "the noise you added has a standard deviation "
                + "of about " + Show.num(size) + " (measured before standardising): expected noise = "
                + Show.num(noise) + "; add noise · random.nextGaussian() to each coordinate before standardising",
                inputs);
    }
}
