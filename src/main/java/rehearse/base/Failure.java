package rehearse.base;

/** Ends a command with a message for the operator and an exit code, never a stack trace. */
public final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    public Failure(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
