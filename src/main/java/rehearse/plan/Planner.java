package rehearse.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import rehearse.matrix.Configuration;
import rehearse.matrix.Upgrade;
import rehearse.matrix.UpgradeKind;
import rehearse.matrix.UpgradeMatrix;

/**
 * Finds the path through the tables with the fewest standard (offline) hops, then the fewest
 * hops: Dijkstra over configurations with a lexicographic cost. Ties go to the edge listed
 * first in the tables file, so the answer is the same on every run.
 */
public final class Planner {
    private final UpgradeMatrix matrix;

    public Planner(UpgradeMatrix matrix) {
        this.matrix = matrix;
    }

    public UpgradePath plan(Configuration from, Configuration to) {
        List<Hop> hops = search(from, to);
        return hops == null ? new UpgradePath(from, to, List.of(), whyUnreachable(from, to)) : new UpgradePath(from, to, hops, null);
    }

    /**
     * The path for a cluster of {@code nodes} nodes, done node by node: configurations whose
     * platform's clusters are smaller (two nodes for NT 4.0 Enterprise Edition and Windows 2000
     * Advanced Server) are not stepped on, nor rows whose two platforms' Cluster services cannot be
     * in one cluster (the upgraded node's join would be refused with error 5075).
     */
    public UpgradePath plan(Configuration from, Configuration to, int nodes) {
        UpgradePath any = plan(from, to);
        if (!any.reachable() || any.hops().stream().allMatch(h -> usable(h.from(), h.to(), nodes))) return any;
        Planner limited = new Planner(new UpgradeMatrix(matrix.configurations(), matrix.upgrades().stream()
                .filter(u -> usable(u.from(), u.to(), nodes)).toList(), matrix.platforms()));
        UpgradePath path = limited.plan(from, to);
        if (path.reachable()) return path;
        Hop bad = any.hops().stream().filter(h -> !usable(h.from(), h.to(), nodes)).findFirst().orElseThrow();
        var p = matrix.platform(bad.to());
        String why = p.maxNodes() < nodes
                ? "the cluster has " + nodes + " nodes, and " + p.name() + " clusters have at most " + p.maxNodes()
                : "the Cluster services of " + matrix.platform(bad.from()).name() + " and " + p.name() + " are more than one"
                        + " version apart, so an upgraded node could not join the others (error 5075)";
        return new UpgradePath(from, to, List.of(), bad.from().label() + " -> " + bad.to().label() + " cannot be done node by node: "
                + why);
    }

    private boolean usable(Configuration from, Configuration to, int nodes) {
        return matrix.platform(to).maxNodes() >= nodes && matrix.platform(from).canJoinWith(matrix.platform(to));
    }

    /** The cheapest hops from {@code from} to {@code to}, or null when there is no path. */
    private List<Hop> search(Configuration from, Configuration to) {
        if (from.equals(to)) return List.of();
        List<Configuration> configs = matrix.configurations();
        int n = configs.size();
        long[] cost = new long[n];
        Arrays.fill(cost, Long.MAX_VALUE);
        Upgrade[] via = new Upgrade[n];
        boolean[] done = new boolean[n];
        cost[matrix.indexOf(from)] = 0;
        for (int round = 0; round < n; round++) {
            int u = -1;
            for (int i = 0; i < n; i++) {
                if (!done[i] && cost[i] != Long.MAX_VALUE && (u < 0 || cost[i] < cost[u])) u = i;
            }
            if (u < 0) break;
            done[u] = true;
            for (Upgrade e : matrix.upgrades()) {
                if (!e.from().equals(configs.get(u))) continue;
                int v = matrix.indexOf(e.to());
                long c = cost[u] + weight(e.kind());
                if (c < cost[v]) {
                    cost[v] = c;
                    via[v] = e;
                }
            }
        }
        int target = matrix.indexOf(to);
        if (via[target] == null) return null;
        List<Hop> hops = new ArrayList<>();
        for (Configuration at = to; !at.equals(from); at = via[matrix.indexOf(at)].from()) {
            Upgrade e = via[matrix.indexOf(at)];
            hops.add(new Hop(e.from(), e.to(), e.kind()));
        }
        Collections.reverse(hops);
        return hops;
    }

    /** One standard hop outweighs any number of rolling hops a finite table can hold. */
    private long weight(UpgradeKind kind) {
        return kind == UpgradeKind.STANDARD ? 1L << 32 : 1L;
    }

    /**
     * Every configuration some path leads to from {@code from} (itself only through a cycle of
     * rows): one breadth-first search, so a whole grid of n configurations costs n searches, not n².
     */
    public Set<Configuration> reachableSet(Configuration from) {
        Set<Configuration> seen = new HashSet<>();
        ArrayDeque<Configuration> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            for (Upgrade e : matrix.upgradesFrom(queue.poll())) {
                if (seen.add(e.to())) queue.add(e.to());
            }
        }
        return seen;
    }

    /** Every configuration some path leads to from {@code from}, in table order. */
    public List<Configuration> reachableFrom(Configuration from) {
        return matrix.configurations().stream()
                .filter(c -> !c.equals(from) && search(from, c) != null).toList();
    }

    private String whyUnreachable(Configuration from, Configuration to) {
        List<Hop> back = search(to, from);
        if (back != null) {
            // The rows themselves, not the path they make: each one can be looked up in the tables.
            String rows = back.stream().map(h -> h.from().label() + " -> " + h.to().label() + " (" + h.kind().word() + ")")
                    .collect(Collectors.joining(", then "));
            return from.label() + " -> " + to.label() + " is a downgrade: the tables' rows lead the other way (" + rows
                    + "); going back means reinstalling or restoring the nodes";
        }
        List<Configuration> onward = reachableFrom(from);
        if (onward.isEmpty()) return "the tables list no supported upgrade from " + from.label();
        return "no supported path from " + from.label() + " to " + to.label() + " (a sideways move); "
                + from.label() + " can be upgraded only to " + onward.stream().map(Configuration::label).collect(Collectors.joining(", "));
    }
}
