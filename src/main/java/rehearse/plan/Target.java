package rehearse.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rehearse.matrix.Configuration;

/**
 * A chosen target and how to get there: the path through the tables, each hop's strategy, the
 * estimates made by rehearsing the plan on a copy of the cluster, and what the plan must put
 * back (the IIS resources' possible owners, which IIS resources were online). The steps follow
 * from it; whether each is done follows from the cluster's state.
 */
public record Target(Configuration to, UpgradePath path, List<Strategy> strategies, List<HopEstimate> estimates,
        Map<String, List<String>> iisOwners, Set<String> iisOnline, List<Step> steps) {

    public Target {
        strategies = List.copyOf(strategies);
        estimates = List.copyOf(estimates);
        iisOwners = Map.copyOf(iisOwners);
        iisOnline = Set.copyOf(iisOnline);
        steps = List.copyOf(steps);
    }

    static Target of(Configuration to, UpgradePath path, List<Strategy> strategies, List<HopEstimate> estimates,
            Map<String, List<String>> iisOwners, Set<String> iisOnline) {
        return new Target(to, path, strategies, estimates, iisOwners, iisOnline, Steps.of(path, strategies));
    }

    Target withEstimates(List<HopEstimate> e) {
        return new Target(to, path, strategies, e, iisOwners, iisOnline, steps);
    }

    /** The steps of one section: -1 the pre-flight checklist, a hop's index, or the closing steps. */
    public List<Step> section(int hop) {
        List<Step> out = new ArrayList<>();
        for (Step s : steps) if (s.hop() == hop) out.add(s);
        return out;
    }

    public int hops() {
        return path.hops().size();
    }
}
