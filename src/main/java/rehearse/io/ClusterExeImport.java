package rehearse.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import rehearse.base.Printable;
import rehearse.matrix.Configuration;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.NodeState;
import rehearse.model.Resource;
import rehearse.model.ResourceState;
import rehearse.model.ResourceType;
import rehearse.model.Timings;

/**
 * Builds a cluster from the status listings of Windows 2000's cluster.exe. The dashes give
 * column widths, but a long name overflows its column and shifts the rest of the row, and a
 * status can hold spaces: so a row is read from the right (the status against the known
 * states, then the node, whose NetBIOS name has no spaces), and a resource's group is the
 * known group name the rest of the row ends with.
 */
public final class ClusterExeImport {
    private static final List<String> GROUP_STATES = List.of("Partially Online", "Online Pending", "Offline Pending",
            "Online", "Offline", "Failed", "Pending", "Unknown");
    private static final List<String> NODE_STATES = List.of("Up", "Down", "Paused", "Joining", "Unknown");

    /** What the import could not know and the operator should set, one line each. */
    public final List<String> warnings = new ArrayList<>();

    /**
     * The listings of one cluster: the three status listings, and any number of per-resource
     * {@code /listowners} and {@code /listdep} outputs and per-group {@code /listowners} outputs.
     */
    public record Listings(Listing nodes, Listing groups, Listing resources, List<Listing> possibleOwners,
            List<Listing> dependencies, List<Listing> preferredOwners) {
        public Listings(Listing nodes, Listing groups, Listing resources) {
            this(nodes, groups, resources, List.of(), List.of(), List.of());
        }
    }

    /** A row naming a resource, as the resources listing and /listdep outputs print it; its node is checked on reading. */
    private record Placed(String resource, String group, String status) {}

    /** A resource row, before its dependencies are known. */
    private record ResourceRow(String name, String group, ResourceType type, List<String> possibleOwners, ResourceState state) {}

