package rehearse.io;

/** One thing wrong with an input, printed as {@code FILE:LINE:COL: message}. */
public record Problem(Location where, String message) {

    @Override
    public String toString() {
        return where + ": " + Printable.clean(message);
    }
}
