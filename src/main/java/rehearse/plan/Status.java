package rehearse.plan;

/** Where a plan step stands, derived from the cluster's state (and the session's last no-go). */
public enum Status {
    /** Its postcondition holds (or the hop has gone past it). */
    DONE,
    /** The cluster is carrying it out. */
    UNDER_WAY,
    /** It was tried and stopped at a no-go; nothing since has done it. */
    FAILED,
    /** The step {@code step} and {@code run} take next. */
    NEXT,
    TODO;

    public String word() {
        return switch (this) {
            case DONE -> "done";
            case UNDER_WAY -> "under way";
            case FAILED -> "failed";
            case NEXT -> "next";
            case TODO -> "to do";
        };
    }
}
