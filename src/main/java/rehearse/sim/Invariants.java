package rehearse.sim;

import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.NodeState;
import rehearse.model.Resource;
import rehearse.model.ResourceState;

/**
 * What must hold of a group after every change; a violation is a bug of the simulator, never
 * a state to show. (That the clock never goes back is checked where it advances.)
 */
final class Invariants {
    private Invariants() {}

    /** {@code owner} is the node the group names as its owner, or null when there is no such node. */
    static void check(Group g, Node owner) {
        if (owner == null) throw new InvariantViolation("group '" + g.name() + "' is owned by '" + g.owner() + "', not a node");
        for (Resource r : g.resources()) {
            boolean active = r.state() == ResourceState.ONLINE || r.state().pending();
            if (!active) continue;
            if (owner.state() == NodeState.DOWN || owner.state() == NodeState.JOINING) {
                throw new InvariantViolation("resource '" + r.name() + "' is " + r.state().label() + " on " + owner.name()
                        + ", which is " + owner.state().label());
            }
            if (!r.possibleOwners().contains(owner.name())) {
                throw new InvariantViolation("resource '" + r.name() + "' is " + r.state().label() + " on " + owner.name()
                        + ", not one of its possible owners");
            }
            if (r.state() == ResourceState.ONLINE) {
                for (String d : r.dependsOn()) {
                    if (g.resource(d).get().state() != ResourceState.ONLINE) {
                        throw new InvariantViolation("resource '" + r.name() + "' is online but its dependency '" + d + "' is not");
                    }
                }
            }
        }
    }
}
