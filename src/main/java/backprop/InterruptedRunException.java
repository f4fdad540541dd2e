package backprop;

/**
 * Thrown when the thread running one of the library's long loops (training, a gradient check, a
 * timing run) is interrupted, for example by the Interrupt button of a notebook: the loop checks
 * the thread's interrupt flag and stops within one step of its work, instead of running on in the
 * background. The message says where it stopped and in what state it left its data.
 *
 * <p>The flag is cleared when this is thrown: the interrupt has been answered, and the next cell
 * runs as usual.
 */
public class InterruptedRunException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message where the work stopped and what state it left behind */
    public InterruptedRunException(String message) {
        super(message);
    }

    /**
     * @return true, clearing the flag, if the current thread has been interrupted; the caller then
     *     throws with a message of its own (no message is built unless it is needed)
     */
    public static boolean interrupted() {
        return Thread.interrupted();
    }
}
