package rehearse.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import rehearse.io.ClusterLoader;
import rehearse.io.Json;
import rehearse.io.MatrixLoader;
import rehearse.plan.NodeActions;
import rehearse.plan.Recovery;
import rehearse.plan.Target;
import rehearse.plan.Targets;
import rehearse.report.ExplorationJson;
import rehearse.report.ExplorationText;
import rehearse.report.Golden;
import rehearse.sim.Engine;
import rehearse.sim.State;

class ExploreTest {
    static State sample() throws Exception {
        return Engine.start(MatrixLoader.builtIn(), new ClusterLoader(MatrixLoader.builtIn()).sample());
    }

    static Exploration explore(State s, int threads, boolean pairs, long windowMs) {
        Target t = Targets.choose(s, s.matrix().find("IIS 5.0")).target().orElseThrow();
        return Explorer.explore(s, t, new Explorer.Options(threads, pairs, windowMs, RecoveryPolicy.STANDARD, null));
    }

    @Test
    void nodeBFailingWhileNodeAUpgradesBreaksTheWindowAndIsRecoveredByRestoringNodeB() throws Exception {
        Exploration x = explore(sample(), 2, false, -1);
        List<Scenario> hits = x.scenarios().stream().filter(s -> {
            Injection i = s.injections().get(0);
            return i.fault().equals(new Fault(Fault.Kind.NODE, "NODEB")) && i.during()
                    && i.step().action() instanceof NodeActions.Upgrade u && u.node().equals("NODEA");
        }).toList();
        assertThat(hits).isNotEmpty();
        for (Scenario s : hits) {
            assertThat(s.stuck() || !s.windowHeld()).as("stuck or beyond the window: %s", s.script()).isTrue();
            // The cluster is lost with both nodes down: the no-go names NODEB's restore, and the policy carries it out.
            assertThat(s.firstNoGo()).isPresent();
            assertThat(s.firstNoGo().get().recovery()).contains(new Recovery.RestoreNode("NODEB"), new Recovery.RunAgain());
            assertThat(s.script()).contains("restore NODEB", "expect refused");
            assertThat(s.outageMs()).isGreaterThan(x.baseline().outageMs());
        }
        // And it is among the worst the text names.
        assertThat(x.worst()).anyMatch(hits::contains);
    }

    @Test
    void theSameExplorationWhateverTheThreads() throws Exception {
        State s = sample();
        String one = Json.write(ExplorationJson.of(explore(s, 1, false, 7_200_000)));
        String four = Json.write(ExplorationJson.of(explore(s, 4, false, 7_200_000)));
        assertThat(four).isEqualTo(one);
        assertThat(one).startsWith("{\"baseline\": {");
    }

    @Test
    void pairsAreTheSameWhateverTheThreadsAndPrunedWhereTheFirstStoppedThePlan() throws Exception {
        State s = sample();
        Exploration one = explore(s, 1, true, -1);
        Exploration three = explore(s, 3, true, -1);
        assertThat(Json.write(ExplorationJson.of(three))).isEqualTo(Json.write(ExplorationJson.of(one)));
        assertThat(one.scenarios()).anyMatch(sc -> sc.injections().size() == 2);
        // Every pair's first fault, alone, lets the plan go on.
        Exploration single = explore(s, 1, false, -1);
        for (Scenario pair : one.scenarios()) {
            if (pair.injections().size() < 2) continue;
            Injection first = pair.injections().get(0);
            assertThat(single.scenarios()).filteredOn(sc -> sc.injections().get(0).equals(first)).allMatch(sc -> !sc.stuck());
            // And the second lands at or after the first's moment: never before it, which would make it the first.
            assertThat(pair.injections().get(1).atMs()).as("%s", pair.script()).isGreaterThanOrEqualTo(first.atMs());
        }
    }

    @Test
    void eachUpgradeOfANodeCanFailOnATwoHopPath() throws Exception {
        String yaml = new String(ClusterLoader.sampleBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("IIS 4.0 / SP4", "IIS 3.0 / SP3");
        State s = Engine.start(MatrixLoader.builtIn(), new ClusterLoader(MatrixLoader.builtIn()).parse("sp3.yaml", yaml.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        Exploration x = explore(s, 1, false, -1);
        List<Scenario> upgradeB = x.scenarios().stream().filter(sc -> sc.injections().size() == 1
                && sc.injections().get(0).fault().equals(new Fault(Fault.Kind.UPGRADE, "NODEB"))).toList();
        // NODEB is upgraded twice (to IIS 3.0 / SP4, then to IIS 5.0): each failure is its own case, stopped at its own step.
        assertThat(upgradeB).extracting(sc -> ((NodeActions.Upgrade) sc.injections().get(0).step().action()).to().label())
                .containsExactly("IIS 3.0 / SP4", "IIS 5.0");
        assertThat(upgradeB).extracting(sc -> sc.firstNoGo().orElseThrow().step()).doesNotHaveDuplicates();
    }

    @Test
    void eachFaultAppliesOnlyWhereItCanAct() throws Exception {
        Exploration x = explore(sample(), 1, false, -1);
        int upgradeA = x.faults().indexOf(new Fault(Fault.Kind.UPGRADE, "NODEA"));
        int last = x.baseline().steps().size() - 1;
        // Once NODEA is upgraded, its upgrade cannot fail any more.
        assertThat(x.matrix().get(last).get(upgradeA)).isNull();
        assertThat(x.matrix().get(0).get(upgradeA)).isNotNull();
        // Identical outcomes are one scenario, counted: arming NODEA's upgrade failure before any earlier step is one run.
        assertThat(x.scenarios()).filteredOn(sc -> sc.injections().get(0).fault().kind() == Fault.Kind.UPGRADE
                && sc.injections().get(0).fault().name().equals("NODEA")).hasSize(1).allMatch(sc -> sc.points() > 1);
    }

    @Test
    void theSampleAsText() throws Exception {
        String text = ExplorationText.render(explore(sample(), 2, false, -1));
        for (String line : text.split("\n")) assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
        Golden.check("explore-sample.txt", text);
    }
}
