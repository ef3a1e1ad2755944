package rehearse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import rehearse.explore.Exploration;
import rehearse.explore.Explorer;
import rehearse.explore.RecoveryPolicy;
import rehearse.explore.Scenario;
import rehearse.io.ClusterLoader;
import rehearse.io.MatrixLoader;
import rehearse.matrix.Configuration;
import rehearse.plan.Targets;
import rehearse.sim.Engine;
import rehearse.sim.State;

/** The exploration report's "needs from a human": each need once, with how many scenarios come to it. */
class ExplorationReportTest {
    @Test
    void eachNeedIsSaidOnceWithTheScenariosThatComeToIt() {
        State start = Engine.start(MatrixLoader.builtIn(), new ClusterLoader(MatrixLoader.builtIn()).sample());
        Configuration to = start.matrix().configurations().stream().filter(c -> c.label().equals("IIS 5.0")).findFirst().orElseThrow();
        Exploration x = Explorer.explore(start, Targets.choose(start, to).target().orElseThrow(),
                new Explorer.Options(2, true, -1, RecoveryPolicy.STANDARD, (d, t) -> { }));
        long stuck = x.scenarios().stream().filter(Scenario::stuck).count();
        assertThat(stuck).isPositive();
        String md = ExplorationReport.markdown(x);
        String section = md.substring(md.indexOf("## What the recovery needs from a human"), md.indexOf("## Recovery policy"));
        List<String> lines = section.lines().filter(l -> l.startsWith("- ")).toList();
        assertThat(lines).doesNotHaveDuplicates();
        assertThat(lines.size()).isLessThan((int) stuck); // alike scenarios share a line
        Pattern count = Pattern.compile("\\((\\d+) scenarios?(, \\d+ points)?: #\\d+");
        int counted = 0;
        for (String l : lines) {
            Matcher m = count.matcher(l);
            assertThat(m.find()).as(l).isTrue();
            counted += Integer.parseInt(m.group(1));
            assertThat(l).doesNotContain("Recovery: "); // what is left to a person, not the recovery the policy already tried
        }
        assertThat(counted).isEqualTo(stuck);
        // A recovery the cluster refused because a second fault landed meanwhile sends the policy back to the no-go as it
        // then stands: on the sample, none is left stuck on such a refusal.
        assertThat(lines).noneMatch(l -> l.startsWith("- The policy's recovery was refused"));
        assertThat(lines).anyMatch(l -> l.startsWith("- Roll the hop IIS 4.0 / SP4 -> IIS 5.0 back, at 'upgrade NODEA to IIS 5.0': "
                + "move the groups to nodes still at IIS 4.0 / SP4, then return NODEA to IIS 4.0 / SP4"));
    }
}
