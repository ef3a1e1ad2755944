package rehearse.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import rehearse.io.ClusterLoader;
import rehearse.matrix.Configuration;
import rehearse.matrix.Platform;
import rehearse.matrix.Upgrade;
import rehearse.matrix.UpgradeKind;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.GroupState;
import rehearse.model.NodeState;
import rehearse.sim.Event;
import rehearse.sim.Refused;

/** Each rule of the source page, of Microsoft's procedure and of MSCS, shown by its refusal or its effect. */
class RulesTest {
    @Test
    void rollingRefusesToUpgradeANodeThatOwnsGroups() {
        Fixture f = Fixture.sample().ok("ack preflight");
        assertThat(f.refused("upgrade NODEA to 5.0")).isInstanceOfSatisfying(Refused.RollingNodeOwnsGroups.class, r -> {
            assertThat(r.groups()).containsExactly("Cluster Group", "Web Group");
            assertThat(r.other()).isEqualTo("NODEB");
        });
        assertThat(f.refusedText("upgrade NODEA to 5.0")).contains("'move all from NODEA to NODEB'");
        f.ok("move all from NODEA to NODEB", "upgrade NODEA to 5.0");
        assertThat(f.node("NODEA").config().id()).isEqualTo("iis5");
    }

    @Test
    void preflightMustBeAcknowledgedBeforeTheFirstUpgrade() {
        Fixture f = Fixture.sample().ok("move all from NODEA to NODEB");
        assertThat(f.refused("upgrade NODEA to 5.0")).isInstanceOf(Refused.PreflightNotAcknowledged.class);
        f.ok("ack preflight", "upgrade NODEA to 5.0");
        assertThat(f.run("ack preflight").outcome()).isInstanceOf(Outcome.AlreadyAcknowledged.class);
    }

    @Test
    void preflightDisablesFailbackAndThePlanRestoresIt() throws Exception {
        Fixture f = Fixture.of(Clusters.SAMPLE_AT.formatted("IIS 4.0 / SP4").replace("preferredOwners: [NODEA, NODEB]",
                "preferredOwners: [NODEA, NODEB]\n    failback: true"));
        assertThat(f.group("Web Group").failback()).isTrue();
        f.ok("ack preflight");
        assertThat(f.group("Web Group").failback()).isFalse();
        assertThat(f.state().failbackBefore("Web Group")).isTrue();
        f.ok("target 5.0", "run");
        assertThat(f.group("Web Group").failback()).isTrue();
        assertThat(f.plan().complete()).isTrue();
    }

    @Test
    void onlySupportedRowsOfTheTables() throws Exception {
        Fixture f = Fixture.at("IIS 3.0 / SP3").ok("ack preflight", "move all from NODEA to NODEB");
        assertThat(f.refused("upgrade NODEA to 5.0")).isInstanceOfSatisfying(Refused.UnsupportedUpgrade.class,
                u -> assertThat(u.viaTarget()).isTrue());
        assertThat(f.refused("target \"IIS 2.0\"")).isInstanceOf(Refused.UnknownConfiguration.class);
        Fixture g = Fixture.sample().ok("ack preflight", "move all from NODEA to NODEB");
        assertThat(g.refused("upgrade NODEA to 3.0/SP3")).isInstanceOfSatisfying(Refused.UnsupportedUpgrade.class,
                u -> assertThat(u.viaTarget()).isFalse());
        assertThat(g.refusedText("upgrade NODEA to 3.0/SP3")).doesNotContain("target").contains("no path");
        assertThat(g.refusedText("target 3.0/SP3")).contains("downgrade");
    }

