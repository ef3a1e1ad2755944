package rehearse.sim;

import rehearse.matrix.Configuration;
import rehearse.model.NodeState;

/**
 * A node in the simulation. {@code paused} is the operator's pause, which outlives a reboot:
 * a paused node that is upgraded or restored rejoins paused. {@code upgradingTo} is non-null
 * while an upgrade runs (from {@code upgradeStart} to {@code upgradeEnd}); while
 * {@code shuttingDown}, the node is still up and its groups are moving off before the upgrade
 * begins. {@code downCause} and {@code joinRefusal} say why a node that is down went down.
 */
record NodeSim(NodeState state, Configuration config, boolean paused, int generation, Configuration upgradingTo,
        long upgradeStart, long upgradeEnd, boolean shuttingDown, boolean failNextUpgrade, boolean refuseNextJoin,
        Event.NodeCause downCause, Event.JoinRefusal joinRefusal) {

    static NodeSim of(NodeState state, Configuration config) {
        return new NodeSim(state, config, state == NodeState.PAUSED, 0, null, 0, 0, false, false, false, null, null);
    }

    /** The configuration it is at, or is being upgraded to: an upgrade once begun counts as the new configuration. */
    Configuration committed() {
        return upgradingTo != null ? upgradingTo : config;
    }

    /** In the cluster: up or paused (not down, not joining). */
    boolean member() {
        return state == NodeState.UP || state == NodeState.PAUSED;
    }

    /** Groups may move or fail over to it: up, and not shutting down for an upgrade. */
    boolean accepts() {
        return state == NodeState.UP && !shuttingDown;
    }

    NodeSim withState(NodeState s) {
        return new NodeSim(s, config, paused, generation, upgradingTo, upgradeStart, upgradeEnd, shuttingDown, failNextUpgrade,
                refuseNextJoin, downCause, joinRefusal);
    }

    NodeSim withPaused(boolean p) {
        return new NodeSim(state, config, p, generation, upgradingTo, upgradeStart, upgradeEnd, shuttingDown, failNextUpgrade,
                refuseNextJoin, downCause, joinRefusal);
    }

    NodeSim withConfig(Configuration c) {
        return new NodeSim(state, c, paused, generation, upgradingTo, upgradeStart, upgradeEnd, shuttingDown, failNextUpgrade,
                refuseNextJoin, downCause, joinRefusal);
    }

    NodeSim nextGeneration() {
        return new NodeSim(state, config, paused, generation + 1, upgradingTo, upgradeStart, upgradeEnd, shuttingDown,
                failNextUpgrade, refuseNextJoin, downCause, joinRefusal);
    }

    NodeSim withUpgrade(Configuration to, long start, long end) {
        return new NodeSim(state, config, paused, generation, to, start, end, false, failNextUpgrade, refuseNextJoin, downCause,
                joinRefusal);
    }

    /** Still up, its groups moving off, before an upgrade to {@code to}. */
    NodeSim shuttingDownFor(Configuration to) {
        return new NodeSim(state, config, paused, generation, to, 0, 0, true, failNextUpgrade, refuseNextJoin, downCause, joinRefusal);
    }

    NodeSim withFaults(boolean failUpgrade, boolean refuseJoin) {
        return new NodeSim(state, config, paused, generation, upgradingTo, upgradeStart, upgradeEnd, shuttingDown, failUpgrade,
                refuseJoin, downCause, joinRefusal);
    }

    NodeSim withDownCause(Event.NodeCause cause, Event.JoinRefusal refusal) {
        return new NodeSim(state, config, paused, generation, upgradingTo, upgradeStart, upgradeEnd, shuttingDown, failNextUpgrade,
                refuseNextJoin, cause, refusal);
    }
}
