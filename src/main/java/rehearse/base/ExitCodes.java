package rehearse.base;

/** Exit codes, after sysexits(3) where one fits. */
public final class ExitCodes {
    public static final int OK = 0;
    /** No supported path; a rehearsal with a refusal or a failed expectation. */
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    /**
     * The release's launcher (bin/rehearse, a shell script) cannot find its jar or runtime beside it:
     * a copy or a hard link of it run from elsewhere (EX_UNAVAILABLE). Said here for the one table.
     */
    public static final int UNAVAILABLE = 69;
    /** An input file that cannot be used (EX_DATAERR). */
    public static final int DATA = 65;
    /** A bug of ours (EX_SOFTWARE). */
    public static final int SOFTWARE = 70;
    /** A file we must write cannot be (EX_CANTCREAT); a journal another session holds. */
    public static final int CANT_CREATE = 73;
    /** Writing failed on the way: standard output (a full disk, /dev/full), the terminal, or a journal
     *  that stops being writable while the UI runs (EX_IOERR). */
    public static final int IO_ERROR = 74;
    /** Interrupted before the UI could start (128 + SIGINT, as shells report Ctrl-C). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
