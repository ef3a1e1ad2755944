package rehearse.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import rehearse.matrix.Configuration;
import rehearse.matrix.Upgrade;
import rehearse.matrix.UpgradeKind;
import rehearse.model.NodeState;

/** What happens to nodes: pause, resume, upgrade, restore, join, and going down. */
final class NodeOps {
    private NodeOps() {}

    static Optional<Refused> pause(Tx tx, int n) {
        NodeSim N = tx.node(n);
        if (N.state() != NodeState.UP) return Optional.of(new Refused.CannotPause(tx.nodeName(n), N.state()));
        if (!tx.formed) return Optional.of(new Refused.ClusterDown());
        tx.node(n, N.withPaused(true));
        tx.setNode(n, NodeState.PAUSED, Event.NodeCause.PAUSED, N.config());
        return Optional.empty();
    }

    static Optional<Refused> resume(Tx tx, int n) {
        NodeSim N = tx.node(n);
        if (N.state() != NodeState.PAUSED) return Optional.of(new Refused.NotPaused(tx.nodeName(n), N.state()));
        tx.node(n, N.withPaused(false));
        tx.setNode(n, NodeState.UP, Event.NodeCause.RESUMED, N.config());
        becameUp(tx, n);
        return Optional.empty();
    }

    static Optional<Refused> restore(Tx tx, int n) {
        NodeSim N = tx.node(n);
        if (N.upgradingTo() != null) return Optional.of(new Refused.BeingUpgraded(tx.nodeName(n)));
        if (N.state() != NodeState.DOWN) return Optional.of(new Refused.CannotRestore(tx.nodeName(n), N.state()));
        N = N.nextGeneration();
        tx.node(n, N);
        tx.setNode(n, NodeState.JOINING, Event.NodeCause.RESTORED, N.config());
        tx.schedule(tx.top.timings.joinMs(), new Timer.JoinDone(n, N.generation()));
        return Optional.empty();
    }

    static Optional<Refused> upgrade(Tx tx, int n, Configuration to) {
        NodeSim N = tx.node(n);
        String name = tx.nodeName(n);
        if (N.upgradingTo() != null) return Optional.of(new Refused.AlreadyUpgrading(name));
        if (N.config().equals(to)) return Optional.of(new Refused.AlreadyAt(name, to));
        if (N.state() == NodeState.JOINING) return Optional.of(new Refused.NodeJoining(name));
        Optional<Upgrade> row = tx.top.matrix.direct(N.config(), to);
        if (row.isEmpty()) return Optional.of(new Refused.UnsupportedUpgrade(N.config(), to, tx.top.matrix.leadsTo(N.config(), to)));
        Set<Configuration> after = new LinkedHashSet<>();
        for (int i = 0; i < tx.nodes(); i++) after.add(i == n ? to : tx.node(i).config());
        if (!oneHopApart(tx, after)) return Optional.of(new Refused.ConfigurationsApart(name, to, List.copyOf(after)));
        if (!tx.preflight) return Optional.of(new Refused.PreflightNotAcknowledged());
        if (row.get().kind() == UpgradeKind.ROLLING) {
            List<String> owned = new ArrayList<>();
            for (int g = 0; g < tx.top.groups(); g++) if (tx.group(g).owner() == n) owned.add(tx.top.groupNames[g]);
            if (!owned.isEmpty()) return Optional.of(new Refused.RollingNodeOwnsGroups(name, owned, otherMember(tx, n)));
        } else {
            for (int r : tx.top.iisResources) {
                if (!safeForStandard(tx, r, n)) {
                    return Optional.of(new Refused.IisNotSafeForStandard(N.config(), to, tx.top.resourceNames[r], name));
                }
            }
        }
        List<Integer> owned = new ArrayList<>();
        for (int g = 0; g < tx.top.groups(); g++) if (tx.group(g).owner() == n) owned.add(g);
        if (N.member() && !owned.isEmpty()) {
            // A graceful shutdown: the Cluster service moves the node's groups off before the setup takes the node down.
            tx.node(n, N.nextGeneration().shuttingDownFor(to));
            tx.emit(new Event.ShuttingDown(tx.clock, name, to));
            for (int g : owned) GroupDriver.failOver(tx, g, Event.MoveCause.NODE_SHUT_DOWN);
            finishShutdownIfEmpty(tx, n);
            return Optional.empty();
        }
        goDownForUpgrade(tx, n, to);
        return Optional.empty();
    }

