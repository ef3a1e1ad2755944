package rehearse.sim;

import java.util.List;
import rehearse.command.Command;
import rehearse.matrix.Configuration;
import rehearse.model.NodeState;
import rehearse.model.ResourceState;

/**
 * Why the cluster refused an operation: the rule, with the names and states that broke it.
 * Refusals change nothing. The front ends say them in words, with what to do instead.
 */
public sealed interface Refused extends Refusal {
    record UnknownNode(String name, List<String> known) implements Refused {}

    /** A rehearsal's clock stops at {@link State#MAX_CLOCK_MS} (what a journal can hold and a resume read back). */
    record ClockLimit(long atMs, long askedMs) implements Refused {}

    record UnknownGroup(String name, List<String> known) implements Refused {}

    record UnknownResource(String name) implements Refused {}

    record UnknownGroupOrResource(String name, Command.Scope scope) implements Refused {}

    record UnknownConfiguration(String text, String known) implements Refused {}

    /** No node holds the quorum resource: nothing can be done to groups or resources until a node forms the cluster. */
    record ClusterDown() implements Refused {}

    record MoveInProgress(String group, String to) implements Refused {}

    record AlreadyOwner(String group, String node) implements Refused {}

    record NodeNotAccepting(String group, String node, NodeState state) implements Refused {}

    record NotPossibleOwner(String group, String node, List<String> resources) implements Refused {}

    /** New possible owners of an online IIS resource that take in nodes already at the new configuration. */
    record OwnersBeyondOldNodes(String resource, List<String> newNodes, Configuration old) implements Refused {}

    /** The node is shutting down for an upgrade: its groups are leaving it. */
    record NodeShuttingDown(String group, String node) implements Refused {}

    /** The standard upgrade's rule: while nodes differ, IIS runs only on nodes still at {@code old}, restricted to them. */
    record IisOnlyOnOldNodes(String resource, String node, Configuration nodeConfig, Configuration old) implements Refused {}

    record MoveAllToSelf(String node) implements Refused {}

    record UpgradeNeedsTarget(String node) implements Refused {}

    record AlreadyUpgrading(String node) implements Refused {}

    record AlreadyAt(String node, Configuration config) implements Refused {}

    record NodeJoining(String node) implements Refused {}

    /** {@code viaTarget}: a path of several upgrades leads there, which {@code target} plans. */
    record UnsupportedUpgrade(Configuration from, Configuration to, boolean viaTarget) implements Refused {}

    /** After the upgrade the nodes would be at configurations that no one supported upgrade joins. */
    record ConfigurationsApart(String node, Configuration to, List<Configuration> configs) implements Refused {}

    record PreflightNotAcknowledged() implements Refused {}

    record RollingNodeOwnsGroups(String node, List<String> groups, String other) implements Refused {}

    record IisNotSafeForStandard(Configuration from, Configuration to, String resource, String node) implements Refused {}

    record CannotPause(String node, NodeState state) implements Refused {}

    record NotPaused(String node, NodeState state) implements Refused {}

    record CannotRestore(String node, NodeState state) implements Refused {}

    record BeingUpgraded(String node) implements Refused {}

    /** Bringing online needs an owner that is up: not down, joining or paused. */
    record OwnerCannotHost(String name, String owner, NodeState state) implements Refused {}

    record NotPossibleOwnerOfResource(String resource, String node) implements Refused {}

    /** No configuration changes while the nodes run two Cluster service versions (TechNet, restrictions on rolling upgrades). */
    record MixedVersionChange(String name, Configuration a, Configuration b) implements Refused {}

    record OwnersLeaveOutActive(String resource, ResourceState state, String owner) implements Refused {}

    record NodeAlreadyDown(String node) implements Refused {}

    record NotIis(String resource) implements Refused {}

    record StillActive(String resource, ResourceState state) implements Refused {}

    record HasDependents(String resource, List<String> dependents) implements Refused {}

    record AlreadyRemoved(String resource) implements Refused {}

    record NotRemoved(String resource) implements Refused {}

    record RemovedResource(String resource) implements Refused {}

    /** A removed IIS resource comes back only when every node has finished the upgrade. */
    record RecreateTooEarly(String resource, List<String> behind) implements Refused {}

    /** MSCS keeps the quorum resource online: it can move with its group, not be taken offline. */
    record QuorumStaysOnline(String resource) implements Refused {}

    record NotAClusterOperation(String command) implements Refused {}
}
