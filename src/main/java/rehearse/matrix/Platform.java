package rehearse.matrix;

import java.util.Objects;
import java.util.Optional;

/**
 * An operating system a cluster node runs, as far as a rehearsal cares: how many nodes its
 * clusters may have, and which Cluster service it runs.
 *
 * <p>{@code clusterVersion} orders the Cluster service versions: nodes whose versions are more
 * than one apart cannot be in one cluster (the join is refused with error 5075, "incompatible
 * software versions"). The built-in tables give NT 4.0 EE before SP4 1, NT 4.0 EE SP4 2 (SP4
 * brought the support for mixed clusters during a rolling upgrade) and Windows 2000 3, so SP4 and
 * Windows 2000 nodes may be mixed and SP3 and Windows 2000 nodes may not.
 *
 * <p>What the runbook tells the operator to do on a node comes from three more facts: the
 * operating system without its service pack ({@code os}; two platforms of one {@code os} differ by
 * a service pack, which can be uninstalled, where another {@code os} is an operating-system
 * upgrade, which cannot), the service pack ({@code servicePack}, 0 for none), and where an IIS
 * upgrade on this platform comes from ({@code iisSetup}, e.g. the Windows NT 4.0 Option Pack;
 * null when unknown).
 */
public record Platform(String name, int clusterVersion, int maxNodes, String os, int servicePack, String iisSetup) {
    public Platform {
        Objects.requireNonNull(name);
        Objects.requireNonNull(os);
    }

    /** A platform of its own operating system, with no service pack and no known IIS setup. */
    public Platform(String name, int clusterVersion, int maxNodes) {
        this(name, clusterVersion, maxNodes, name, 0, null);
    }

    /** For tables built in code without platforms: any number of nodes, all of one Cluster service version. */
    public static Platform unrestricted(String name) {
        return new Platform(name, 1, Integer.MAX_VALUE);
    }

    /** Whether nodes of the two platforms can be members of one cluster at the same time. */
    public boolean canJoinWith(Platform other) {
        return Math.abs(clusterVersion - other.clusterVersion) <= 1;
    }

    public Optional<String> iisSetupSource() {
        return Optional.ofNullable(iisSetup);
    }
}