    /** A node shutting down for an upgrade goes down once none of its groups is still moving off (those that cannot stay). */
    static void finishShutdownIfEmpty(Tx tx, int n) {
        NodeSim N = tx.node(n);
        if (!N.shuttingDown()) return;
        for (int g = 0; g < tx.top.groups(); g++) if (tx.group(g).owner() == n && tx.group(g).moving()) return;
        goDownForUpgrade(tx, n, N.upgradingTo());
    }

    private static void goDownForUpgrade(Tx tx, int n, Configuration to) {
        NodeSim N = tx.node(n);
        N = N.nextGeneration().withUpgrade(to, tx.clock, tx.clock + tx.top.timings.upgradeMs());
        tx.node(n, N);
        tx.setNode(n, NodeState.DOWN, Event.NodeCause.UPGRADE_STARTED, to);
        takeDown(tx, n, false);
        tx.schedule(tx.top.timings.upgradeMs(), new Timer.UpgradeDone(n, to, N.generation()));
        Quorum.check(tx);
    }

    /** One configuration, or the two ends of one supported upgrade. */
    private static boolean oneHopApart(Tx tx, Set<Configuration> configs) {
        if (configs.size() <= 1) return true;
        if (configs.size() > 2) return false;
        List<Configuration> l = List.copyOf(configs);
        return tx.top.matrix.direct(l.get(0), l.get(1)).isPresent() || tx.top.matrix.direct(l.get(1), l.get(0)).isPresent();
    }

    private static String otherMember(Tx tx, int n) {
        for (int i = 0; i < tx.nodes(); i++) if (i != n && tx.node(i).accepts()) return tx.nodeName(i);
        return null;
    }

    /**
     * An IIS resource survives the standard upgrade of {@code n} if it is removed or offline, or
     * if its possible owners are only other nodes still at the old configuration.
     */
    private static boolean safeForStandard(Tx tx, int r, int n) {
        ResourceSim R = tx.res(r);
        if (R.removed() || (!R.want() && !R.active())) return true;
        if (R.owners() == 0) return false;
        Configuration old = tx.node(n).config();
        for (int o = 0; o < tx.nodes(); o++) {
            if (R.ownedBy(o) && (o == n || !tx.node(o).config().equals(old))) return false;
        }
        return true;
    }

    /**
     * The node has gone down: everything it ran stops at once and any move of its groups is
     * cancelled. A planned shutdown hands the groups over now; after a failure the survivors
     * take them when they have noticed it ({@code timings.failover}).
     */
    static void takeDown(Tx tx, int n, boolean failure) {
        List<Integer> owned = stopGroupsOf(tx, n);
        if (failure) {
            tx.schedule(tx.top.timings.failoverMs(), new Timer.FailoverDue(n, tx.node(n).generation()));
        } else {
            for (int g : owned) GroupDriver.failOver(tx, g, Event.MoveCause.NODE_SHUT_DOWN);
        }
    }

    /** Stops every resource of the node's groups at once; returns those groups. */
    static List<Integer> stopGroupsOf(Tx tx, int n) {
        List<Integer> owned = new ArrayList<>();
        for (int g = 0; g < tx.top.groups(); g++) {
            GroupSim G = tx.group(g);
            if (G.owner() != n) continue;
            owned.add(g);
            if (G.moving()) tx.group(g, G.withMove(-1, null));
            for (int r = tx.top.groupFirst[g]; r < tx.top.groupEnd[g]; r++) {
                if (tx.res(r).active()) GroupDriver.forceOffline(tx, r);
            }
        }
        return owned;
    }

    static void failoverDue(Tx tx, Timer.FailoverDue f) {
        NodeSim N = tx.node(f.node());
        if (N.generation() != f.generation() || N.state() != NodeState.DOWN) return;
        for (int g = 0; g < tx.top.groups(); g++) {
            if (tx.group(g).owner() == f.node() && !tx.group(g).moving()) GroupDriver.failOver(tx, g, Event.MoveCause.NODE_FAILED);
        }
    }

