package workbook.display;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * The one place that calls the JJava kernel's display API, by reflection, so that the library
 * compiles and runs without any kernel jar.
 *
 * <p>Classes on {@code JJAVA_CLASSPATH} (or added with {@code %classpath}) are loaded by the
 * kernel's JShell class loader, whose parent holds the kernel itself: checked in JJava 1.0a8, where
 * {@code Class.forName("org.dflib.jjava.jupyter.kernel.BaseKernel")} from a library class resolves
 * to the running kernel's class. The calls used, all public in JJava 1.0a8:
 *
 * <pre>
 * BaseKernel kernel = BaseKernel.notebookKernel();        // null outside a notebook
 * DisplayData data = new DisplayData();
 * data.putData(mimeType, value);                          // for each MIME type
 * data.setDisplayId(id);
 * kernel.display(data);                                   // a display_data message
 * kernel.getIO().display.updateDisplay(id, data);         // an update_display_data message
 * </pre>
 *
 * The class names are parameters only so that tests can point the bridge at stand-ins.
 */
final class KernelBridge {

    static final String JJAVA_KERNEL = "org.dflib.jjava.jupyter.kernel.BaseKernel";
    static final String JJAVA_DISPLAY_DATA = "org.dflib.jjava.jupyter.kernel.display.DisplayData";

    private final ClassLoader loader;
    private final String kernelClass;
    private final String displayDataClass;

    KernelBridge(ClassLoader loader, String kernelClass, String displayDataClass) {
        this.loader = loader;
        this.kernelClass = kernelClass;
        this.displayDataClass = displayDataClass;
    }

    /** The bridge to the JJava kernel that loaded this library, if any. */
    static KernelBridge jjava() {
        return new KernelBridge(KernelBridge.class.getClassLoader(), JJAVA_KERNEL, JJAVA_DISPLAY_DATA);
    }

    /** Sends one output carrying every entry of {@code bundle} as a MIME type, under {@code id}. */
    void display(String id, Map<String, Object> bundle) {
        Object kernel = kernel();
        Object data = displayData(id, bundle);
        invoke(kernel, "display", new Class<?>[] {data.getClass()}, data);
    }

    /** Replaces the output shown under {@code id} with {@code bundle}. */
    void update(String id, Map<String, Object> bundle) {
        Object kernel = kernel();
        Object data = displayData(id, bundle);
        Object io = invoke(kernel, "getIO", new Class<?>[0]);
        Object stream;
        try {
            stream = io.getClass().getField("display").get(io);
        } catch (ReflectiveOperationException e) {
            throw incompatible("the kernel's getIO().display stream", e);
        }
        invoke(stream, "updateDisplay", new Class<?>[] {String.class, data.getClass()}, id, data);
    }

    private Object kernel() {
        Class<?> type;
        try {
            type = Class.forName(kernelClass, true, loader);
        } catch (ClassNotFoundException e) {
            throw notInKernel("the class " + kernelClass + " is not on the class path");
        }
        Object kernel = invoke(null, type, "notebookKernel", new Class<?>[0]);
        if (kernel == null) {
            throw notInKernel(kernelClass + ".notebookKernel() returned null");
        }
        return kernel;
    }

    private Object displayData(String id, Map<String, Object> bundle) {
        Object data;
        try {
            data = Class.forName(displayDataClass, true, loader).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw incompatible("new " + displayDataClass + "()", e);
        }
        Class<?>[] putDataTypes = {String.class, Object.class};
        for (Map.Entry<String, Object> entry : bundle.entrySet()) {
            invoke(data, "putData", putDataTypes, entry.getKey(), entry.getValue());
        }
        invoke(data, "setDisplayId", new Class<?>[] {String.class}, id);
        return data;
    }

    private Object invoke(Object target, String method, Class<?>[] types, Object... args) {
        return invoke(target, target.getClass(), method, types, args);
    }

    private static Object invoke(
            Object target, Class<?> type, String method, Class<?>[] types, Object... args) {
        Method found;
        try {
            found = type.getMethod(method, types);
        } catch (NoSuchMethodException e) {
            throw incompatible(type.getName() + "." + method, e);
        }
        try {
            return found.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException(
                    "the kernel's " + method + " failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw incompatible(type.getName() + "." + method, e);
        }
    }

    private static IllegalStateException notInKernel(String why) {
        return new IllegalStateException(
                "NotebookDisplay works only in a notebook run by the JJava kernel ("
                        + why
                        + "); elsewhere use FigureBundle.of(figure) and write its outputs yourself");
    }

    private static IllegalStateException incompatible(String what, Exception e) {
        return new IllegalStateException(
                "this JJava kernel does not offer "
                        + what
                        + " as JJava 1.0a8 does ("
                        + e
                        + "); NotebookDisplay was written against JJava 1.0a8",
                e);
    }
}
