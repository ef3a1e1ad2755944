package rehearse.sim;

import java.util.List;
import rehearse.matrix.Configuration;
import rehearse.model.NodeState;
import rehearse.model.ResourceState;

/**
 * Something that happened in the simulated cluster, at a simulated time (ms since the start).
 * Events are data; the front ends put them into words.
 */
public sealed interface Event {
    long time();

    /** Why a group changed owner. */
    enum MoveCause { OPERATOR, NODE_FAILED, NODE_SHUT_DOWN, RESTART_THRESHOLD, PAUSED_NODE, FAILBACK, NODE_RETURNED }

    /** Why a node changed state. */
    enum NodeCause { PAUSED, RESUMED, UPGRADE_STARTED, REJOINING_AFTER_UPGRADE, RESTORED, JOINED, FORMED_CLUSTER, FAILED,
        UPGRADE_FAILED, JOIN_REFUSED, LOST_QUORUM }

    record ResourceChanged(long time, String group, String resource, String node, ResourceState from, ResourceState to)
            implements Event {}

    record OwnerChanged(long time, String group, String from, String to, MoveCause cause) implements Event {}

    /** {@code config} is the configuration the change is about (upgrading to, restored at), or the node's own. */
    record NodeChanged(long time, String node, NodeState from, NodeState to, NodeCause cause, Configuration config)
            implements Event {}

    record NodeUpgraded(long time, String node, Configuration from, Configuration to) implements Event {}

    /** A node owning groups is upgraded: the Cluster service moves its groups off before the node goes down. */
    record ShuttingDown(long time, String node, Configuration to) implements Event {}

    record UpgradeFailed(long time, String node, Configuration to, Configuration stays) implements Event {}

    /** Why a join was refused. */
    sealed interface JoinRefusal {}

    record InjectedRefusal() implements JoinRefusal {}

    /** The Cluster service versions of the two platforms are more than one apart (error 5075). */
    record IncompatibleVersions(String other, String platform, String otherPlatform) implements JoinRefusal {}

    /** No cluster to join, and this node cannot own the quorum resource to form one. */
    record CannotFormCluster(String quorumResource) implements JoinRefusal {}

    record JoinRefused(long time, String node, JoinRefusal reason) implements Event {}

    /** A fault of the command language: what will go wrong, or what went wrong. */
    sealed interface Fault {}

    record NodeFails(String node) implements Fault {}

    record UpgradeFails(String node) implements Fault {}

    record JoinIsRefused(String node) implements Fault {}

    record ResourceFails(String resource, int times) implements Fault {}

    /** {@code at} is when a timed fault lands, or -1 for one that waits for its occasion. */
    record FaultArmed(long time, Fault fault, long at) implements Event {}

    record FaultInjected(long time, Fault fault) implements Event {}

    /** An armed node failure landed on a node that was already down. */
    record FaultFoundNodeDown(long time, String node) implements Event {}

    /** {@code failbackKept}: a cluster mid-way through a rolling upgrade keeps its failback settings (no changes while mixed). */
    record PreflightAcknowledged(long time, boolean failbackKept) implements Event {}

    /** {@code forRun}: turned off by the pre-flight acknowledgement, to be restored at the end. */
    record FailbackChanged(long time, String group, boolean on, boolean forRun) implements Event {}

    record OwnersChanged(long time, String resource, List<String> owners) implements Event {
        public OwnersChanged {
            owners = List.copyOf(owners);
        }
    }

    record MoveAbandoned(long time, String group, String target, NodeState targetState) implements Event {}

    record CannotFailOver(long time, String group, String owner) implements Event {}

    /** The group's failover threshold ran out: MSCS failed its other resources and left it offline. */
    record GroupStopped(long time, String group) implements Event {}

    record ResourceRemoved(long time, String resource) implements Event {}

    record ResourceRecreated(long time, String resource, String type) implements Event {}

    record NothingToMove(long time, String node) implements Event {}

    /** No node that is still in the cluster can own the quorum resource: the cluster stops. */
    record ClusterLost(long time, String quorumResource) implements Event {}

    record ClusterFormed(long time, String node) implements Event {}
}
