package rehearse.io;

import rehearse.base.Printable;

/** One thing wrong with an input, printed as {@code FILE:LINE:COL: message}. */
public record Problem(Location where, String message) {

    @Override
    public String toString() {
        return Printable.clean(where.toString()) + ": " + Printable.clean(message); // the file name too: it may hold anything
    }
}
