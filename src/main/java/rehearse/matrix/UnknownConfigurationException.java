package rehearse.matrix;

/** A configuration name that none of the table's spellings match. */
public final class UnknownConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnknownConfigurationException(String message) {
        super(message, null, false, false);
    }
}
