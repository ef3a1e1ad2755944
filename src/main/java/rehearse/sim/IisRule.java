package rehearse.sim;

import java.util.Optional;
import rehearse.matrix.Configuration;

/**
 * The source page's rule for standard upgrades: while the nodes differ across a standard (not
 * rolling) upgrade, an IIS resource may be online only on a node still at the upgrade's old
 * configuration, with its possible owners restricted to such nodes. It comes online on the new
 * configuration only when every node has finished the upgrade. A node whose upgrade has begun
 * counts at its new configuration: IIS may not come online where it could fail over to it.
 */
final class IisRule {
    private IisRule() {}

    /** The old configuration while a standard upgrade has the nodes at two configurations. */
    static Optional<Configuration> standardOld(Tx tx) {
        return Mixed.committed(tx).filter(m -> !m.rolling()).map(Mixed::from);
    }

    static boolean allowed(Tx tx, int resource, int host) {
        Optional<Configuration> old = standardOld(tx);
        return old.isEmpty() || allowedWith(tx, tx.res(resource).owners(), host, old.get());
    }

    /** With these possible owners, on this host, while {@code old} is the old configuration. */
    static boolean allowedWith(Tx tx, long owners, int host, Configuration old) {
        if (!tx.node(host).committed().equals(old)) return false;
        for (int n = 0; n < tx.nodes(); n++) {
            if ((owners & (1L << n)) != 0 && !tx.node(n).committed().equals(old)) return false;
        }
        return true;
    }

    static Refused refusal(Tx tx, int resource, int host) {
        Configuration old = standardOld(tx).orElseThrow();
        return new Refused.IisOnlyOnOldNodes(tx.top.resourceNames[resource], tx.nodeName(host), tx.node(host).config(), old);
    }
}