    public Cluster read(Listings in, Map<String, Configuration> configs, boolean guessTypes, String name) throws InputException {
        Listing nodes = in.nodes(), groups = in.groups(), resources = in.resources();
        List<Problem> problems = new ArrayList<>();
        expectHeader(nodes, "node", problems);
        expectHeader(groups, "group", problems);
        expectHeader(resources, "resource", problems);
        if (!problems.isEmpty()) throw new InputException(problems);

        Map<String, NodeState> nodeStates = new LinkedHashMap<>();
        for (Listing.Row row : nodes.rows) {
            String[] split = splitStatus(row.text(), NODE_STATES);
            if (split == null) {
                problems.add(new Problem(Location.of(nodes.file, row.line(), 0), "no node status (one of " + String.join(", ", NODE_STATES)
                        + ") at the end of the row"));
                continue;
            }
            String[] words = split[0].trim().split("\\s+");
            if (words.length != 2 || !words[1].matches("\\d+")) {
                problems.add(new Problem(Location.of(nodes.file, row.line(), 0), "expected a node name and a numeric node ID before the status"));
                continue;
            }
            nodeStates.put(words[0], switch (split[1]) {
                case "Down" -> NodeState.DOWN;
                case "Paused" -> NodeState.PAUSED;
                case "Joining" -> NodeState.JOINING;
                default -> NodeState.UP;
            });
        }
        if (nodeStates.isEmpty() && problems.isEmpty()) problems.add(new Problem(Location.of(nodes.file, 0, 0), "the listing has no nodes"));
        if (!problems.isEmpty()) throw new InputException(problems);

        List<String> missing = nodeStates.keySet().stream().filter(n -> !configs.containsKey(n.toUpperCase(Locale.ROOT))).toList();
        if (!missing.isEmpty()) {
            throw new InputException(new Problem(Location.of(nodes.file, 0, 0), "the listings do not say which configuration each node"
                    + " is at; give --config NODE=CONFIG for " + String.join(", ", missing)));
        }

        Map<String, String> groupOwner = new LinkedHashMap<>();
        for (Listing.Row row : groups.rows) {
            String[] split = splitStatus(row.text(), GROUP_STATES);
            String[] nameNode = split == null ? null : splitLastWord(split[0]);
            if (nameNode == null || nameNode[0].isEmpty()) {
                problems.add(new Problem(Location.of(groups.file, row.line(), 0), "expected a group name, its node and a status"));
                continue;
            }
            if (!nodeStates.containsKey(nameNode[1])) {
                problems.add(new Problem(Location.of(groups.file, row.line(), 0), "node '" + nameNode[1] + "' is not in the nodes listing"));
                continue;
            }
            if (groupOwner.put(nameNode[0], nameNode[1]) != null) {
                problems.add(new Problem(Location.of(groups.file, row.line(), 0), "group '" + nameNode[0] + "' is listed twice"));
            }
        }
        if (groupOwner.isEmpty() && problems.isEmpty()) problems.add(new Problem(Location.of(groups.file, 0, 0), "the listing has no groups"));

        Map<String, List<String>> owners = perItem(in.possibleOwners(), "possible owners", "resource", nodeStates, problems);
        Map<String, List<String>> preferred = perItem(in.preferredOwners(), "preferred owners", "group", nodeStates, problems);
        Map<String, ResourceRow> rows = new LinkedHashMap<>();
        List<String> unknownTypes = new ArrayList<>();
        for (Listing.Row row : resources.rows) {
            Placed p = resourceRow(resources, row, groupOwner, problems);
            if (p == null) continue;
            String resource = p.resource(), group = p.group();
            if (rows.containsKey(resource)) {
                problems.add(new Problem(Location.of(resources.file, row.line(), 0), "resource '" + resource + "' is listed twice"));
                continue;
            }
            ResourceType type = guessTypes ? guess(resource) : ResourceType.UNKNOWN;
            if (type == ResourceType.UNKNOWN) unknownTypes.add(resource);
            List<String> possible = owners.getOrDefault(resource, List.copyOf(nodeStates.keySet()));
            rows.put(resource, new ResourceRow(resource, group, type, possible, state(p.status())));
        }
        Map<String, List<String>> dependsOn = dependencies(in.dependencies(), groupOwner, rows, problems);
        unlisted(owners.keySet(), rows.keySet(), "possible owners were given for", "the resources listing");
        unlisted(dependsOn.keySet(), rows.keySet(), "dependencies were given for", "the resources listing");
        unlisted(preferred.keySet(), groupOwner.keySet(), "preferred owners were given for", "the groups listing");
        if (!problems.isEmpty()) throw new InputException(problems);
        if (!unknownTypes.isEmpty()) {
            warnings.add("resource types are unknown for " + String.join(", ", unknownTypes)
                    + "; set each 'type' in the written file (or import with --guess-types)");
        }
        if (owners.isEmpty()) warnings.add("no possible-owner listings (--owners DIR): every node is a possible owner of every resource");
        missing(in.dependencies(), dependsOn.keySet(), rows.keySet(), "dependency listings",
                "--dependencies DIR, from 'cluster resource \"R\" /listdep'", "without dependencies; add 'dependsOn' where they have some");
        missing(in.preferredOwners(), preferred.keySet(), groupOwner.keySet(), "preferred-owner listings",
                "--preferred-owners DIR, from 'cluster group \"G\" /listowners'", "without preferred owners");
        warnings.add("failback is off for every group: these listings do not hold it; set 'failback' where"
                + " 'cluster group \"G\" /prop' shows it allowed");

        Map<String, List<Resource>> byGroup = new LinkedHashMap<>();
        groupOwner.keySet().forEach(g -> byGroup.put(g, new ArrayList<>()));
        for (ResourceRow r : rows.values()) {
            byGroup.get(r.group()).add(new Resource(r.name(), r.type(), r.possibleOwners(),
                    dependsOn.getOrDefault(r.name(), List.of()), r.state(), Map.of()));
        }

        List<Node> nodeList = new ArrayList<>();
        for (Map.Entry<String, NodeState> e : nodeStates.entrySet()) {
            Configuration c = configs.get(e.getKey().toUpperCase(Locale.ROOT));
            NodeState st = e.getValue() == NodeState.JOINING ? NodeState.DOWN : e.getValue();
            nodeList.add(new Node(e.getKey(), st, c.platform(), c));
        }
        List<Group> groupList = new ArrayList<>();
        for (Map.Entry<String, String> e : groupOwner.entrySet()) {
            groupList.add(new Group(e.getKey(), e.getValue(), preferred.getOrDefault(e.getKey(), List.of()), false,
                    byGroup.get(e.getKey())));
        }
        String clusterName = name != null ? name : nodes.clusterName != null ? nodes.clusterName
                : groups.clusterName != null ? groups.clusterName : resources.clusterName != null ? resources.clusterName : "CLUSTER";
        return new Cluster(clusterName, nodeList, groupList, Timings.defaults());
    }

