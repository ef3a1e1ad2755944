package rehearse.sim;

import rehearse.model.ResourceState;

/**
 * A resource in the simulation: its state, whether it is wanted online (what the cluster keeps
 * it at), its possible owners as a set of node indices, whether it was removed from the cluster
 * (a standard upgrade's option), its recent failures and the failures armed for it.
 */
record ResourceSim(ResourceState state, boolean want, int generation, long owners, boolean removed, PolicyTimes failures,
        int armedFailures) {

    boolean active() {
        return state == ResourceState.ONLINE || state.pending();
    }

    boolean ownedBy(int node) {
        return (owners & (1L << node)) != 0;
    }

    ResourceSim withState(ResourceState s) {
        return new ResourceSim(s, want, generation, owners, removed, failures, armedFailures);
    }

    ResourceSim withWant(boolean w) {
        return new ResourceSim(state, w, generation, owners, removed, failures, armedFailures);
    }

    ResourceSim nextGeneration() {
        return new ResourceSim(state, want, generation + 1, owners, removed, failures, armedFailures);
    }

    ResourceSim withOwners(long o) {
        return new ResourceSim(state, want, generation, o, removed, failures, armedFailures);
    }

    ResourceSim withRemoved(boolean r) {
        return new ResourceSim(state, want, generation, owners, r, failures, armedFailures);
    }

    ResourceSim withFailures(PolicyTimes f) {
        return new ResourceSim(state, want, generation, owners, removed, f, armedFailures);
    }

    ResourceSim withArmed(int n) {
        return new ResourceSim(state, want, generation, owners, removed, failures, n);
    }
}
