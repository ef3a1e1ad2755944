package rehearse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import rehearse.command.ParseException;
import rehearse.model.Cluster;
import rehearse.model.Node;
import rehearse.sim.Engine;

/**
 * The timeline is folded from the events, the downtime counted by the simulator: for random
 * clusters and commands (faults and UI playback included) they tell one story: each group's
 * time not online is its downtime, the rows end where the cluster stands, and the spans cover
 * the rehearsal without gaps.
 */
class TimelineProperties {
    @Property(tries = 300)
    void theTimelineAgreesWithTheSimulator(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int length) throws Exception {
        Random rnd = new Random(seed);
        Cluster c = RandomClusters.cluster(rnd, RandomClusters.CONFIGS[rnd.nextInt(RandomClusters.CONFIGS.length)], true);
        Session s = new Session(Engine.start(rehearse.io.MatrixLoader.builtIn(), c));
        if (rnd.nextBoolean()) submit(s, "target 5.0", true);
        for (int i = 0; i < length; i++) {
            submit(s, RandomClusters.command(rnd, c, true), rnd.nextInt(4) != 0);
            if (rnd.nextInt(3) == 0) s.advanceTo(s.state().clock() + rnd.nextInt(120_000));
        }
        agrees(s);
    }

    @Example
    void aRollingUpgradeOfTheSampleShowsEachNodeUpgradingOnce() throws Exception {
        Session s = new Session(Engine.start(rehearse.io.MatrixLoader.builtIn(), new rehearse.io.ClusterLoader(rehearse.io.MatrixLoader.builtIn()).sample()));
        submit(s, "target 5.0", true);
        submit(s, "ack preflight", true);
        submit(s, "run", true);
        Timeline t = Timeline.of(s);
        agrees(s);
        assertThat(t.upgrades()).extracting(Timeline.Upgrade::node).containsExactlyInAnyOrder("NODEA", "NODEB");
        for (Timeline.Row n : t.nodes()) {
            assertThat(n.spans()).filteredOn(sp -> sp.phase() == Timeline.Phase.UPGRADING).hasSize(1);
            assertThat(n.at(t.end())).isEqualTo(Timeline.Phase.UP);
        }
    }

    private static void agrees(Session s) {
        Timeline t = Timeline.of(s);
        long end = s.state().clock();
        assertThat(t.end()).isEqualTo(end);
        assertThat(t.groups()).extracting(Timeline.Row::name).containsExactlyElementsOf(s.state().iisGroups());
        for (Timeline.Row g : t.groups()) {
            assertThat(g.timeIn(Timeline.Phase.PENDING, Timeline.Phase.DOWN)).as(g.name()).isEqualTo(s.state().downtimeMs(g.name()));
            covers(g, end);
        }
        for (Timeline.Row n : t.nodes()) {
            Node now = s.state().cluster().node(n.name()).orElseThrow();
            assertThat(n.at(end).name()).as(n.name()).isIn(expected(now, s));
            covers(n, end);
        }
    }

    private static java.util.List<String> expected(Node now, Session s) {
        return switch (now.state()) {
            case UP -> java.util.List.of("UP");
            case PAUSED -> java.util.List.of("PAUSED");
            case JOINING -> java.util.List.of("JOINING");
            case DOWN -> java.util.List.of(s.state().downCause(now.name()).orElse(null) == rehearse.sim.Event.NodeCause.UPGRADE_STARTED
                    ? "UPGRADING" : "DOWN");
        };
    }

    private static void covers(Timeline.Row r, long end) {
        long at = 0;
        for (Timeline.Span sp : r.spans()) {
            assertThat(sp.from()).as(r.name()).isEqualTo(at);
            assertThat(sp.to()).isGreaterThanOrEqualTo(sp.from());
            at = sp.to();
        }
        assertThat(at).isEqualTo(end);
    }

    private static void submit(Session s, String line, boolean settle) {
        try {
            s.submit(line, settle);
        } catch (ParseException e) {
            throw new AssertionError(line, e);
        }
    }
}
