package rehearse.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rehearse.matrix.Configuration;
import rehearse.model.NodeState;
import rehearse.model.ResourceState;

/** Operations on groups' and resources' settings: online, offline, possible owners, failback, remove, recreate. */
final class ResourceOps {
    private ResourceOps() {}

    /** Online takes the resources' dependencies along, offline their dependents. */
    static Optional<Refused> setWanted(Tx tx, int g, List<Integer> affected, String name, boolean online) {
        if (!tx.formed) return Optional.of(new Refused.ClusterDown());
        GroupSim G = tx.group(g);
        if (!online && affected.contains(tx.top.quorum)) {
            return Optional.of(new Refused.QuorumStaysOnline(tx.top.resourceNames[tx.top.quorum]));
        }
        if (online) {
            NodeSim owner = tx.node(G.owner());
            if (owner.state() != NodeState.UP) {
                return Optional.of(new Refused.OwnerCannotHost(name, tx.nodeName(G.owner()), owner.state()));
            }
            for (int r : affected) {
                String rn = tx.top.resourceNames[r];
                if (tx.res(r).removed()) return Optional.of(new Refused.RemovedResource(rn));
                if (!tx.res(r).ownedBy(G.owner())) return Optional.of(new Refused.NotPossibleOwnerOfResource(rn, tx.nodeName(G.owner())));
                if (tx.top.isIis(r) && !IisRule.allowed(tx, r, G.owner())) return Optional.of(IisRule.refusal(tx, r, G.owner()));
            }
        }
        for (int r : affected) {
            ResourceSim R = tx.res(r).withWant(online);
            tx.res(r, online ? R.withFailures(PolicyTimes.NONE) : R); // an operator's retry starts the restart count afresh
        }
        if (online) tx.group(g, tx.group(g).withStopped(false).withFailovers(PolicyTimes.NONE));
        for (int r : affected) GroupDriver.examine(tx, r);
        GroupDriver.completeMoveIfDrained(tx, g);
        return Optional.empty();
    }

    /** The group's resources, but removed ones. */
    static List<Integer> groupResources(Tx tx, int g) {
        List<Integer> out = new ArrayList<>();
        for (int r = tx.top.groupFirst[g]; r < tx.top.groupEnd[g]; r++) if (!tx.res(r).removed()) out.add(r);
        return out;
    }

    /** The resource and, for online, what it needs; for offline, what needs it. */
    static List<Integer> closure(Tx tx, int r, boolean online) {
        List<Integer> out = new ArrayList<>();
        boolean[] seen = new boolean[tx.top.resources()];
        List<Integer> work = new ArrayList<>(List.of(r));
        while (!work.isEmpty()) {
            int x = work.remove(work.size() - 1);
            if (seen[x]) continue;
            seen[x] = true;
            out.add(x);
            for (int y : online ? tx.top.dependsOn[x] : tx.top.dependents[x]) if (!seen[y]) work.add(y);
        }
        return out;
    }

    static Optional<Refused> owners(Tx tx, int r, long owners) {
        String name = tx.top.resourceNames[r];
        Optional<Refused> mixed = noChangeWhileRolling(tx, name);
        if (mixed.isPresent()) return mixed;
        ResourceSim R = tx.res(r);
        int owner = tx.ownerOf(r);
        if (R.active() && (owners & (1L << owner)) == 0) {
            return Optional.of(new Refused.OwnersLeaveOutActive(name, R.state(), tx.nodeName(owner)));
        }
        Optional<Configuration> old = IisRule.standardOld(tx);
        if (tx.top.isIis(r) && R.active() && old.isPresent() && !IisRule.allowedWith(tx, owners, owner, old.get())) {
            List<String> beyond = new ArrayList<>();
            for (int n = 0; n < tx.nodes(); n++) {
                if ((owners & (1L << n)) != 0 && !tx.node(n).config().equals(old.get())) beyond.add(tx.nodeName(n));
            }
            return Optional.of(new Refused.OwnersBeyondOldNodes(name, beyond, old.get()));
        }
        tx.res(r, R.withOwners(owners));
        tx.touch(r);
        tx.emit(new Event.OwnersChanged(tx.clock, name, tx.top.ownerNames(owners)));
        GroupDriver.examine(tx, r);
        return Optional.empty();
    }

