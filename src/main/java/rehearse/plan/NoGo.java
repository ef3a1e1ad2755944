package rehearse.plan;

import java.util.List;

/**
 * A step that cannot start, was refused, was interrupted, or ended without its postcondition or
 * the hop's guard holding: what failed, and the recovery. {@code run} and {@code step} stop here.
 */
public record NoGo(Step step, Cause cause, List<Problem> problems, List<Recovery> recovery) implements PlanRefusal {
    public enum Cause {
        /** Its precondition does not hold: it was not started. */
        BLOCKED,
        /** The cluster refused one of its commands. */
        REFUSED,
        /** Something failed while it ran; the rest of it may still be under way. */
        INTERRUPTED,
        /** It ended, but its postcondition does not hold. */
        INCOMPLETE,
        /** It ended, but the cluster is not in a state to go on (a node down, groups not online). */
        GUARD
    }

    public NoGo {
        problems = List.copyOf(problems);
        recovery = List.copyOf(recovery);
    }
}
