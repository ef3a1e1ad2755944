package rehearse.sim;

import java.util.Optional;
import rehearse.matrix.Configuration;
import rehearse.matrix.Upgrade;
import rehearse.matrix.UpgradeKind;

/**
 * A cluster with its nodes at the two ends of one supported upgrade: which row joins them
 * ({@code from} is the old end) and of which kind it is. Empty while every node is at one
 * configuration.
 */
record Mixed(Configuration from, Configuration to, UpgradeKind kind) {
    static Optional<Mixed> of(Tx tx) {
        Configuration a = tx.node(0).config(), other = null;
        for (int n = 1; n < tx.nodes(); n++) {
            Configuration c = tx.node(n).config();
            if (!c.equals(a)) other = c;
        }
        if (other == null) return Optional.empty();
        Configuration b = other;
        Optional<Upgrade> ab = tx.top.matrix.direct(a, b);
        if (ab.isPresent()) return Optional.of(new Mixed(a, b, ab.get().kind()));
        Optional<Upgrade> ba = tx.top.matrix.direct(b, a);
        return ba.map(u -> new Mixed(b, a, u.kind()));
    }

    boolean rolling() {
        return kind == UpgradeKind.ROLLING;
    }
}
