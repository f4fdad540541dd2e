package backprop.data;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How far the spirals turn, measured on the published (standardised) points.
 *
 * <p>Without noise, class 1 is class 0 negated, so the mean of both features is 0 (up to rounding)
 * and standardising only divides each feature by a positive number. That map sends every ray from
 * the origin to a ray in the same quadrant and keeps the axes, so it preserves the winding: the
 * unwrapped polar angle of class 0, followed point by point, still ends exactly where the curve
 * {@code (t cos t, t sin t)} does, at {@code t = 3π} on the negative x1 axis. Consecutive points
 * are less than a quarter turn apart, which keeps the unwrapping unambiguous.
 */
@Timeout(2) // every test loops; each takes well under a second
@DisplayName("Spiral geometry")
class SpiralGeometryTest {

    /** Rounding in sin(3π), in the mean, and in the unwrapping steps. */
    private static final double ANGLE_ROUNDING = 1e-9;

    /**
     * The unwrapped angle of class 0's points 1 .. n-1, starting from point 1's angle in (0, π/2)
     * (point 0 is the centre, t = 0, where the angle is undefined).
     */
    private static double[] unwrappedAngles(DataSet d, int pointsPerClass) {
        double[] x = d.x();
        double[] angle = new double[pointsPerClass];
        angle[1] = Math.atan2(x[3], x[2]);
        for (int k = 2; k < pointsPerClass; k++) {
            double previous = Math.atan2(x[2 * k - 1], x[2 * k - 2]);
            double current = Math.atan2(x[2 * k + 1], x[2 * k]);
            double step = current - previous;
            if (step > Math.PI) {
                step -= 2 * Math.PI;
            } else if (step <= -Math.PI) {
                step += 2 * Math.PI;
            }
            angle[k] = angle[k - 1] + step;
        }
        return angle;
    }

    @ParameterizedTest(name = "{0} points per class, seed {1}")
    @CsvSource({
        "10,  1",
        "50,  7",
        "300, 42",
    })
    @DisplayName("turn three half-turns (3π) counter-clockwise without noise, ending on the negative x1 axis")
    void threeHalfTurns(int pointsPerClass, long seed) {
        DataSet d = DataSets.spirals(pointsPerClass, 0.0, seed);
        double[] angle = unwrappedAngles(d, pointsPerClass);
        int last = pointsPerClass - 1;
        double lastX1 = d.x()[2 * last];
        double lastX2 = d.x()[2 * last + 1];
        assertAll(
                () -> assertTrue(angle[1] > 0 && angle[1] < Math.PI / 2,
                        "point 1 lies in the first quadrant, angle " + angle[1]),
                () -> assertEquals(3 * Math.PI, angle[last], ANGLE_ROUNDING,
                        "total turn in half-turns: " + angle[last] / Math.PI),
                () -> assertTrue(lastX1 < -1, "the last point is far out on the negative x1 axis: " + lastX1),
                () -> assertEquals(0.0, lastX2, ANGLE_ROUNDING, "the last point's x2"));
        for (int k = 2; k <= last; k++) {
            assertTrue(angle[k] > angle[k - 1], "class 0 turns counter-clockwise at point " + k);
        }
    }
}