    @Test
    void standardUpgradeNeedsEveryIisResourceMadeSafe() throws Exception {
        Fixture f = Fixture.at("IIS 3.0 / SP4").ok("ack preflight", "move all from NODEA to NODEB");
        assertThat(f.refused("upgrade NODEA to 5.0")).isInstanceOfSatisfying(Refused.IisNotSafeForStandard.class,
                r -> assertThat(r.resource()).isEqualTo("Web Server"));
        f.ok("offline resource \"Web Server\"");
        assertThat(f.refused("upgrade NODEA to 5.0")).isInstanceOfSatisfying(Refused.IisNotSafeForStandard.class,
                r -> assertThat(r.resource()).isEqualTo("FTP Server"));
        f.ok("offline \"FTP Server\"", "upgrade NODEA to 5.0");
        // While the nodes differ, IIS may come online only on the old node, restricted to old nodes.
        assertThat(f.refused("online resource \"Web Server\"")).isInstanceOf(Refused.IisOnlyOnOldNodes.class);
    }

    @Test
    void restrictingPossibleOwnersToTheOldNodeKeepsIisOnlineThroughTheFirstUpgrade() throws Exception {
        Fixture f = Fixture.at("IIS 3.0 / SP4").ok("ack preflight");
        assertThat(f.refused("owners \"Web Server\" NODEB")).isInstanceOf(Refused.OwnersLeaveOutActive.class);
        f.ok("move all from NODEA to NODEB", "owners \"Web Server\" NODEB", "owners \"FTP Server\" NODEB", "upgrade NODEA to 4.0/SP4");
        assertThat(f.group("Web Group").state()).isEqualTo(GroupState.ONLINE);
        assertThat(f.downtime("Web Group")).isEqualTo(13_000); // one move; the upgrade of NODEA costs nothing more
        // Widening the owners to the upgraded node while IIS runs on the old one is refused.
        assertThat(f.refused("owners \"Web Server\" NODEA NODEB")).isEqualTo(new Refused.OwnersBeyondOldNodes("Web Server",
                java.util.List.of("NODEA"), f.state().matrix().find("3.0/SP4")));
        // No sequence keeps IIS online through the last old node's upgrade.
        assertThat(f.refused("upgrade NODEB to 4.0/SP4")).isInstanceOf(Refused.IisNotSafeForStandard.class);
    }

    @Test
    void noConfigurationChangesWhileAStandardHopHasTheNodesAtTwoClusterServiceVersions() throws Exception {
        Fixture f = Fixture.at("IIS 3.0 / SP4").ok("ack preflight", "move all from NODEA to NODEB", "owners \"Web Server\" NODEB",
                "owners \"FTP Server\" NODEB", "upgrade NODEA to 5.0");
        assertThat(f.refused("owners \"Web Server\" NODEA NODEB")).isInstanceOf(Refused.MixedVersionChange.class);
        assertThat(f.refused("failback \"Web Group\" on")).isInstanceOf(Refused.MixedVersionChange.class);
    }

    @Test
    void noConfigurationChangesWhileARollingUpgradeHasTheNodesAtTwoVersions() {
        Fixture f = Fixture.sample().ok("ack preflight", "owners \"Web Server\" NODEA NODEB", "move all from NODEA to NODEB",
                "upgrade NODEA to 5.0");
        assertThat(f.refused("owners \"Web Server\" NODEB")).isInstanceOf(Refused.MixedVersionChange.class);
        assertThat(f.refused("failback \"Web Group\" on")).isInstanceOf(Refused.MixedVersionChange.class);
    }

    @Test
    void aGroupMovesOnlyToAnUpPossibleOwner() {
        Fixture f = Fixture.sample().ok("pause NODEB");
        assertThat(f.refused("move \"Web Group\" to NODEB")).isEqualTo(new Refused.NodeNotAccepting("Web Group", "NODEB",
                NodeState.PAUSED));
        f.ok("resume NODEB", "fail node NODEB");
        assertThat(f.refused("move \"Web Group\" to NODEB")).isEqualTo(new Refused.NodeNotAccepting("Web Group", "NODEB",
                NodeState.DOWN));
        f.ok("restore NODEB", "offline \"Web Group\"", "owners \"Web Server\" NODEA");
        assertThat(f.refused("move \"Web Group\" to NODEB")).isInstanceOf(Refused.NotPossibleOwner.class);
        assertThat(f.refused("move \"Web Group\" to NODEZ")).isInstanceOf(Refused.UnknownNode.class);
        assertThat(f.refused("move \"Nope\" to NODEB")).isInstanceOf(Refused.UnknownGroup.class);
    }