    /**
     * {@code /listowners} outputs, each headed "Listing possible owners for resource 'R':" or
     * "Listing preferred owners for group 'G':", by the name they are about; the nodes in order.
     */
    private static Map<String, List<String>> perItem(List<Listing> listings, String what, String of, Map<String, NodeState> nodes,
            List<Problem> problems) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Listing l : listings) {
            String subject = subject(l, "listing " + what + " for " + of, "Listing " + what + " for " + of + " 'NAME':", problems);
            if (subject == null) continue;
            List<String> owners = new ArrayList<>();
            for (Listing.Row r : l.rows) {
                String node = r.text().trim();
                if (nodes.containsKey(node)) owners.add(node);
                else problems.add(new Problem(Location.of(l.file, r.line(), 0), "'" + node + "' is not in the nodes listing"));
            }
            if (byName.put(subject, owners) != null) {
                problems.add(new Problem(Location.of(l.file, 1, 0), "a second listing of the " + what + " of '" + subject + "'"));
            }
        }
        return byName;
    }

    /**
     * {@code cluster resource "R" /listdep} outputs, headed "Listing resource dependencies for
     * 'R':" with rows like the resources listing's; a dependency must be in R's group.
     */
    private static Map<String, List<String>> dependencies(List<Listing> listings, Map<String, String> groupOwner,
            Map<String, ResourceRow> resources, List<Problem> problems) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Listing l : listings) {
            String subject = subject(l, "listing resource dependencies for", "Listing resource dependencies for 'NAME':", problems);
            if (subject == null) continue;
            ResourceRow of = resources.get(subject);
            List<String> deps = new ArrayList<>();
            for (Listing.Row row : l.rows) {
                Placed dep = resourceRow(l, row, groupOwner, problems);
                if (dep == null) continue;
                if (!resources.containsKey(dep.resource())) {
                    problems.add(new Problem(Location.of(l.file, row.line(), 0), "'" + dep.resource() + "' is not in the resources listing"));
                } else if (of != null && !dep.group().equals(of.group())) {
                    problems.add(new Problem(Location.of(l.file, row.line(), 0), "'" + subject + "' (group '" + of.group()
                            + "') cannot depend on '" + dep.resource() + "' of group '" + dep.group() + "': dependencies stay within a group"));
                } else {
                    deps.add(dep.resource());
                }
            }
            if (byName.put(subject, deps) != null) {
                problems.add(new Problem(Location.of(l.file, 1, 0), "a second listing of the dependencies of '" + subject + "'"));
            }
        }
        return byName;
    }

    /** The quoted name in a heading that starts with {@code start} (lower case), or null and a problem. */
    private static String subject(Listing l, String start, String expected, List<Problem> problems) {
        for (String h : l.headings) {
            int a = h.indexOf('\''), b = h.lastIndexOf('\'');
            if (h.toLowerCase(Locale.ROOT).startsWith(start) && a >= 0 && b > a + 1) return h.substring(a + 1, b);
        }
        problems.add(new Problem(Location.of(l.file, 1, 0), "expected \"" + expected + "\" at the top"));
        return null;
    }

    /** A row like the resources listing's, or null and a problem. */
    private static Placed resourceRow(Listing l, Listing.Row row, Map<String, String> groupOwner, List<Problem> problems) {
        String[] split = splitStatus(row.text(), GROUP_STATES);
        String[] restNode = split == null ? null : splitLastWord(split[0]);
        if (restNode == null) {
            problems.add(new Problem(Location.of(l.file, row.line(), 0), "expected a resource, its group, node and status"));
            return null;
        }
        String group = null;
        for (String g : groupOwner.keySet()) {
            String rest = restNode[0];
            if (rest.endsWith(g) && rest.length() > g.length() && rest.charAt(rest.length() - g.length() - 1) == ' '
                    && (group == null || g.length() > group.length())) group = g;
        }
        if (group == null) {
            problems.add(new Problem(Location.of(l.file, row.line(), 0), "the row names no group of the groups listing"));
            return null;
        }
        String resource = restNode[0].substring(0, restNode[0].length() - group.length()).trim();
        if (!restNode[1].equals(groupOwner.get(group))) {
            problems.add(new Problem(Location.of(l.file, row.line(), 0), "resource '" + resource + "' is on " + restNode[1]
                    + " but its group '" + group + "' is on " + groupOwner.get(group)));
            return null;
        }
        return new Placed(resource, group, split[1]);
    }

    private void unlisted(Set<String> given, Set<String> known, String what, String listing) {
        for (String r : given) {
            if (!known.contains(r)) warnings.add(what + " '" + r + "', which " + listing + " does not hold");
        }
    }

    /** A warning when no listings of a kind were given, or when some items have none. */
    private void missing(List<Listing> listings, Set<String> covered, Set<String> all, String kind, String how, String consequence) {
        if (listings.isEmpty()) {
            warnings.add("no " + kind + " (" + how + "): imported " + consequence);
            return;
        }
        List<String> left = all.stream().filter(n -> !covered.contains(n)).toList();
        if (!left.isEmpty()) warnings.add("no " + kind + " for " + String.join(", ", left) + ": imported " + consequence);
    }

    private static void expectHeader(Listing l, String first, List<Problem> problems) {
        if (!l.header().startsWith(first)) {
            problems.add(new Problem(Location.of(l.file, 0, 0), "expected the header of a '" + first + "' listing (cluster " + first
                    + " /status), found '" + Printable.clean(l.header()) + "'"));
        }
    }

    /** {rest, status}: the longest known status the row ends with, after a space. */
    static String[] splitStatus(String row, List<String> states) {
        String best = null;
        for (String s : states) {
            if (row.endsWith(s) && row.length() > s.length() && row.charAt(row.length() - s.length() - 1) == ' '
                    && (best == null || s.length() > best.length())) best = s;
        }
        return best == null ? null : new String[] {row.substring(0, row.length() - best.length()).stripTrailing(), best};
    }

    /** {everything before, last word}. */
    static String[] splitLastWord(String s) {
        String t = s.stripTrailing();
        int sp = t.lastIndexOf(' ');
        if (sp < 0) return null;
        return new String[] {t.substring(0, sp).trim(), t.substring(sp + 1)};
    }

    private static ResourceState state(String status) {
        return switch (status) {
            case "Online", "Online Pending", "Partially Online" -> ResourceState.ONLINE;
            case "Failed" -> ResourceState.FAILED;
            default -> ResourceState.OFFLINE;
        };
    }

    /** Only with --guess-types: the usual names of an IIS group's resources. */
    static ResourceType guess(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        List<String> words = List.of(n.split("[^a-z0-9]+"));
        if (words.contains("ip") || n.contains("ip address")) return ResourceType.IP_ADDRESS;
        if (words.contains("disk") || words.contains("quorum")) return ResourceType.PHYSICAL_DISK;
        if (words.contains("share")) return ResourceType.FILE_SHARE;
        if (n.contains("iis") || n.contains("web server") || n.contains("ftp server") || n.contains("w3svc")
                || n.contains("virtual root") || n.contains("server instance")) return ResourceType.IIS;
        if (n.contains("name")) return ResourceType.NETWORK_NAME;
        return ResourceType.UNKNOWN;
    }
}
