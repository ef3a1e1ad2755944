package rehearse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import rehearse.command.Command;
import rehearse.command.CommandParser;
import rehearse.explore.Exploration;
import rehearse.explore.Explorer;
import rehearse.explore.RecoveryPolicy;
import rehearse.io.MatrixLoader;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Resource;
import rehearse.model.ResourceState;
import rehearse.plan.Target;
import rehearse.report.ExplorationJson;
import rehearse.sim.Engine;
import rehearse.sim.State;

/**
 * What exploration and the engine keep to go fast changes nothing they say. A point that joins
 * an earlier scenario of its fault (the same state reached) gets exactly what rehearsing it to
 * its end gives; the state's running count of resources not online as wanted, and its cluster
 * view made from the earlier state's, are those worked out afresh.
 */
class ExploreJoinProperties {
    @Property(tries = 30)
    void joiningAnEarlierScenarioChangesNothing(@ForAll long seed) throws Exception {
        Random rnd = new Random(seed);
        Optional<RandomClusters.ToExplore> e = RandomClusters.toExplore(rnd);
        if (e.isEmpty()) return;
        State start = e.get().start();
        Target t = e.get().target();
        boolean doubles = rnd.nextInt(5) == 0;
        Exploration joined = Explorer.explore(start, t, new Explorer.Options(1, doubles, -1, RecoveryPolicy.STANDARD, null, true));
        Exploration full = Explorer.explore(start, t, new Explorer.Options(1, doubles, -1, RecoveryPolicy.STANDARD, null, false));
        Map<String, Object> a = ExplorationJson.of(joined), b = ExplorationJson.of(full);
        assertThat(a.toString()).isEqualTo(b.toString());
    }

    @Property(tries = 40)
    void runningCountsAndClusterViewsAreThoseWorkedOutAfresh(@ForAll long seed) throws Exception {
        Random rnd = new Random(seed);
        Cluster c = RandomClusters.cluster(rnd, RandomClusters.CONFIGS[rnd.nextInt(RandomClusters.CONFIGS.length)], rnd.nextBoolean());
        State s = Engine.start(MatrixLoader.builtIn(), c);
        s.cluster();
        for (int i = 0; i < 40; i++) {
            Command cmd = CommandParser.parse(RandomClusters.command(rnd, c, true)).orElseThrow();
            if (cmd instanceof Command.Wait) continue;
            Engine.Transition tr = Engine.apply(s, cmd);
            if (tr.refusal().isPresent()) continue;
            s = rnd.nextBoolean() ? Engine.settle(tr.state()).state() : tr.state();
            Cluster made = s.cluster();
            assertThat(s.wantedNotOnline()).isEqualTo(wantedNotOnline(s, made));
            s.forgetCluster();
            assertThat(made).isEqualTo(s.cluster());
        }
    }

    /** Per group, the resources wanted online (and not removed) that are not online, from the cluster view and the state's questions. */
    private static Map<String, List<String>> wantedNotOnline(State s, Cluster c) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (Group g : c.groups()) {
            List<String> off = new ArrayList<>();
            for (Resource r : g.resources()) {
                if (s.wantOnline(r.name()) && !s.removed(r.name()) && r.state() != ResourceState.ONLINE) off.add(r.name());
            }
            if (!off.isEmpty()) out.put(g.name(), off);
        }
        return out;
    }
}
