package rehearse.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import rehearse.io.ClusterLoader;
import rehearse.io.MatrixLoader;
import rehearse.matrix.Configuration;
import rehearse.matrix.SiteTables;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.Cluster;
import rehearse.model.Node;
import rehearse.session.Session;
import rehearse.sim.Engine;

/**
 * A site's tables of 300 configurations: the tables overlay works out only the cells it shows,
 * and the picker lists every target. The timeout only catches a return to a search per cell;
 * nothing here measures speed.
 */
class LargeTablesTest {
    @Test
    void threeHundredConfigurationsOpenAndScroll() {
        UpgradeMatrix m = SiteTables.chain(300, 7);
        List<Configuration> configs = m.configurations();
        Cluster sample = new ClusterLoader(MatrixLoader.builtIn()).sample();
        List<Node> nodes = sample.nodes().stream().map(x -> x.withConfig(configs.get(0))).toList();
        Session s = new Session(Engine.start(m, new Cluster(sample.name(), nodes, sample.groups(), sample.timings())));
        String[] frames = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            VirtualScreen v = new VirtualScreen(s, new Theme(true, false), 132, 43, 0);
            List<Runnable> background = new ArrayList<>();
            v.ui.background(background::add, msg -> { }); // the estimates (a far target's takes seconds) are not run here
            String tables = v.keys("m").text();
            v.keys("G");
            for (int i = 0; i < 400; i++) v.keys("l");
            String end = v.text();
            v.keys("q").keys("t");
            return new String[] {tables, end, v.text()};
        });
        assertThat(frames[0]).contains("rows 1-").contains("of 300").contains("*Config 0").contains(" R ");
        assertThat(frames[1]).contains("Config 299").contains("c299").contains(" = ");
        // The picker starts on the furthest target: the last configuration.
        assertThat(frames[2]).contains("Choose the target configuration").contains("Config 299");
    }
}
