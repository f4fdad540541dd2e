package workbook.bench;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * How many double-precision floating-point operations one core can do per second, measured rather
 * than taken from a data sheet.
 *
 * <p>{@link #vectorFma()} keeps {@value #CHAINS} independent chains of fused multiply-adds
 * {@code c ← c · a + b} on the widest double vectors the JIT offers ({@code SPECIES_PREFERRED}: 4
 * lanes with AVX2, 8 with AVX-512), all in registers: no memory traffic, no dependency that makes a
 * chain wait longer than one FMA's latency. That is the arithmetic peak of one core: a real kernel
 * can come near it, never above it. One call does {@code ROUNDS × CHAINS × lanes} FMAs of 2 FLOPs
 * each.
 *
 * <p>{@link #scalarFma()} does the same with one double per FMA ({@link Math#fma}): the ceiling of
 * code that the JIT does not vectorise. One call does {@code ROUNDS × CHAINS} FMAs.
 *
 * <p>The Vector API is an incubator module in Java 17 to 25, hence the module flag for the forked JVM.
 */
@State(Scope.Thread)
@Fork(jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class PeakProbe {

    /** The vector shape the probe uses. */
    public static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Independent FMA chains: more than latency × FMA units (4–5 cycles × 2 on current x86 cores). */
    public static final int CHAINS = 12;
    /** FMAs per chain per call. */
    public static final int ROUNDS = 1 << 14;

    // Fields, not constants, so that the JIT cannot fold the arithmetic away. c · a + b stays near
    // b / (1 - a) = 1e-3 for ever: no overflow, no denormals.
    public double a = 0.999_999;
    public double b = 1e-9;

    /** @return the sum of all chains (returned so that the JIT cannot drop them) */
    @Benchmark
    public double vectorFma() {
        DoubleVector va = DoubleVector.broadcast(SPECIES, a);
        DoubleVector vb = DoubleVector.broadcast(SPECIES, b);
        DoubleVector c0 = DoubleVector.broadcast(SPECIES, 0.1);
        DoubleVector c1 = DoubleVector.broadcast(SPECIES, 0.2);
        DoubleVector c2 = DoubleVector.broadcast(SPECIES, 0.3);
        DoubleVector c3 = DoubleVector.broadcast(SPECIES, 0.4);
        DoubleVector c4 = DoubleVector.broadcast(SPECIES, 0.5);
        DoubleVector c5 = DoubleVector.broadcast(SPECIES, 0.6);
        DoubleVector c6 = DoubleVector.broadcast(SPECIES, 0.7);
        DoubleVector c7 = DoubleVector.broadcast(SPECIES, 0.8);
        DoubleVector c8 = DoubleVector.broadcast(SPECIES, 0.9);
        DoubleVector c9 = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector c10 = DoubleVector.broadcast(SPECIES, 1.1);
        DoubleVector c11 = DoubleVector.broadcast(SPECIES, 1.2);
        for (int r = 0; r < ROUNDS; r++) {
            c0 = c0.fma(va, vb);
            c1 = c1.fma(va, vb);
            c2 = c2.fma(va, vb);
            c3 = c3.fma(va, vb);
            c4 = c4.fma(va, vb);
            c5 = c5.fma(va, vb);
            c6 = c6.fma(va, vb);
            c7 = c7.fma(va, vb);
            c8 = c8.fma(va, vb);
            c9 = c9.fma(va, vb);
            c10 = c10.fma(va, vb);
            c11 = c11.fma(va, vb);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }

    /** @return the sum of all chains (returned so that the JIT cannot drop them) */
    @Benchmark
    public double scalarFma() {
        double c0 = 0.1, c1 = 0.2, c2 = 0.3, c3 = 0.4, c4 = 0.5, c5 = 0.6;
        double c6 = 0.7, c7 = 0.8, c8 = 0.9, c9 = 1.0, c10 = 1.1, c11 = 1.2;
        double va = a;
        double vb = b;
        for (int r = 0; r < ROUNDS; r++) {
            c0 = Math.fma(c0, va, vb);
            c1 = Math.fma(c1, va, vb);
            c2 = Math.fma(c2, va, vb);
            c3 = Math.fma(c3, va, vb);
            c4 = Math.fma(c4, va, vb);
            c5 = Math.fma(c5, va, vb);
            c6 = Math.fma(c6, va, vb);
            c7 = Math.fma(c7, va, vb);
            c8 = Math.fma(c8, va, vb);
            c9 = Math.fma(c9, va, vb);
            c10 = Math.fma(c10, va, vb);
            c11 = Math.fma(c11, va, vb);
        }
        return c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11;
    }

    /** @return the FLOPs of one {@link #vectorFma()} call on this JVM */
    public static long vectorFlopsPerCall() {
        return 2L * ROUNDS * CHAINS * SPECIES.length();
    }

    /** @return the FLOPs of one {@link #scalarFma()} call */
    public static long scalarFlopsPerCall() {
        return 2L * ROUNDS * CHAINS;
    }
}
