package rehearse.io;

import java.io.IOException;
import java.io.InputStream;
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
import rehearse.base.Printable;
import rehearse.io.YamlNode.Scalar;
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

    /** The built-in sample, as loaded with these tables (with the built-in ones, without parsing: see {@link SampleCluster}). */
    public Cluster sample() {
        if (matrix == MatrixLoader.builtIn() && !MatrixLoader.fromYaml()) return SampleCluster.of(matrix);
        return parseSample();
    }

    /** The built-in sample parsed from its file. */
    Cluster parseSample() {
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

    /** The bytes of a cluster, tables or script file: a regular file of at most {@link InputFile#MAX_BYTES}. */
    public static byte[] read(Path file) throws InputException {
        return InputFile.read(file);
    }

    /** A resource as first seen: its spelling, its group (by position in the file) and where it is named. */
    private record ResourceDecl(String name, int group, String groupName) {}

    /** What reading the groups needs to know about the whole file. */
    private static final class Context {
        final Problems p;
        final Map<String, rehearse.model.Node> nodes = new LinkedHashMap<>(); // declared spelling -> node (null: bad config)
        final Names nodeNames = new Names("node name");
        final Names groupNames = new Names("group name");
        final Names resourceNames = new Names("resource name");
        final Map<String, ResourceDecl> resources = new HashMap<>(); // key -> first declaration
        final java.util.IdentityHashMap<YamlNode, Boolean> resourceNameNodes = new java.util.IdentityHashMap<>(); // the declaring name nodes
        final Map<Long, String> addresses = new HashMap<>(); // address -> "'R' in group 'G' (line L, column C)"
        final Map<String, YamlNode> resourceAt = new HashMap<>(); // where each resource read stands, for whole-cluster checks
        final Map<String, YamlNode> ownerAt = new HashMap<>(); // where each group's owner is written

        Context(Problems p) {
            this.p = p;
        }
    }

    public Cluster parse(String file, byte[] bytes) throws InputException {
        Problems p = new Problems(file);
        Optional<YamlNode> root = YamlInput.compose(file, bytes);
        if (root.isEmpty()) throw new InputException(new Problem(Location.of(file, 1, 1), "the cluster file is empty"));
        YamlMap top = YamlMap.of(root.get(), p, "the cluster file", TOP);
        if (!(root.get() instanceof YamlNode.Mapping)) p.throwIfAny();
        String name = name(top, "cluster", "the cluster file", p);
        Context cx = new Context(p);

        List<YamlNode> nodeList = top.list("nodes");
        if (!top.has("nodes")) p.at(top.node(), "the cluster file needs 'nodes'");
        else if (nodeList.isEmpty() && top.get("nodes").get() instanceof YamlNode.Sequence) {
            p.at(top.keyNode("nodes"), "an empty cluster: 'nodes' lists no node");
        }
        for (YamlNode n : nodeList) readNode(n, cx);
        checkConfigurations(top, cx.nodes, p);

        List<Group> groups = new ArrayList<>();
        List<YamlNode> groupList = top.list("groups");
        if (!top.has("groups")) p.at(top.node(), "the cluster file needs 'groups'");
        else if (groupList.isEmpty() && top.get("groups").get() instanceof YamlNode.Sequence) {
            p.at(top.keyNode("groups"), "an empty cluster: 'groups' lists no group");
        }
        // Resource names are unique across a cluster (cluster.exe addresses them by name alone),
        // and a dependency may name a resource listed further down: collect the names first.
        for (int i = 0; i < groupList.size(); i++) collectResourceNames(groupList.get(i), i, cx);
        for (int i = 0; i < groupList.size(); i++) {
            Group group = readGroup(groupList.get(i), i, cx);
            if (group != null) groups.add(group);
        }
        Timings timings = top.get("timings").map(t -> readTimings(t, p)).orElse(Timings.defaults());
        String quorum = null;
        Optional<String> quorumText = top.text("quorum");
        if (quorumText.isPresent()) {
            ResourceDecl decl = cx.resources.get(Names.key(quorumText.get()));
            if (decl == null) p.at(top.get("quorum").get(), "quorum '" + quorumText.get() + "' is not a resource of this cluster");
            else quorum = decl.name();
        }
        checkNodeLimit(top, cx.nodes, p);
        if (p.isEmpty()) {
            Cluster c = new Cluster(name, List.copyOf(cx.nodes.values()), groups, timings, quorum);
            checkStandardRule(c, cx);
            checkQuorum(c, top, cx);
            checkFailedOver(c, cx);
        }
        p.throwIfAny();
        List<rehearse.model.Node> nodes = new ArrayList<>();
        for (rehearse.model.Node n : cx.nodes.values()) if (n != null) nodes.add(n);
        return new Cluster(name, nodes, groups, timings, quorum);
    }

    private void readNode(YamlNode n, Context cx) {
        Problems p = cx.p;
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
        if (nodeName == null || !cx.nodeNames.declare(nodeName, m.get("name").get(), p)) return;
        cx.nodes.put(nodeName, config == null ? null : new rehearse.model.Node(nodeName, state, os, config));
    }

    /**
     * A cluster caught mid-way through a standard upgrade: IIS may be online only on a node still
     * at the old configuration, with its possible owners restricted to such nodes (the source page).
     */
    private void checkStandardRule(Cluster c, Context cx) {
        Problems p = cx.p;
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
                if (!owner.config().equals(old)) {
                    p.at(cx.resourceAt.get(r.name()), "IIS resource '" + r.name() + "' is online on " + owner.name() + " ("
                            + owner.config().label() + ") mid-way through a standard upgrade: while the nodes differ, IIS may be"
                            + " online only on nodes still at " + old.label() + ", with its possible owners restricted to them");
                } else if (!restricted) {
                    List<String> others = r.possibleOwners().stream()
                            .filter(o -> c.node(o).map(n -> !n.config().equals(old)).orElse(true)).toList();
                    p.at(cx.resourceAt.get(r.name()), "IIS resource '" + r.name() + "' is online mid-way through a standard"
                            + " upgrade, but its possible owners include " + String.join(", ", others) + ", not at " + old.label()
                            + ": restrict them to the nodes still at " + old.label() + " (the source page), or take it offline");
                }
            }
        }
    }

    /**
     * A group cannot wait on a node that is down while a node that is up could own it: MSCS would
     * have failed it over there (a paused node takes no failover, so a group may wait beside one).
     */
    private void checkFailedOver(Cluster c, Context cx) {
        for (Group g : c.groups()) {
            rehearse.model.Node owner = c.node(g.owner()).orElseThrow();
            if (owner.state() != NodeState.DOWN) continue;
            for (rehearse.model.Node n : c.nodes()) {
                if (n.state() != NodeState.UP || !g.resources().stream().allMatch(r -> r.possibleOwners().contains(n.name()))) continue;
                cx.p.at(cx.ownerAt.get(g.name()), "group '" + g.name() + "' is on " + owner.name() + ", which is down, but "
                        + n.name() + " is up and a possible owner of all its resources: MSCS would have failed it over"
                        + " (write 'owner: " + n.name() + "', and its resources' states there)");
                break;
            }
        }
    }

    /** The quorum resource is a physical disk, and it is online wherever its node is up. */
    private void checkQuorum(Cluster c, YamlMap top, Context cx) {
        Problems p = cx.p;
        Optional<Resource> q = c.quorumResource();
        if (q.isEmpty()) return;
        YamlNode at = top.has("quorum") ? top.get("quorum").get() : cx.resourceAt.get(q.get().name());
        if (q.get().type() != ResourceType.PHYSICAL_DISK) {
            p.at(at, "the quorum resource '" + q.get().name() + "' is " + q.get().type().label()
                    + "; on NT 4.0 and Windows 2000 the quorum is a physical disk");
            return;
        }
        Group g = c.groupOfResource(q.get().name()).orElseThrow();
        rehearse.model.Node owner = c.node(g.owner()).orElseThrow();
        boolean up = owner.state() == NodeState.UP || owner.state() == NodeState.PAUSED;
        if (up && q.get().state() != ResourceState.ONLINE) {
            p.at(cx.resourceAt.get(q.get().name()), "the quorum resource '" + q.get().name() + "' is " + q.get().state().label()
                    .toLowerCase(Locale.ROOT) + " on " + owner.name() + ", which is up: a cluster runs only with its quorum resource online");
        }
    }

    /** NT 4.0 Enterprise Edition and Windows 2000 Advanced Server clusters have two nodes; the tables say each platform's limit. */
    private void checkNodeLimit(YamlMap top, Map<String, rehearse.model.Node> nodes, Problems p) {
        List<YamlNode> items = top.list("nodes");
        for (rehearse.model.Node n : nodes.values()) {
            if (n == null) continue;
            int max = matrix.platform(n.config()).maxNodes();
            if (nodes.size() > max) {
                YamlNode at = items.size() > max ? items.get(max) : top.keyNode("nodes");
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
        // Whatever the IIS tables say, nodes whose Cluster services are more than one version apart cannot be members
        // of one cluster: the later one is refused when it joins (error 5075), as the simulator refuses it.
        for (rehearse.model.Node a : nodes.values()) {
            for (rehearse.model.Node b : nodes.values()) {
                if (a == null || b == null) continue;
                rehearse.matrix.Platform pa = matrix.platform(a.config()), pb = matrix.platform(b.config());
                if (pa.clusterVersion() < pb.clusterVersion() && !pa.canJoinWith(pb)) {
                    p.at(top.keyNode("nodes"), a.name() + " (" + pa.name() + ") and " + b.name() + " (" + pb.name()
                            + ") cannot be in one cluster: their Cluster services are more than one version apart, so the"
                            + " later node is refused when it joins (error 5075, incompatible versions)");
                    return;
                }
            }
        }
        List<Configuration> list = new ArrayList<>(configs);
        if (configs.size() == 2) {
            Optional<Upgrade> u = matrix.direct(list.get(0), list.get(1)).or(() -> matrix.direct(list.get(1), list.get(0)));
            if (u.isPresent()) return;
        }
        p.at(top.keyNode("nodes"), "nodes are at " + configs.size() + " configurations (" + Names.some(
                list.stream().map(Configuration::label).toList())
                + "); a cluster must be at one configuration, or at the two ends of one supported upgrade");
    }

    /** First pass: every resource name, its group, and duplicates (in any case) with both positions. */
    private void collectResourceNames(YamlNode g, int index, Context cx) {
        Problems quiet = new Problems(cx.p.file()); // the second pass reports shape problems once
        YamlMap m = YamlMap.of(g, quiet, "a group", GROUP);
        String groupName = m.text("name").orElse("?");
        for (YamlNode r : m.list("resources")) {
            YamlMap rm = YamlMap.of(r, quiet, "a resource", RESOURCE);
            Optional<String> name = rm.text("name");
            if (name.isEmpty() || name.get().isBlank()) continue;
            YamlNode at = rm.get("name").get();
            if (cx.resourceNames.declare(name.get(), at, cx.p)) {
                cx.resources.put(Names.key(name.get()), new ResourceDecl(name.get(), index, groupName));
                cx.resourceNameNodes.put(at, Boolean.TRUE);
            }
        }
    }

    private Group readGroup(YamlNode g, int index, Context cx) {
        Problems p = cx.p;
        YamlMap m = YamlMap.of(g, p, "a group", GROUP);
        String groupName = name(m, "name", "a group", p);
        String label = groupName == null ? "a group" : "group '" + groupName + "'";
        if (groupName != null && !cx.groupNames.declare(groupName, m.get("name").get(), p)) groupName = null;
        String owner = nodeRef(m, "owner", label, cx, true);
        if (groupName != null && m.get("owner").isPresent()) cx.ownerAt.put(groupName, m.get("owner").get());
        List<String> preferred = new ArrayList<>();
        for (Scalar s : m.scalars("preferredOwners")) {
            String ref = nodeRef(s, "preferred owner", cx);
            if (ref != null && !preferred.contains(ref)) preferred.add(ref);
        }
        boolean failback = m.bool("failback").orElse(false);
        List<Resource> resources = new ArrayList<>();
        Map<String, YamlNode> resourceAt = new HashMap<>();
        Map<String, List<Scalar>> depNodes = new LinkedHashMap<>();
        for (YamlNode r : m.list("resources")) {
            Resource res = readResource(r, index, groupName == null ? "?" : groupName, cx, depNodes);
            if (res != null) {
                resources.add(res);
                resourceAt.put(res.name(), r);
            }
        }
        checkCycles(resources, depNodes, p);
        checkDependenciesOnline(resources, resourceAt, p);
        cx.resourceAt.putAll(resourceAt);
        if (owner != null && cx.nodes.get(owner) != null) {
            rehearse.model.Node on = cx.nodes.get(owner);
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

    private Resource readResource(YamlNode r, int groupIndex, String groupName, Context cx, Map<String, List<Scalar>> depNodes) {
        Problems p = cx.p;
        YamlMap m = YamlMap.of(r, p, "a resource", RESOURCE);
        String resName = name(m, "name", "a resource", p);
        // A second declaration of a name was reported by the first pass; only the first one is read.
        if (resName != null && !cx.resourceNameNodes.containsKey(m.get("name").get())) resName = null;
        ResourceType type = null;
        Optional<String> typeText = m.requiredText("type", "resource " + (resName == null ? "" : "'" + resName + "'"));
        if (typeText.isPresent()) {
            type = ResourceType.parse(typeText.get());
            if (type == null) p.at(m.get("type").get(), "unknown resource type '" + typeText.get() + "'; known: " + ResourceType.known());
        }
        List<String> owners = new ArrayList<>();
        List<Scalar> ownerNodes = m.scalars("possibleOwners");
        for (Scalar s : ownerNodes) {
            String ref = nodeRef(s, "possible owner", cx);
            if (ref != null && !owners.contains(ref)) owners.add(ref);
        }
        if (!m.has("possibleOwners")) {
            for (Map.Entry<String, rehearse.model.Node> n : cx.nodes.entrySet()) owners.add(n.getKey());
        } else if (ownerNodes.isEmpty() && m.get("possibleOwners").get() instanceof YamlNode.Sequence) {
            p.at(m.get("possibleOwners").get(), "a resource needs at least one possible owner");
        }
        List<String> deps = new ArrayList<>();
        List<Scalar> depAt = new ArrayList<>();
        for (Scalar s : m.scalars("dependsOn")) {
            String dep = s.value();
            ResourceDecl d = cx.resources.get(Names.key(dep));
            if (d == null) p.at(s, "depends on '" + dep + "', which is not a resource of this cluster");
            else if (d.group() != groupIndex) {
                p.at(s, "depends on '" + d.name() + "' of group '" + d.groupName() + "'; dependencies stay inside one group");
            } else if (resName != null && d.name().equals(resName)) p.at(s, "a resource cannot depend on itself");
            else if (!deps.contains(d.name())) {
                deps.add(d.name());
                depAt.add(s);
            }
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
        checkAddresses(m, props, resName, groupName, cx);
        if (resName == null || type == null) return null;
        depNodes.put(resName, depAt);
        return new Resource(resName, type, owners, deps, state, props);
    }

    /** An address is IPv4 (see {@link Ipv4}) and unique in the cluster; a subnet mask is a mask. */
    private void checkAddresses(YamlMap m, Map<String, String> props, String resName, String groupName, Context cx) {
        String address = props.get("address");
        if (address != null) {
            Scalar at = (Scalar) m.get("address").get();
            Ipv4.Problem bad = Ipv4.problem(address);
            if (bad != null) {
                cx.p.inside(at, bad.offset() + (at.plain() ? 0 : 1), bad.message());
            } else if (resName != null) {
                String here = "'" + resName + "' in group '" + groupName + "' (line " + at.line() + ", column " + at.column() + ")";
                String first = cx.addresses.putIfAbsent(Ipv4.value(address), here);
                if (first != null) {
                    cx.p.at(at, "duplicate address " + address + ": it is already the address of " + first
                            + "; two resources cannot hold one address");
                }
            }
        }
        String mask = props.get("subnetMask");
        if (mask != null) {
            Scalar at = (Scalar) m.get("subnetMask").get();
            Ipv4.Problem bad = Ipv4.maskProblem(mask);
            if (bad != null) cx.p.inside(at, bad.offset() + (at.plain() ? 0 : 1), bad.message());
        }
    }

    /** A resource comes online only after everything it depends on: an online one whose dependency is not online cannot be. */
    private static void checkDependenciesOnline(List<Resource> resources, Map<String, YamlNode> resourceAt, Problems p) {
        Map<String, Resource> byKey = new HashMap<>();
        for (Resource r : resources) byKey.put(Names.key(r.name()), r);
        for (Resource r : resources) {
            if (r.state() != ResourceState.ONLINE) continue;
            for (String dep : r.dependsOn()) {
                Resource d = byKey.get(Names.key(dep));
                if (d != null && d.state() != ResourceState.ONLINE) {
                    p.at(resourceAt.get(r.name()), "resource '" + r.name() + "' is online but depends on '" + d.name() + "', which is "
                            + d.state().label().toLowerCase(java.util.Locale.ROOT) + "; a resource is online only after its dependencies"
                            + " (mark it 'state: offline' too, or bring '" + d.name() + "' online)");
                }
            }
        }
    }

    /**
     * One cycle of a group's dependencies, if any, reported at the dependency that closes it.
     * Depth-first without recursion, each resource and dependency visited once: a chain of a
     * hundred thousand resources is neither a stack overflow nor quadratic.
     */
    private static void checkCycles(List<Resource> resources, Map<String, List<Scalar>> depNodes, Problems p) {
        Map<String, Resource> byName = new HashMap<>();
        for (Resource r : resources) byName.put(r.name(), r);
        Map<String, Integer> color = new HashMap<>(); // absent: not seen; 1: on the path; 2: done
        List<String> path = new ArrayList<>();
        List<Integer> next = new ArrayList<>(); // per path entry, the next dependency to follow
        for (Resource start : resources) {
            if (color.containsKey(start.name())) continue;
            path.add(start.name());
            next.add(0);
            color.put(start.name(), 1);
            while (!path.isEmpty()) {
                int top = path.size() - 1;
                Resource r = byName.get(path.get(top));
                int i = next.get(top);
                if (i >= r.dependsOn().size()) {
                    color.put(r.name(), 2);
                    path.remove(top);
                    next.remove(top);
                    continue;
                }
                next.set(top, i + 1);
                String d = r.dependsOn().get(i);
                Integer c = color.get(d);
                if (c == null && byName.containsKey(d)) {
                    color.put(d, 1);
                    path.add(d);
                    next.add(0);
                } else if (c != null && c == 1) {
                    List<String> cycle = new ArrayList<>(path.subList(path.lastIndexOf(d), path.size()));
                    cycle.add(d);
                    p.at(depNodes.get(r.name()).get(i), "dependency cycle: " + cycleText(cycle));
                    return;
                }
            }
        }
    }

    private static String cycleText(List<String> cycle) {
        if (cycle.size() <= 12) return String.join(" -> ", cycle);
        return String.join(" -> ", cycle.subList(0, 5)) + " -> ... (" + (cycle.size() - 10) + " more) -> "
                + String.join(" -> ", cycle.subList(cycle.size() - 5, cycle.size()));
    }

    private Timings readTimings(YamlNode n, Problems p) {
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

    private String nodeRef(YamlMap m, String key, String what, Context cx, boolean required) {
        Optional<String> text = required ? m.requiredText(key, what) : m.text(key);
        if (text.isEmpty()) return null;
        return nodeRef((Scalar) m.get(key).get(), key, cx);
    }

    /** The declared spelling of the node {@code s} names in any case (Windows node names are case-insensitive). */
    private String nodeRef(Scalar s, String role, Context cx) {
        String ref = cx.nodeNames.resolve(s.value());
        if (ref != null) return ref;
        cx.p.at(s, role + " '" + s.value() + "' is not a node of this cluster; nodes: " + Names.some(cx.nodeNames.spellings()));
        return null;
    }

    /** A name: present, not blank, printable, of sane length. */
    private String name(YamlMap m, String key, String what, Problems p) {
        Optional<String> text = m.requiredText(key, what);
        if (text.isEmpty()) return null;
        String v = text.get();
        YamlNode at = m.get(key).get();
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

    private void checkPrintable(YamlNode at, String v, Problems p) {
        int bad = Printable.firstUnsafe(v);
        if (bad < 0) return;
        boolean quoted = at instanceof Scalar s && !s.plain();
        p.inside(at, bad + (quoted ? 1 : 0), String.format(Locale.ROOT, "control character U+%04X in a name (character %d)",
                v.codePointAt(bad), bad + 1));
    }
}
