package rehearse.sim;

import rehearse.model.NodeState;

/**
 * The quorum resource: a node that cannot own it cannot form the cluster, and when no node
 * still in the cluster can own it, the cluster stops (every node's Cluster service goes down).
 * After that the first node back forms the cluster instead of joining it.
 */
final class Quorum {
    private Quorum() {}

    static boolean canOwn(Tx tx, int node) {
        int q = tx.top.quorum;
        return q < 0 || tx.res(q).ownedBy(node);
    }

    /**
     * Some node still in the cluster holds the quorum resource or can take it over, and its group
     * has not been given up. Taking it over means taking its whole group: a node that is not a
     * possible owner of every resource of that group (an IIS resource restricted to another node,
     * say) cannot, so the quorum is lost with the node that owns it.
     */
    static boolean held(Tx tx) {
        int q = tx.top.quorum;
        if (q < 0) {
            for (int n = 0; n < tx.nodes(); n++) if (tx.node(n).member()) return true;
            return false;
        }
        int g = tx.top.resourceGroup[q];
        if (tx.group(g).stopped()) return false;
        for (int n = 0; n < tx.nodes(); n++) {
            if (!tx.node(n).member() || !canOwn(tx, n)) continue;
            if (tx.group(g).owner() == n || GroupDriver.canBeOwnedBy(tx, g, n)) return true;
        }
        return false;
    }

    /** After a node left the cluster or a group was given up: does the cluster still stand? */
    static void check(Tx tx) {
        if (!tx.formed || held(tx)) return;
        tx.formed = false;
        tx.emit(new Event.ClusterLost(tx.clock, tx.top.quorum < 0 ? null : tx.top.resourceNames[tx.top.quorum]));
        for (int n = 0; n < tx.nodes(); n++) {
            if (!tx.node(n).member()) continue;
            tx.node(n, tx.node(n).nextGeneration());
            tx.setNode(n, NodeState.DOWN, Event.NodeCause.LOST_QUORUM, tx.node(n).config());
            NodeOps.stopGroupsOf(tx, n);
        }
    }
}
