package rehearse.command;

/** A line that is not a command: where (column from 1) and what was expected. */
public final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int column;

    public ParseException(int column, String message) {
        super(message, null, false, false);
        this.column = column;
    }

    public int column() {
        return column;
    }
}
