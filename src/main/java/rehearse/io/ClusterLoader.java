package rehearse.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import rehearse.matrix.Configuration;
import rehearse.matrix.Upgrade;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.NodeState;
import rehearse.model.Resource;
import rehearse.model.ResourceState;
import rehearse.model.ResourceType;
import rehearse.model.Timings;

/** Reads and validates a cluster file (format in README); every problem gets a line and column. */
public final class ClusterLoader {
    public static final String SAMPLE = "/rehearse/sample-cluster.yaml";
    private static final List<String> TOP = List.of("cluster", "nodes", "groups", "quorum", "timings");
    private static final List<String> NODE = List.of("name", "config", "os", "state");
    private static final List<String> GROUP = List.of("name", "owner", "preferredOwners", "failback", "resources");
    private static final List<String> RESOURCE = List.of("name", "type", "dependsOn", "possibleOwners", "state",
            "address", "subnetMask", "network", "share", "path", "service");
    private static final List<String> PROPERTY_KEYS = List.of("address", "subnetMask", "network", "share", "path", "service");

    private final UpgradeMatrix matrix;

    public ClusterLoader(UpgradeMatrix matrix) {
        this.matrix = matrix;
    }

    public static byte[] sampleBytes() {
        try (InputStream in = ClusterLoader.class.getResourceAsStream(SAMPLE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("the built-in sample cluster is missing", e);
        }
    }

    public Cluster sample() {
        try {
            return parse("sample-cluster.yaml (built in)", sampleBytes());
        } catch (InputException e) {
            throw new IllegalStateException("the built-in sample cluster does not load with these tables: "
                    + e.getMessage(), e);
        }
    }

    public Cluster load(Path file) throws InputException {
        return parse(file.toString(), read(file));
    }

    public static byte[] read(Path file) throws InputException {
        try {
            if (Files.isDirectory(file)) throw new IOException("is a directory");
            if (Files.size(file) > YamlInput.MAX_BYTES) {
                throw new InputException(new Problem(Location.of(file.toString(), 0, 0),
                        "file too large: " + Files.size(file) + " bytes (the limit is " + YamlInput.MAX_BYTES + ")"));
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(new Problem(Location.of(file.toString(), 0, 0), "no such file"));
        } catch (IOException e) {
            throw new InputException(new Problem(Location.of(file.toString(), 0, 0), "cannot read: " + e.getMessage()));
        }
    }

    public Cluster parse(String file, byte[] bytes) throws InputException {
        Problems p = new Problems(file);
        Optional<Node> root = YamlInput.compose(file, bytes);
        if (root.isEmpty()) throw new InputException(new Problem(Location.of(file, 1, 1), "the cluster file is empty"));
        if (!(root.get() instanceof org.snakeyaml.engine.v2.nodes.MappingNode)) {
            YamlMap.of(root.get(), p, "the cluster file", TOP);
            p.throwIfAny();
        }
        YamlMap top = YamlMap.of(root.get(), p, "the cluster file", TOP);
        String name = name(top, "cluster", "the cluster file", p);

        Map<String, rehearse.model.Node> nodes = new LinkedHashMap<>();
        Map<String, Node> nodeNameAt = new HashMap<>();
        if (top.list("nodes").isEmpty() && !top.has("nodes")) p.at(top.node(), "the cluster file needs 'nodes'");
        else if (top.list("nodes").isEmpty()) p.at(top.keyNode("nodes"), "an empty cluster: 'nodes' lists no node");
        for (Node n : top.list("nodes")) readNode(n, p, nodes, nodeNameAt);
        checkConfigurations(top, nodes, p);

        List<Group> groups = new ArrayList<>();
        Map<String, String> resourceGroup = new HashMap<>();
        if (!top.has("groups")) p.at(top.node(), "the cluster file needs 'groups'");
        else if (top.list("groups").isEmpty()) p.at(top.keyNode("groups"), "an empty cluster: 'groups' lists no group");
        List<Node> groupNodes = top.list("groups");
        // Resource names are unique across a cluster (cluster.exe addresses them by name alone).
        for (Node g : groupNodes) collectResourceNames(g, p, resourceGroup);
        Set<String> groupNames = new LinkedHashSet<>();
        for (Node g : groupNodes) {
            Group group = readGroup(g, p, nodes, groupNames, resourceGroup);
            if (group != null) groups.add(group);
        }
        Timings timings = top.get("timings").map(t -> readTimings(t, p)).orElse(Timings.defaults());
        String quorum = null;
        Optional<String> quorumText = top.text("quorum");
        if (quorumText.isPresent()) {
            quorum = resourceGroup.keySet().stream().filter(r -> r.equalsIgnoreCase(quorumText.get())).findFirst().orElse(null);
            if (quorum == null) p.at(top.get("quorum").get(), "quorum '" + quorumText.get() + "' is not a resource of this cluster");
        }
        checkNodeLimit(top, nodes, p);
        if (p.isEmpty()) {
            Cluster c = new Cluster(name, List.copyOf(nodes.values()), groups, timings, quorum);
            checkStandardRule(c, p);
            checkQuorum(c, top, p);
        }
        p.throwIfAny();
        return new Cluster(name, List.copyOf(nodes.values()), groups, timings, quorum);
    }

    private void readNode(Node n, Problems p, Map<String, rehearse.model.Node> nodes, Map<String, Node> at) {
        YamlMap m = YamlMap.of(n, p, "a node", NODE);
        String nodeName = name(m, "name", "a node", p);
        Configuration config = null;
        Optional<String> configText = m.requiredText("config", "node " + (nodeName == null ? "" : Printable.clean(nodeName)));
        if (configText.isPresent()) {
            config = matrix.find(configText.get());
            if (config == null) p.at(m.get("config").get(), "unknown configuration '" + configText.get() + "'; known: " + matrix.known());
        }
        NodeState state = NodeState.UP;
        Optional<String> stateText = m.text("state");
        if (stateText.isPresent()) {
            state = switch (stateText.get().trim().toLowerCase(Locale.ROOT)) {
                case "up" -> NodeState.UP;
                case "down" -> NodeState.DOWN;
                case "paused" -> NodeState.PAUSED;
                default -> {
                    p.at(m.get("state").get(), "node state must be up, down or paused, found '" + stateText.get() + "'");
                    yield NodeState.UP;
                }
            };
        }
        String os = config == null ? null : config.platform();
        Optional<String> osText = m.text("os");
        if (osText.isPresent() && config != null && !osText.get().trim().equalsIgnoreCase(config.platform())) {
            p.at(m.get("os").get(), config.label() + " requires " + config.platform() + ", but node "
                    + nodeName + " runs '" + osText.get() + "'");
        }
        if (nodeName == null) return;
        if (nodes.containsKey(nodeName)) {
            p.at(m.get("name").get(), "duplicate node name '" + nodeName + "' (first at line " + line(at.get(nodeName)) + ")");
            return;
        }
        at.put(nodeName, m.get("name").get());
        if (config != null) nodes.put(nodeName, new rehearse.model.Node(nodeName, state, os, config));
        else nodes.put(nodeName, null);
    }

    /** Where each resource stands in the file, for problems found once the whole cluster is read. */
    private final Map<String, Node> allResourceAt = new HashMap<>();

    /**
     * A cluster caught mid-way through a standard upgrade: IIS may be online only on a node still
     * at the old configuration, with its possible owners restricted to such nodes (the source page).
     */
    private void checkStandardRule(Cluster c, Problems p) {
        Set<Configuration> configs = new LinkedHashSet<>();
        for (rehearse.model.Node n : c.nodes()) configs.add(n.config());
        if (configs.size() != 2) return;
        List<Configuration> two = new ArrayList<>(configs);
        Optional<Upgrade> row = matrix.direct(two.get(0), two.get(1)).or(() -> matrix.direct(two.get(1), two.get(0)));
        if (row.isEmpty() || row.get().kind() != rehearse.matrix.UpgradeKind.STANDARD) return;
        Configuration old = row.get().from();
        for (Group g : c.groups()) {
            rehearse.model.Node owner = c.node(g.owner()).orElseThrow();
            for (Resource r : g.resources()) {
                if (!r.isIis() || r.state() != ResourceState.ONLINE) continue;
                boolean restricted = r.possibleOwners().stream().allMatch(o -> c.node(o).map(n -> n.config().equals(old)).orElse(false));
                if (!owner.config().equals(old) || !restricted) {
                    p.at(allResourceAt.get(r.name()), "IIS resource '" + r.name() + "' is online on " + owner.name() + " ("
                            + owner.config().label() + ") mid-way through a standard upgrade: while the nodes differ, IIS may be"
                            + " online only on nodes still at " + old.label() + ", with its possible owners restricted to them");
                }
            }
        }
    }

    /** The quorum resource is a physical disk, and it is online wherever its node is up. */
    private void checkQuorum(Cluster c, YamlMap top, Problems p) {
        Optional<Resource> q = c.quorumResource();
        if (q.isEmpty()) return;
        Node at = top.has("quorum") ? top.get("quorum").get() : allResourceAt.get(q.get().name());
        if (q.get().type() != ResourceType.PHYSICAL_DISK) {
            p.at(at, "the quorum resource '" + q.get().name() + "' is " + q.get().type().label()
                    + "; on NT 4.0 and Windows 2000 the quorum is a physical disk");
            return;
        }
        Group g = c.groupOfResource(q.get().name()).orElseThrow();
        rehearse.model.Node owner = c.node(g.owner()).orElseThrow();
        boolean up = owner.state() == NodeState.UP || owner.state() == NodeState.PAUSED;
        if (up && q.get().state() != ResourceState.ONLINE) {
            p.at(allResourceAt.get(q.get().name()), "the quorum resource '" + q.get().name() + "' is " + q.get().state().label()
                    .toLowerCase(Locale.ROOT) + " on " + owner.name() + ", which is up: a cluster runs only with its quorum resource online");
        }
    }

    /** NT 4.0 Enterprise Edition and Windows 2000 Advanced Server clusters have two nodes; the tables say each platform's limit. */
    private void checkNodeLimit(YamlMap top, Map<String, rehearse.model.Node> nodes, Problems p) {
        List<Node> items = top.list("nodes");
        for (rehearse.model.Node n : nodes.values()) {
            if (n == null) continue;
            int max = matrix.platform(n.config()).maxNodes();
            if (nodes.size() > max) {
                Node at = items.size() > max ? items.get(max) : top.keyNode("nodes");
                p.at(at, "a cluster of " + n.config().platform() + " nodes has at most " + max + " nodes; this one has "
                        + nodes.size() + " (a site's tables file can describe larger platforms)");
                return;
            }
        }
    }

    /** A cluster is at one configuration, or mid-way through one supported upgrade. */
    private void checkConfigurations(YamlMap top, Map<String, rehearse.model.Node> nodes, Problems p) {
        Set<Configuration> configs = new LinkedHashSet<>();
        for (rehearse.model.Node n : nodes.values()) if (n != null) configs.add(n.config());
        if (configs.size() <= 1) return;
        List<Configuration> list = new ArrayList<>(configs);
        if (configs.size() == 2) {
            Optional<Upgrade> u = matrix.direct(list.get(0), list.get(1)).or(() -> matrix.direct(list.get(1), list.get(0)));
            if (u.isPresent()) return;
        }
        p.at(top.keyNode("nodes"), "nodes are at " + configs.size() + " configurations (" + String.join(", ",
                list.stream().map(Configuration::label).toList())
                + "); a cluster must be at one configuration, or at the two ends of one supported upgrade");
    }

    private void collectResourceNames(Node g, Problems p, Map<String, String> resourceGroup) {
        YamlMap m = YamlMap.of(g, new Problems(p.file()), "a group", GROUP);
        String groupName = m.text("name").orElse("?");
        for (Node r : m.list("resources")) {
            YamlMap rm = YamlMap.of(r, new Problems(p.file()), "a resource", RESOURCE);
            rm.text("name").ifPresent(n -> resourceGroup.putIfAbsent(n, groupName));
        }
    }

    private Group readGroup(Node g, Problems p, Map<String, rehearse.model.Node> nodes, Set<String> groupNames,
            Map<String, String> resourceGroup) {
        YamlMap m = YamlMap.of(g, p, "a group", GROUP);
        String groupName = name(m, "name", "a group", p);
        String label = groupName == null ? "a group" : "group '" + groupName + "'";
        if (groupName != null && !groupNames.add(groupName)) {
            p.at(m.get("name").get(), "duplicate group name '" + groupName + "'");
        }
        String owner = nodeRef(m, "owner", label, nodes, p, true);
        List<String> preferred = new ArrayList<>();
        for (ScalarNode s : m.scalars("preferredOwners")) {
            String ref = nodeRef(s, "preferred owner", nodes, p);
            if (ref != null) preferred.add(ref);
        }
        boolean failback = m.bool("failback").orElse(false);
        List<Resource> resources = new ArrayList<>();
        Map<String, Node> resourceAt = new LinkedHashMap<>();
        Map<String, List<String>> deps = new LinkedHashMap<>();
        for (Node r : m.list("resources")) {
            Resource res = readResource(r, p, nodes, groupName == null ? "?" : groupName, resourceAt, resourceGroup);
            if (res != null) {
                resources.add(res);
                deps.put(res.name(), res.dependsOn());
            }
        }
        checkCycles(deps, resourceAt, p);
        allResourceAt.putAll(resourceAt);
        if (owner != null && nodes.get(owner) != null) {
            rehearse.model.Node on = nodes.get(owner);
            for (Resource r : resources) {
                if (r.state() == ResourceState.ONLINE && !r.possibleOwners().contains(owner)) {
                    p.at(resourceAt.get(r.name()), "resource '" + r.name() + "' is online but its owner node " + owner
                            + " is not among its possible owners");
                }
                if (r.state() == ResourceState.ONLINE && on.state() == NodeState.DOWN) {
                    p.at(resourceAt.get(r.name()), "resource '" + r.name() + "' is online on node " + owner
                            + ", which is down; mark it 'state: offline'");
                }
            }
        }
        if (groupName == null || owner == null) return null;
        return new Group(groupName, owner, preferred, failback, resources);
    }

    private Resource readResource(Node r, Problems p, Map<String, rehearse.model.Node> nodes, String groupName,
            Map<String, Node> resourceAt, Map<String, String> resourceGroup) {
        YamlMap m = YamlMap.of(r, p, "a resource", RESOURCE);
        String resName = name(m, "name", "a resource", p);
        if (resName != null) {
            if (resourceAt.containsKey(resName) || !groupName.equals(resourceGroup.get(resName))) {
                p.at(m.get("name").get(), "duplicate resource name '" + resName + "' (resource names are unique in a cluster)");
                resName = null;
            } else {
                resourceAt.put(resName, r);
            }
        }
        ResourceType type = null;
        Optional<String> typeText = m.requiredText("type", "resource " + (resName == null ? "" : "'" + resName + "'"));
        if (typeText.isPresent()) {
            type = ResourceType.parse(typeText.get());
            if (type == null) p.at(m.get("type").get(), "unknown resource type '" + typeText.get() + "'; known: " + ResourceType.known());
        }
        List<String> owners = new ArrayList<>();
        for (ScalarNode s : m.scalars("possibleOwners")) {
            String ref = nodeRef(s, "possible owner", nodes, p);
            if (ref != null && !owners.contains(ref)) owners.add(ref);
        }
        if (!m.has("possibleOwners")) owners.addAll(nodes.keySet());
        else if (owners.isEmpty() && m.scalars("possibleOwners").isEmpty()) {
            p.at(m.get("possibleOwners").orElse(m.node()), "a resource needs at least one possible owner");
        }
        List<String> deps = new ArrayList<>();
        for (ScalarNode s : m.scalars("dependsOn")) {
            String dep = s.getValue();
            String inGroup = resourceGroup.get(dep);
            if (inGroup == null) p.at(s, "depends on '" + dep + "', which is not a resource of this cluster");
            else if (!inGroup.equals(groupName)) {
                p.at(s, "depends on '" + dep + "' of group '" + inGroup + "'; dependencies stay inside one group");
            } else if (dep.equals(resName)) p.at(s, "a resource cannot depend on itself");
            else deps.add(dep);
        }
        ResourceState state = ResourceState.ONLINE;
        Optional<String> stateText = m.text("state");
        if (stateText.isPresent()) {
            switch (stateText.get().trim().toLowerCase(Locale.ROOT)) {
                case "online" -> state = ResourceState.ONLINE;
                case "offline" -> state = ResourceState.OFFLINE;
                case "failed" -> state = ResourceState.FAILED;
                default -> p.at(m.get("state").get(), "resource state must be online, offline or failed, found '" + stateText.get() + "'");
            }
        }
        Map<String, String> props = new LinkedHashMap<>();
        for (String key : PROPERTY_KEYS) m.text(key).ifPresent(v -> props.put(key, v));
        for (Map.Entry<String, String> e : props.entrySet()) checkPrintable(m.get(e.getKey()).get(), e.getValue(), p);
        if (resName == null || type == null) return null;
        return new Resource(resName, type, owners, deps, state, props);
    }

    private void checkCycles(Map<String, List<String>> deps, Map<String, Node> at, Problems p) {
        Set<String> done = new LinkedHashSet<>();
        for (String start : deps.keySet()) {
            List<String> path = new ArrayList<>();
            if (cycle(start, deps, path, done)) {
                p.at(at.get(path.get(path.size() - 1)), "dependency cycle: " + String.join(" -> ", path));
                return;
            }
        }
    }

    private boolean cycle(String r, Map<String, List<String>> deps, List<String> path, Set<String> done) {
        if (path.contains(r)) {
            path.add(r);
            return true;
        }
        if (done.contains(r)) return false;
        path.add(r);
        for (String d : deps.getOrDefault(r, List.of())) if (cycle(d, deps, path, done)) return true;
        path.remove(path.size() - 1);
        done.add(r);
        return false;
    }

    private Timings readTimings(Node n, Problems p) {
        List<String> keys = new ArrayList<>();
        for (ResourceType t : ResourceType.values()) keys.add(t.label());
        keys.add("upgrade");
        keys.add("join");
        keys.add("failover");
        YamlMap m = YamlMap.of(n, p, "timings", keys);
        Timings d = Timings.defaults();
        Map<ResourceType, Long> on = new EnumMap<>(d.onlineMs()), off = new EnumMap<>(d.offlineMs());
        for (ResourceType t : ResourceType.values()) {
            m.get(t.label()).ifPresent(v -> {
                YamlMap tm = YamlMap.of(v, p, "timings of " + t.label(), List.of("online", "offline"));
                tm.seconds("online").ifPresent(ms -> on.put(t, ms));
                tm.seconds("offline").ifPresent(ms -> off.put(t, ms));
            });
        }
        long upgrade = m.seconds("upgrade").orElse(d.upgradeMs());
        long join = m.seconds("join").orElse(d.joinMs());
        long failover = m.seconds("failover").orElse(d.failoverMs());
        return new Timings(on, off, upgrade, join, failover);
    }

    private String nodeRef(YamlMap m, String key, String what, Map<String, rehearse.model.Node> nodes, Problems p, boolean required) {
        Optional<String> text = required ? m.requiredText(key, what) : m.text(key);
        if (text.isEmpty()) return null;
        return nodeRef((ScalarNode) m.get(key).get(), key, nodes, p);
    }

    private String nodeRef(ScalarNode s, String role, Map<String, rehearse.model.Node> nodes, Problems p) {
        String ref = s.getValue();
        if (nodes.containsKey(ref)) return ref;
        for (String n : nodes.keySet()) {
            if (n.equalsIgnoreCase(ref)) return n; // Windows node names are case-insensitive
        }
        p.at(s, role + " '" + ref + "' is not a node of this cluster; nodes: " + String.join(", ", nodes.keySet()));
        return null;
    }

    /** A name: present, not blank, printable, of sane length. */
    private String name(YamlMap m, String key, String what, Problems p) {
        Optional<String> text = m.requiredText(key, what);
        if (text.isEmpty()) return null;
        String v = text.get();
        Node at = m.get(key).get();
        if (v.isBlank()) {
            p.at(at, "'" + key + "' must not be empty");
            return null;
        }
        checkPrintable(at, v, p); // reported, but kept as the name so references to it still resolve
        if (v.length() > 200) {
            p.at(at, "'" + key + "' is " + v.length() + " characters long; names are at most 200");
            return null;
        }
        return v;
    }

    private void checkPrintable(Node at, String v, Problems p) {
        int bad = Printable.firstUnsafe(v);
        if (bad < 0) return;
        boolean quoted = at instanceof ScalarNode s && s.getScalarStyle() != ScalarStyle.PLAIN;
        p.inside(at, bad + (quoted ? 1 : 0), String.format(java.util.Locale.ROOT, "control character U+%04X in a name (character %d)",
                v.codePointAt(bad), bad + 1));
    }

    private static int line(Node n) {
        return n == null ? 0 : n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }
}
