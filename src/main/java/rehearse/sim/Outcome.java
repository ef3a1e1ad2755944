package rehearse.sim;

/**
 * What became of a command: accepted, or refused with the rule it broke and what to do instead.
 * Expectations use {@code passed}/{@code failed}.
 */
public record Outcome(Kind kind, String message) {
    public enum Kind { ACCEPTED, REFUSED, PASSED, FAILED, INFO }

    public static Outcome accepted() {
        return new Outcome(Kind.ACCEPTED, "");
    }

    public static Outcome accepted(String message) {
        return new Outcome(Kind.ACCEPTED, message);
    }

    public static Outcome refused(String message) {
        return new Outcome(Kind.REFUSED, message);
    }

    public static Outcome info(String message) {
        return new Outcome(Kind.INFO, message);
    }

    public boolean ok() {
        return kind == Kind.ACCEPTED || kind == Kind.PASSED || kind == Kind.INFO;
    }

    public boolean refused() {
        return kind == Kind.REFUSED;
    }
}
