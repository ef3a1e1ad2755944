package rehearse.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Names;
import rehearse.model.Node;
import rehearse.model.Resource;
import rehearse.model.ResourceType;
import rehearse.model.Timings;

/**
 * What does not change while a cluster is rehearsed: the names and shape of nodes, groups and
 * resources, the dependencies both ways, preferred owners, timings and tables. Shared by every
 * state of one rehearsal. Resources are numbered group by group, so a group is a range.
 */
final class Topology {
    static final int MAX_NODES = 64;

    final UpgradeMatrix matrix;
    final Cluster initial;
    final String name;
    final Timings timings;
    final String[] nodeNames;
    final String[] groupNames;
    final int[] groupFirst;
    final int[] groupEnd;
    final int[][] preferred;
    final boolean[] groupHasIis;
    final String[] resourceNames;
    final ResourceType[] types;
    final int[] resourceGroup;
    final int[][] dependsOn;
    final int[][] dependents;
    final long[] originalOwners;
    final int[] iisResources;
    final int quorum;
    // By key (any case), and by the names' own spelling, which is what most lookups use.
    private final Map<String, Integer> nodeIndex = new HashMap<>();
    private final Map<String, Integer> groupIndex = new HashMap<>();
    private final Map<String, Integer> resourceIndex = new HashMap<>();
    private final Map<String, Integer> nodeExact = new HashMap<>();
    private final Map<String, Integer> groupExact = new HashMap<>();
    private final Map<String, Integer> resourceExact = new HashMap<>();

    Topology(UpgradeMatrix matrix, Cluster c) {
        if (c.nodes().size() > MAX_NODES) {
            throw new IllegalArgumentException("a rehearsal takes at most " + MAX_NODES + " nodes, not " + c.nodes().size());
        }
        this.matrix = matrix;
        this.initial = c;
        this.name = c.name();
        this.timings = c.timings();
        int nodes = c.nodes().size(), groups = c.groups().size();
        int resources = c.groups().stream().mapToInt(g -> g.resources().size()).sum();
        nodeNames = new String[nodes];
        for (int i = 0; i < nodes; i++) {
            nodeNames[i] = c.nodes().get(i).name();
            nodeIndex.put(Names.key(nodeNames[i]), i);
            nodeExact.put(nodeNames[i], i);
        }
        groupNames = new String[groups];
        groupFirst = new int[groups];
        groupEnd = new int[groups];
        preferred = new int[groups][];
        groupHasIis = new boolean[groups];
        resourceNames = new String[resources];
        types = new ResourceType[resources];
        resourceGroup = new int[resources];
        dependsOn = new int[resources][];
        dependents = new int[resources][];
        originalOwners = new long[resources];
        List<Integer> iis = new ArrayList<>();
        int r = 0;
        for (int g = 0; g < groups; g++) {
            Group group = c.groups().get(g);
            groupNames[g] = group.name();
            groupIndex.put(Names.key(group.name()), g);
            groupExact.put(group.name(), g);
            preferred[g] = group.preferredOwners().stream().mapToInt(this::node).filter(i -> i >= 0).toArray();
            groupFirst[g] = r;
            for (Resource res : group.resources()) {
                resourceNames[r] = res.name();
                resourceIndex.put(Names.key(res.name()), r);
                resourceExact.put(res.name(), r);
                types[r] = res.type();
                resourceGroup[r] = g;
                originalOwners[r] = ownersMask(res.possibleOwners());
                if (res.isIis()) {
                    groupHasIis[g] = true;
                    iis.add(r);
                }
                r++;
            }
            groupEnd[g] = r;
        }
        List<List<Integer>> back = new ArrayList<>();
        for (int i = 0; i < resources; i++) back.add(new ArrayList<>());
        r = 0;
        for (Group group : c.groups()) {
            for (Resource res : group.resources()) {
                dependsOn[r] = res.dependsOn().stream().mapToInt(this::resource).filter(i -> i >= 0).toArray();
                for (int d : dependsOn[r]) back.get(d).add(r);
                r++;
            }
        }
        for (int i = 0; i < resources; i++) dependents[i] = back.get(i).stream().mapToInt(Integer::intValue).toArray();
        iisResources = iis.stream().mapToInt(Integer::intValue).toArray();
        quorum = c.quorumResource().map(q -> resource(q.name())).orElse(-1);
    }

    /** Index of the node so named (any case), or -1. */
    int node(String n) {
        return find(nodeExact, nodeIndex, n);
    }

    int group(String n) {
        return find(groupExact, groupIndex, n);
    }

    int resource(String n) {
        return find(resourceExact, resourceIndex, n);
    }

    private static int find(Map<String, Integer> exact, Map<String, Integer> byKey, String n) {
        if (n == null) return -1;
        Integer i = exact.get(n);
        if (i == null) i = byKey.get(Names.key(n));
        return i == null ? -1 : i;
    }

    long ownersMask(List<String> names) {
        long m = 0;
        for (String n : names) {
            int i = node(n);
            if (i >= 0) m |= 1L << i;
        }
        return m;
    }

    /** The names in a set of nodes, in the cluster's order; the few distinct sets are made once each. */
    List<String> ownerNames(long mask) {
        List<String> known = ownerLists.get(mask);
        if (known != null) return known;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodeNames.length; i++) if ((mask & (1L << i)) != 0) out.add(nodeNames[i]);
        List<String> made = List.copyOf(out);
        ownerLists.putIfAbsent(mask, made);
        return made;
    }

    private final Map<Long, List<String>> ownerLists = new java.util.concurrent.ConcurrentHashMap<>();

    int nodes() {
        return nodeNames.length;
    }

    int groups() {
        return groupNames.length;
    }

    int resources() {
        return resourceNames.length;
    }

    boolean isIis(int r) {
        return types[r] == ResourceType.IIS;
    }

    List<String> nodeNameList() {
        return List.of(nodeNames);
    }

    List<String> groupNameList() {
        return List.of(groupNames);
    }

    /** The node indices of the cluster file's nodes (used for the initial state). */
    Node initialNode(int i) {
        return initial.nodes().get(i);
    }
}
