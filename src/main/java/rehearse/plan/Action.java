package rehearse.plan;

import java.util.List;
import rehearse.command.Command;

/**
 * What a plan step does, with its conditions over the cluster. A step is done when
 * {@link #done} holds, never because its commands were sent; its commands are made for the
 * cluster as it is when the step runs.
 */
public sealed interface Action permits RunActions.Preflight, RunActions.RestoreFailback, RunActions.ReturnToPreferredOwners,
        NodeActions.Pause, NodeActions.Drain, NodeActions.Upgrade, NodeActions.Resume, NodeActions.GoNoGo,
        IisActions.MoveIisGroups, IisActions.RestrictIis, IisActions.TakeIisOffline, IisActions.RestoreIisOwners,
        IisActions.RemoveIis, IisActions.RecreateIis, IisActions.BringIisOnline {

    /** The postcondition: it holds, or the hop has gone past the point where it mattered. */
    boolean done(Facts f);

    /** Why {@link #done} does not hold, as facts. */
    List<Problem> missing(Facts f);

    /**
     * What stands in the way of starting it now, beyond the hop's guard that every step shares
     * (its own precondition); empty when it can start.
     */
    default List<Problem> blockers(Facts f) {
        return List.of();
    }

    /** The commands that carry it out, for the cluster as it is now. */
    List<Command> commands(Facts f);

    /** Whether the cluster shows it being carried out (an upgrade running, groups moving off). */
    default boolean underWay(Facts f) {
        return false;
    }
}
