package rehearse.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import rehearse.model.GroupState;
import rehearse.model.NodeState;
import rehearse.sim.Event;
import rehearse.sim.Refused;

/** Each fault, then the operator's recovery; and the quorum. */
class FaultsTest {
    @Test
    void nodeFailsItsGroupsFailOverThenComeBack() {
        Fixture f = Fixture.sample().ok("fail node NODEA");
        assertThat(f.node("NODEA").state()).isEqualTo(NodeState.DOWN);
        assertThat(f.group("Web Group").owner()).isEqualTo("NODEB");
        assertThat(f.group("Web Group").state()).isEqualTo(GroupState.ONLINE);
        f.ok("restore NODEA", "move \"Web Group\" to NODEA");
        assertThat(f.node("NODEA").state()).isEqualTo(NodeState.UP);
        assertThat(f.group("Web Group").owner()).isEqualTo("NODEA");
        assertThat(f.group("Web Group").state()).isEqualTo(GroupState.ONLINE);
    }

    @Test
    void withNoNodeLeftTheClusterIsDownAndTheFirstNodeBackFormsIt() {
        Fixture f = Fixture.sample().ok("fail node NODEA", "fail node NODEB");
        assertThat(f.state().formed()).isFalse();
        assertThat(f.state().cluster().groups()).allSatisfy(g -> assertThat(g.state()).isEqualTo(GroupState.OFFLINE));
        assertThat(f.refused("online \"Web Group\"")).isInstanceOf(Refused.ClusterDown.class);
        long before = f.downtime("FTP Group");
        f.ok("wait 10m");
        assertThat(f.downtime("FTP Group")).isEqualTo(before + 600_000);
        f.ok("restore NODEB");
        assertThat(f.state().formed()).isTrue();
        assertThat(f.events()).anySatisfy(e -> assertThat(e).isInstanceOf(Event.ClusterFormed.class));
        assertThat(f.state().cluster().groups()).allSatisfy(g -> assertThat(g.state()).isEqualTo(GroupState.ONLINE));
    }

    @Test
    void whenNoNodeLeftCanOwnTheQuorumResourceTheClusterStops() {
        Fixture f = Fixture.sample();
        assertThat(f.refused("offline \"Cluster Group\"")).isInstanceOf(Refused.QuorumStaysOnline.class);
        f.ok("owners \"Quorum Disk\" NODEA");
        f.ok("fail node NODEA");
        assertThat(f.state().formed()).isFalse();
        assertThat(f.node("NODEB").state()).isEqualTo(NodeState.DOWN);
        assertThat(f.events()).anySatisfy(e -> assertThat(e).isInstanceOf(Event.ClusterLost.class));
        // NODEB cannot form it (not a possible owner of the quorum disk); NODEA can.
        f.ok("restore NODEB");
        assertThat(f.node("NODEB").state()).isEqualTo(NodeState.DOWN);
        assertThat(f.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Event.JoinRefused.class,
                j -> assertThat(j.reason()).isInstanceOf(Event.CannotFormCluster.class)));
        f.ok("restore NODEA", "restore NODEB");
        assertThat(f.state().formed()).isTrue();
        assertThat(f.node("NODEB").state()).isEqualTo(NodeState.UP);
    }

    @Test
    void aFailedUpgradeLeavesTheNodeDownAtItsOldConfiguration() {
        Fixture f = Fixture.sample().ok("ack preflight", "fail upgrade NODEA", "move all from NODEA to NODEB", "upgrade NODEA to 5.0");
        assertThat(f.node("NODEA").state()).isEqualTo(NodeState.DOWN);
        assertThat(f.node("NODEA").config().id()).isEqualTo("iis4-sp4");
        f.ok("restore NODEA");
        assertThat(f.node("NODEA").state()).isEqualTo(NodeState.UP);
        assertThat(f.node("NODEA").config().id()).isEqualTo("iis4-sp4");
    }

    @Test
    void resourceRestartsThenFailsOver() {
        Fixture f = Fixture.sample().ok("fail resource \"Web Server\" times 2");
        assertThat(f.group("Web Group").owner()).isEqualTo("NODEA");
        assertThat(f.group("Web Group").state()).isEqualTo(GroupState.ONLINE);
        assertThat(f.state().interruptions("Web Group")).isEqualTo(1);
        // Four failures exceed the restart threshold of 3: the group fails over.
        f.ok("fail resource \"Web Server\" times 4");
        assertThat(f.group("Web Group").owner()).isEqualTo("NODEB");
        assertThat(f.group("Web Group").state()).isEqualTo(GroupState.ONLINE);
    }

    @Test
    void refusedJoinThenRestore() {
        Fixture f = Fixture.sample().ok("ack preflight", "fail join NODEA", "move all from NODEA to NODEB", "upgrade NODEA to 5.0");
        assertThat(f.node("NODEA").state()).isEqualTo(NodeState.DOWN);
        assertThat(f.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Event.JoinRefused.class,
                j -> assertThat(j.reason()).isInstanceOf(Event.InjectedRefusal.class)));
        f.ok("restore NODEA");
        assertThat(f.node("NODEA").state()).isEqualTo(NodeState.UP);
        assertThat(f.node("NODEA").config().id()).isEqualTo("iis5");
    }
}
