package rehearse.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import rehearse.io.ClusterLoader;
import rehearse.io.MatrixLoader;
import rehearse.matrix.Configuration;
import rehearse.matrix.UpgradeKind;
import rehearse.plan.Hop;
import rehearse.plan.StandardOption;
import rehearse.plan.Strategy;
import rehearse.plan.Target;
import rehearse.plan.Targets;
import rehearse.sim.Engine;
import rehearse.sim.State;

/** One label per hop, the same in the plan, the runbook and the tables: a standard hop says how IIS is kept off the nodes that differ. */
class HopKindTest {
    private static final Configuration A = new Configuration("a", "IIS 3.0 / SP4", List.of(), "nt4", "IIS");
    private static final Configuration B = new Configuration("b", "IIS 5.0", List.of(), "w2k", "IIS");

    @Test
    void eachWayOfAStandardHopHasItsOwnWords() {
        Hop standard = new Hop(A, B, UpgradeKind.STANDARD);
        List<String> order = List.of("NODEA", "NODEB");
        assertThat(PlanText.kind(standard, new Strategy.Standard(StandardOption.RESTRICT, order)))
                .isEqualTo("standard (IIS restricted to NODEB while the nodes differ)");
        assertThat(PlanText.kind(standard, new Strategy.Standard(StandardOption.OFFLINE, order)))
                .isEqualTo("standard (IIS offline while the nodes differ)");
        assertThat(PlanText.kind(standard, new Strategy.Standard(StandardOption.REMOVE, order)))
                .isEqualTo("standard (IIS removed while the nodes differ, recreated after)");
        assertThat(PlanText.kind(new Hop(A, B, UpgradeKind.ROLLING), new Strategy.Rolling(order))).isEqualTo("rolling (IIS stays available)");
        assertThat(PlanText.kindShort(new Strategy.Standard(StandardOption.RESTRICT, order))).isEqualTo("standard, IIS restricted to NODEB");
    }

    @Test
    void thePlanSaysOfAHopWhatItsStrategyDoes() throws Exception {
        State s = Engine.start(MatrixLoader.builtIn(), new ClusterLoader(MatrixLoader.builtIn()).load(java.nio.file.Path.of("src/test/resources/cluster-iis3sp4.yaml")));
        Configuration to = s.matrix().configurations().stream().filter(c -> c.label().equals("IIS 5.0")).findFirst().orElseThrow();
        Target t = Targets.choose(s, to).target().orElseThrow();
        String text = PlanText.render(rehearse.plan.Plan.of(s, t, new rehearse.plan.Plan.Marks(null, null, 0)), java.util.Optional.empty(),
                PlanText.Style.CLUSTER).replaceAll("\\s+", " ");
        assertThat(text).contains("Plan: IIS 3.0 / SP4 -> IIS 5.0, 1 hop, standard\n".replace("\n", " ").strip())
                .contains("Hop 1 of 1: IIS 3.0 / SP4 -> IIS 5.0, " + PlanText.kind(t.path().hops().get(0), t.strategies().get(0)))
                .doesNotContain("IIS offline");
    }

    /** "The service pack re-applied after IIS" is asked only where a hop installs IIS over a service pack (IIS 3.0 to 4.0). */
    @Test
    void theChecklistAsksForTheServicePackOnlyWhereIisGoesOverIt() throws Exception {
        assertThat(firstStep("src/test/resources/cluster-iis3sp4.yaml", "IIS 4.0 / SP4")).contains("the service pack re-applied after IIS");
        assertThat(firstStep("src/test/resources/cluster-iis3sp3.yaml", "IIS 4.0 / SP4")).contains("the service pack re-applied after IIS");
        assertThat(firstStep("src/test/resources/cluster-iis3sp4.yaml", "IIS 5.0")).doesNotContain("service pack");
        assertThat(firstStep("src/main/resources/rehearse/sample-cluster.yaml", "IIS 5.0")).doesNotContain("service pack");
    }

    private static String firstStep(String cluster, String target) throws Exception {
        State s = Engine.start(MatrixLoader.builtIn(), new ClusterLoader(MatrixLoader.builtIn()).load(java.nio.file.Path.of(cluster)));
        Configuration to = s.matrix().configurations().stream().filter(c -> c.label().equals(target)).findFirst().orElseThrow();
        return Steps.text(Targets.choose(s, to).target().orElseThrow().steps(s).get(0).action());
    }
}
