package rehearse.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rehearse.command.Command;
import rehearse.matrix.Configuration;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Resource;
import rehearse.model.ResourceState;

/**
 * The rehearsal engine as pure functions: a {@link State} and a command, or the passing of
 * simulated time, give the next state, the events on the way and, for a refused command, why.
 * Deterministic: no wall clock, no threads, no randomness.
 */
public final class Engine {
    /** A guard against a simulation that would never settle (a bug, not a cluster's state). */
    private static final long MAX_TIMERS_PER_SETTLE = 50_000_000L;

    /** The next state, what happened on the way, and whether the command was refused (then nothing changed). */
    public record Transition(State state, List<Event> events, Optional<Refused> refusal) {
        public Transition {
            events = List.copyOf(events);
        }
    }

    private Engine() {}

    /** The state of a cluster as its file describes it, at time 0. */
    public static State start(UpgradeMatrix matrix, Cluster cluster) {
        Topology top = new Topology(matrix, cluster);
        List<NodeSim> nodes = new ArrayList<>();
        for (int i = 0; i < top.nodes(); i++) nodes.add(NodeSim.of(cluster.nodes().get(i).state(), cluster.nodes().get(i).config()));
        List<ResourceSim> resources = new ArrayList<>();
        List<GroupSim> groups = new ArrayList<>();
        int down = 0;
        int r = 0;
        for (int g = 0; g < top.groups(); g++) {
            Group group = cluster.groups().get(g);
            // A group on a node that is down is offline because its node is: it comes back where it goes when a node returns.
            boolean ownerDown = cluster.node(group.owner()).map(n -> n.state() == rehearse.model.NodeState.DOWN).orElse(false);
            int active = 0, iisNotOnline = 0;
            for (Resource res : group.resources()) {
                ResourceState s = res.state();
                boolean want = ownerDown || s == ResourceState.ONLINE || s == ResourceState.ONLINE_PENDING;
                resources.add(new ResourceSim(s, want, 0, top.originalOwners[r], false, PolicyTimes.NONE, 0));
                if (Tx.active(s)) active++;
                if (res.isIis() && s != ResourceState.ONLINE) iisNotOnline++;
                r++;
            }
            boolean available = iisNotOnline == 0;
            if (top.groupHasIis[g] && !available) down++;
            groups.add(new GroupSim(top.node(group.owner()), -1, null, group.failback(), group.failback(), false, false,
                    PolicyTimes.NONE, active, iisNotOnline, 0, top.groupHasIis[g] && !available ? 0 : -1, 0));
        }
        int wantedOff = 0;
        int failing = 0;
        for (ResourceSim res : resources) {
            if (State.wantedOff(res)) wantedOff++;
            if (State.failing(res)) failing++;
        }
        State s = new State(top, 0, 0, PVec.of(nodes), PVec.of(groups), PVec.of(resources), TimerQueue.EMPTY, 0, false, 0,
                down, wantedOff, failing, 0, 0, true, null);
        Tx tx = new Tx(s);
        tx.formed = Quorum.held(tx);
        for (int i = 0; i < top.resources(); i++) tx.touch(i);
        return tx.build();
    }

    /** Applies one cluster operation; a refusal returns the same state. */
    public static Transition apply(State s, Command c) {
        Tx tx = new Tx(s);
        Optional<Refused> refusal;
        try {
            refusal = dispatch(tx, c);
        } catch (Unknown u) {
            refusal = Optional.of(u.refusal);
        }
        if (refusal.isPresent()) return new Transition(s, List.of(), refusal);
        return new Transition(tx.build(), tx.events, Optional.empty());
    }

    /** Runs every timer due up to {@code time} and moves the clock there. */
    public static Transition advanceTo(State s, long time) {
        if (time < s.clock) throw new InvariantViolation("the clock would go back from " + s.clock + " to " + time);
        Tx tx = new Tx(s);
        while (tx.peekTimer() != null && tx.peekTimer().at() <= time) fireNext(tx);
        tx.clock = time;
        return new Transition(tx.build(), tx.events, Optional.empty());
    }

