package backprop;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import backprop.check.GradientCheck;
import backprop.check.GradientCheckReport;
import backprop.check.PlantedBug;
import backprop.check.TensorCheck;
import backprop.check.Verdict;
import backprop.data.DataSet;
import backprop.data.DataSets;
import backprop.timing.Benchmark;
import backprop.train.EpochListener;
import backprop.train.History;
import backprop.train.Optimizer;
import backprop.train.Sgd;
import backprop.train.Trainer;
import backprop.train.TrainingOptions;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The null rule, checked on every public method and constructor of the lesson library (every
 * package but the display machinery): a null argument gives a {@link NullPointerException} whose
 * message names that argument as the caller sees it ({@code "x is null: expected ..."}), never one
 * of the JDK's messages about an internal variable, and never a quiet success.
 *
 * <p>The calls are found by reflection, so a public method added later is checked too. Each call
 * gets valid arguments (chosen by the parameter's name, then its type) with exactly one argument
 * replaced by null.
 */
@DisplayName("Every public method of the lesson library names a null argument")
class NullArgumentTest {

    /** The lesson library's packages; the display machinery (workbook.display) has its own tests. */
    static final List<String> PACKAGES = List.of("backprop", "backprop.check", "backprop.data", "backprop.train",
            "backprop.timing");

    /** Arguments documented as nullable: "Class.method(parameter)". */
    static final Set<String> NULLABLE = Set.of("Trainer.train(listener)");

    /**
     * Not entry points of the lesson: the argument checks themselves, whose names are the caller's
     * labels (their tests are in RequireTest).
     */
    static final Set<Class<?>> HELPERS = Set.of(Require.class);

    /** Methods whose null behaviour is the JDK's contract, not ours. */
    static final Set<String> JDK_CONTRACT = Set.of("equals", "valueOf");

    static Mlp network() {
        return Mlp.create(new int[] {2, 3, 1}, Activation.TANH, Initialisation.XAVIER, 7);
    }

    /** A valid argument for a parameter, by name first, then by type; throws if none is known. */
    static Object sample(Executable where, Parameter p) {
        String name = p.getName();
        Class<?> type = p.getType();
        Mlp mlp = network();
        if (type == double[].class) {
            return switch (name) {
                case "x" -> new double[] {0.5, -0.5};
                default -> new double[] {0.5};
            };
        }
        if (type == long[].class) {
            return new long[] {1, 2, 3};
        }
        if (type == int[].class) {
            return new int[] {2, 3, 1};
        }
        if (type == double[][].class) {
            return name.equals("weights") ? new double[][] {new double[6], new double[3]}
                    : new double[][] {new double[3], new double[1]};
        }
        if (type == int.class) {
            return switch (name) {
                case "features" -> 2;
                case "index", "l", "k", "e", "j", "warmupCalls" -> 0;
                case "pointsPerClass" -> 2;
                default -> 1;
            };
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == double.class) {
            return 0.5;
        }
        Map<Class<?>, Supplier<Object>> byType = Map.ofEntries(
                Map.entry(String.class, () -> "a name"),
                Map.entry(Activation.class, () -> Activation.TANH),
                Map.entry(Initialisation.class, () -> Initialisation.XAVIER),
                Map.entry(Parameters.class, () -> mlp.parameters().zerosLike()),
                Map.entry(Mlp.class, () -> mlp),
                Map.entry(Workspace.class, () -> mlp.newWorkspace(1)),
                Map.entry(Objective.class, () -> mlp.objective(new double[] {0.5, -0.5}, new double[] {1})),
                Map.entry(DataSet.class, () -> DataSets.circle(5, 1)),
                Map.entry(Optimizer.class, () -> new Sgd(0.1)),
                Map.entry(TrainingOptions.class, () -> TrainingOptions.fullBatch(1)),
                Map.entry(EpochListener.class, () -> (EpochListener) (e, l, a) -> { }),
                Map.entry(Runnable.class, () -> (Runnable) () -> { }),
                Map.entry(Verdict.class, () -> Verdict.PASS),
                Map.entry(History.class, NullArgumentTest::history),
                Map.entry(List.class, () -> List.of(tensorCheck())),
                Map.entry(ColumnLayoutNetwork.Gradients.class, () -> columnNetwork().gradients(
                        new double[] {0.5, -0.5}, new double[] {1})));
        Supplier<Object> s = byType.get(type);
        if (s == null) {
            throw new IllegalStateException("no sample argument for " + type.getName() + " " + name + " of " + where
                    + ": add one to NullArgumentTest.sample");
        }
        return s.get();
    }

    static History history() {
        return Trainer.train(network(), DataSets.circle(5, 1), new Sgd(0.1), TrainingOptions.fullBatch(1));
    }

    static TensorCheck tensorCheck() {
        return new TensorCheck("W1", 6, 6, 1e-9, 0, 0.1, 0.1, Verdict.PASS);
    }

    static ColumnLayoutNetwork columnNetwork() {
        return ColumnLayoutNetwork.fromRowLayout(network().parameters(), Activation.TANH);
    }

    /** A receiver for an instance method of the given class. */
    static Object receiver(Class<?> c) {
        Map<Class<?>, Supplier<Object>> receivers = Map.ofEntries(
                Map.entry(Activation.class, () -> Activation.TANH),
                Map.entry(Initialisation.class, () -> Initialisation.HE),
                Map.entry(Mlp.class, NullArgumentTest::network),
                Map.entry(Parameters.class, () -> network().parameters()),
                Map.entry(ColumnLayoutNetwork.class, NullArgumentTest::columnNetwork),
                Map.entry(GradientCheck.class, GradientCheck::create),
                Map.entry(PlantedBug.class, () -> PlantedBug.BIAS_AVERAGED_TWICE),
                Map.entry(Benchmark.class, () -> new Benchmark(0, 1, 1)),
                Map.entry(Sgd.class, () -> new Sgd(0.1)),
                Map.entry(backprop.train.Momentum.class, () -> new backprop.train.Momentum(0.1)),
                Map.entry(backprop.train.Adam.class, () -> new backprop.train.Adam(0.01)),
                Map.entry(History.class, NullArgumentTest::history));
        Supplier<Object> s = receivers.get(c);
        return s == null ? null : s.get();
    }

    record Call(Executable executable, int nullIndex) {
        String parameterName() {
            return executable.getParameters()[nullIndex].getName();
        }

        @Override
        public String toString() {
            String params = Stream.of(executable.getParameters())
                    .map(p -> p.getType().getSimpleName() + " " + p.getName())
                    .reduce((a, b) -> a + ", " + b).orElse("");
            String name = executable instanceof Constructor<?> ? "new " + executable.getDeclaringClass().getSimpleName()
                    : executable.getDeclaringClass().getSimpleName() + "." + executable.getName();
            return name + "(" + params + ") with " + parameterName() + " = null";
        }
    }

    static List<Class<?>> libraryClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Mlp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        for (String pkg : PACKAGES) {
            try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    String simple = f.getFileName().toString().replace(".class", "");
                    if (simple.equals("package-info")) {
                        continue;
                    }
                    classes.add(Class.forName(pkg + "." + simple, false, Mlp.class.getClassLoader()));
                }
            }
        }
        // Interfaces have no code of their own to check: their implementations are scanned.
        return classes.stream().filter(c -> Modifier.isPublic(c.getModifiers()) && !c.isInterface()
                && !HELPERS.contains(c)
                && !Throwable.class.isAssignableFrom(c)).toList();
    }

    static Stream<Call> calls() throws IOException, URISyntaxException, ClassNotFoundException {
        List<Call> calls = new ArrayList<>();
        for (Class<?> c : libraryClasses()) {
            List<Executable> executables = new ArrayList<>();
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (Modifier.isPublic(k.getModifiers()) && !c.isEnum()) {
                    executables.add(k);
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()
                        && !JDK_CONTRACT.contains(m.getName())) {
                    executables.add(m);
                }
            }
            for (Executable e : executables) {
                Parameter[] ps = e.getParameters();
                for (int i = 0; i < ps.length; i++) {
                    if (!ps[i].getType().isPrimitive()
                            && !NULLABLE.contains(c.getSimpleName() + "." + e.getName() + "(" + ps[i].getName() + ")")) {
                        calls.add(new Call(e, i));
                    }
                }
            }
        }
        return calls.stream();
    }

    @Test
    @DisplayName("the parameter names are compiled in (javac -parameters), so the messages can be checked")
    void parameterNamesPresent() throws NoSuchMethodException {
        Method forward = Mlp.class.getMethod("forward", double[].class, Workspace.class);
        assertEquals("x", forward.getParameters()[0].getName());
    }

    @Test
    @DisplayName("the scan finds the library's entry points (at least 80 calls with a reference argument)")
    void scanFindsEnough() throws Exception {
        List<Call> all = calls().toList();
        assertTrue(all.size() >= 80, "found " + all.size() + ": " + all);
        assertTrue(all.stream().anyMatch(c -> c.toString().startsWith("Trainer.train(Mlp mlp, DataSet data")),
                "Trainer.train is among them");
        assertTrue(all.stream().anyMatch(c -> c.toString().startsWith("new DataSet(")), "record constructors too");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    @DisplayName("a null argument gives a NullPointerException that names it")
    void nullNamed(Call call) throws Exception {
        Executable e = call.executable();
        Parameter[] ps = e.getParameters();
        Object[] args = new Object[ps.length];
        for (int i = 0; i < ps.length; i++) {
            args[i] = i == call.nullIndex() ? null : sample(e, ps[i]);
        }
        Throwable thrown = null;
        try {
            if (e instanceof Constructor<?> k) {
                k.newInstance(args);
            } else {
                Method m = (Method) e;
                Object target = Modifier.isStatic(m.getModifiers()) ? null : receiver(m.getDeclaringClass());
                if (target == null && !Modifier.isStatic(m.getModifiers())) {
                    fail("no receiver for " + m.getDeclaringClass() + ": add one to NullArgumentTest.receiver");
                }
                m.invoke(target, args);
            }
        } catch (InvocationTargetException ex) {
            thrown = ex.getCause();
        }
        if (thrown == null) {
            fail("accepted a null " + call.parameterName() + " without a word");
        }
        Throwable t = thrown;
        String expectedStart = call.parameterName() + " is null: expected ";
        assertAll(
                () -> assertInstanceOf(NullPointerException.class, t, "thrown: " + t),
                () -> assertTrue(t.getMessage() != null && t.getMessage().startsWith(expectedStart),
                        "message should start with '" + expectedStart + "' but was: " + t.getMessage()),
                () -> assertFalse(t.getMessage() != null && t.getMessage().contains("because \""),
                        "a JDK message about an internal variable: " + t.getMessage()));
    }
}
