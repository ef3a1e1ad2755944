package rehearse.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A cluster as loaded or as the simulator leaves it at one instant. */
public record Cluster(String name, List<Node> nodes, List<Group> groups, Timings timings) {

    public Cluster {
        nodes = List.copyOf(nodes);
        groups = List.copyOf(groups);
    }

    public Optional<Node> node(String nodeName) {
        for (Node n : nodes) if (n.name().equals(nodeName)) return Optional.of(n);
        return Optional.empty();
    }

    public Optional<Group> group(String groupName) {
        for (Group g : groups) if (g.name().equals(groupName)) return Optional.of(g);
        return Optional.empty();
    }

    /** The group that holds the named resource. */
    public Optional<Group> groupOfResource(String resourceName) {
        for (Group g : groups) if (g.resource(resourceName).isPresent()) return Optional.of(g);
        return Optional.empty();
    }

    public List<Group> groupsOwnedBy(String nodeName) {
        List<Group> out = new ArrayList<>();
        for (Group g : groups) if (g.owner().equals(nodeName)) out.add(g);
        return out;
    }

    /** Names of every IIS resource, group by group: what a standard hop must make safe. */
    public List<String> iisResources() {
        List<String> out = new ArrayList<>();
        for (Group g : groups) for (Resource r : g.resources()) if (r.isIis()) out.add(r.name());
        return out;
    }

    public List<String> nodeNames() {
        return nodes.stream().map(Node::name).toList();
    }
}
