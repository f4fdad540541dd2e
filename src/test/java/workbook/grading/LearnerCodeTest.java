package workbook.grading;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.Activation;
import backprop.Initialisation;
import backprop.Mlp;
import backprop.Parameters;
import backprop.Workspace;
import backprop.data.DataSet;
import backprop.data.DataSets;
import backprop.train.Sgd;
import backprop.train.Trainer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Running a learner's exercise inside this JVM, as notebook 04 trains the circle with it. */
@DisplayName("A learner's compiled exercise, run beside the library")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LearnerCodeTest {

    static final Path PROJECT = Path.of("").toAbsolutePath();

    /** The signature of exercise 04's backward pass, as a notebook cell declares it. */
    interface BackwardPass {
        void backward(Mlp mlp, double[] x, double[] y, Workspace ws, Parameters gradient);
    }

    @Test
    @DisplayName("the reference backward pass trains the circle exactly as the library's does")
    void trainsTheCircle() {
        LearnerCode code = LearnerCode.compile(PROJECT, PROJECT.resolve("solutions"), "04-backprop-mlp");
        assertTrue(code.compiles(), code.toString());
        BackwardPass backward = code.function("exercises.mlp.Backprop.backward", BackwardPass.class);

        DataSet circle = DataSets.circle(500, 42);
        Mlp theirs = Mlp.create(new int[] {2, 16, 8, 1}, Activation.RELU, Initialisation.HE, 42);
        Mlp ours = Mlp.create(new int[] {2, 16, 8, 1}, Activation.RELU, Initialisation.HE, 42);
        Workspace ws = theirs.newWorkspace(circle.rows());
        Parameters gradient = theirs.parameters().zerosLike();
        Sgd sgd = new Sgd(0.1);
        for (int e = 0; e < 300; e++) {
            theirs.forward(circle.x(), ws);
            backward.backward(theirs, circle.x(), circle.y(), ws, gradient);
            sgd.step(theirs.parameters(), gradient);
        }
        Trainer.train(ours, circle, new Sgd(0.1), backprop.train.TrainingOptions.fullBatch(300));
        double maxDifference = 0;
        for (int k = 0; k < ours.parameters().tensorCount(); k++) {
            double[] a = ours.parameters().tensor(k);
            double[] b = theirs.parameters().tensor(k);
            for (int i = 0; i < a.length; i++) {
                maxDifference = Math.max(maxDifference, Math.abs(a[i] - b[i]));
            }
        }
        double difference = maxDifference;
        assertAll(
                () -> assertTrue(difference < 1e-9, "parameters differ by " + difference + " after 300 epochs"),
                () -> assertEquals(Trainer.accuracy(ours, circle), Trainer.accuracy(theirs, circle)),
                () -> assertTrue(Trainer.accuracy(theirs, circle) > 0.95));
    }

    @Test
    @DisplayName("an untouched stub throws the exception that isStub recognises")
    void stub() {
        LearnerCode code = LearnerCode.compile(PROJECT, PROJECT.resolve("exercises"), "04");
        BackwardPass backward = code.function("exercises.mlp.Backprop.backward", BackwardPass.class);
        Mlp mlp = Mlp.create(new int[] {2, 3, 1}, Activation.RELU, Initialisation.HE, 1);
        double[] x = {0.5, -0.5};
        Workspace ws = mlp.newWorkspace(1);
        mlp.forward(x, ws);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> backward.backward(mlp, x, new double[] {1}, ws, mlp.parameters().zerosLike()));
        assertTrue(LearnerCode.isStub(e));
        assertFalse(LearnerCode.isStub(new UnsupportedOperationException("elsewhere")));
    }

    @Test
    @DisplayName("code that does not compile says where, and refuses to be called")
    void doesNotCompile(@TempDir Path temp) throws Exception {
        Path tree = temp.resolve("exercises");
        ClassicMistakesTest.copy(PROJECT.resolve("solutions/04-backprop-mlp"), tree.resolve("04-backprop-mlp"));
        Path file = tree.resolve("04-backprop-mlp/src/exercises/mlp/Backprop.java");
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replaceFirst(";", ""),
                StandardCharsets.UTF_8);
        LearnerCode code = LearnerCode.compile(PROJECT, tree, "04-backprop-mlp");
        assertFalse(code.compiles());
        assertTrue(code.errors().get(0).toString().contains("Backprop.java:"), code.errors().toString());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> code.function("exercises.mlp.Backprop.backward", BackwardPass.class));
        assertTrue(e.getMessage().startsWith("04-backprop-mlp does not compile: "), e.getMessage());
    }
}
