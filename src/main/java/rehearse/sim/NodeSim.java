package rehearse.sim;

import rehearse.matrix.Configuration;
import rehearse.model.NodeState;

/**
 * A node in the simulation. {@code paused} is the operator's pause, which outlives a reboot:
 * a paused node that is upgraded or restored rejoins paused. {@code upgradingTo} is non-null
 * while an upgrade runs (from {@code upgradeStart} to {@code upgradeEnd}).
 */
record NodeSim(NodeState state, Configuration config, boolean paused, int generation, Configuration upgradingTo,
        long upgradeStart, long upgradeEnd, boolean failNextUpgrade, boolean refuseNextJoin) {

    static NodeSim of(NodeState state, Configuration config) {
        return new NodeSim(state, config, state == NodeState.PAUSED, 0, null, 0, 0, false, false);
    }

    /** In the cluster: up or paused (not down, not joining). */
    boolean member() {
        return state == NodeState.UP || state == NodeState.PAUSED;
    }

    NodeSim withState(NodeState s) {
        return new NodeSim(s, config, paused, generation, upgradingTo, upgradeStart, upgradeEnd, failNextUpgrade, refuseNextJoin);
    }

    NodeSim withPaused(boolean p) {
        return new NodeSim(state, config, p, generation, upgradingTo, upgradeStart, upgradeEnd, failNextUpgrade, refuseNextJoin);
    }

    NodeSim withConfig(Configuration c) {
        return new NodeSim(state, c, paused, generation, upgradingTo, upgradeStart, upgradeEnd, failNextUpgrade, refuseNextJoin);
    }

    NodeSim nextGeneration() {
        return new NodeSim(state, config, paused, generation + 1, upgradingTo, upgradeStart, upgradeEnd, failNextUpgrade,
                refuseNextJoin);
    }

    NodeSim withUpgrade(Configuration to, long start, long end) {
        return new NodeSim(state, config, paused, generation, to, start, end, failNextUpgrade, refuseNextJoin);
    }

    NodeSim withFaults(boolean failUpgrade, boolean refuseJoin) {
        return new NodeSim(state, config, paused, generation, upgradingTo, upgradeStart, upgradeEnd, failUpgrade, refuseJoin);
    }
}
