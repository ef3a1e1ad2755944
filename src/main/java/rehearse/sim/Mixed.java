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
        return of(tx, false);
    }

    /** As {@link #of(Tx)}, with a node being upgraded counted at the configuration it is being upgraded to. */
    static Optional<Mixed> committed(Tx tx) {
        return of(tx, true);
    }

    private static Optional<Mixed> of(Tx tx, boolean committed) {
        Configuration a = config(tx, 0, committed), other = null;
        for (int n = 1; n < tx.nodes(); n++) {
            Configuration c = config(tx, n, committed);
            if (!c.equals(a)) other = c;
        }
        if (other == null) return Optional.empty();
        Configuration b = other;
        Optional<Upgrade> ab = tx.top.matrix.direct(a, b);
        if (ab.isPresent()) return Optional.of(new Mixed(a, b, ab.get().kind()));
        Optional<Upgrade> ba = tx.top.matrix.direct(b, a);
        return ba.map(u -> new Mixed(b, a, u.kind()));
    }

    private static Configuration config(Tx tx, int n, boolean committed) {
        return committed ? tx.node(n).committed() : tx.node(n).config();
    }

    boolean rolling() {
        return kind == UpgradeKind.ROLLING;
    }

    /**
     * The two ends run different Cluster service versions (their platforms differ, as NT 4.0
     * Enterprise Edition and Windows 2000 do): a mixed-version cluster, in which Microsoft allows
     * no configuration changes, whatever the IIS hop's kind.
     */
    boolean versionsDiffer(Tx tx) {
        return !tx.top.matrix.platform(from).equals(tx.top.matrix.platform(to));
    }
}
