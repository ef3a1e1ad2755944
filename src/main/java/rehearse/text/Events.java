package rehearse.text;

import static rehearse.text.Names.cmd;
import static rehearse.text.Names.q;

import rehearse.sim.Event;

/** Events in one line each, for transcripts, the UI's log and journals. */
public final class Events {
    private Events() {}

    public static String of(Event e) {
        if (e instanceof Event.ResourceChanged r) {
            return "resource " + q(r.resource()) + " (" + r.group() + ") on " + r.node() + ": " + r.from().label() + " -> " + r.to().label();
        }
        if (e instanceof Event.OwnerChanged o) return "group " + q(o.group()) + " " + move(o.cause()) + ": " + o.from() + " -> " + o.to();
        if (e instanceof Event.NodeChanged n) {
            return "node " + n.node() + ": " + n.from().label() + " -> " + n.to().label() + " (" + node(n) + ")";
        }
        if (e instanceof Event.NodeUpgraded u) return "node " + u.node() + " upgraded: " + u.from().label() + " -> " + u.to().label();
        if (e instanceof Event.UpgradeFailed f) {
            return "fault: the upgrade of " + f.node() + " to " + f.to().label() + " failed; " + f.node() + " stays down at "
                    + f.stays().label() + " (" + cmd("restore", f.node()) + " brings it back; 'run' then retries the upgrade)";
        }
        if (e instanceof Event.JoinRefused j) return "join of " + j.node() + " refused: " + joinRefusal(j.reason(), j.node());
        if (e instanceof Event.ShuttingDown d) {
            return "node " + d.node() + " shutting down for its upgrade to " + d.to().label() + ": its groups move to other nodes first";
        }
        if (e instanceof Event.FaultArmed f) return "fault armed: " + armed(f);
        if (e instanceof Event.FaultInjected f) return "fault injected: " + injected(f.fault());
        if (e instanceof Event.FaultFoundNodeDown f) return "fault: " + f.node() + " was already down";
        if (e instanceof Event.PreflightAcknowledged p) {
            return "pre-flight checklist acknowledged: backups taken; documentation of every clustered resource consulted; " + (p.failbackKept() ? "failback left as it is (the nodes run two versions:"
                    + " no configuration changes)" : "failback disabled for the run");
        }
        if (e instanceof Event.FailbackChanged f) {
            return "failback of group " + q(f.group()) + (f.forRun() ? " disabled for the run" : f.on() ? " turned on" : " turned off");
        }
        if (e instanceof Event.OwnersChanged o) return "possible owners of " + q(o.resource()) + " set to " + String.join(", ", o.owners());
        if (e instanceof Event.MoveAbandoned m) {
            return "move of group " + q(m.group()) + " to " + m.target() + " abandoned: " + m.target() + " is " + Refusals.state(m.targetState());
        }
        if (e instanceof Event.CannotFailOver c) {
            return "group " + q(c.group()) + " cannot fail over: no other node is up and a possible owner of all its resources; it"
                    + " stays on " + c.owner();
        }
        if (e instanceof Event.GroupStopped g) {
            return "group " + q(g.group()) + " ran out of failovers (10 in 6 hours): MSCS left its failed resource failed and the"
                    + " others offline, until an operator brings it online";
        }
        if (e instanceof Event.ResourceRemoved r) return "resource " + q(r.resource()) + " removed from the cluster (its definition is kept)";
        if (e instanceof Event.ResourceRecreated r) return "resource " + q(r.resource()) + " recreated as " + r.type();
        if (e instanceof Event.NothingToMove n) return n.node() + " owns no groups; nothing to move";
        if (e instanceof Event.ClusterLost c) {
            return "the cluster is down: no node left in it can own the quorum resource"
                    + (c.quorumResource() == null ? "" : " " + q(c.quorumResource()));
        }
        if (e instanceof Event.ClusterFormed c) return c.node() + " formed the cluster (it holds the quorum resource)";
        throw new IllegalArgumentException("no words for " + e);
    }

    private static String move(Event.MoveCause c) {
        return switch (c) {
            case OPERATOR -> "moved";
            case NODE_FAILED -> "failed over (its node failed)";
            case NODE_SHUT_DOWN -> "failed over (its node shut down for an upgrade)";
            case RESTART_THRESHOLD -> "failed over (restart threshold reached)";
            case PAUSED_NODE -> "failed over (a resource failed on its paused node, where nothing is restarted)";
            case FAILBACK -> "failed back";
            case NODE_RETURNED -> "failed over (a node came back)";
        };
    }

    private static String node(Event.NodeChanged n) {
        return switch (n.cause()) {
            case PAUSED -> "paused by the operator";
            case RESUMED -> "resumed by the operator";
            case UPGRADE_STARTED -> "upgrading to " + n.config().label();
            case REJOINING_AFTER_UPGRADE -> "joining the cluster at " + n.config().label();
            case RESTORED -> "restored at " + n.config().label();
            case JOINED -> "joined the cluster";
            case FORMED_CLUSTER -> "formed the cluster";
            case FAILED -> "node failure";
            case UPGRADE_FAILED -> "upgrade failed";
            case JOIN_REFUSED -> "join refused";
            case LOST_QUORUM -> "the cluster lost its quorum";
        };
    }

    static String joinRefusal(Event.JoinRefusal reason, String node) {
        if (reason instanceof Event.InjectedRefusal) return "event 1071, error 5075 incompatible software versions (injected fault)";
        if (reason instanceof Event.IncompatibleVersions v) {
            return "error 5075 incompatible software versions: the Cluster service of " + v.platform() + " and that of "
                    + v.other() + " (" + v.otherPlatform() + ") are more than one version apart";
        }
        if (reason instanceof Event.CannotFormCluster c) {
            return "there is no cluster to join, and " + node + " cannot form one: it is not a possible owner of the quorum"
                    + " resource " + q(c.quorumResource());
        }
        throw new IllegalArgumentException("no words for " + reason);
    }

    private static String armed(Event.FaultArmed f) {
        if (f.fault() instanceof Event.NodeFails n) return n.node() + " will fail at " + Clock.format(f.at());
        if (f.fault() instanceof Event.UpgradeFails u) return "the next upgrade of " + u.node() + " will fail";
        if (f.fault() instanceof Event.JoinIsRefused j) {
            return "the next join of " + j.node() + " will be refused (event 1071, error 5075)";
        }
        return injected(f.fault());
    }

    static String injected(Event.Fault f) {
        if (f instanceof Event.NodeFails n) return "node " + n.node() + " fails";
        if (f instanceof Event.UpgradeFails u) return "the upgrade of " + u.node() + " fails";
        if (f instanceof Event.JoinIsRefused j) return "the join of " + j.node() + " is refused";
        if (f instanceof Event.ResourceFails r) {
            return "resource " + q(r.resource()) + " fails" + (r.times() > 1 ? " " + r.times() + " times in a row" : "");
        }
        throw new IllegalArgumentException("no words for " + f);
    }
}
