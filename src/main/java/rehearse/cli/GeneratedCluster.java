package rehearse.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

/** Big clusters for benchmarks: groups spread over the nodes, each an IP, a disk, names and IIS; or one long chain. */
final class GeneratedCluster {
    private GeneratedCluster() {}

    static Cluster of(Configuration c, int nodes, int groups, int resources) {
        List<Node> ns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            names.add(String.format(Locale.ROOT, "NODE%02d", i));
            ns.add(new Node(names.get(i), NodeState.UP, c.platform(), c));
        }
        List<Group> gs = new ArrayList<>();
        int perGroup = resources / groups, extra = resources % groups;
        for (int g = 0; g < groups; g++) {
            List<Resource> rs = new ArrayList<>();
            int count = perGroup + (g < extra ? 1 : 0);
            for (int r = 0; r < count; r++) {
                ResourceType type = r == 0 ? ResourceType.IP_ADDRESS : r == count - 1 ? ResourceType.IIS
                        : r == 1 ? ResourceType.PHYSICAL_DISK : ResourceType.NETWORK_NAME;
                List<String> deps = r == 0 ? List.of() : List.of("G" + g + "R0");
                rs.add(new Resource("G" + g + "R" + r, type, names, deps, ResourceState.ONLINE, Map.of()));
            }
            gs.add(new Group("G" + g, names.get(g % nodes), names, false, rs));
        }
        return new Cluster("BENCH-" + nodes + "x" + groups, ns, gs, Timings.defaults());
    }

    /** Two nodes and one group of {@code length} resources, each depending on the one before, IIS at the end. */
    static Cluster chain(Configuration c, int length) {
        List<String> names = List.of("NODEA", "NODEB");
        List<Resource> rs = new ArrayList<>();
        for (int r = 0; r < length; r++) {
            ResourceType type = r == length - 1 ? ResourceType.IIS : r == 0 ? ResourceType.IP_ADDRESS : ResourceType.GENERIC_SERVICE;
            rs.add(new Resource("R" + r, type, names, r == 0 ? List.of() : List.of("R" + (r - 1)), ResourceState.ONLINE, Map.of()));
        }
        Group g = new Group("Chain", "NODEA", names, false, rs);
        return new Cluster("BENCH-CHAIN-" + length, List.of(new Node("NODEA", NodeState.UP, c.platform(), c),
                new Node("NODEB", NodeState.UP, c.platform(), c)), List.of(g), Timings.defaults());
    }
}
