package rehearse.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import rehearse.command.Quote;
import rehearse.io.ClusterLoader;
import rehearse.io.MatrixLoader;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Resource;

/** Random clusters and random command lines for the property tests. */
final class RandomClusters {
    static final String[] CONFIGS = {"IIS 3.0 / SP3", "IIS 3.0 / SP4", "IIS 4.0 / SP3", "IIS 4.0 / SP4"};

    private RandomClusters() {}

    /** Two nodes (the platforms' limit) at {@code config}, one to four groups, some holding IIS. */
    static Cluster cluster(Random rnd, String config, boolean restrictOwners) throws Exception {
        int nodes = 2;
        StringBuilder b = new StringBuilder("cluster: R\nnodes:\n");
        for (int n = 0; n < nodes; n++) b.append("  - {name: N").append(n).append(", config: ").append(config).append("}\n");
        b.append("groups:\n");
        int groups = 1 + rnd.nextInt(4);
        for (int g = 0; g < groups; g++) {
            int owner = rnd.nextInt(nodes);
            b.append("  - name: G").append(g).append("\n    owner: N").append(owner).append("\n    preferredOwners: [N")
                    .append(rnd.nextInt(nodes)).append("]\n    resources:\n");
            int resources = 1 + rnd.nextInt(4);
            for (int r = 0; r < resources; r++) {
                String type = r == resources - 1 && rnd.nextInt(3) > 0 ? "IIS" : r % 2 == 0 ? "IP Address" : "Physical Disk";
                b.append("      - {name: G").append(g).append('R').append(r).append(", type: ").append(type);
                if (r > 0 && rnd.nextBoolean()) b.append(", dependsOn: [G").append(g).append('R').append(rnd.nextInt(r)).append(']');
                List<String> owners = new ArrayList<>(List.of("N" + owner));
                for (int n = 0; n < nodes; n++) if (n != owner && (!restrictOwners || rnd.nextInt(3) > 0)) owners.add("N" + n);
                b.append(", possibleOwners: [").append(String.join(", ", owners)).append("]}\n");
            }
        }
        return new ClusterLoader(MatrixLoader.builtIn()).parse("random.yaml", b.toString().getBytes());
    }

    /** A random cluster to explore, its start and its plan to IIS 5.0, or none where no supported path leads there. */
    record ToExplore(Cluster cluster, rehearse.sim.State start, rehearse.plan.Target target) {}

    static java.util.Optional<ToExplore> toExplore(Random rnd) throws Exception {
        Cluster c = cluster(rnd, CONFIGS[rnd.nextInt(CONFIGS.length)], rnd.nextInt(4) == 0);
        rehearse.sim.State start = rehearse.sim.Engine.start(MatrixLoader.builtIn(), c);
        return rehearse.plan.Targets.choose(start, start.matrix().find("IIS 5.0")).target().map(t -> new ToExplore(c, start, t));
    }

    /** Any command, faults included when {@code faults}. */
    static String command(Random rnd, Cluster c, boolean faults) {
        return command(rnd, c, faults, false);
    }

    /**
     * With {@code serviceKept}, the operator does not take down what is not IIS: nothing but
     * IIS resources is taken offline or removed, no group as a whole.
     */
    static String command(Random rnd, Cluster c, boolean faults, boolean serviceKept) {
        int nodes = c.nodes().size();
        String node = "N" + rnd.nextInt(nodes), other = "N" + rnd.nextInt(nodes);
        Group group = c.groups().get(rnd.nextInt(c.groups().size()));
        Resource resource = group.resources().get(rnd.nextInt(group.resources().size()));
        if (serviceKept) {
            List<String> iis = c.iisResources();
            if (iis.isEmpty()) return "wait 1s";
            String name = iis.get(rnd.nextInt(iis.size()));
            resource = c.groupOfResource(name).orElseThrow().resource(name).orElseThrow();
        }
        String res = Quote.name(resource.name());
        String g = Quote.name(group.name());
        int kind = rnd.nextInt(faults ? 24 : 18);
        return switch (kind) {
            case 0 -> "move " + g + " to " + node;
            case 1 -> "move all from " + node + " to " + other;
            case 2 -> "upgrade " + node + " to \"" + CONFIGS[rnd.nextInt(CONFIGS.length)] + "\"";
            case 3 -> "upgrade " + node + " to 5.0";
            case 4 -> "pause " + node;
            case 5 -> "resume " + node;
            case 6 -> "restore " + node;
            case 7 -> "online " + g;
            case 8 -> "offline resource " + res;
            case 9 -> "owners " + res + " " + node + (rnd.nextBoolean() ? " " + other : "");
            case 10 -> "ack preflight";
            case 11 -> "wait " + rnd.nextInt(600) + "s";
            case 12 -> "online resource " + res;
            case 13 -> "failback " + g + (rnd.nextBoolean() ? " on" : " off");
            case 14 -> "remove resource " + res;
            case 15 -> "recreate resource " + res;
            case 16 -> "step";
            case 17 -> serviceKept ? "online " + g : "offline " + g;
            case 18 -> "fail node " + node + (rnd.nextBoolean() ? " after " + rnd.nextInt(3000) + "s" : "");
            case 19 -> "fail upgrade " + node;
            case 20 -> "fail join " + node;
            case 21 -> "fail resource " + res + " times " + (1 + rnd.nextInt(6));
            case 22 -> "target 5.0";
            default -> "run";
        };
    }
}
