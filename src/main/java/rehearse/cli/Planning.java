package rehearse.cli;

import java.util.List;
import java.util.Map;
import rehearse.matrix.Configuration;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.NodeState;
import rehearse.model.Resource;
import rehearse.model.ResourceState;
import rehearse.model.ResourceType;
import rehearse.model.Timings;

/** What the commands that print plans share. */
final class Planning {
    private Planning() {}

    /** The path to show for a target that was refused: with the refusal's words as its reason. */
    static rehearse.plan.UpgradePath unsupported(rehearse.sim.State state, Configuration to, rehearse.plan.Targets.Result r) {
        rehearse.plan.UpgradePath path = rehearse.plan.Targets.path(state, to);
        if (!path.reachable()) return path;
        return new rehearse.plan.UpgradePath(path.from(), to, List.of(), rehearse.text.Refusals.of(r.refusal().orElseThrow()));
    }

    /**
     * The seed's own cluster, for a plan asked for without a cluster file: node A and node B at
     * one configuration, and one group holding IIS on node A.
     */
    static Cluster seed(Configuration c) {
        List<String> nodes = List.of("node A", "node B");
        Resource ip = new Resource("IIS address", ResourceType.IP_ADDRESS, nodes, List.of(), ResourceState.ONLINE, Map.of());
        Resource iis = new Resource("IIS server", ResourceType.IIS, nodes, List.of("IIS address"), ResourceState.ONLINE, Map.of());
        Group g = new Group("IIS group", "node A", nodes, false, List.of(ip, iis));
        return new Cluster("CLUSTER", List.of(new Node("node A", NodeState.UP, c.platform(), c), new Node("node B", NodeState.UP,
                c.platform(), c)), List.of(g), Timings.defaults());
    }
}
