package rehearse.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rehearse.command.Command;
import rehearse.command.CommandParser;
import rehearse.matrix.UpgradeKind;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.Cluster;
import rehearse.plan.Hop;
import rehearse.plan.HopSteps;
import rehearse.plan.PlanStep;
import rehearse.plan.UpgradePath;

/**
 * Downtime a plan will cost, measured by rehearsing it on a copy of the cluster with no
 * faults: per hop and per IIS group, done the hop's own way and, side by side, the standard way.
 */
public final class Estimate {
    /** {@code rolling} is empty for a hop the tables support only as standard. */
    public record HopEstimate(Hop hop, Optional<Map<String, Long>> rolling, Map<String, Long> standard) {
        public long total(Map<String, Long> perGroup) {
            return perGroup.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private Estimate() {}

    public static List<HopEstimate> of(UpgradeMatrix matrix, Cluster start, UpgradePath path) {
        List<HopEstimate> out = new ArrayList<>();
        Cluster at = start;
        for (Hop hop : path.hops()) {
            Optional<Map<String, Long>> rolling = Optional.empty();
            Rehearsal asPlanned = null;
            if (hop.kind() == UpgradeKind.ROLLING) {
                asPlanned = rehearse(matrix, at, hop);
                rolling = Optional.of(perGroup(asPlanned));
            }
            Hop standardHop = new Hop(hop.from(), hop.to(), UpgradeKind.STANDARD);
            Rehearsal standard = rehearse(matrix, at, standardHop);
            out.add(new HopEstimate(hop, rolling, perGroup(standard)));
            at = (asPlanned != null ? asPlanned : standard).cluster();
        }
        return out;
    }

    private static Rehearsal rehearse(UpgradeMatrix matrix, Cluster at, Hop hop) {
        Rehearsal r = new Rehearsal(matrix, at);
        r.execute(new Command.AckPreflight("ack preflight"));
        for (PlanStep step : HopSteps.of(hop, at.nodeNames(), at.iisResources())) {
            CommandParser.parseGenerated(step.commands()).forEach(r::execute);
            r.settle();
        }
        return r;
    }

    private static Map<String, Long> perGroup(Rehearsal r) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String g : r.downtime().groups()) m.put(g, r.downtime().downtimeMs(g, r.now()));
        return m;
    }
}
