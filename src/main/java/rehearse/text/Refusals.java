package rehearse.text;

import static rehearse.text.Names.cmd;
import static rehearse.text.Names.list;
import static rehearse.text.Names.q;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rehearse.model.NodeState;
import rehearse.plan.NoGo;
import rehearse.plan.PlanRefusal;
import rehearse.sim.Refusal;
import rehearse.sim.Refused;

/** Refusals in words: the rule that was broken, with the names, and what to do instead. */
public final class Refusals {
    private Refusals() {}

    public static String of(Refusal r) {
        if (r instanceof Refused c) return cluster(c);
        if (r instanceof NoGo n) return noGo(n);
        if (r instanceof PlanRefusal p) return plan(p);
        if (r instanceof rehearse.session.RewindRefusal w) return rewind(w);
        throw new IllegalArgumentException("no words for " + r);
    }

    static String state(NodeState s) {
        return s.label().toLowerCase(Locale.ROOT);
    }

    private static String plan(PlanRefusal r) {
        if (r instanceof PlanRefusal.NoTarget) return "no plan: choose a target first ('target \"IIS 5.0\"')";
        if (r instanceof PlanRefusal.PlanComplete p) return "the plan is complete; every node is at " + p.to().label();
        if (r instanceof PlanRefusal.NoSupportedPath p) return "no supported path: " + p.path().reason();
        if (r instanceof PlanRefusal.StepUnderWay s) {
            return "a step is under way (" + Steps.label(s.step().action()) + "); wait for it to end";
        }
        if (r instanceof PlanRefusal.NodePastTarget n) {
            if (!n.past()) {
                return n.node() + " is at " + n.config().label() + ", from which no supported path leads to " + n.target().label()
                        + " (a sideways move)";
            }
            return n.node() + " is already at " + n.config().label() + ", past " + n.target().label()
                    + ": going back is a downgrade (a service pack is uninstalled from the folder kept when it was applied; an"
                    + " operating system upgrade is undone only by restoring the node from its backup)";
        }
        if (r instanceof PlanRefusal.OffPath o) {
            return o.node() + " is at " + o.config().label() + ", which the chosen path does not go through; choose the target again";
        }
        throw new IllegalArgumentException("no words for " + r);
    }

    private static String rewind(rehearse.session.RewindRefusal r) {
        if (r instanceof rehearse.session.RewindRefusal.InTheFuture f) {
            return "cannot rewind to " + Clock.format(f.toMs()) + ": the rehearsal is at " + Clock.format(f.nowMs())
                    + ", and a rewind only goes back";
        }
        if (r instanceof rehearse.session.RewindRefusal.TooFewCommands t) {
            return "cannot rewind " + t.asked() + " command" + (t.asked() == 1 ? "" : "s") + ": this branch has " + (t.available() == 0
                    ? "none" : "only " + t.available()) + " to undo (plan, status, help and expect are not counted);"
                    + " 'rewind to 0s' goes back to the start";
        }
        if (r instanceof rehearse.session.RewindRefusal.NothingToUndo n) {
            return "nothing to rewind: the rehearsal is at " + Clock.format(n.nowMs()) + " and no command was typed at that time";
        }
        throw new IllegalArgumentException("no words for " + r);
    }

    /** "no-go at <step>: <what failed>. Recovery: ...". */
    public static String noGo(NoGo n) {
        StringBuilder b = new StringBuilder("no-go at '").append(Steps.label(n.step().action())).append("': ");
        boolean check = n.step().action() instanceof rehearse.plan.NodeActions.GoNoGo;
        b.append(switch (n.cause()) {
            case BLOCKED -> check ? "it does not hold: " : "it cannot start: ";
            case REFUSED -> "";
            case INTERRUPTED -> "stopped while under way: ";
            case INCOMPLETE -> "it did not complete: ";
            case GUARD -> "the cluster is not fit to go on: ";
        });
        List<String> problems = new ArrayList<>();
        for (var p : n.problems()) problems.add(Problems.of(p));
        b.append(String.join("; ", problems)).append(". ");
        b.append(Problems.recovery(n.recovery()));
        return b.toString();
    }

