package rehearse.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rehearse.command.Commands;
import rehearse.matrix.Configuration;
import rehearse.matrix.UpgradeKind;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.Resource;
import rehearse.sim.Engine;
import rehearse.sim.State;

/**
 * Chooses how to reach a target from a cluster's present state: the path through the tables,
 * and for each hop the node order and, for a standard hop, the option with the least IIS
 * outage, found by rehearsing each option on a copy of the state. The rehearsal of the chosen
 * options is kept as the estimate, so what the estimate says is what the plan does.
 */
public final class Targets {
    private Targets() {}

    /** The present configuration of the cluster in this state: the one function everyone asks. */
    public static Configuration present(State s) {
        return present(s.matrix(), s.cluster());
    }

    public static Configuration present(UpgradeMatrix matrix, Cluster c) {
        return matrix.present(c.nodes().stream().map(Node::config).toList());
    }

    /**
     * The path from the present configuration to {@code to}. A cluster caught mid-way through a hop
     * (a node already at the row's other end) finishes that hop first: the path goes through the
     * furthest node's configuration, even when a shorter one would bypass it.
     */
    public static UpgradePath path(State s, Configuration to) {
        return path(s.matrix(), s.cluster(), to);
    }

    public static UpgradePath path(UpgradeMatrix matrix, Cluster c, Configuration to) {
        Planner planner = new Planner(matrix);
        Configuration from = present(matrix, c);
        int n = c.nodes().size();
        UpgradePath direct = planner.plan(from, to, n);
        for (Node node : c.nodes()) {
            Configuration at = node.config();
            if (at.equals(from) || (direct.reachable() && direct.hops().stream().anyMatch(h -> h.to().equals(at)))) continue;
            var row = matrix.direct(from, at);
            if (row.isEmpty()) continue;
            UpgradePath rest = planner.plan(at, to, n);
            if (!rest.reachable()) return direct;
            List<Hop> hops = new ArrayList<>(List.of(new Hop(from, at, row.get().kind())));
            hops.addAll(rest.hops());
            return new UpgradePath(from, to, hops, null);
        }
        return direct;
    }

    /** The cluster's nodes are at the two ends of a standard upgrade. */
    static boolean midStandard(State s) {
        Set<Configuration> configs = new java.util.LinkedHashSet<>();
        for (Node n : s.cluster().nodes()) configs.add(n.config());
        if (configs.size() != 2) return false;
        Configuration from = present(s);
        for (Configuration c : configs) {
            if (!c.equals(from)) return s.matrix().direct(from, c).map(u -> u.kind() == UpgradeKind.STANDARD).orElse(false);
        }
        return false;
    }

    /** The target with its strategies and estimates, or why there is none. */
    public static Result choose(State s, Configuration to) {
        return choose(s, to, null);
    }

