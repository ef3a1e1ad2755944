package rehearse.model;

import rehearse.matrix.Configuration;

/** A cluster node: its state, the OS it runs and the configuration (IIS and service pack) it is at. */
public record Node(String name, NodeState state, String os, Configuration config) {

    public Node withState(NodeState s) {
        return new Node(name, s, os, config);
    }

    public Node withConfig(Configuration c) {
        return new Node(name, state, c.platform(), c);
    }

    /** Groups may move or fail over only to a node that is up (not paused, down or joining). */
    public boolean accepts() {
        return state == NodeState.UP;
    }
}
