package rehearse.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import rehearse.command.ParseException;
import rehearse.io.ClusterLoader;
import rehearse.matrix.MatrixLoader;
import rehearse.model.Cluster;
import rehearse.plan.HopSteps;

/**
 * Random command sequences against random clusters: the engine checks its invariants after
 * every event and throws on a violation, so a run that ends is a run where they held.
 */
class EngineProperties {
    private static final String[] CONFIGS = {"IIS 3.0 / SP3", "IIS 3.0 / SP4", "IIS 4.0 / SP3", "IIS 4.0 / SP4"};

    @Property(tries = 300)
    void invariantsHoldUnderRandomCommands(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int length) throws Exception {
        Random rnd = new Random(seed);
        int nodes = 2 + rnd.nextInt(3);
        String yaml = randomCluster(rnd, nodes);
        Cluster c = new ClusterLoader(MatrixLoader.builtIn()).parse("random.yaml", yaml.getBytes());
        Session s = new Session(new Rehearsal(MatrixLoader.builtIn(), c));
        long lastTime = 0;
        for (int i = 0; i < length; i++) {
            String line = randomCommand(rnd, c, nodes);
            s.submit(line, rnd.nextInt(4) != 0);
            if (rnd.nextInt(3) == 0) s.advanceTo(s.engine().now() + rnd.nextInt(120_000));
            assertThat(s.engine().now()).isGreaterThanOrEqualTo(lastTime);
            lastTime = s.engine().now();
        }
        s.engine().settle();
        s.engine().checkAllInvariants();
        assertThat(s.engine().cluster().groups()).allSatisfy(g -> assertThat(c.nodeNames()).contains(g.owner()));
    }

    private static String randomCluster(Random rnd, int nodes) {
        String config = CONFIGS[rnd.nextInt(CONFIGS.length)];
        StringBuilder b = new StringBuilder("cluster: R\nnodes:\n");
        for (int n = 0; n < nodes; n++) b.append("  - {name: N").append(n).append(", config: ").append(config).append("}\n");
        b.append("groups:\n");
        int groups = 1 + rnd.nextInt(4);
        for (int g = 0; g < groups; g++) {
            int owner = rnd.nextInt(nodes);
            b.append("  - name: G").append(g).append("\n    owner: N").append(owner).append("\n    resources:\n");
            int resources = 1 + rnd.nextInt(5);
            for (int r = 0; r < resources; r++) {
                String type = r == resources - 1 && rnd.nextBoolean() ? "IIS" : "IP Address";
                b.append("      - {name: G").append(g).append('R').append(r).append(", type: ").append(type);
                if (r > 0 && rnd.nextBoolean()) b.append(", dependsOn: [G").append(g).append('R').append(rnd.nextInt(r)).append(']');
                List<String> owners = new ArrayList<>(List.of("N" + owner));
                for (int n = 0; n < nodes; n++) if (n != owner && rnd.nextInt(3) > 0) owners.add("N" + n);
                b.append(", possibleOwners: [").append(String.join(", ", owners)).append("]}\n");
            }
        }
        return b.toString();
    }

    private static String randomCommand(Random rnd, Cluster c, int nodes) throws ParseException {
        String node = "N" + rnd.nextInt(nodes), other = "N" + rnd.nextInt(nodes);
        var group = c.groups().get(rnd.nextInt(c.groups().size()));
        String res = HopSteps.quote(group.resources().get(rnd.nextInt(group.resources().size())).name());
        String g = HopSteps.quote(group.name());
        return switch (rnd.nextInt(20)) {
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
            case 11 -> "fail node " + node + (rnd.nextBoolean() ? " after " + rnd.nextInt(100) + "s" : "");
            case 12 -> "fail upgrade " + node;
            case 13 -> "fail join " + node;
            case 14 -> "fail resource " + res + " times " + (1 + rnd.nextInt(6));
            case 15 -> "wait " + rnd.nextInt(600) + "s";
            case 16 -> "target 5.0";
            case 17 -> "step";
            case 18 -> "online resource " + res;
            default -> "run";
        };
    }
}