    /**
     * The same, chosen again during a rehearsal that had {@code before}: what the plan must put
     * back is what was there when the rehearsal first chose a target (IIS taken offline since, or
     * possible owners changed since, are still to be put back), besides what is online now.
     */
    public static Result choose(State s, Configuration to, Target before) {
        UpgradePath path = path(s, to);
        if (!path.reachable()) return new Result(Optional.empty(), Optional.of(new PlanRefusal.NoSupportedPath(path)));
        List<Configuration> along = new ArrayList<>(List.of(path.from()));
        for (Hop h : path.hops()) along.add(h.to());
        for (Node n : s.cluster().nodes()) {
            if (!along.contains(n.config())) {
                boolean past = new Planner(s.matrix()).reachableSet(to).contains(n.config());
                return new Result(Optional.empty(), Optional.of(new PlanRefusal.NodePastTarget(n.name(), n.config(), to, past)));
            }
        }
        Map<String, List<String>> owners = new HashMap<>();
        Set<String> online = new HashSet<>();
        // Caught mid-way through a standard upgrade, IIS is restricted to the old nodes for the upgrade's sake (the
        // source page): the owners it gets back at the end are every node, as before the restriction.
        boolean midStandard = midStandard(s);
        // A failed resource is one the cluster was keeping online; mid-way through a standard upgrade, IIS is offline for
        // the upgrade's sake: both are to be online at the end.
        // The service is the whole group holding IIS (its address and name too), so all of it is to be online again.
        Set<String> served = new HashSet<>();
        for (Group g : s.cluster().groups()) {
            if (!g.hasIis()) continue;
            for (Resource r : g.resources()) {
                served.add(r.name());
                boolean down = r.state() == rehearse.model.ResourceState.FAILED || (midStandard && r.isIis() && !s.removed(r.name()));
                if (s.wantOnline(r.name()) || down) online.add(r.name());
                if (r.isIis()) owners.put(r.name(), midStandard ? s.cluster().nodeNames() : r.possibleOwners());
            }
        }
        if (before != null) {
            for (Map.Entry<String, List<String>> e : before.iisOwners().entrySet()) if (owners.containsKey(e.getKey())) owners.put(e.getKey(), e.getValue());
            for (String r : before.iisOnline()) if (served.contains(r)) online.add(r);
        }
        List<Strategy> strategies = new ArrayList<>();
        for (int h = 0; h < path.hops().size(); h++) strategies.add(new Strategy.Rolling(s.cluster().nodeNames()));
        List<HopEstimate> estimates = new ArrayList<>();
        State at = s.preflightAcknowledged() ? s : Engine.apply(s, Commands.ackPreflight()).state();
        for (int h = 0; h < path.hops().size(); h++) {
            Hop hop = path.hops().get(h);
            // The last hop's rehearsal goes on through the closing steps, so the estimates add up to the whole plan.
            int through = h == path.hops().size() - 1 ? Integer.MAX_VALUE : h;
            Trial planned;
            Optional<HopEstimate.Outage> otherWay = Optional.empty();
            if (hop.kind() == UpgradeKind.ROLLING) {
                strategies.set(h, new Strategy.Rolling(order(at, path, h)));
                planned = rehearse(at, Target.of(to, path, strategies, List.of(), owners, online), h, through);
                if (listedStandardToo(s, hop)) {
                    // The tables list this hop both ways: rehearsed as a standard hop too, for the runbook's "the other way".
                    List<Hop> hops = new ArrayList<>(path.hops());
                    hops.set(h, new Hop(hop.from(), hop.to(), UpgradeKind.STANDARD));
                    UpgradePath standardPath = new UpgradePath(path.from(), path.to(), hops, path.reason());
                    otherWay = Optional.of(standard(at, to, standardPath, new ArrayList<>(strategies), owners, online, h, through).outage());
                }
            } else {
                planned = standard(at, to, path, strategies, owners, online, h, through);
            }
            strategies.set(h, planned.outage().strategy());
            estimates.add(new HopEstimate(hop, planned.outage().strategy(), planned.outage(), otherWay));
            at = planned.end();
        }
        return new Result(Optional.of(Target.of(to, path, strategies, estimates, owners, online)), Optional.empty());
    }

    /** The best of the standard options for hop {@code h} (each restricted order too); leaves {@code strategies[h]} at the last tried. */
    private static Trial standard(State at, Configuration to, UpgradePath path, List<Strategy> strategies, Map<String, List<String>> owners,
            Set<String> online, int h, int through) {
        List<Trial> standard = new ArrayList<>();
        for (StandardOption o : StandardOption.values()) {
            // Restricted to one node: the old nodes are tried as the one upgraded last (on a big cluster, those
            // owning the most groups holding IIS, whose IIS would otherwise have to move).
            List<List<String>> orders = o == StandardOption.RESTRICT ? restrictOrders(at, path, h, CANDIDATES) : List.of(order(at, path, h));
            for (List<String> order : orders) {
                strategies.set(h, new Strategy.Standard(o, order));
                standard.add(rehearse(at, Target.of(to, path, strategies, List.of(), owners, online), h, through));
            }
        }
        return best(standard);
    }

