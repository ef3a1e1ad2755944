package rehearse.sim;

import java.util.Optional;
import rehearse.model.NodeState;
import rehearse.model.ResourceState;

/** The faults of the command language: a node fails (now or later), an upgrade fails, a join is refused, a resource fails. */
final class Faults {
    private Faults() {}

    static Optional<Refused> failNode(Tx tx, int n, long afterMs) {
        String name = tx.nodeName(n);
        if (afterMs > 0) {
            tx.schedule(afterMs, new Timer.NodeFault(n));
            tx.emit(new Event.FaultArmed(tx.clock, new Event.NodeFails(name), tx.clock + afterMs));
            return Optional.empty();
        }
        if (tx.node(n).state() == NodeState.DOWN) return Optional.of(new Refused.NodeAlreadyDown(name));
        nodeFails(tx, n);
        return Optional.empty();
    }

    /** The node fails (now, or when an armed fault lands). */
    static void nodeFails(Tx tx, int n) {
        if (tx.node(n).state() == NodeState.DOWN) {
            tx.emit(new Event.FaultFoundNodeDown(tx.clock, tx.nodeName(n)));
            return;
        }
        tx.emit(new Event.FaultInjected(tx.clock, new Event.NodeFails(tx.nodeName(n))));
        tx.node(n, tx.node(n).nextGeneration().withUpgrade(null, 0, 0));
        tx.setNode(n, NodeState.DOWN, Event.NodeCause.FAILED, tx.node(n).config());
        NodeOps.takeDown(tx, n, true);
        Quorum.check(tx);
    }

    static Optional<Refused> failUpgrade(Tx tx, int n) {
        tx.node(n, tx.node(n).withFaults(true, tx.node(n).refuseNextJoin()));
        tx.emit(new Event.FaultArmed(tx.clock, new Event.UpgradeFails(tx.nodeName(n)), -1));
        return Optional.empty();
    }

    static Optional<Refused> failJoin(Tx tx, int n) {
        tx.node(n, tx.node(n).withFaults(tx.node(n).failNextUpgrade(), true));
        tx.emit(new Event.FaultArmed(tx.clock, new Event.JoinIsRefused(tx.nodeName(n)), -1));
        return Optional.empty();
    }

    /** Fails the resource now if it is online, and arms the rest for when it next comes online. */
    static Optional<Refused> failResource(Tx tx, int r, int times) {
        String name = tx.top.resourceNames[r];
        tx.emit(new Event.FaultInjected(tx.clock, new Event.ResourceFails(name, times)));
        int left = times;
        if (tx.res(r).state() == ResourceState.ONLINE) {
            left--;
            GroupDriver.fail(tx, r);
        }
        if (left > 0) tx.res(r, tx.res(r).withArmed(tx.res(r).armedFailures() + left));
        GroupDriver.examine(tx, r);
        GroupDriver.completeMoveIfDrained(tx, tx.top.resourceGroup[r]);
        return Optional.empty();
    }
}
