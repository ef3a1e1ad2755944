package rehearse.sim;

/** The simulator broke one of its own invariants: a bug, never a state to show as normal. */
public final class InvariantViolation extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public InvariantViolation(String message) {
        super("invariant violated: " + message);
    }
}
