package rehearse.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import rehearse.model.GroupState;

/** Each rule of the source page and of MSCS, shown by its refusal. */
class RulesTest {
    @Test
    void rollingRefusesToUpgradeANodeThatOwnsGroups() {
        Fixture f = Fixture.sample().ok("ack preflight");
        assertThat(f.refused("upgrade NODEA to 5.0")).contains("rolling upgrade: NODEA still owns 'Cluster Group', 'Web Group'")
                .contains("move all from NODEA to NODEB");
        f.ok("move all from NODEA to NODEB", "upgrade NODEA to 5.0");
        assertThat(f.engine().node("NODEA").get().config().id()).isEqualTo("iis5");
    }

    @Test
    void preflightMustBeAcknowledgedBeforeTheFirstUpgrade() {
        Fixture f = Fixture.sample().ok("move all from NODEA to NODEB");
        assertThat(f.refused("upgrade NODEA to 5.0")).contains("pre-flight checklist is not acknowledged").contains("ack preflight");
        f.ok("ack preflight", "upgrade NODEA to 5.0");
    }

    @Test
    void preflightDisablesFailbackAndRemembersIt() throws Exception {
        Fixture f = Fixture.of(Clusters.SAMPLE_AT.formatted("IIS 4.0 / SP4").replace("preferredOwners: [NODEA, NODEB]",
                "preferredOwners: [NODEA, NODEB]\n    failback: true"));
        assertThat(f.engine().group("Web Group").get().failback()).isTrue();
        f.ok("ack preflight");
        assertThat(f.engine().group("Web Group").get().failback()).isFalse();
        assertThat(f.engine().originalFailback()).containsEntry("Web Group", true);
    }

    @Test
    void onlySupportedRowsOfTheTables() throws Exception {
        Fixture f = Fixture.of(Clusters.SAMPLE_AT.formatted("IIS 3.0 / SP3")).ok("ack preflight", "move all from NODEA to NODEB");
        assertThat(f.refused("upgrade NODEA to 5.0")).contains("IIS 3.0 / SP3 -> IIS 5.0 is not a supported upgrade");
        assertThat(f.refused("target \"IIS 2.0\"")).contains("unknown configuration");
        Fixture g = Fixture.sample();
        assertThat(g.refused("target 3.0/SP3")).contains("downgrade");
    }

    @Test
    void standardUpgradeNeedsEveryIisResourceMadeSafe() throws Exception {
        Fixture f = Fixture.of(Clusters.SAMPLE_AT.formatted("IIS 3.0 / SP4")).ok("ack preflight", "move all from NODEA to NODEB");
        assertThat(f.refused("upgrade NODEA to 5.0")).contains("standard upgrade IIS 3.0 / SP4 -> IIS 5.0: IIS resource 'Web Server'")
                .contains("offline resource \"Web Server\"");
        f.ok("offline resource \"Web Server\"");
        assertThat(f.refused("upgrade NODEA to 5.0")).contains("'FTP Server'");
        f.ok("offline \"FTP Server\"", "upgrade NODEA to 5.0");
        // Mixed phase: IIS may not come online anywhere its possible owners span two configurations.
        assertThat(f.refused("online resource \"Web Server\"")).contains("during a standard upgrade");
    }

    @Test
    void restrictingPossibleOwnersIsTheOtherWayToMakeIisSafe() throws Exception {
        Fixture f = Fixture.of(Clusters.SAMPLE_AT.formatted("IIS 3.0 / SP4")).ok("ack preflight");
        assertThat(f.refused("owners \"Web Server\" NODEB")).contains("which the new list leaves out");
        f.ok("move all from NODEA to NODEB", "owners \"Web Server\" NODEB", "owners \"FTP Server\" NODEB", "upgrade NODEA to 5.0");
        assertThat(f.engine().group("Web Group").get().state()).isEqualTo(GroupState.ONLINE);
        assertThat(f.downtime("Web Group")).isEqualTo(13_000); // one move, the upgrade costs nothing more
        // Widening the owners again during the mixed phase does not let IIS onto the upgraded node.
        f.ok("owners \"Web Server\" NODEA NODEB");
        assertThat(f.refused("move \"Web Group\" to NODEA")).contains("IIS resource 'Web Server' cannot come online on NODEA")
                .contains("during a standard upgrade");
    }

    @Test
    void aGroupMovesOnlyToAnUpPossibleOwner() {
        Fixture f = Fixture.sample().ok("pause NODEB");
        assertThat(f.refused("move \"Web Group\" to NODEB")).contains("the node is paused").contains("resume NODEB first");
        f.ok("resume NODEB", "fail node NODEB");
        assertThat(f.refused("move \"Web Group\" to NODEB")).contains("the node is down");
        f.ok("restore NODEB", "offline \"Web Group\"", "owners \"Web Server\" NODEA");
        assertThat(f.refused("move \"Web Group\" to NODEB")).contains("not a possible owner of 'Web Server'");
        assertThat(f.refused("move \"Web Group\" to NODEZ")).contains("no node named 'NODEZ'");
        assertThat(f.refused("move \"Nope\" to NODEB")).contains("no group named 'Nope'");
    }

    @Test
    void moveAllIsAllOrNothing() {
        Fixture f = Fixture.sample().ok("offline \"Web Group\"", "owners \"Web Server\" NODEA");
        assertThat(f.refused("move all from NODEA to NODEB")).contains("Web Server");
        assertThat(f.engine().group("Cluster Group").get().owner()).isEqualTo("NODEA");
    }

    @Test
    void aPausedNodeKeepsItsGroups() {
        Fixture f = Fixture.sample().ok("pause NODEA");
        assertThat(f.engine().group("Web Group").get().state()).isEqualTo(GroupState.ONLINE);
        assertThat(f.refused("pause NODEA")).contains("cannot pause NODEA");
    }
}