    static Optional<Refused> failback(Tx tx, int g, boolean on) {
        Optional<Refused> mixed = noChangeWhileRolling(tx, tx.top.groupNames[g]);
        if (mixed.isPresent()) return mixed;
        if (tx.group(g).failback() != on) {
            tx.group(g, tx.group(g).withFailback(on));
            tx.emit(new Event.FailbackChanged(tx.clock, tx.top.groupNames[g], on, false));
        }
        return Optional.empty();
    }

    /** The standard upgrade's option: remove the IIS resource, keeping its definition to recreate later. */
    static Optional<Refused> remove(Tx tx, int r) {
        String name = tx.top.resourceNames[r];
        ResourceSim R = tx.res(r);
        if (!tx.top.isIis(r)) return Optional.of(new Refused.NotIis(name));
        if (R.removed()) return Optional.of(new Refused.AlreadyRemoved(name));
        Optional<Refused> mixed = noChangeWhileRolling(tx, name);
        if (mixed.isPresent()) return mixed;
        if (R.active()) return Optional.of(new Refused.StillActive(name, R.state()));
        List<String> needing = new ArrayList<>();
        for (int d : tx.top.dependents[r]) if (!tx.res(d).removed()) needing.add(tx.top.resourceNames[d]);
        if (!needing.isEmpty()) return Optional.of(new Refused.HasDependents(name, needing));
        tx.res(r, R.withWant(false));
        tx.setResource(r, ResourceState.OFFLINE);
        tx.res(r, tx.res(r).withRemoved(true));
        tx.touch(r);
        tx.emit(new Event.ResourceRemoved(tx.clock, name));
        return Optional.empty();
    }

    /** Brings a removed IIS resource back, as the platform's IIS type, once every node is at one configuration. */
    static Optional<Refused> recreate(Tx tx, int r) {
        String name = tx.top.resourceNames[r];
        if (!tx.res(r).removed()) return Optional.of(new Refused.NotRemoved(name));
        Configuration newest = tx.node(0).config();
        List<String> behind = new ArrayList<>();
        if (Mixed.of(tx).isPresent()) {
            newest = Mixed.of(tx).get().to();
            for (int n = 0; n < tx.nodes(); n++) if (!tx.node(n).config().equals(newest)) behind.add(tx.nodeName(n));
        }
        if (!behind.isEmpty()) return Optional.of(new Refused.RecreateTooEarly(name, behind));
        tx.res(r, tx.res(r).withRemoved(false).withOwners(tx.top.originalOwners[r]));
        tx.touch(r);
        tx.emit(new Event.ResourceRecreated(tx.clock, name, newest.iisResourceType()));
        return Optional.empty();
    }

    /** Microsoft: no configuration changes while the nodes run two Cluster service versions. */
    private static Optional<Refused> noChangeWhileRolling(Tx tx, String what) {
        return Mixed.of(tx).filter(m -> m.versionsDiffer(tx)).map(m -> new Refused.MixedVersionChange(what, m.from(), m.to()));
    }

    /**
     * The pre-flight checklist turns failback off for the run, remembering each group's setting;
     * in a cluster already mid-way through a rolling upgrade it leaves failback as it is (no
     * configuration changes in a mixed-version cluster).
     */
    static void ackPreflight(Tx tx) {
        if (tx.preflight) return;
        tx.preflight = true;
        boolean mixed = Mixed.of(tx).map(m -> m.versionsDiffer(tx)).orElse(false);
        tx.emit(new Event.PreflightAcknowledged(tx.clock, mixed));
        for (int g = 0; g < tx.top.groups(); g++) {
            GroupSim G = tx.group(g);
            tx.group(g, G.withFailbackBefore(G.failback()).withFailback(G.failback() && mixed));
            if (G.failback() && !mixed) tx.emit(new Event.FailbackChanged(tx.clock, tx.top.groupNames[g], false, true));
        }
    }
}
