package backprop;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.check.GradientCheck;
import backprop.data.DataSet;
import backprop.data.DataSets;
import backprop.timing.Benchmark;
import backprop.train.History;
import backprop.train.Momentum;
import backprop.train.Sgd;
import backprop.train.Trainer;
import backprop.train.TrainingInterruptedException;
import backprop.train.TrainingOptions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An interrupt (a notebook's Interrupt button sets the thread's flag) stops each long loop of the
 * library at its next step, with a message that says where, leaving its data in a stated state.
 */
@DisplayName("An interrupt stops the library's long loops")
class InterruptTest {

    static final DataSet CIRCLE = DataSets.circle(200, 42);

    static Mlp network() {
        return Mlp.create(new int[] {2, 8, 1}, Activation.RELU, Initialisation.HE, 7);
    }

    @ParameterizedTest(name = "{0}, interrupted after epoch {1}")
    @CsvSource({"full batch, 0, 1", "full batch, 5, 0", "mini-batches of 32, 3, 32", "mini-batches of 32, 0, 32"})
    @Timeout(30)
    @DisplayName("training: the parameters and history of the last completed epoch, then the flag cleared")
    void training(String kind, int after, int batch) {
        TrainingOptions options = batch == 1 || batch == 0 ? TrainingOptions.fullBatch(1_000_000)
                : TrainingOptions.miniBatch(1_000_000, batch, 3);
        Mlp interrupted = network();
        TrainingInterruptedException e = assertThrows(TrainingInterruptedException.class,
                () -> Trainer.train(interrupted, CIRCLE, new Momentum(0.05), options, (epoch, loss, accuracy) -> {
                    if (epoch == after) {
                        Thread.currentThread().interrupt();
                    }
                }));
        // Full batch: row e is measured just before update e + 1, which still completes; mini-batches:
        // row e is measured at the end of epoch e.
        boolean fullBatch = batch == 1 || batch == 0;
        int completed = fullBatch ? after + 1 : after;
        Mlp reference = network();
        History h = Trainer.train(reference, CIRCLE, new Momentum(0.05), fullBatch
                ? TrainingOptions.fullBatch(completed) : TrainingOptions.miniBatch(completed, batch, 3));
        assertAll(
                () -> assertEquals(completed, e.completedEpochs()),
                () -> assertEquals("training interrupted in epoch " + (completed + 1) + " of 1000000: the network "
                        + "holds the parameters after epoch " + completed + ", the last completed; history() has the "
                        + "rows up to there", e.getMessage()),
                () -> assertTrue(reference.parameters().sameValues(interrupted.parameters()),
                        "the parameters of " + completed + " completed epochs, bit for bit"),
                () -> assertTrue(h.sameAs(e.history()), "the history of " + completed + " completed epochs"),
                () -> assertFalse(Thread.currentThread().isInterrupted(), "the interrupt was answered"));
    }

    @Test
    @Timeout(30)
    @DisplayName("training from another thread: interrupting it ends it within a fraction of a second")
    void trainingFromAnotherThread() throws Exception {
        Mlp mlp = Mlp.create(new int[] {2, 64, 32, 16, 1}, Activation.RELU, Initialisation.HE, 42);
        DataSet spirals = DataSets.spirals(300, 0.15, 42);
        AtomicInteger epochs = new AtomicInteger();
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                Trainer.train(mlp, spirals, new Sgd(0.05), TrainingOptions.fullBatch(1_000_000),
                        (epoch, loss, accuracy) -> epochs.set(epoch));
            } catch (Throwable x) {
                thrown[0] = x;
            }
        });
        t.start();
        while (epochs.get() < 20) {
            Thread.sleep(5);
        }
        long start = System.nanoTime();
        t.interrupt();
        t.join(2000);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertAll(
                () -> assertFalse(t.isAlive(), "still training " + seconds + " s after the interrupt"),
                () -> assertTrue(seconds < 0.5, "took " + seconds + " s to stop"),
                () -> assertTrue(thrown[0] instanceof TrainingInterruptedException, String.valueOf(thrown[0])));
    }

    @Test
    @Timeout(30)
    @DisplayName("a gradient check: stops at the next parameter, every probed parameter restored")
    void gradientCheck() {
        Mlp mlp = network();
        Parameters before = mlp.parameters().copy();
        Objective objective = mlp.objective(CIRCLE.x(), CIRCLE.y());
        AtomicInteger calls = new AtomicInteger();
        Objective interrupting = new Objective() {
            @Override
            public Parameters parameters() {
                return objective.parameters();
            }

            @Override
            public double loss() {
                if (calls.incrementAndGet() == 7) {
                    Thread.currentThread().interrupt();
                }
                return objective.loss();
            }

            @Override
            public double lossAndGradient(Parameters gradient) {
                return objective.lossAndGradient(gradient);
            }
        };
        InterruptedRunException e = assertThrows(InterruptedRunException.class,
                () -> GradientCheck.create().run(interrupting));
        assertAll(
                () -> assertEquals("gradient check interrupted at W1[4]: every parameter it probed was restored, the "
                        + "network is as it was before the check", e.getMessage()),
                () -> assertTrue(before.sameValues(mlp.parameters())),
                () -> assertFalse(Thread.currentThread().isInterrupted()));
    }

    @Test
    @Timeout(30)
    @DisplayName("a timing run: stops before the next repetition")
    void timing() {
        AtomicInteger calls = new AtomicInteger();
        InterruptedRunException e = assertThrows(InterruptedRunException.class,
                () -> new Benchmark(2, 1000, 1).time("sleepy", () -> {
                    if (calls.incrementAndGet() == 5) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertAll(
                () -> assertEquals("timing of sleepy interrupted before repetition 4 of 1000", e.getMessage()),
                () -> assertEquals(5, calls.get()),
                () -> assertFalse(Thread.currentThread().isInterrupted()));
    }
}