    static void upgradeDone(Tx tx, Timer.UpgradeDone u) {
        int n = u.node();
        NodeSim N = tx.node(n);
        if (N.generation() != u.generation()) return;
        if (N.failNextUpgrade()) {
            tx.node(n, N.withUpgrade(null, 0, 0).withFaults(false, N.refuseNextJoin()).withDownCause(Event.NodeCause.UPGRADE_FAILED, null));
            tx.emit(new Event.UpgradeFailed(tx.clock, tx.nodeName(n), u.to(), N.config()));
            // The node counts at its old configuration again: an IIS resource that came online on an upgraded node while
            // this one counted as upgraded is again against a standard upgrade's rule there, and stops (it is wanted still:
            // it comes back where and when the rule allows).
            for (int r : tx.top.iisResources) {
                if (tx.res(r).active() && !IisRule.allowed(tx, r, tx.ownerOf(r))) GroupDriver.forceOfflineWithDependents(tx, r);
            }
            return;
        }
        Configuration from = N.config();
        N = N.withConfig(u.to()).withUpgrade(null, 0, 0).nextGeneration();
        tx.node(n, N);
        tx.emit(new Event.NodeUpgraded(tx.clock, tx.nodeName(n), from, u.to()));
        tx.setNode(n, NodeState.JOINING, Event.NodeCause.REJOINING_AFTER_UPGRADE, u.to());
        tx.schedule(tx.top.timings.joinMs(), new Timer.JoinDone(n, N.generation()));
        // The nodes' configurations changed: a standard upgrade's restriction on IIS may have ended.
        for (int r : tx.top.iisResources) GroupDriver.examine(tx, r);
        for (int r : tx.top.iisResources) GroupDriver.completeMoveIfDrained(tx, tx.top.resourceGroup[r]);
    }

    static void joinDone(Tx tx, Timer.JoinDone j) {
        int n = j.node();
        NodeSim N = tx.node(n);
        if (N.generation() != j.generation()) return;
        Event.NodeCause cause = Event.NodeCause.JOINED;
        if (!tx.formed) {
            if (!Quorum.canOwn(tx, n)) {
                refuseJoin(tx, n, new Event.CannotFormCluster(tx.top.resourceNames[tx.top.quorum]));
                return;
            }
            tx.formed = true;
            cause = Event.NodeCause.FORMED_CLUSTER;
            for (int g = 0; g < tx.top.groups(); g++) tx.group(g, tx.group(g).withStopped(false));
            tx.emit(new Event.ClusterFormed(tx.clock, tx.nodeName(n)));
        } else {
            Event.JoinRefusal refusal = N.refuseNextJoin() ? new Event.InjectedRefusal() : incompatible(tx, n);
            if (refusal != null) {
                if (N.refuseNextJoin()) tx.node(n, N.withFaults(N.failNextUpgrade(), false));
                refuseJoin(tx, n, refusal);
                return;
            }
        }
        tx.setNode(n, N.paused() ? NodeState.PAUSED : NodeState.UP, cause, N.config());
        if (!N.paused()) becameUp(tx, n);
        for (int g = 0; g < tx.top.groups(); g++) {
            GroupSim G = tx.group(g);
            int[] pref = tx.top.preferred[g];
            if (G.failback() && pref.length > 0 && pref[0] == n && G.owner() != n && !G.moving()
                    && tx.node(n).state() == NodeState.UP && GroupDriver.canBeOwnedBy(tx, g, n)) {
                GroupDriver.startMove(tx, g, n, Event.MoveCause.FAILBACK);
            }
        }
    }

    private static void refuseJoin(Tx tx, int n, Event.JoinRefusal why) {
        tx.setNode(n, NodeState.DOWN, Event.NodeCause.JOIN_REFUSED, tx.node(n).config());
        tx.node(n, tx.node(n).withDownCause(Event.NodeCause.JOIN_REFUSED, why));
        tx.emit(new Event.JoinRefused(tx.clock, tx.nodeName(n), why));
    }

    /** Join is judged by the Cluster service versions of the platforms, not by the IIS tables. */
    private static Event.JoinRefusal incompatible(Tx tx, int n) {
        var mine = tx.top.matrix.platform(tx.node(n).config());
        for (int o = 0; o < tx.nodes(); o++) {
            if (o == n || !tx.node(o).member()) continue;
            var theirs = tx.top.matrix.platform(tx.node(o).config());
            if (!mine.canJoinWith(theirs)) return new Event.IncompatibleVersions(tx.nodeName(o), mine.name(), theirs.name());
        }
        return null;
    }

    /** A node is up (resumed, or joined unpaused): its groups come online, stranded groups fail over to it. */
    static void becameUp(Tx tx, int n) {
        for (int g = 0; g < tx.top.groups(); g++) {
            GroupSim G = tx.group(g);
            if (G.owner() == n) {
                GroupDriver.examineGroup(tx, g);
            } else if (!tx.node(G.owner()).member() && !G.moving() && wantsOnline(tx, g)) {
                GroupDriver.failOver(tx, g, Event.MoveCause.NODE_RETURNED);
            }
        }
    }

    private static boolean wantsOnline(Tx tx, int g) {
        for (int r = tx.top.groupFirst[g]; r < tx.top.groupEnd[g]; r++) if (tx.res(r).want()) return true;
        return false;
    }
}