    @Test
    void moveAllIsAllOrNothing() {
        Fixture f = Fixture.sample().ok("offline \"Web Group\"", "owners \"Web Server\" NODEA");
        assertThat(f.refused("move all from NODEA to NODEB")).isInstanceOf(Refused.NotPossibleOwner.class);
        assertThat(f.group("Cluster Group").owner()).isEqualTo("NODEA");
    }

    @Test
    void aPausedNodeKeepsItsGroupsTakesThemOfflineButBringsNothingOnline() {
        Fixture f = Fixture.sample().ok("pause NODEA");
        assertThat(f.group("Web Group").state()).isEqualTo(GroupState.ONLINE);
        assertThat(f.refused("pause NODEA")).isInstanceOf(Refused.CannotPause.class);
        f.ok("offline \"Web Group\"");
        assertThat(f.group("Web Group").state()).isEqualTo(GroupState.OFFLINE);
        assertThat(f.refused("online \"Web Group\"")).isEqualTo(new Refused.OwnerCannotHost("Web Group", "NODEA", NodeState.PAUSED));
        f.ok("resume NODEA", "online \"Web Group\"");
        assertThat(f.group("Web Group").state()).isEqualTo(GroupState.ONLINE);
    }

    @Test
    void aResourceFailingOnAPausedNodeIsNotRestartedThereButFailsOver() {
        Fixture f = Fixture.sample().ok("pause NODEA", "fail resource \"Web Server\"");
        assertThat(f.group("Web Group").owner()).isEqualTo("NODEB");
        assertThat(f.group("Web Group").state()).isEqualTo(GroupState.ONLINE);
    }

    @Test
    void aPausedNodeThatIsUpgradedOrRestoredRejoinsPaused() {
        Fixture f = Fixture.sample().ok("ack preflight", "pause NODEA", "move all from NODEA to NODEB", "upgrade NODEA to 5.0");
        assertThat(f.node("NODEA").state()).isEqualTo(NodeState.PAUSED);
        f.ok("fail node NODEA", "restore NODEA");
        assertThat(f.node("NODEA").state()).isEqualTo(NodeState.PAUSED);
        f.ok("resume NODEA");
        assertThat(f.node("NODEA").state()).isEqualTo(NodeState.UP);
    }

