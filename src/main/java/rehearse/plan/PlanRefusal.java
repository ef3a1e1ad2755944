package rehearse.plan;

import rehearse.matrix.Configuration;
import rehearse.sim.Refusal;

/** Refusals of the plan's commands ({@code target}, {@code step}, {@code run}), as data. */
public sealed interface PlanRefusal extends Refusal permits PlanRefusal.NoTarget, PlanRefusal.PlanComplete,
        PlanRefusal.NoSupportedPath, PlanRefusal.StepUnderWay, PlanRefusal.OffPath, PlanRefusal.NodePastTarget, NoGo {

    record NoTarget() implements PlanRefusal {}

    record PlanComplete(Configuration to) implements PlanRefusal {}

    record NoSupportedPath(UpgradePath path) implements PlanRefusal {}

    /** The UI's step is still playing. */
    record StepUnderWay(Step step) implements PlanRefusal {}

    /** A node of a cluster mid-way through an upgrade is already past the target: that would be a downgrade. */
    /**
     * A node is at a configuration the path to the target does not go through: past the target
     * ({@code past}, a downgrade), or beside it (no supported path leads from it to the target).
     */
    record NodePastTarget(String node, Configuration config, Configuration target, boolean past) implements PlanRefusal {}

    /** A node is at a configuration the chosen path does not go through: choose the target again. */
    record OffPath(String node, Configuration config) implements PlanRefusal {}
}
