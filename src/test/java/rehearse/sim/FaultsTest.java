package rehearse.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import rehearse.model.GroupState;
import rehearse.model.NodeState;

/** Each fault, then the operator's recovery. */
class FaultsTest {
    @Test
    void nodeFailsItsGroupsFailOverThenFailBack() {
        Fixture f = Fixture.sample().ok("fail node NODEA");
        assertThat(f.engine().node("NODEA").get().state()).isEqualTo(NodeState.DOWN);
        assertThat(f.engine().group("Web Group").get().owner()).isEqualTo("NODEB");
        assertThat(f.engine().group("Web Group").get().state()).isEqualTo(GroupState.ONLINE);
        f.ok("restore NODEA", "move \"Web Group\" to NODEA");
        assertThat(f.engine().node("NODEA").get().state()).isEqualTo(NodeState.UP);
        assertThat(f.engine().group("Web Group").get().owner()).isEqualTo("NODEA");
        assertThat(f.engine().group("Web Group").get().state()).isEqualTo(GroupState.ONLINE);
    }

    @Test
    void withNoNodeLeftGroupsAreDownUntilOneReturns() {
        Fixture f = Fixture.sample().ok("fail node NODEA", "fail node NODEB");
        assertThat(f.engine().cluster().groups()).allSatisfy(g -> assertThat(g.state()).isEqualTo(GroupState.OFFLINE));
        long before = f.downtime("FTP Group");
        f.ok("wait 10m");
        assertThat(f.downtime("FTP Group")).isEqualTo(before + 600_000);
        f.ok("restore NODEB");
        assertThat(f.engine().cluster().groups()).allSatisfy(g -> assertThat(g.state()).isEqualTo(GroupState.ONLINE));
    }

    @Test
    void survivingNodeFailsMidUpgrade() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "step", "fail node NODEB after 10m", "step");
        // NODEB failed while NODEA was being upgraded: nothing could host the groups.
        assertThat(f.engine().node("NODEB").get().state()).isEqualTo(NodeState.DOWN);
        assertThat(f.engine().node("NODEA").get().config().id()).isEqualTo("iis5");
        // NODEA came back at IIS 5.0 and took the groups (they were down on NODEB).
        f.ok("restore NODEB");
        assertThat(f.engine().cluster().groups()).allSatisfy(g -> assertThat(g.state()).isEqualTo(GroupState.ONLINE));
    }

    @Test
    void failedUpgradeLeavesTheNodeDownThenRetry() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "fail upgrade NODEA");
        Session.Result r = f.run("run");
        assertThat(r.outcome().refused()).isTrue();
        assertThat(r.outcome().message()).contains("no-go").contains("NODEA is down at IIS 4.0 / SP4");
        assertThat(f.engine().node("NODEA").get().config().id()).isEqualTo("iis4-sp4");
        // Retry: the plan knows the hop's target.
        f.ok("upgrade NODEA", "run");
        assertThat(f.engine().cluster().nodes()).allSatisfy(n -> assertThat(n.config().id()).isEqualTo("iis5"));
        assertThat(f.engine().cluster().groups()).allSatisfy(g -> assertThat(g.state()).isEqualTo(GroupState.ONLINE));
    }

    @Test
    void failedUpgradeCanBeRolledBackByRestoring() {
        Fixture f = Fixture.sample().ok("ack preflight", "fail upgrade NODEA", "move all from NODEA to NODEB", "upgrade NODEA to 5.0",
                "restore NODEA");
        assertThat(f.engine().node("NODEA").get().state()).isEqualTo(NodeState.UP);
        assertThat(f.engine().node("NODEA").get().config().id()).isEqualTo("iis4-sp4");
    }

    @Test
    void resourceRestartsThenFailsOver() {
        Fixture f = Fixture.sample().ok("fail resource \"Web Server\" times 2");
        assertThat(f.engine().group("Web Group").get().owner()).isEqualTo("NODEA");
        assertThat(f.engine().group("Web Group").get().state()).isEqualTo(GroupState.ONLINE);
        assertThat(f.engine().downtime().interruptions("Web Group")).isEqualTo(1);
        // Four failures exceed the restart threshold of 3: the group fails over.
        f.ok("fail resource \"Web Server\" times 4");
        assertThat(f.engine().group("Web Group").get().owner()).isEqualTo("NODEB");
        assertThat(f.engine().group("Web Group").get().state()).isEqualTo(GroupState.ONLINE);
        f.ok("move \"Web Group\" to NODEA");
        assertThat(f.engine().group("Web Group").get().state()).isEqualTo(GroupState.ONLINE);
    }

    @Test
    void resourceThatKeepsFailingEverywhereStaysFailedUntilRetried() {
        Fixture f = Fixture.sample().ok("fail resource \"Web Server\" times 60");
        assertThat(f.engine().group("Web Group").get().state()).isEqualTo(GroupState.FAILED);
        f.ok("wait 20m", "online resource \"Web Server\"");
        assertThat(f.engine().group("Web Group").get().state()).isEqualTo(GroupState.ONLINE);
    }

    @Test
    void refusedJoinThenRestore() {
        Fixture f = Fixture.sample().ok("ack preflight", "fail join NODEA", "move all from NODEA to NODEB", "upgrade NODEA to 5.0");
        assertThat(f.engine().node("NODEA").get().state()).isEqualTo(NodeState.DOWN);
        assertThat(f.session.history().get(f.session.history().size() - 1).events())
                .anySatisfy(e -> assertThat(e.describe()).contains("join refused: event 1071, error 5075"));
        f.ok("restore NODEA");
        assertThat(f.engine().node("NODEA").get().state()).isEqualTo(NodeState.UP);
        assertThat(f.engine().node("NODEA").get().config().id()).isEqualTo("iis5");
    }
}
