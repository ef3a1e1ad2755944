package rehearse.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import rehearse.model.GroupState;
import rehearse.model.NodeState;

class UpgradeRunsTest {
    /**
     * One move of the sample's Web Group: Web Server offline 3 s, then Web IP (after Web Name,
     * 2 s) 1 s and Web Disk 2 s; the owner changes at 5 s; Web IP 1 s and Web Disk 3 s online,
     * then Web Server 5 s: IIS is back at 13 s. The FTP Group moves once: 13 s.
     */
    static final long WEB_MOVE_MS = 13_000;

    @Test
    void rollingUpgradeOfTheSample() {
        Fixture f = Fixture.sample().ok("target \"IIS 5.0\"", "ack preflight", "run");
        for (String n : new String[] {"NODEA", "NODEB"}) {
            assertThat(f.engine().node(n).get().config().id()).isEqualTo("iis5");
            assertThat(f.engine().node(n).get().os()).isEqualTo("Windows 2000 Advanced Server");
            assertThat(f.engine().node(n).get().state()).isEqualTo(NodeState.UP);
        }
        assertThat(f.engine().cluster().groups()).allSatisfy(g -> assertThat(g.state()).isEqualTo(GroupState.ONLINE));
        assertThat(f.downtime("Web Group")).isEqualTo(2 * WEB_MOVE_MS);
        assertThat(f.engine().downtime().interruptions("Web Group")).isEqualTo(2);
        assertThat(f.downtime("FTP Group")).isEqualTo(WEB_MOVE_MS);
        assertThat(f.session.plan().get().done()).isTrue();
    }

    @Test
    void standardUpgradeCostsTheUpgradeTimes() throws Exception {
        Fixture f = Fixture.of(Clusters.SAMPLE_AT.formatted("IIS 3.0 / SP4")).ok("target 5.0", "ack preflight", "run");
        assertThat(f.engine().cluster().nodes()).allSatisfy(n -> assertThat(n.config().id()).isEqualTo("iis5"));
        assertThat(f.engine().cluster().groups()).allSatisfy(g -> assertThat(g.state()).isEqualTo(GroupState.ONLINE));
        // IIS is offline across both upgrades and joins: far longer than two moves.
        assertThat(f.downtime("Web Group")).isGreaterThan(2 * (2400_000 + 60_000));
        assertThat(f.engine().downtime().interruptions("Web Group")).isEqualTo(1);
    }

    @Test
    void estimatesShowRollingAndStandardSideBySide() {
        Fixture f = Fixture.sample().ok("target 5.0");
        Estimate.HopEstimate e = f.session.plan().get().estimates().get(0);
        assertThat(e.rolling()).isPresent();
        assertThat(e.rolling().get().get("Web Group")).isEqualTo(2 * WEB_MOVE_MS);
        assertThat(e.standard().get("Web Group")).isGreaterThan(e.rolling().get().get("Web Group"));
        String plan = f.run("plan").output();
        assertThat(plan).contains("[>] 1. Move all groups from NODEA to NODEB.").contains("estimated downtime: rolling Web Group 26s");
    }

    @Test
    void stepByStepMarksProgress() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "step");
        assertThat(f.session.plan().get().position()).isEqualTo("hop 1/1 step 2/4");
        assertThat(f.engine().cluster().groupsOwnedBy("NODEA")).isEmpty();
        f.ok("step");
        assertThat(f.engine().node("NODEA").get().config().id()).isEqualTo("iis5");
        assertThat(f.run("plan").output()).contains("[x] 2. Upgrade NODEA").contains("[>] 3.");
    }

    @Test
    void sameCommandsGiveTheSameEvents() {
        String a = transcript(), b = transcript();
        assertThat(a).isEqualTo(b).isNotEmpty();
    }

    private String transcript() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "fail resource \"Web Server\" times 2", "step",
                "fail node NODEB after 10m", "step");
        StringBuilder b = new StringBuilder();
        for (Session.Result r : f.session.history()) for (Event e : r.events()) b.append(e.time()).append(e.describe()).append('\n');
        return b.toString();
    }
}
