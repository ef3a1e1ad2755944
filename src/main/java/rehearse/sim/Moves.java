package rehearse.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rehearse.model.NodeState;

/** The operator's moves: one group, or every group a node owns (all or nothing). */
final class Moves {
    private Moves() {}

    static Optional<Refused> move(Tx tx, int g, int n) {
        Optional<Refused> why = cannotMove(tx, g, n);
        if (why.isPresent()) return why;
        GroupDriver.startMove(tx, g, n, Event.MoveCause.OPERATOR);
        return Optional.empty();
    }

    /** Why group {@code g} cannot move to node {@code n} now, if it cannot. */
    static Optional<Refused> cannotMove(Tx tx, int g, int n) {
        GroupSim G = tx.group(g);
        String group = tx.top.groupNames[g], node = tx.nodeName(n);
        if (!tx.formed) return Optional.of(new Refused.ClusterDown());
        if (G.moving()) return Optional.of(new Refused.MoveInProgress(group, tx.nodeName(G.movingTo())));
        if (G.owner() == n) return Optional.of(new Refused.AlreadyOwner(group, node));
        NodeState state = tx.node(n).state();
        if (state != NodeState.UP) return Optional.of(new Refused.NodeNotAccepting(group, node, state));
        if (tx.node(n).shuttingDown()) return Optional.of(new Refused.NodeShuttingDown(group, node));
        List<String> refusing = new ArrayList<>();
        for (int r = tx.top.groupFirst[g]; r < tx.top.groupEnd[g]; r++) {
            if (!tx.res(r).removed() && !tx.res(r).ownedBy(n)) refusing.add(tx.top.resourceNames[r]);
        }
        if (!refusing.isEmpty()) return Optional.of(new Refused.NotPossibleOwner(group, node, refusing));
        for (int r = tx.top.groupFirst[g]; r < tx.top.groupEnd[g]; r++) {
            if (tx.top.isIis(r) && tx.res(r).want() && !IisRule.allowed(tx, r, n)) return Optional.of(IisRule.refusal(tx, r, n));
        }
        return Optional.empty();
    }

    static Optional<Refused> moveAll(Tx tx, int from, int to) {
        if (from == to) return Optional.of(new Refused.MoveAllToSelf(tx.nodeName(from)));
        List<Integer> owned = new ArrayList<>();
        for (int g = 0; g < tx.top.groups(); g++) if (tx.group(g).owner() == from && !tx.group(g).moving()) owned.add(g);
        if (owned.isEmpty()) {
            tx.emit(new Event.NothingToMove(tx.clock, tx.nodeName(from)));
            return Optional.empty();
        }
        // All or nothing: an operator must not be left with half the groups moved.
        for (int g : owned) {
            Optional<Refused> why = cannotMove(tx, g, to);
            if (why.isPresent()) return why;
        }
        for (int g : owned) GroupDriver.startMove(tx, g, to, Event.MoveCause.OPERATOR);
        return Optional.empty();
    }
}
