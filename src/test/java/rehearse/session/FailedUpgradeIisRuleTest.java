package rehearse.session;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import org.junit.jupiter.api.Test;
import rehearse.model.Cluster;
import rehearse.sim.Engine;

/**
 * Found by PlanProperties (seed -3403116060, 42 commands): during a standard hop, IIS brought
 * online on the upgraded node while the other node's upgrade was under way (it counted as
 * upgraded, so the nodes did not differ); that upgrade then failed, the node counted at the old
 * configuration again, and IIS stayed online on the upgraded node against the rule. It stops now.
 */
class FailedUpgradeIisRuleTest {
    @Test
    void iisOnAnUpgradedNodeStopsWhenTheOtherNodesUpgradeFails() throws Exception {
        Random rnd = new Random(-3403116060L);
        Cluster c = RandomClusters.cluster(rnd, RandomClusters.CONFIGS[rnd.nextInt(RandomClusters.CONFIGS.length)], true);
        Session s = new Session(Engine.start(rehearse.io.MatrixLoader.builtIn(), c));
        if (rnd.nextBoolean()) s.submit("target 5.0", true);
        for (int i = 0; i < 42; i++) {
            boolean settle = rnd.nextInt(4) != 0;
            String line = RandomClusters.command(rnd, c, true);
            s.submit(line, settle);
            if (rnd.nextInt(3) == 0) s.advanceTo(s.state().clock() + rnd.nextInt(120_000));
            assertThatCode(() -> Engine.check(s.state())).as("after '%s'", line).doesNotThrowAnyException();
        }
    }
}