    /** The tables list this rolling hop as a standard one too. */
    private static boolean listedStandardToo(State s, Hop hop) {
        for (rehearse.matrix.Upgrade u : s.matrix().upgrades(UpgradeKind.STANDARD)) {
            if (u.from().equals(hop.from()) && u.to().equals(hop.to())) return true;
        }
        return false;
    }

    /** A hop rehearsed one way: its outage and the state it ends in. */
    private record Trial(HopEstimate.Outage outage, State end) {}

    /** A chosen target, or the refusal. */
    public record Result(Optional<Target> target, Optional<PlanRefusal> refusal) {}

    /** The option with the least outage among those that complete (ties: the order of {@link StandardOption}). */
    private static Trial best(List<Trial> options) {
        Trial best = null;
        for (Trial t : options) {
            HopEstimate.Outage o = t.outage();
            if (best == null || (o.completes() && !best.outage().completes())
                    || (o.completes() == best.outage().completes() && o.wallClockMs() < best.outage().wallClockMs())) {
                best = t;
            }
        }
        return best;
    }

    /** Rehearses hop {@code h} from {@code at} (through section {@code through}): its IIS outage, per group and wall-clock. */
    private static Trial rehearse(State at, Target t, int h, int through) {
        Forecast f = Forecast.of(at, t, through);
        Map<String, Long> perGroup = new LinkedHashMap<>();
        for (String g : at.iisGroups()) perGroup.put(g, f.end().downtimeMs(g) - at.downtimeMs(g));
        return new Trial(new HopEstimate.Outage(t.strategies().get(h), f.end().outageMs() - at.outageMs(), perGroup, f.stopped()),
                f.end());
    }

    /**
     * The order of hop {@code h}: nodes that have finished it first, then the others in the
     * cluster's order.
     */
    static List<String> order(State s, UpgradePath path, int h) {
        Facts f = probe(s, path, h);
        List<String> done = new ArrayList<>(), rest = new ArrayList<>();
        for (Node n : f.cluster.nodes()) (f.beyond(n.name()) ? done : rest).add(n.name());
        done.addAll(rest);
        return done;
    }

    /** Nodes tried as the last one of a restricted standard hop, at most. */
    static final int CANDIDATES = 4;

    /**
     * For up to {@code most} nodes that have not finished hop {@code h}, the order with that node
     * last: those owning the most groups holding IIS first, then the cluster's later nodes, so
     * that on a tie the first node is upgraded first, as the seed does.
     */
    static List<List<String>> restrictOrders(State s, UpgradePath path, int h, int most) {
        Facts f = probe(s, path, h);
        List<String> base = order(s, path, h);
        List<String> old = new ArrayList<>();
        for (int i = base.size() - 1; i >= 0; i--) if (!f.beyond(base.get(i))) old.add(base.get(i));
        old.sort((a, b) -> Integer.compare(iisGroupsOn(f, b), iisGroupsOn(f, a))); // most first; not comparingInt, see Steps
        List<List<String>> out = new ArrayList<>();
        for (String last : old.subList(0, Math.min(most, old.size()))) {
            List<String> o = new ArrayList<>(base);
            o.remove(last);
            o.add(last);
            out.add(o);
        }
        return out.isEmpty() ? List.of(base) : out;
    }

    private static int iisGroupsOn(Facts f, String node) {
        return (int) f.ownedBy(node).stream().filter(Group::hasIis).count();
    }

    private static Facts probe(State s, UpgradePath path, int h) {
        List<Strategy> any = new ArrayList<>();
        for (int hop = 0; hop < path.hops().size(); hop++) any.add(new Strategy.Rolling(s.cluster().nodeNames()));
        return new Facts(s, Target.of(path.to(), path, any, List.of(), Map.of(), Set.of()), h);
    }
}
