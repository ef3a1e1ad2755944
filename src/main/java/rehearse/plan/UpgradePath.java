package rehearse.plan;

import java.util.List;
import rehearse.matrix.Configuration;
import rehearse.matrix.UpgradeKind;

/** The planner's answer: the hops to take, or why there are none ({@code reason} non-null). */
public record UpgradePath(Configuration from, Configuration to, List<Hop> hops, String reason) {

    public UpgradePath {
        hops = List.copyOf(hops);
    }

    public boolean reachable() {
        return reason == null;
    }

    /** Standard hops take the IIS resources offline: the number operators want smallest. */
    public int offlineHops() {
        return (int) hops.stream().filter(h -> h.kind() == UpgradeKind.STANDARD).count();
    }
}
