package rehearse.sim;

import rehearse.model.NodeState;
import rehearse.model.ResourceState;

/**
 * What must hold after every change; a violation is a bug of the simulator, never a state to
 * show. Checked for each resource a transition touched, against its group's owner and its
 * neighbours in the dependency graph, so the cost follows the change, not the cluster's size.
 * (That the clock never goes back is checked where it advances.)
 */
final class Invariants {
    private Invariants() {}

    static void check(Tx tx, int r) {
        ResourceSim R = tx.res(r);
        String name = tx.top.resourceNames[r];
        int owner = tx.ownerOf(r);
        NodeSim host = tx.node(owner);
        if (R.removed() && R.state() != ResourceState.OFFLINE) fail(name + " was removed but is " + R.state().label());
        if (R.active()) {
            if (!host.member()) fail(name + " is " + R.state().label() + " on " + tx.nodeName(owner) + ", which is " + host.state().label());
            if (!R.ownedBy(owner)) fail(name + " is " + R.state().label() + " on " + tx.nodeName(owner) + ", not a possible owner");
            if (tx.top.isIis(r) && !IisRule.allowed(tx, r, owner)) {
                fail(name + " is " + R.state().label() + " on " + tx.nodeName(owner) + " against the standard upgrade's rule");
            }
            if (R.state() == ResourceState.ONLINE_PENDING && host.state() != NodeState.UP && host.state() != NodeState.PAUSED) {
                fail(name + " is coming online on a node that is not up");
            }
        }
        if (R.state() == ResourceState.ONLINE) {
            for (int d : tx.top.dependsOn[r]) {
                if (tx.res(d).state() != ResourceState.ONLINE) {
                    fail(name + " is online but its dependency " + tx.top.resourceNames[d] + " is " + tx.res(d).state().label());
                }
            }
        } else {
            for (int d : tx.top.dependents[r]) {
                if (tx.res(d).active()) {
                    fail(tx.top.resourceNames[d] + " is " + tx.res(d).state().label() + " but its dependency " + name + " is "
                            + R.state().label());
                }
            }
        }
    }

    private static void fail(String what) {
        throw new InvariantViolation(what);
    }
}
