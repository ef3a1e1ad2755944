package rehearse.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import rehearse.matrix.Configuration;
import rehearse.matrix.Upgrade;
import rehearse.matrix.UpgradeKind;
import rehearse.matrix.UpgradeMatrix;

/** The planner against brute force (every simple path) on random tables. */
class PlannerProperties {

    record Edge(int from, int to, boolean rolling) {}

    record Case(int size, List<Edge> edges, int from, int to) {}

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.integers().between(1, 7).flatMap(n -> {
            Arbitrary<Edge> edge = Combinators.combine(Arbitraries.integers().between(0, n - 1),
                    Arbitraries.integers().between(0, n - 1), Arbitraries.of(true, false)).as(Edge::new);
            return Combinators.combine(edge.list().ofMaxSize(14), Arbitraries.integers().between(0, n - 1),
                    Arbitraries.integers().between(0, n - 1)).as((es, f, t) -> new Case(n, es, f, t));
        });
    }

    @Property(tries = 500)
    void plannerFindsTheCheapestPath(@ForAll("cases") Case c) {
        List<Configuration> configs = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) configs.add(new Configuration("c" + i, "C" + i, List.of(), "P", "T"));
        List<Upgrade> ups = new ArrayList<>();
        for (Edge e : c.edges()) {
            if (e.from() != e.to()) {
                ups.add(new Upgrade(configs.get(e.from()), configs.get(e.to()), e.rolling() ? UpgradeKind.ROLLING : UpgradeKind.STANDARD));
            }
        }
        UpgradeMatrix m = new UpgradeMatrix(configs, ups);
        UpgradePath p = new Planner(m).plan(configs.get(c.from()), configs.get(c.to()));
        int[] best = brute(c.size(), ups, configs, c.from(), c.to());
        if (best == null) {
            assertThat(p.reachable()).isFalse();
            assertThat(p.reason()).isNotBlank();
        } else {
            assertThat(p.reachable()).isTrue();
            assertThat(new int[] {p.offlineHops(), p.hops().size()}).containsExactly(best);
            // The path is made of real table rows, chained from start to target.
            Configuration at = configs.get(c.from());
            for (Hop h : p.hops()) {
                assertThat(h.from()).isEqualTo(at);
                assertThat(ups).anyMatch(u -> u.from().equals(h.from()) && u.to().equals(h.to()) && u.kind() == h.kind());
                at = h.to();
            }
            assertThat(at).isEqualTo(configs.get(c.to()));
        }
    }

    private static UpgradeMatrix matrix(Case c, List<Configuration> configs, List<Upgrade> ups) {
        for (int i = 0; i < c.size(); i++) configs.add(new Configuration("c" + i, "C" + i, List.of(), "P", "T"));
        for (Edge e : c.edges()) {
            if (e.from() != e.to()) {
                ups.add(new Upgrade(configs.get(e.from()), configs.get(e.to()), e.rolling() ? UpgradeKind.ROLLING : UpgradeKind.STANDARD));
            }
        }
        return new UpgradeMatrix(configs, ups);
    }

    @Property(tries = 300)
    void oneSearchFindsWhatEveryPlanReaches(@ForAll("cases") Case c) {
        List<Configuration> configs = new ArrayList<>();
        List<Upgrade> ups = new ArrayList<>();
        UpgradeMatrix m = matrix(c, configs, ups);
        Planner planner = new Planner(m);
        for (Configuration from : configs) {
            java.util.Set<Configuration> reach = planner.reachableSet(from);
            for (Configuration to : configs) {
                if (!to.equals(from)) assertThat(reach.contains(to)).as(from + " -> " + to).isEqualTo(planner.plan(from, to).reachable());
            }
        }
    }

    @Property(tries = 300)
    void indexedLookupsAgreeWithAScanOfTheRows(@ForAll("cases") Case c) {
        List<Configuration> configs = new ArrayList<>();
        List<Upgrade> ups = new ArrayList<>();
        UpgradeMatrix m = matrix(c, configs, ups);
        for (Configuration from : configs) {
            assertThat(m.upgradesFrom(from)).containsExactlyElementsOf(ups.stream().filter(u -> u.from().equals(from)).toList());
            assertThat(m.indexOf(from)).isEqualTo(configs.indexOf(from));
            for (Configuration to : configs) {
                Upgrade best = null; // the rule direct() always had: rolling wins when both tables list a row
                for (Upgrade u : ups) {
                    if (u.from().equals(from) && u.to().equals(to) && (best == null || u.kind() == UpgradeKind.ROLLING)) best = u;
                }
                assertThat(m.direct(from, to)).isEqualTo(java.util.Optional.ofNullable(best));
            }
        }
    }

    /** {offline hops, hops} of the best simple path, or null. */
    private int[] brute(int n, List<Upgrade> ups, List<Configuration> configs, int from, int to) {
        int[][] best = {null};
        dfs(configs.get(from), configs.get(to), ups, new ArrayList<>(List.of(configs.get(from))), 0, 0, best);
        return best[0];
    }

    private void dfs(Configuration at, Configuration to, List<Upgrade> ups, List<Configuration> seen, int offline, int hops, int[][] best) {
        if (at.equals(to)) {
            if (best[0] == null || offline < best[0][0] || (offline == best[0][0] && hops < best[0][1])) best[0] = new int[] {offline, hops};
            return;
        }
        for (Upgrade u : ups) {
            if (!u.from().equals(at) || seen.contains(u.to())) continue;
            seen.add(u.to());
            dfs(u.to(), to, ups, seen, offline + (u.kind() == UpgradeKind.STANDARD ? 1 : 0), hops + 1, best);
            seen.remove(seen.size() - 1);
        }
    }
}
