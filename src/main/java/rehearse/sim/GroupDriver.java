package rehearse.sim;

import rehearse.model.NodeState;
import rehearse.model.ResourceState;

/**
 * Carries out what groups want, a resource at a time: brings wanted resources online once their
 * dependencies are, takes unwanted ones offline once their dependents are, drains a group that
 * is moving (dependents first), changes its owner when nothing of it is active any more, and
 * applies MSCS's restart and failover policies. Work is done for the resources a change
 * concerns and their neighbours only.
 */
final class GroupDriver {
    /** MSCS default restart policy: up to 3 restarts within 900 s, then the group may fail over. */
    static final int RESTART_THRESHOLD = 3;
    static final long RESTART_PERIOD_MS = 900_000;
    /** MSCS default group policy: at most 10 failovers in 6 hours, then the group is left offline. */
    static final int FAILOVER_THRESHOLD = 10;
    static final long FAILOVER_PERIOD_MS = 6 * 3_600_000L;

    private GroupDriver() {}

    /** Starts whatever one resource can start now. */
    static void examine(Tx tx, int r) {
        int g = tx.top.resourceGroup[r];
        GroupSim G = tx.group(g);
        ResourceSim R = tx.res(r);
        if (R.removed()) return;
        if (G.moving()) {
            if (R.state() == ResourceState.ONLINE && !dependentsActive(tx, r)) goOffline(tx, r);
            return;
        }
        if (!tx.formed) return;
        if (R.want() && (R.state() == ResourceState.OFFLINE || R.state() == ResourceState.FAILED)) {
            if (G.stopped()) return;
            NodeSim owner = tx.node(G.owner());
            if (R.state() == ResourceState.FAILED && owner.state() == NodeState.PAUSED) {
                // On a paused node nothing is brought online, so nothing is restarted: the group fails over.
                requestFailover(tx, g, Event.MoveCause.PAUSED_NODE);
                return;
            }
            if (R.state() == ResourceState.FAILED && R.failures().count(tx.clock, RESTART_PERIOD_MS) > RESTART_THRESHOLD) {
                requestFailover(tx, g, Event.MoveCause.RESTART_THRESHOLD);
                return;
            }
            if (owner.state() == NodeState.UP && R.ownedBy(G.owner()) && dependenciesOnline(tx, r)
                    && (!tx.top.isIis(r) || IisRule.allowed(tx, r, G.owner()))) {
                transition(tx, r, ResourceState.ONLINE_PENDING, ResourceState.ONLINE, tx.top.timings.online(tx.top.types[r]));
            }
        } else if (!R.want() && R.state() == ResourceState.ONLINE && !dependentsActive(tx, r)) {
            goOffline(tx, r);
        } else if (!R.want() && R.state() == ResourceState.FAILED) {
            tx.setResource(r, ResourceState.OFFLINE);
        }
    }

    /** Every resource of a group, then the end of a move if it is drained. */
    static void examineGroup(Tx tx, int g) {
        for (int r = tx.top.groupFirst[g]; r < tx.top.groupEnd[g]; r++) examine(tx, r);
        completeMoveIfDrained(tx, g);
    }

    /** A resource's transition ended: it, its dependents and its dependencies may go on. */
    static void settled(Tx tx, int r) {
        examine(tx, r);
        for (int d : tx.top.dependents[r]) examine(tx, d);
        for (int d : tx.top.dependsOn[r]) examine(tx, d);
        completeMoveIfDrained(tx, tx.top.resourceGroup[r]);
    }

    static void startMove(Tx tx, int g, int to, Event.MoveCause cause) {
        tx.group(g, tx.group(g).withMove(to, cause));
        examineGroup(tx, g);
    }

    /** A moving group with nothing active changes owner (or stays, if the target went away) and comes online. */
    static void completeMoveIfDrained(Tx tx, int g) {
        GroupSim G = tx.group(g);
        if (!G.moving() || G.active() > 0) return;
        int to = G.movingTo(), from = G.owner();
        Event.MoveCause cause = G.moveCause();
        tx.group(g, G.withMove(-1, null));
        NodeSim target = tx.node(to);
        if (target.accepts()) changeOwner(tx, g, to, cause);
        else tx.emit(new Event.MoveAbandoned(tx.clock, tx.top.groupNames[g], tx.nodeName(to), target.state()));
        examineGroup(tx, g);
        if (tx.node(from).shuttingDown()) NodeOps.finishShutdownIfEmpty(tx, from);
    }

    private static void changeOwner(Tx tx, int g, int to, Event.MoveCause cause) {
        GroupSim G = tx.group(g);
        int from = G.owner();
        tx.group(g, G.withOwner(to).withStranded(false));
        for (int r = tx.top.groupFirst[g]; r < tx.top.groupEnd[g]; r++) {
            tx.res(r, tx.res(r).withFailures(PolicyTimes.NONE)); // a new node: the restart count starts afresh
            if (tx.res(r).state() == ResourceState.FAILED) tx.setResource(r, ResourceState.OFFLINE);
            tx.touch(r);
        }
        tx.emit(new Event.OwnerChanged(tx.clock, tx.top.groupNames[g], tx.nodeName(from), tx.nodeName(to), cause));
    }