    @Test
    void joinIsJudgedByTheClusterServiceVersionsNotTheIisTables() throws Exception {
        // A site's tables: X on an old Cluster service, Y two versions newer, Z one newer; X -> Y and X -> Z rolling rows.
        Configuration x = new Configuration("x", "X", java.util.List.of(), "Old", "T"),
                y = new Configuration("y", "Y", java.util.List.of(), "Far", "T"),
                z = new Configuration("z", "Z", java.util.List.of(), "Near", "T");
        UpgradeMatrix m = new UpgradeMatrix(java.util.List.of(x, y, z), java.util.List.of(new Upgrade(x, y, UpgradeKind.ROLLING),
                new Upgrade(x, z, UpgradeKind.ROLLING)), java.util.List.of(new Platform("Old", 1, 2), new Platform("Far", 3, 2),
                new Platform("Near", 2, 2)));
        String yaml = """
                cluster: V
                nodes: [{name: A, config: X}, {name: B, config: X}]
                groups:
                  - {name: G, owner: B, resources: [{name: R, type: IP Address}]}
                """;
        var c = new ClusterLoader(m).parse("v.yaml", yaml.getBytes());
        Fixture far = new Fixture(m, c).ok("ack preflight", "upgrade A to Y");
        assertThat(far.node("A").state()).isEqualTo(NodeState.DOWN);
        assertThat(far.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Event.JoinRefused.class,
                j -> assertThat(j.reason()).isEqualTo(new Event.IncompatibleVersions("B", "Far", "Old"))));
        Fixture near = new Fixture(m, c).ok("ack preflight", "upgrade A to Z");
        assertThat(near.node("A").state()).isEqualTo(NodeState.UP);
    }

    @Test
    void namesAreCaseInsensitiveAsInMscs() {
        Fixture f = Fixture.sample().ok("move \"web group\" to nodeb", "pause nodeb", "resume NodeB", "offline resource \"WEB SERVER\"");
        assertThat(f.group("Web Group").owner()).isEqualTo("NODEB");
        assertThat(f.group("Web Group").resource("Web Server").orElseThrow().state()).isEqualTo(rehearse.model.ResourceState.OFFLINE);
        f.ok("expect group \"WEB GROUP\" on nodeb");
    }

    @Test
    void theFailoverThresholdLeavesTheWholeGroupOfflineUntilAnOperatorActs() {
        Fixture f = Fixture.sample().ok("fail resource \"Web Server\" times 60");
        assertThat(f.group("Web Group").state()).isEqualTo(GroupState.FAILED);
        assertThat(f.group("Web Group").resources()).filteredOn(r -> !r.name().equals("Web Server"))
                .allSatisfy(r -> assertThat(r.state()).isEqualTo(rehearse.model.ResourceState.OFFLINE));
        assertThat(f.state().stopped("Web Group")).isTrue();
        assertThat(f.events()).anySatisfy(e -> assertThat(e).isInstanceOf(Event.GroupStopped.class));
        f.ok("wait 20m");
        assertThat(f.group("Web Group").state()).isEqualTo(GroupState.FAILED);
        f.ok("online resource \"Web Server\"");
        assertThat(f.group("Web Group").state()).isEqualTo(GroupState.ONLINE);
    }

    @Test
    void failoverWaitsForTheFailureToBeNoticed() {
        Fixture f = Fixture.sample().ok("fail node NODEA");
        // Detection and quorum arbitration (15 s by default), then the group comes online on NODEB.
        var moved = f.events().stream().filter(e -> e instanceof Event.OwnerChanged o && o.group().equals("Web Group")).findFirst()
                .orElseThrow();
        assertThat(moved.time()).isEqualTo(15_000);
        assertThat(f.group("Web Group").owner()).isEqualTo("NODEB");
        assertThat(f.downtime("Web Group")).isEqualTo(15_000 + 8_000);
    }

    @Test
    void removeAndRecreateIsTheThirdStandardOption() throws Exception {
        Fixture f = Fixture.at("IIS 3.0 / SP4").ok("ack preflight");
        assertThat(f.refused("remove resource \"Web Server\"")).isInstanceOf(Refused.StillActive.class);
        assertThat(f.refused("remove resource \"Web IP\"")).isInstanceOf(Refused.NotIis.class);
        f.ok("offline resource \"Web Server\"", "remove resource \"Web Server\"", "offline \"FTP Server\"",
                "move all from NODEA to NODEB", "upgrade NODEA to 5.0");
        assertThat(f.refused("recreate resource \"Web Server\"")).isInstanceOf(Refused.RecreateTooEarly.class);
        assertThat(f.refused("online resource \"Web Server\"")).isInstanceOf(Refused.RemovedResource.class);
        f.ok("move all from NODEB to NODEA", "upgrade NODEB to 5.0", "recreate resource \"Web Server\"", "online \"Web Server\"",
                "online \"FTP Server\"");
        assertThat(f.group("Web Group").state()).isEqualTo(GroupState.ONLINE);
        assertThat(f.events()).anySatisfy(e -> assertThat(e).isEqualTo(new Event.ResourceRecreated(e.time(), "Web Server",
                "IIS Server Instance")));
    }
}
