package rehearse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import rehearse.explore.Exploration;
import rehearse.explore.Explorer;
import rehearse.explore.RecoveryPolicy;
import rehearse.explore.Scenario;
import rehearse.io.MatrixLoader;
import rehearse.model.Cluster;
import rehearse.plan.Target;
import rehearse.plan.Targets;
import rehearse.script.Script;
import rehearse.script.ScriptRunner;
import rehearse.sim.Engine;
import rehearse.sim.State;
import rehearse.text.Summary;

/**
 * For random clusters, every scenario exploration finds is replayed by its script through a
 * session, as 'rehearse run' does: the script runs clean (its refusals expected, its downtimes
 * as stated) and the same numbers come out: the outage, the clock, the cluster at the end.
 */
class ExploreReplayProperties {
    @Property(tries = 25)
    void everyScenarioIsReplayedByItsScript(@ForAll long seed) throws Exception {
        Random rnd = new Random(seed);
        Optional<RandomClusters.ToExplore> e = RandomClusters.toExplore(rnd);
        if (e.isEmpty()) return;
        Cluster c = e.get().cluster();
        Exploration x = Explorer.explore(e.get().start(), e.get().target(),
                new Explorer.Options(1, rnd.nextInt(5) == 0, -1, RecoveryPolicy.STANDARD, null));
        if (!x.baseline().completes()) {
            // A plan that stops with no fault is not explored: put right first.
            assertThat(x.scenarios()).isEmpty();
            return;
        }
        int step = Math.max(1, x.scenarios().size() / 12);
        for (int i = 0; i < x.scenarios().size(); i += step) replays(c, x.scenarios().get(i));
        replays(c, x.worst().isEmpty() ? x.scenarios().get(0) : x.worst().get(0));
    }

    private static void replays(Cluster c, Scenario s) throws Exception {
        String text = String.join("\n", s.script()) + "\n";
        Session session = new Session(Engine.start(MatrixLoader.builtIn(), c));
        StringWriter out = new StringWriter();
        boolean ok = new ScriptRunner(new PrintWriter(out), false, null).run(session, Script.parse("scenario.rh", text), 0);
        assertThat(ok).as("the script runs clean:\n%s\n%s", text, out).isTrue();
        State end = session.state();
        assertThat(end.outageMs()).as(text).isEqualTo(s.outageMs());
        assertThat(end.clock()).as(text).isEqualTo(s.clockMs());
        assertThat(Summary.of(end)).as(text).isEqualTo(s.endState());
        assertThat(session.plan().map(p -> p.complete()).orElse(false)).as(text).isEqualTo(s.completes());
    }
}
