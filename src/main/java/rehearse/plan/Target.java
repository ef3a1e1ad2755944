package rehearse.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rehearse.matrix.Configuration;

/**
 * A chosen target and how to get there: the path through the tables, each hop's strategy, the
 * estimates made by rehearsing the plan on a copy of the cluster, and what the plan must put
 * back (the IIS resources' possible owners, which resources of the groups holding IIS were
 * online, or failed, or mid-way through a standard upgrade offline). The steps follow
 * from it; whether each is done follows from the cluster's state.
 */
public record Target(Configuration to, UpgradePath path, List<Strategy> strategies, List<HopEstimate> estimates,
        Map<String, List<String>> iisOwners, Set<String> iisOnline) {

    public Target {
        strategies = List.copyOf(strategies);
        estimates = List.copyOf(estimates);
        iisOwners = Map.copyOf(iisOwners);
        iisOnline = Set.copyOf(iisOnline);
    }

    static Target of(Configuration to, UpgradePath path, List<Strategy> strategies, List<HopEstimate> estimates,
            Map<String, List<String>> iisOwners, Set<String> iisOnline) {
        return new Target(to, path, strategies, estimates, iisOwners, iisOnline);
    }

    /**
     * The steps for the cluster as it is: each hop's nodes in the strategy's order, but those that
     * have finished the hop first (a node upgraded by hand, a cluster caught mid-upgrade), then
     * those whose turn has begun (paused, or upgrading), so the go/no-go always stands before the
     * node that is really the last at the old configuration.
     */
    public List<Step> steps(rehearse.sim.State s) {
        Facts f = new Facts(s, this, 0);
        return Steps.of(path, strategies, (node, hop) -> {
            int at = f.position(f.node(node).config());
            if (at >= hop + 1) return 0;
            boolean begun = at == hop && (s.paused(node) || s.upgradingTo(node).isPresent());
            return begun ? 1 : 2;
        }, h -> quorumWithIis(s) && s.matrix().platform(path.hops().get(h).from()).equals(s.matrix().platform(path.hops().get(h).to())),
                path.hops().stream().anyMatch(h -> h.installsIisOverServicePack(s.matrix())));
    }

    private static boolean quorumWithIis(rehearse.sim.State s) {
        return s.cluster().quorumResource().flatMap(q -> s.cluster().groupOfResource(q.name())).map(g -> g.hasIis()).orElse(false);
    }

    /** The steps of one section of {@code steps}: -1 the pre-flight checklist, a hop's index, or the closing steps. */
    static List<Step> section(List<Step> steps, int hop) {
        List<Step> out = new ArrayList<>();
        for (Step s : steps) if (s.hop() == hop) out.add(s);
        return out;
    }

    public int hops() {
        return path.hops().size();
    }
}
