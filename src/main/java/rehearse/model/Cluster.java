package rehearse.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cluster as loaded or as the simulator leaves it at one instant. Names are looked up
 * case-insensitively, as MSCS does. {@code quorum} names the quorum resource when the cluster
 * file says which it is; null means the default, the Cluster Group's physical disk.
 */
public record Cluster(String name, List<Node> nodes, List<Group> groups, Timings timings, String quorum) {
    /** The group MSCS creates for the cluster's own resources (address, name, quorum disk). */
    public static final String CLUSTER_GROUP = "Cluster Group";

    public Cluster {
        nodes = List.copyOf(nodes);
        groups = List.copyOf(groups);
    }

    public Cluster(String name, List<Node> nodes, List<Group> groups, Timings timings) {
        this(name, nodes, groups, timings, null);
    }

    public Optional<Node> node(String nodeName) {
        for (Node n : nodes) if (Names.same(n.name(), nodeName)) return Optional.of(n);
        return Optional.empty();
    }

    public Optional<Group> group(String groupName) {
        for (Group g : groups) if (Names.same(g.name(), groupName)) return Optional.of(g);
        return Optional.empty();
    }

    /** The group that holds the named resource. */
    public Optional<Group> groupOfResource(String resourceName) {
        for (Group g : groups) if (g.resource(resourceName).isPresent()) return Optional.of(g);
        return Optional.empty();
    }

    public List<Group> groupsOwnedBy(String nodeName) {
        List<Group> out = new ArrayList<>();
        for (Group g : groups) if (Names.same(g.owner(), nodeName)) out.add(g);
        return out;
    }

    /** Names of every IIS resource, group by group. */
    public List<String> iisResources() {
        List<String> out = new ArrayList<>();
        for (Group g : groups) for (Resource r : g.resources()) if (r.isIis()) out.add(r.name());
        return out;
    }

    public List<String> nodeNames() {
        return nodes.stream().map(Node::name).toList();
    }

    /**
     * The quorum resource: the one the cluster file names, else the first physical disk of the
     * Cluster Group; empty when there is neither (the cluster then stands as long as a node is up).
     */
    public Optional<Resource> quorumResource() {
        if (quorum != null) {
            return groupOfResource(quorum).flatMap(g -> g.resource(quorum));
        }
        return group(CLUSTER_GROUP).flatMap(g -> g.resources().stream()
                .filter(r -> r.type() == ResourceType.PHYSICAL_DISK).findFirst());
    }
}
