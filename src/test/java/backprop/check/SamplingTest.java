package backprop.check;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.Objective;
import backprop.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which elements a sampling gradient check probes, observed through the objective: each call of
 * {@link Objective#loss()} sees exactly one parameter nudged away from its original value.
 */
@Timeout(2) // every test loops; each takes well under a second
@DisplayName("Sampling gradient checks")
class SamplingTest {

    /** Two tensors of 40 elements: W1 is 1 × 40, b1 has 40. */
    private static final int SIZE = 40;
    private static final int TENSORS = 2;

    /**
     * {@code L = Σ θ²} with gradient {@code 2θ}, optionally wrong by 1 at one planted element, that
     * records which element each loss evaluation finds nudged.
     */
    private static final class Probe implements Objective {

        private final Parameters theta;
        private final Parameters original;
        private final int plantedTensor;
        private final int plantedIndex;
        final List<Set<Integer>> probed = new ArrayList<>();
        int mostNudgedAtOnce;

        Probe(int plantedTensor, int plantedIndex) {
            double[] w = new double[SIZE];
            double[] b = new double[SIZE];
            for (int i = 0; i < SIZE; i++) {
                w[i] = 0.5 + 0.01 * i;
                b[i] = -1.0 + 0.02 * i;
            }
            theta = Parameters.of(new int[] {1, SIZE}, new double[][] {w}, new double[][] {b});
            original = theta.copy();
            this.plantedTensor = plantedTensor;
            this.plantedIndex = plantedIndex;
            for (int k = 0; k < TENSORS; k++) {
                probed.add(new TreeSet<>());
            }
        }

        Probe() {
            this(-1, -1);
        }

        @Override
        public Parameters parameters() {
            return theta;
        }

        @Override
        public double loss() {
            int nudged = 0;
            double sum = 0;
            for (int k = 0; k < TENSORS; k++) {
                double[] t = theta.tensor(k);
                double[] o = original.tensor(k);
                for (int i = 0; i < t.length; i++) {
                    if (t[i] != o[i]) {
                        probed.get(k).add(i);
                        nudged++;
                    }
                    sum += t[i] * t[i];
                }
            }
            mostNudgedAtOnce = Math.max(mostNudgedAtOnce, nudged);
            return sum;
        }

        @Override
        public double lossAndGradient(Parameters gradient) {
            theta.requireSameShape(gradient);
            for (int k = 0; k < TENSORS; k++) {
                double[] t = theta.tensor(k);
                double[] g = gradient.tensor(k);
                for (int i = 0; i < t.length; i++) {
                    g[i] = 2 * t[i];
                }
            }
            if (plantedTensor >= 0) {
                gradient.tensor(plantedTensor)[plantedIndex] += 1;
            }
            return loss();
        }
    }

    private static Probe probe(int k, long seed) {
        Probe p = new Probe();
        GradientCheck.create().sampling(k, seed).run(p);
        return p;
    }

    private static Set<Integer> firstK(int k) {
        Set<Integer> first = new TreeSet<>();
        for (int i = 0; i < k; i++) {
            first.add(i);
        }
        return first;
    }

    @Nested
    @DisplayName("choose")
    class Choice {

        @ParameterizedTest(name = "{0} of 40, seed {1}")
        @CsvSource({
            "1, 3",
            "5, 1",
            "5, 2",
            "10, 42",
            "39, 7",
        })
        @DisplayName("k distinct elements of every tensor, one at a time, and not simply the first k")
        void distinct(int k, long seed) {
            Probe p = new Probe();
            GradientCheckReport report = GradientCheck.create().sampling(k, seed).run(p);
            assertEquals(1, p.mostNudgedAtOnce, "one element is nudged at a time");
            for (int t = 0; t < TENSORS; t++) {
                Set<Integer> probed = p.probed.get(t);
                TensorCheck check = report.tensors().get(t);
                int tensor = t;
                assertAll(check.tensor(),
                        () -> assertEquals(k, probed.size(), "distinct elements probed: " + probed),
                        () -> assertTrue(probed.stream().allMatch(i -> i >= 0 && i < SIZE), probed.toString()),
                        () -> assertEquals(k, check.checked()),
                        () -> assertEquals(SIZE, check.size()),
                        () -> assertTrue(probed.contains(check.worstIndex()), "worst index " + check.worstIndex()
                                + " was not probed: " + probed),
                        () -> assertNotEquals(firstK(k), probed, "tensor " + tensor + " probed the first " + k));
            }
        }

        @Test
        @DisplayName("the same elements for the same seed")
        void sameSeed() {
            assertEquals(probe(5, 123).probed, probe(5, 123).probed);
        }

        @Test
        @DisplayName("other elements for another seed")
        void otherSeed() {
            Probe a = probe(5, 1);
            Probe b = probe(5, 2);
            for (int t = 0; t < TENSORS; t++) {
                assertNotEquals(a.probed.get(t), b.probed.get(t), "tensor " + t + " with seeds 1 and 2");
            }
        }

        @Test
        @DisplayName("every element about equally often over 2000 seeds (5 of 40: 250 ± 4.5 sd each)")
        void uniform() {
            int seeds = 2000;
            int k = 5;
            int[][] counts = new int[TENSORS][SIZE];
            for (long seed = 0; seed < seeds; seed++) {
                Probe p = probe(k, seed);
                for (int t = 0; t < TENSORS; t++) {
                    for (int i : p.probed.get(t)) {
                        counts[t][i]++;
                    }
                }
            }
            double mean = (double) seeds * k / SIZE;
            double sd = Math.sqrt(seeds * (k / (double) SIZE) * (1 - k / (double) SIZE));
            for (int t = 0; t < TENSORS; t++) {
                for (int i = 0; i < SIZE; i++) {
                    assertEquals(mean, counts[t][i], 4.5 * sd, "tensor " + t + ", element " + i);
                }
            }
        }
    }

    @Nested
    @DisplayName("catch a wrong gradient")
    class Planted {

        @Test
        @DisplayName("exactly when the wrong element is among those probed, naming it")
        void whenProbed() {
            long seed = 5;
            Set<Integer> probed = probe(5, seed).probed.get(1);
            for (int i = 0; i < SIZE; i++) {
                GradientCheckReport report = GradientCheck.create().sampling(5, seed).run(new Probe(1, i));
                TensorCheck b1 = report.tensors().get(1);
                if (probed.contains(i)) {
                    assertEquals(Verdict.FAIL, b1.verdict(), "b1[" + i + "] was probed: " + report.summary());
                    assertEquals(i, b1.worstIndex());
                } else {
                    assertEquals(Verdict.PASS, b1.verdict(), "b1[" + i + "] was not probed: " + report.summary());
                }
            }
        }

        @Test
        @DisplayName("in the last element of a tensor for some seed: sampling reaches the whole tensor")
        void lastElement() {
            int seedsThatCatch = 0;
            for (long seed = 0; seed < 100; seed++) {
                GradientCheckReport report = GradientCheck.create().sampling(5, seed).run(new Probe(0, SIZE - 1));
                seedsThatCatch += report.tensors().get(0).verdict() == Verdict.FAIL ? 1 : 0;
            }
            assertTrue(seedsThatCatch > 0, "no seed of 100 probed W1[" + (SIZE - 1) + "]");
        }
    }
}
