package rehearse.sim;

import rehearse.matrix.Configuration;
import rehearse.model.ResourceState;

/** Something the simulation will do at a simulated time. */
record Timer(long at, long seq, Action action) {
    boolean before(Timer o) {
        return at != o.at ? at < o.at : seq < o.seq;
    }

    /** What a timer does. Each carries the generation it was set in; a later change makes it void. */
    sealed interface Action permits Settle, UpgradeDone, JoinDone, FailoverDue, NodeFault {
        /** Operations are what settling waits for; an armed fault is not one. */
        default boolean operation() {
            return true;
        }
    }

    /** A resource's pending transition ends. */
    record Settle(int resource, ResourceState to, int generation) implements Action {}

    record UpgradeDone(int node, Configuration to, int generation) implements Action {}

    record JoinDone(int node, int generation) implements Action {}

    /** The surviving nodes have noticed a failed node and arbitrated the quorum: its groups fail over. */
    record FailoverDue(int node, int generation) implements Action {}

    /** {@code fail node N after T}. */
    record NodeFault(int node) implements Action {
        @Override
        public boolean operation() {
            return false;
        }
    }
}
