package rehearse.plan;

import java.util.List;
import rehearse.command.Command;
import rehearse.matrix.Configuration;
import rehearse.model.NodeState;
import rehearse.sim.Event;
import rehearse.sim.Refused;

/** A fact about the cluster that stands in the way of a step or of going on: what a no-go says failed. */
public sealed interface Problem {
    record PreflightPending() implements Problem {}

    record ClusterDown() implements Problem {}

    /** Down or joining: not a member of the cluster; {@code cause} and {@code refusal} say why it went down, when known. */
    record NodeNotInCluster(String node, NodeState state, Configuration config, Event.NodeCause cause, Event.JoinRefusal refusal)
            implements Problem {}

    record NodeNotPaused(String node, NodeState state) implements Problem {}

    record NodeNotResumed(String node, NodeState state) implements Problem {}

    record NodeNotUpgraded(String node, Configuration at, Configuration to, NodeState state, Event.NodeCause cause)
            implements Problem {}

    record GroupsStillOn(String node, List<String> groups) implements Problem {}

    record GroupsNotOn(String node, List<String> groups) implements Problem {}

    /** Resources the cluster should keep online that are not: a group stranded, failed or given up. */
    record ResourcesNotOnline(String group, String owner, List<String> resources) implements Problem {}

    /** Groups that should be online, down with the node that owns them. */
    record GroupsDown(List<String> groups) implements Problem {}

    record OwnersNotRestricted(String node, List<String> resources) implements Problem {}

    record IisStillOnline(List<String> resources) implements Problem {}

    record OwnersNotRestored(List<String> resources) implements Problem {}

    record NotRemoved(List<String> resources) implements Problem {}

    record StillRemoved(List<String> resources) implements Problem {}

    /** Nodes that have not finished the hop to {@code to}. */
    record NodesBehind(List<String> nodes, Configuration to) implements Problem {}

    record FailbackNotRestored(List<String> groups) implements Problem {}

    record GroupsNotWithPreferredOwner(List<String> groups) implements Problem {}

    /** A node failed while the step ran (or the cluster lost its quorum, or a group was given up). */
    record NodeFailedDuringStep(String node) implements Problem {}

    record ClusterLostDuringStep() implements Problem {}

    record GroupGaveUp(String group) implements Problem {}

    /**
     * A resource of {@code group} lacks {@code missing} as possible owners, so the group cannot move
     * there as the hop needs (every group moves onto the other node in turn).
     */
    record OwnersTooNarrow(String group, String resource, List<String> missing) implements Problem {}

    /**
     * Upgrading {@code node} would stop the cluster: no other node in it can take the quorum
     * resource's group, since {@code resource} of that group cannot run there.
     */
    record QuorumWouldBeLost(String node, String group, String quorum, String resource) implements Problem {}

    /** One of the step's own commands was refused by the cluster. */
    record CommandRefused(Command command, Refused refusal) implements Problem {}
}