    /** Fires the next timer (if any) and stops there: a front end's single step of playback. */
    public static Transition next(State s) {
        Tx tx = new Tx(s);
        if (tx.peekTimer() != null) fireNext(tx);
        return new Transition(tx.build(), tx.events, Optional.empty());
    }

    /** Runs until no operation is under way: what an operator waiting on {@code /wait} sees. */
    public static Transition settle(State s) {
        Tx tx = new Tx(s);
        long guard = 0;
        while (tx.busy()) {
            fireNext(tx);
            if (++guard > MAX_TIMERS_PER_SETTLE) throw new InvariantViolation("the simulation does not settle");
        }
        return new Transition(tx.build(), tx.events, Optional.empty());
    }

    /**
     * As {@link #settle(State)}, but no timer later than {@code until} fires: the cluster as it
     * stood at {@code until} on its way to settling (a rewind to a moment inside a command).
     */
    public static Transition settle(State s, long until) {
        return settleUntil(s, until, e -> false);
    }

    /**
     * Fires timers one at a time, as repeated {@link #next} calls would, until the cluster is quiet
     * or a timer's events include one that {@code stop} accepts (then it stops after that timer):
     * one transition rather than one per timer, for a step that must stop at a failure.
     */
    public static Transition settleUntil(State s, java.util.function.Predicate<Event> stop) {
        return settleUntil(s, Long.MAX_VALUE, stop);
    }

    /** Both limits at once: no timer later than {@code until}, and none after one whose events {@code stop} accepts. */
    public static Transition settleUntil(State s, long until, java.util.function.Predicate<Event> stop) {
        Tx tx = new Tx(s);
        long guard = 0;
        while (tx.busy() && tx.peekTimer() != null && tx.peekTimer().at() <= until) {
            int from = tx.events.size();
            fireNext(tx);
            for (int i = from; i < tx.events.size(); i++) {
                if (stop.test(tx.events.get(i))) return new Transition(tx.build(), tx.events, Optional.empty());
            }
            if (++guard > MAX_TIMERS_PER_SETTLE) throw new InvariantViolation("the simulation does not settle");
        }
        return new Transition(tx.build(), tx.events, Optional.empty());
    }

    /** Checks every invariant of a state (each transition already checks what it touched; tests check all). */
    public static void check(State s) {
        Tx tx = new Tx(s);
        for (int r = 0; r < tx.top.resources(); r++) Invariants.check(tx, r);
    }

    private static void fireNext(Tx tx) {
        Timer t = tx.popTimer();
        if (t.at() < tx.clock) throw new InvariantViolation("a timer at " + t.at() + " fired after " + tx.clock);
        tx.clock = t.at();
        Timer.Action a = t.action();
        if (a instanceof Timer.Settle st) GroupDriver.settle(tx, st);
        else if (a instanceof Timer.UpgradeDone u) NodeOps.upgradeDone(tx, u);
        else if (a instanceof Timer.JoinDone j) NodeOps.joinDone(tx, j);
        else if (a instanceof Timer.FailoverDue f) NodeOps.failoverDue(tx, f);
        else if (a instanceof Timer.NodeFault f) Faults.nodeFails(tx, f.node());
        tx.checkpoint(); // the invariants of what this timer touched
    }

    // ------------------------------------------------------------------ commands

