package rehearse.text;

import static rehearse.text.Names.cmd;
import static rehearse.text.Names.list;
import static rehearse.text.Names.q;

import java.util.ArrayList;
import java.util.List;
import rehearse.plan.Problem;
import rehearse.plan.Recovery;

/** What a no-go found, and what the operator can do, in words. */
public final class Problems {
    private Problems() {}

    public static String of(Problem p) {
        if (p instanceof Problem.PreflightPending) return "the pre-flight checklist is not acknowledged";
        if (p instanceof Problem.ClusterDown) return "the cluster is down (no node holds the quorum resource)";
        if (p instanceof Problem.NodeNotInCluster n) {
            return n.node() + " is " + Refusals.state(n.state()) + " at " + n.config().label() + why(n.cause(), n.refusal(), n.node());
        }
        if (p instanceof Problem.NodeNotPaused n) return n.node() + " is " + Refusals.state(n.state()) + ", not paused";
        if (p instanceof Problem.NodeNotResumed n) return n.node() + " is " + Refusals.state(n.state()) + ", not up";
        if (p instanceof Problem.NodeNotUpgraded n) {
            return n.node() + " is " + Refusals.state(n.state()) + " at " + n.at().label() + ", not upgraded to " + n.to().label()
                    + why(n.cause(), null, n.node());
        }
        if (p instanceof Problem.GroupsStillOn g) return g.node() + " still owns " + list(g.groups());
        if (p instanceof Problem.GroupsNotOn g) return list(g.groups()) + " not on " + g.node();
        if (p instanceof Problem.ResourcesNotOnline r) {
            return "group " + q(r.group()) + " on " + r.owner() + " is not online (" + list(r.resources()) + ")";
        }
        if (p instanceof Problem.GroupsDown g) return "down with their node: " + list(g.groups());
        if (p instanceof Problem.OwnersNotRestricted o) return "the possible owners of " + list(o.resources()) + " are not only " + o.node();
        if (p instanceof Problem.IisStillOnline i) return "IIS still online: " + list(i.resources());
        if (p instanceof Problem.OwnersNotRestored o) return "the possible owners of " + list(o.resources()) + " are not restored";
        if (p instanceof Problem.NotRemoved n) return list(n.resources()) + " not removed";
        if (p instanceof Problem.StillRemoved s) return list(s.resources()) + " still removed";
        if (p instanceof Problem.NodesBehind b) return String.join(", ", b.nodes()) + " not yet at " + b.to().label();
        if (p instanceof Problem.FailbackNotRestored f) return "failback of " + list(f.groups()) + " not restored";
        if (p instanceof Problem.GroupsNotWithPreferredOwner g) return list(g.groups()) + " not on the preferred owner";
        if (p instanceof Problem.NodeFailedDuringStep n) return n.node() + " failed";
        if (p instanceof Problem.ClusterLostDuringStep) return "the cluster lost its quorum and stopped";
        if (p instanceof Problem.GroupGaveUp g) return "group " + q(g.group()) + " ran out of failovers and was left offline";
        if (p instanceof Problem.OwnersTooNarrow o) {
            return q(o.group()) + " cannot move to " + String.join(", ", o.missing()) + ": " + q(o.resource())
                    + " does not have " + (o.missing().size() == 1 ? "it" : "them") + " as possible owner";
        }
        if (p instanceof Problem.QuorumWouldBeLost l) {
            return "upgrading " + l.node() + " would stop the cluster: no other node can take the quorum resource " + q(l.quorum())
                    + " with its group " + q(l.group()) + " (" + q(l.resource()) + " cannot run there)";
        }
        if (p instanceof Problem.CommandRefused c) return "'" + c.command().text() + "' was refused: " + Refusals.of(c.refusal());
        throw new IllegalArgumentException("no words for " + p);
    }

    /** Why a node went down, when known: " (its upgrade failed)". */
    private static String why(rehearse.sim.Event.NodeCause cause, rehearse.sim.Event.JoinRefusal refusal, String node) {
        if (cause == null) return "";
        return switch (cause) {
            case FAILED -> " (it failed)";
            case UPGRADE_FAILED -> " (its upgrade failed)";
            case JOIN_REFUSED -> " (its join was refused: " + (refusal == null ? "event 1071, error 5075" : Events.joinRefusal(refusal, node)) + ")";
            case LOST_QUORUM -> " (the cluster lost its quorum)";
            case UPGRADE_STARTED -> " (being upgraded)";
            default -> "";
        };
    }

    /** "Recovery: 'restore NODEA', then 'run' ...; or roll back: ...". */
    public static String recovery(List<Recovery> rs) {
        List<String> first = new ArrayList<>();
        String runAgain = null, rollBack = null;
        for (Recovery r : rs) {
            if (r instanceof Recovery.AckPreflight) first.add("'ack preflight' once the checklist is done");
            else if (r instanceof Recovery.RestoreNode n) first.add(cmd("restore", n.node()) + " brings it back at its configuration");
            else if (r instanceof Recovery.ResumeNode n) first.add(cmd("resume", n.node()));
            else if (r instanceof Recovery.BringWithinOneVersion v) {
                first.add(cmd("restore", v.node()) + " would be refused again (its Cluster service is more than one version from "
                        + v.other() + "'s): bring " + v.other() + " to a configuration " + v.node() + " can join, or return "
                        + v.node() + " to its old configuration from its backup");
            } else if (r instanceof Recovery.RecreateResource c) first.add(cmd("recreate resource", c.resource()));
            else if (r instanceof Recovery.BringOnline g) first.add(cmd("online group", g.group()));
            else if (r instanceof Recovery.AddPossibleOwners o) {
                List<String> words = new ArrayList<>(List.of(o.resource()));
                words.addAll(o.owners());
                first.add(cmd("owners", words.toArray(String[]::new)));
            }
            else if (r instanceof Recovery.Wait) first.add("'wait' for what is under way to end");
            else if (r instanceof Recovery.RunAgain) runAgain = "'run' goes on from what the cluster then needs (retrying this step)";
            else if (r instanceof Recovery.RollBack b) rollBack = rollBack(b);
        }
        StringBuilder b = new StringBuilder("Recovery: ");
        if (!first.isEmpty()) b.append(String.join("; ", first)).append("; then ");
        b.append(runAgain == null ? "choose what to do" : runAgain);
        if (rollBack != null) b.append("; or roll back: ").append(rollBack);
        return b.append('.').toString();
    }

    /** How a hop is rolled back by hand, in words (the no-go's, the runbook's and the exploration report's). */
    public static String rollBack(Recovery.RollBack b) {
        String from = b.hop().from().label();
        if (b.upgraded().isEmpty()) {
            return "no node has begun this hop's upgrade yet: resume the paused nodes and move the groups back to their preferred owners;"
                    + " the cluster stays at " + from;
        }
        return "move the groups to nodes still at " + from + ", then return " + String.join(", ", b.upgraded()) + " to " + from + " ("
                + (b.uninstall() ? "uninstall the service pack from the folder kept when it was applied, and restart"
                        : "restore each from " + (b.firstHop() ? "its pre-flight backup" : "the backup taken as this hop began")
                        + ": this upgrade has no uninstall") + ")";
    }
}
