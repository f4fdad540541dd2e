package backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A team shares a step's pieces among threads")
class TeamTest {

    @ParameterizedTest(name = "{0} threads, {1} pieces, {2} rounds")
    @CsvSource({"2, 1, 1000", "2, 7, 2000", "3, 16, 2000", "4, 3, 1000"})
    @DisplayName("runs every piece exactly once per round, over many rounds in a row")
    @Timeout(60)
    void everyPieceOnce(int threads, int pieces, int rounds) {
        Object owner = new Object();
        try (Team team = new Team(threads, owner)) {
            AtomicIntegerArray runs = new AtomicIntegerArray(pieces);
            for (int r = 0; r < rounds; r++) {
                team.run((piece, thread) -> runs.incrementAndGet(piece), pieces);
                for (int p = 0; p < pieces; p++) {
                    assertEquals(r + 1, runs.get(p), "runs of piece " + p + " after round " + r);
                }
            }
            assertEquals(threads, team.threads());
        }
    }

    @Test
    @DisplayName("rethrows what a piece threw, on whichever thread, after every piece has ended")
    @Timeout(30)
    void rethrowsFailures() {
        try (Team team = new Team(2, new Object())) {
            AtomicIntegerArray runs = new AtomicIntegerArray(8);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> team.run((piece, thread) -> {
                runs.incrementAndGet(piece);
                if (piece == 5) {
                    throw new IllegalStateException("piece 5 failed");
                }
            }, 8));
            assertEquals("piece 5 failed", e.getMessage());
            for (int p = 0; p < 8; p++) {
                assertEquals(1, runs.get(p), "piece " + p + " ran once");
            }
            team.run((piece, thread) -> runs.incrementAndGet(piece), 8); // and the team still works
            assertEquals(2, runs.get(7));
        }
    }

    @Test
    @DisplayName("after close, the caller runs every piece alone, and the helpers have stopped")
    @Timeout(30)
    void closeStopsHelpers() throws InterruptedException {
        long before = helperCount();
        Team team = new Team(3, new Object());
        assertEquals(before + 2, helperCount(), "live helper threads of a new team of 3");
        team.close();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (helperCount() > before && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(before, helperCount(), "live helper threads after close");
        Thread caller = Thread.currentThread();
        boolean[] allOnCaller = {true};
        team.run((piece, thread) -> allOnCaller[0] &= Thread.currentThread() == caller, 12);
        assertTrue(allOnCaller[0]);
    }

    @Test
    @DisplayName("the workspace of a network made for 2 threads says so, and runs on one after close")
    @Timeout(30)
    void workspaceThreads() {
        Mlp mlp = Mlp.create(new int[] {2, 8, 1}, Activation.RELU, Initialisation.HE, 1);
        Workspace ws = mlp.newWorkspace(10, 2);
        assertEquals(2, ws.threads());
        assertEquals(1, mlp.newWorkspace(10).threads());
        ws.close();
        double[] x = new double[20];
        double[] y = new double[10];
        Parameters g = mlp.parameters().zerosLike();
        Parameters expected = mlp.parameters().zerosLike();
        mlp.lossAndGradient(x, y, ws, g);
        mlp.lossAndGradient(x, y, mlp.newWorkspace(10), expected);
        assertTrue(g.sameValues(expected));
    }

    @ParameterizedTest(name = "threads = {0}")
    @CsvSource({"0", "-1", "65"})
    @DisplayName("a workspace refuses a number of threads outside 1 to 64, naming it")
    void refusesThreads(int threads) {
        Mlp mlp = Mlp.create(new int[] {2, 8, 1}, Activation.RELU, Initialisation.HE, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mlp.newWorkspace(10, threads));
        assertTrue(e.getMessage().startsWith("threads is " + threads + ": expected 1 to 64"), e.getMessage());
    }

    private static long helperCount() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("backprop-team-") && t.isAlive()).count();
    }
}