    private static Optional<Refused> dispatch(Tx tx, Command c) {
        if (c instanceof Command.Move m) return Moves.move(tx, group(tx, m.group()), node(tx, m.node()));
        if (c instanceof Command.MoveAll m) {
            int from = node(tx, m.fromNode()), to = node(tx, m.toNode());
            if (!tx.formed) return Optional.of(new Refused.ClusterDown());
            return Moves.moveAll(tx, from, to);
        }
        if (c instanceof Command.Upgrade u) {
            int n = node(tx, u.node());
            if (u.config() == null) return Optional.of(new Refused.UpgradeNeedsTarget(tx.nodeName(n)));
            Configuration to = tx.top.matrix.find(u.config());
            if (to == null) return Optional.of(new Refused.UnknownConfiguration(u.config(), tx.top.matrix.known()));
            return NodeOps.upgrade(tx, n, to);
        }
        if (c instanceof Command.Pause p) return NodeOps.pause(tx, node(tx, p.node()));
        if (c instanceof Command.Resume r) return NodeOps.resume(tx, node(tx, r.node()));
        if (c instanceof Command.Restore r) return NodeOps.restore(tx, node(tx, r.node()));
        if (c instanceof Command.Online on) return wanted(tx, on.scope(), on.name(), true);
        if (c instanceof Command.Offline off) return wanted(tx, off.scope(), off.name(), false);
        if (c instanceof Command.Owners ow) {
            int r = resource(tx, ow.resource());
            long mask = 0;
            for (String n : ow.nodes()) mask |= 1L << node(tx, n);
            if (!tx.formed) return Optional.of(new Refused.ClusterDown());
            return ResourceOps.owners(tx, r, mask);
        }
        if (c instanceof Command.Failback f) {
            int g = group(tx, f.group());
            if (!tx.formed) return Optional.of(new Refused.ClusterDown());
            return ResourceOps.failback(tx, g, f.on());
        }
        if (c instanceof Command.Remove rm) {
            int r = resource(tx, rm.resource());
            if (!tx.formed) return Optional.of(new Refused.ClusterDown());
            return ResourceOps.remove(tx, r);
        }
        if (c instanceof Command.Recreate rc) {
            int r = resource(tx, rc.resource());
            if (!tx.formed) return Optional.of(new Refused.ClusterDown());
            return ResourceOps.recreate(tx, r);
        }
        if (c instanceof Command.AckPreflight) {
            ResourceOps.ackPreflight(tx);
            return Optional.empty();
        }
        if (c instanceof Command.FailNode f) return Faults.failNode(tx, node(tx, f.node()), f.afterMs());
        if (c instanceof Command.FailUpgrade f) return Faults.failUpgrade(tx, node(tx, f.node()));
        if (c instanceof Command.FailJoin f) return Faults.failJoin(tx, node(tx, f.node()));
        if (c instanceof Command.FailResource f) return Faults.failResource(tx, resource(tx, f.resource()), f.times());
        return Optional.of(new Refused.NotAClusterOperation(c.text()));
    }

    private static Optional<Refused> wanted(Tx tx, Command.Scope scope, String name, boolean online) {
        int g = scope != Command.Scope.RESOURCE ? tx.top.group(name) : -1;
        if (g >= 0) return ResourceOps.setWanted(tx, g, ResourceOps.groupResources(tx, g), tx.top.groupNames[g], online);
        int r = scope != Command.Scope.GROUP ? tx.top.resource(name) : -1;
        if (r < 0) {
            if (scope == Command.Scope.GROUP) throw new Unknown(new Refused.UnknownGroup(name, tx.top.groupNameList()));
            if (scope == Command.Scope.RESOURCE) throw new Unknown(new Refused.UnknownResource(name));
            throw new Unknown(new Refused.UnknownGroupOrResource(name, scope));
        }
        if (online && tx.res(r).removed()) return Optional.of(new Refused.RemovedResource(tx.top.resourceNames[r]));
        return ResourceOps.setWanted(tx, tx.top.resourceGroup[r], ResourceOps.closure(tx, r, online), tx.top.resourceNames[r],
                online);
    }

    private static int node(Tx tx, String name) {
        int n = tx.top.node(name);
        if (n < 0) throw new Unknown(new Refused.UnknownNode(name, tx.top.nodeNameList()));
        return n;
    }

    private static int group(Tx tx, String name) {
        int g = tx.top.group(name);
        if (g < 0) throw new Unknown(new Refused.UnknownGroup(name, tx.top.groupNameList()));
        return g;
    }

    private static int resource(Tx tx, String name) {
        int r = tx.top.resource(name);
        if (r < 0) throw new Unknown(new Refused.UnknownResource(name));
        return r;
    }

    /** A name that is not in the cluster: refused before anything changed. */
    private static final class Unknown extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Refused refusal;

        Unknown(Refused refusal) {
            super(null, null, false, false);
            this.refusal = refusal;
        }
    }
}
