package workbook.grading;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A learner's exercise, compiled from {@code exercises/} and loaded into the running JVM (a
 * notebook's kernel), so that a lesson can run the learner's own code:
 *
 * <pre>
 *   interface BackwardPass { void backward(Mlp mlp, double[] x, double[] y, Workspace ws, Parameters g); }
 *   LearnerCode yours = LearnerCode.compile("04-backprop-mlp");
 *   BackwardPass backward = yours.function("exercises.mlp.Backprop.backward", BackwardPass.class);
 * </pre>
 *
 * Each call compiles afresh into a new class loader, so an edited exercise is seen without
 * restarting the kernel.
 */
public final class LearnerCode {

    private static final AtomicInteger LOADS = new AtomicInteger();

    private final Exercise exercise;
    private final List<CompileError> errors;
    private final ClassLoader loader;

    private LearnerCode(Exercise exercise, List<CompileError> errors, ClassLoader loader) {
        this.exercise = exercise;
        this.errors = errors;
        this.loader = loader;
    }

    /**
     * Compiles the exercise's sources (not its tests) from the workbook's {@code exercises/} and
     * loads them beside the library.
     *
     * @param name the exercise, as {@link Grade#exercise} takes it
     * @return the compiled code, or the compiler's errors ({@link #compiles()} is false)
     * @throws IllegalArgumentException if no exercise has that name
     */
    public static LearnerCode compile(String name) {
        Path root = Grade.root();
        return compile(root, root.resolve("exercises"), name);
    }

    /**
     * Compiles an exercise of a given tree of a built workbook.
     *
     * @param root the workbook's root
     * @param tree {@code exercises/}, {@code solutions/} or a tree of the same shape
     * @param name the exercise
     * @return the compiled code, or the compiler's errors
     */
    public static LearnerCode compile(Path root, Path tree, String name) {
        Grader grader = Grader.forBuiltWorkbook(root);
        Exercise all = Exercise.select(grader.exercises(tree), List.of(name)).get(0);
        Exercise sourcesOnly = new Exercise(all.name(), all.title(), all.sourceRoot(), all.sources(), List.of(),
                List.of(), all.hints());
        Path out = grader.work().resolve("live").resolve(all.name() + "-" + LOADS.incrementAndGet());
        List<CompileError> errors = new ExerciseCompiler(Grader.builtClasspath(grader.root()), grader.root())
                .compile(sourcesOnly, out);
        if (!errors.isEmpty()) {
            return new LearnerCode(all, errors, null);
        }
        try {
            // The loader that loaded the grader also loaded the library: the learner's code must see
            // the very same backprop classes as the notebook. The learner's own classes come from what
            // was just compiled, even when a class of the same name is on the parent's class path
            // (an older build of the exercise, or its stub on a test class path).
            URLClassLoader loader = new LearnerFirstLoader(out.toUri().toURL(), LearnerCode.class.getClassLoader());
            return new LearnerCode(all, List.of(), loader);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return true if the exercise compiled */
    public boolean compiles() {
        return errors.isEmpty();
    }

    /** @return the compiler's errors, empty if it compiled */
    public List<CompileError> errors() {
        return errors;
    }

    /**
     * The learner's static method as an implementation of a one-method interface whose parameter
     * types match it.
     *
     * @param qualifiedMethod {@code package.Class.method}
     * @param type the interface
     * @return a proxy that calls the method; exceptions it throws come through unwrapped
     * @throws IllegalStateException if the exercise does not compile, or no such static method exists
     */
    public <T> T function(String qualifiedMethod, Class<T> type) {
        if (!compiles()) {
            throw new IllegalStateException(exercise.name() + " does not compile: " + errors.get(0));
        }
        Method abstractMethod = single(type);
        int dot = qualifiedMethod.lastIndexOf('.');
        String className = qualifiedMethod.substring(0, dot);
        String methodName = qualifiedMethod.substring(dot + 1);
        Method target;
        try {
            target = Class.forName(className, true, loader).getMethod(methodName, abstractMethod.getParameterTypes());
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IllegalStateException("no public static method " + qualifiedMethod + " with parameters "
                    + List.of(abstractMethod.getParameterTypes()) + " in " + exercise.name() + ": " + e);
        }
        if (!Modifier.isStatic(target.getModifiers())) {
            throw new IllegalStateException(qualifiedMethod + " is not static");
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "the learner's " + qualifiedMethod;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            try {
                return target.invoke(null, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /**
     * @param t what the learner's code threw
     * @return true if it is an untouched stub's {@link UnsupportedOperationException}
     */
    public static boolean isStub(Throwable t) {
        return Failures.isStub(t);
    }

    private static Method single(Class<?> type) {
        if (!type.isInterface()) {
            throw new IllegalArgumentException(type.getName() + " is not an interface");
        }
        List<Method> abstracts = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isAbstract(m.getModifiers())) {
                abstracts.add(m);
            }
        }
        if (abstracts.size() != 1) {
            throw new IllegalArgumentException(type.getName() + " has " + abstracts.size()
                    + " abstract methods: expected exactly one");
        }
        return abstracts.get(0);
    }

    @Override
    public String toString() {
        return compiles() ? "LearnerCode[" + exercise.name() + ", compiled]"
                : "LearnerCode[" + exercise.name() + ", does not compile: " + errors.get(0) + "]";
    }

    /** Loads the exercise's package ({@code exercises.*}) from the learner's classes first. */
    private static final class LearnerFirstLoader extends URLClassLoader {

        LearnerFirstLoader(URL classes, ClassLoader parent) {
            super(new URL[] {classes}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("exercises.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException notTheLearners) {
                        return super.loadClass(name, resolve);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