    private static String cluster(Refused r) {
        if (r instanceof Refused.ClockLimit c) {
            return "the rehearsal's clock stops at ten years (it is at " + Clock.duration(c.atMs()) + "): a wait of "
                    + Clock.duration(c.askedMs()) + " would pass it";
        }
        if (r instanceof Refused.UnknownNode u) return "no node named " + q(u.name()) + "; nodes: " + list(u.known());
        if (r instanceof Refused.UnknownGroup u) return "no group named " + q(u.name()) + "; groups: " + list(u.known());
        if (r instanceof Refused.UnknownResource u) return "no resource named " + q(u.name());
        if (r instanceof Refused.UnknownGroupOrResource u) return "no group or resource named " + q(u.name());
        if (r instanceof Refused.UnknownConfiguration u) return "unknown configuration " + q(u.text()) + "; known: " + u.known();
        if (r instanceof Refused.ClusterDown) {
            return "the cluster is down: no node in it can own the quorum resource; restore a node that can ('restore NODE')"
                    + " and it forms the cluster again";
        }
        if (r instanceof Refused.MoveInProgress m) return "group " + q(m.group()) + " is already moving to " + m.to() + "; wait for it";
        if (r instanceof Refused.AlreadyOwner a) return "group " + q(a.group()) + " is already on " + a.node();
        if (r instanceof Refused.NodeNotAccepting n) {
            return "cannot move " + q(n.group()) + " to " + n.node() + ": the node is " + state(n.state())
                    + " (a group moves only to a node that is up" + (n.state() == NodeState.PAUSED ? "; " + cmd("resume", n.node())
                    + " first" : "") + ")";
        }
        if (r instanceof Refused.NotPossibleOwner n) {
            return "cannot move " + q(n.group()) + " to " + n.node() + ": it is not a possible owner of " + list(n.resources())
                    + " (" + cmd("owners") + " changes possible owners)";
        }
        if (r instanceof Refused.OwnersBeyondOldNodes o) {
            return "IIS resource " + q(o.resource()) + " is online: during a standard upgrade its possible owners must be nodes"
                    + " still at " + o.old().label() + ", and " + String.join(", ", o.newNodes()) + (o.newNodes().size() == 1 ? " is" : " are")
                    + " not; take it offline first, or wait until every node is upgraded";
        }
        if (r instanceof Refused.NodeShuttingDown n) {
            return "cannot move " + q(n.group()) + " to " + n.node() + ": it is shutting down for an upgrade";
        }
        if (r instanceof Refused.IisOnlyOnOldNodes i) {
            return "IIS resource " + q(i.resource()) + " cannot be online on " + i.node() + " (" + i.nodeConfig().label()
                    + "): during a standard upgrade IIS runs only on nodes still at " + i.old().label()
                    + ", with its possible owners restricted to them; it comes back once every node is upgraded";
        }
        if (r instanceof Refused.MoveAllToSelf m) return "cannot move the groups of " + m.node() + " to itself";
        if (r instanceof Refused.UpgradeNeedsTarget u) {
            return "upgrade " + u.node() + " to what? say 'upgrade " + u.node() + " to CONFIG', or choose a target ('target \"IIS 5.0\"')";
        }
        if (r instanceof Refused.AlreadyUpgrading a) return a.node() + " is already being upgraded";
        if (r instanceof Refused.AlreadyAt a) return a.node() + " is already at " + a.config().label();
        if (r instanceof Refused.NodeJoining n) return "cannot upgrade " + n.node() + " while it joins; wait for the join to end";
        if (r instanceof Refused.UnsupportedUpgrade u) {
            return u.from().label() + " -> " + u.to().label() + " is not a supported upgrade in the tables"
                    + (u.viaTarget() ? "; 'target \"" + u.to().label() + "\"' plans a path of supported upgrades to it"
                    : "; no path of supported upgrades leads there");
        }
        if (r instanceof Refused.ConfigurationsApart c) {
            List<String> labels = c.configs().stream().map(x -> x.label()).toList();
            return "upgrading " + c.node() + " to " + c.to().label() + " would leave the nodes at " + String.join(", ", labels)
                    + ", which no one supported upgrade joins; finish the upgrade under way first";
        }
        if (r instanceof Refused.PreflightNotAcknowledged) {
            return "the pre-flight checklist is not acknowledged: backups taken, the documentation of every clustered resource"
                    + " consulted, failback disabled (the plan's first step lists it); acknowledge it with 'ack preflight'";
        }
        if (r instanceof Refused.RollingNodeOwnsGroups g) {
            return "rolling upgrade: " + g.node() + " still owns " + list(g.groups()) + "; move them first"
                    + (g.other() == null ? "" : " (" + cmd("move all from " + quote(g.node()) + " to", g.other()) + ")");
        }
        if (r instanceof Refused.IisNotSafeForStandard s) {
            return "standard upgrade " + s.from().label() + " -> " + s.to().label() + ": IIS resource " + q(s.resource())
                    + " must first be taken offline (" + cmd("offline resource", s.resource()) + "), removed ("
                    + cmd("remove resource", s.resource()) + "), or restricted by possible owners to nodes that stay at "
                    + s.from().label() + " while " + s.node() + " is upgraded";
        }
        if (r instanceof Refused.CannotPause c) return "cannot pause " + c.node() + ": it is " + state(c.state()) + ", not up";
        if (r instanceof Refused.NotPaused n) return "cannot resume " + n.node() + ": it is " + state(n.state()) + ", not paused";
        if (r instanceof Refused.CannotRestore c) return "cannot restore " + c.node() + ": it is " + state(c.state()) + ", not down";
        if (r instanceof Refused.BeingUpgraded b) return b.node() + " is being upgraded; wait for the upgrade to end";
        if (r instanceof Refused.OwnerCannotHost o) {
            return "cannot bring " + q(o.name()) + " online: its owner " + o.owner() + " is " + state(o.state())
                    + (o.state() == NodeState.PAUSED ? ", and nothing is brought online on a paused node; resume it or move the group"
                    : "; move the group to a node that is up");
        }
        if (r instanceof Refused.NotPossibleOwnerOfResource n) {
            return "cannot bring " + q(n.resource()) + " online on " + n.node() + ": the node is not one of its possible owners";
        }
        if (r instanceof Refused.MixedVersionChange m) {
            return "no configuration changes while the nodes run two Cluster service versions (" + m.a().label() + " and "
                    + m.b().label() + ")"
                    + " (Microsoft: finish the upgrade first); " + q(m.name()) + " stays as it is";
        }
        if (r instanceof Refused.OwnersLeaveOutActive o) {
            return q(o.resource()) + " is " + o.state().label().toLowerCase(Locale.ROOT) + " on " + o.owner()
                    + ", which the new list leaves out; take it offline or move the group first";
        }
        if (r instanceof Refused.NodeAlreadyDown n) return n.node() + " is already down";
        if (r instanceof Refused.NotIis n) return q(n.resource()) + " is not an IIS resource; a standard upgrade removes only IIS resources";
        if (r instanceof Refused.StillActive s) {
            return q(s.resource()) + " is " + s.state().label().toLowerCase(Locale.ROOT) + "; take it offline first ("
                    + cmd("offline resource", s.resource()) + ")";
        }
        if (r instanceof Refused.HasDependents h) return q(h.resource()) + " has resources that depend on it: " + list(h.dependents());
        if (r instanceof Refused.AlreadyRemoved a) return q(a.resource()) + " is already removed";
        if (r instanceof Refused.NotRemoved n) return q(n.resource()) + " was not removed";
        if (r instanceof Refused.RemovedResource rr) {
            return q(rr.resource()) + " was removed; " + cmd("recreate resource", rr.resource()) + " once every node is upgraded";
        }
        if (r instanceof Refused.RecreateTooEarly t) {
            return q(t.resource()) + " can be recreated only when every node has finished the upgrade; not yet: "
                    + String.join(", ", t.behind());
        }
        if (r instanceof Refused.QuorumStaysOnline q) {
            return "the quorum resource " + q(q.resource()) + " stays online (the cluster runs only with it); it moves with its"
                    + " group, but is not taken offline";
        }
        if (r instanceof Refused.NotAClusterOperation n) return q(n.command()) + " is not a cluster operation";
        throw new IllegalArgumentException("no words for " + r);
    }

    private static String quote(String name) {
        return rehearse.command.Quote.name(name);
    }
}