    /** Past the restart policy: fail over, unless the failover policy has run out too. */
    static void requestFailover(Tx tx, int g, Event.MoveCause cause) {
        GroupSim G = tx.group(g);
        if (G.moving()) return;
        if (G.failovers().count(tx.clock, FAILOVER_PERIOD_MS) >= FAILOVER_THRESHOLD) {
            stop(tx, g);
            return;
        }
        tx.group(g, G.withFailovers(G.failovers().record(tx.clock, FAILOVER_PERIOD_MS)));
        failOver(tx, g, cause);
    }

    /** Moves a group to the best other node that can take it, or leaves it where it is. */
    static void failOver(Tx tx, int g, Event.MoveCause cause) {
        int to = failoverTarget(tx, g);
        if (to < 0) {
            GroupSim G = tx.group(g);
            if (!G.stranded()) { // said once, until the group moves
                tx.group(g, G.withStranded(true));
                tx.emit(new Event.CannotFailOver(tx.clock, tx.top.groupNames[g], tx.nodeName(G.owner())));
            }
            return;
        }
        startMove(tx, g, to, cause);
    }

    /** Preferred owners first, in order, then the other nodes in cluster order: up, a possible owner of all, IIS allowed. */
    static int failoverTarget(Tx tx, int g) {
        GroupSim G = tx.group(g);
        for (int n : tx.top.preferred[g]) if (n != G.owner() && canTake(tx, g, n)) return n;
        for (int n = 0; n < tx.nodes(); n++) if (n != G.owner() && canTake(tx, g, n)) return n;
        return -1;
    }

    private static boolean canTake(Tx tx, int g, int n) {
        if (!tx.node(n).accepts() || !canBeOwnedBy(tx, g, n)) return false;
        for (int r = tx.top.groupFirst[g]; r < tx.top.groupEnd[g]; r++) {
            if (tx.top.isIis(r) && tx.res(r).want() && !tx.res(r).removed() && !IisRule.allowed(tx, r, n)) return false;
        }
        return true;
    }

    /** A node can host the group only if every resource (but removed ones) lists it as a possible owner. */
    static boolean canBeOwnedBy(Tx tx, int g, int n) {
        for (int r = tx.top.groupFirst[g]; r < tx.top.groupEnd[g]; r++) {
            if (!tx.res(r).removed() && !tx.res(r).ownedBy(n)) return false;
        }
        return true;
    }

    /** The failover threshold ran out: MSCS fails the group's other resources and leaves it offline. */
    static void stop(Tx tx, int g) {
        tx.group(g, tx.group(g).withStopped(true));
        for (int r = tx.top.groupFirst[g]; r < tx.top.groupEnd[g]; r++) if (tx.res(r).active()) forceOffline(tx, r);
        tx.emit(new Event.GroupStopped(tx.clock, tx.top.groupNames[g]));
        Quorum.check(tx);
    }

    /** The resource fails: it and everything that depends on it stop at once. */
    static void fail(Tx tx, int r) {
        ResourceSim R = tx.res(r);
        tx.res(r, R.withFailures(R.failures().record(tx.clock, RESTART_PERIOD_MS)).nextGeneration());
        tx.setResource(r, ResourceState.FAILED);
        int[] stack = new int[16];
        int top = 0;
        for (int d : tx.top.dependents[r]) stack = push(stack, top++, d);
        while (top > 0) {
            int d = stack[--top];
            if (!tx.res(d).active()) continue;
            forceOffline(tx, d);
            for (int dd : tx.top.dependents[d]) stack = push(stack, top++, dd);
        }
    }

    private static int[] push(int[] stack, int at, int value) {
        if (at == stack.length) stack = java.util.Arrays.copyOf(stack, at * 2);
        stack[at] = value;
        return stack;
    }

    /** Offline at once, whatever was under way (its timer is made void). */
    static void forceOffline(Tx tx, int r) {
        tx.res(r, tx.res(r).nextGeneration());
        tx.setResource(r, ResourceState.OFFLINE);
    }

    /** The resource and whatever depends on it, at once. */
    static void forceOfflineWithDependents(Tx tx, int r) {
        forceOffline(tx, r);
        for (int d : tx.top.dependents[r]) if (tx.res(d).active()) forceOfflineWithDependents(tx, d);
    }

    private static void goOffline(Tx tx, int r) {
        transition(tx, r, ResourceState.OFFLINE_PENDING, ResourceState.OFFLINE, tx.top.timings.offline(tx.top.types[r]));
    }

    private static void transition(Tx tx, int r, ResourceState pending, ResourceState end, long ms) {
        ResourceSim R = tx.res(r).nextGeneration();
        tx.res(r, R);
        tx.setResource(r, pending);
        tx.schedule(ms, new Timer.Settle(r, end, R.generation()));
    }

    static boolean dependenciesOnline(Tx tx, int r) {
        for (int d : tx.top.dependsOn[r]) if (tx.res(d).state() != ResourceState.ONLINE) return false;
        return true;
    }

    static boolean dependentsActive(Tx tx, int r) {
        for (int d : tx.top.dependents[r]) if (tx.res(d).active()) return true;
        return false;
    }

    /** A pending transition ended (unless something since made it void). */
    static void settle(Tx tx, Timer.Settle s) {
        ResourceSim R = tx.res(s.resource());
        if (R.generation() != s.generation()) return;
        if (s.to() == ResourceState.ONLINE && R.armedFailures() > 0) {
            tx.res(s.resource(), R.withArmed(R.armedFailures() - 1));
            fail(tx, s.resource());
        } else {
            tx.setResource(s.resource(), s.to());
        }
        settled(tx, s.resource());
    }
}
