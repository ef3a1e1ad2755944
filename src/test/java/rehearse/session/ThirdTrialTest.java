package rehearse.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import rehearse.io.ClusterLoader;
import rehearse.io.InputException;
import rehearse.io.MatrixLoader;
import rehearse.model.GroupState;
import rehearse.model.NodeState;
import rehearse.model.ResourceState;
import rehearse.plan.NoGo;
import rehearse.plan.NodeActions;
import rehearse.plan.Problem;
import rehearse.plan.Recovery;
import rehearse.plan.Status;

/** A third administrator's trial of the plan: each finding held by a test. */
class ThirdTrialTest {
    private static NoGo noGo(Session.Result r) {
        return Fixture.noGo(r);
    }

    private static String sample() {
        return Fixture.sampleYaml();
    }

    private static final String QUORUM_WITH_IIS = """
            cluster: QSTD
            nodes:
              - {name: NODEA, config: %s}
              - {name: NODEB, config: IIS 3.0 / SP4}
            groups:
              - name: Web Group
                owner: NODEB
                preferredOwners: [NODEA, NODEB]
                resources:
                  - {name: Web IP, type: IP Address, address: 192.0.2.20}
                  - {name: Web Disk, type: Physical Disk}
                  - {name: Web Server, type: IIS, dependsOn: [Web IP, Web Disk], possibleOwners: [%s]}
            quorum: Web Disk
            """;

    @Test
    void aClusterMidStandardWithItsQuorumInTheIisGroupIsUpgradedWithoutLosingTheCluster() throws Exception {
        // IIS 3.0 -> 4.0 on NT 4.0 throughout: one Cluster service version, so possible owners may change mid-way.
        Fixture f = Fixture.of(QUORUM_WITH_IIS.formatted("IIS 4.0 / SP4", "NODEB")).ok("target 4.0/SP4", "ack preflight", "run");
        assertThat(f.events()).noneMatch(e -> e instanceof rehearse.sim.Event.ClusterLost);
        assertThat(f.plan().complete()).isTrue();
        assertThat(f.node("NODEB").config().label()).isEqualTo("IIS 4.0 / SP4");
        assertThat(f.group("Web Group").resource("Web Server").orElseThrow().possibleOwners()).containsExactly("NODEA", "NODEB");
        assertThat(f.group("Web Group").resource("Web Server").orElseThrow().state()).isEqualTo(ResourceState.ONLINE);
    }

    @Test
    void midWayToWindows2000TheQuorumRestrictedWithIisIsANoGoNotALostCluster() throws Exception {
        // NT 4.0 beside Windows 2000: no configuration changes, so nobody but NODEB can ever take the quorum's group.
        Fixture f = Fixture.of(QUORUM_WITH_IIS.formatted("IIS 5.0", "NODEB")).ok("target 5.0", "ack preflight");
        NoGo n = noGo(f.run("run"));
        assertThat(n.problems()).anySatisfy(p -> assertThat(p).isInstanceOf(Problem.QuorumWouldBeLost.class));
        assertThat(f.events()).noneMatch(e -> e instanceof rehearse.sim.Event.ClusterLost);
        assertThat(f.node("NODEB").config().label()).isEqualTo("IIS 3.0 / SP4");
        assertThat(f.refusedText("owners \"Web Server\" NODEA NODEB")).contains("two Cluster service versions");
    }

    @Test
    void theQuorumInAnIisGroupNoLongerRulesOutRestrictingIisWithinOneClusterVersion() throws Exception {
        Fixture f = Fixture.of(QUORUM_WITH_IIS.formatted("IIS 3.0 / SP4", "NODEA, NODEB")).ok("target 4.0/SP4", "ack preflight", "run");
        assertThat(f.plan().complete()).isTrue();
        assertThat(f.events()).noneMatch(e -> e instanceof rehearse.sim.Event.ClusterLost);
        assertThat(f.target().strategies().get(0)).isInstanceOfSatisfying(rehearse.plan.Strategy.Standard.class,
                st -> assertThat(st.option()).isEqualTo(rehearse.plan.StandardOption.RESTRICT));
    }

    @Test
    void toWindows2000TheQuorumInAnIisGroupKeepsIisOfflineForTheHopAndTheClusterStands() throws Exception {
        Fixture f = Fixture.of(QUORUM_WITH_IIS.formatted("IIS 3.0 / SP4", "NODEA, NODEB")).ok("target 5.0", "ack preflight", "run");
        assertThat(f.plan().complete()).isTrue();
        assertThat(f.events()).noneMatch(e -> e instanceof rehearse.sim.Event.ClusterLost);
    }

    @Test
    void theGoNoGoSaysWhenUpgradingTheLastNodeWouldLoseTheQuorum() throws Exception {
        // The quorum disk can run only on NODEB: once NODEB goes for its upgrade, nobody could hold it.
        String yaml = sample().replace("{name: Quorum Disk, type: Physical Disk}", "{name: Quorum Disk, type: Physical Disk, possibleOwners: [NODEB]}")
                .replace("owner: NODEA\n    preferredOwners: [NODEA, NODEB]\n    failback: false\n    resources:\n      - {name: Cluster IP",
                        "owner: NODEB\n    preferredOwners: [NODEA, NODEB]\n    failback: false\n    resources:\n      - {name: Cluster IP");
        Fixture f = Fixture.of(yaml);
        NoGo n = noGo(f.ok("target 5.0", "ack preflight").run("run"));
        assertThat(n.problems()).anySatisfy(p -> assertThat(p).isInstanceOf(Problem.OwnersTooNarrow.class));
        assertThat(f.node("NODEA").config().label()).isEqualTo("IIS 4.0 / SP4"); // stopped before anything was upgraded
        assertThat(n.recovery()).contains(new Recovery.AddPossibleOwners("Quorum Disk", java.util.List.of("NODEA", "NODEB")));
    }

    @Test
    void aResourceThatCannotMoveStopsARollingHopBeforeAnyNodeIsUpgradedAndSaysHowToFixIt() throws Exception {
        String yaml = sample().replace("{name: FTP Server, type: IIS, dependsOn: [FTP IP, FTP Disk], possibleOwners: [NODEA, NODEB]}",
                "{name: FTP Server, type: IIS, dependsOn: [FTP IP, FTP Disk], possibleOwners: [NODEB]}");
        Fixture f = Fixture.of(yaml).ok("target 5.0", "ack preflight");
        NoGo n = noGo(f.run("run"));
        assertThat(n.step().action()).isInstanceOf(NodeActions.Pause.class);
        assertThat(n.problems()).containsExactly(new Problem.OwnersTooNarrow("FTP Group", "FTP Server", java.util.List.of("NODEA")));
        assertThat(n.recovery()).contains(new Recovery.AddPossibleOwners("FTP Server", java.util.List.of("NODEA", "NODEB")));
        assertThat(n.recovery()).noneMatch(r -> r instanceof Recovery.RollBack); // nothing to roll back yet
        assertThat(f.node("NODEA").state()).isEqualTo(NodeState.UP);
        f.ok("owners \"FTP Server\" NODEA NODEB", "run");
        assertThat(f.plan().complete()).isTrue();
    }

    @Test
    void aStandardHopIsCompleteOnlyWithTheWholeIisGroupOnlineAgain() throws Exception {
        Fixture f = Fixture.at("IIS 3.0 / SP4").ok("target 5.0", "ack preflight", "offline group \"Web Group\"", "run");
        assertThat(f.plan().complete()).isTrue();
        assertThat(f.state().cluster().group("Web Group").orElseThrow().resources())
                .allSatisfy(r -> assertThat(r.state()).as(r.name()).isEqualTo(ResourceState.ONLINE));
    }

    @Test
    void aClusterMidStandardWithIisTakenOfflineEndsWithIisOnline() throws Exception {
        String yaml = sample().replace("IIS 4.0 / SP4", "IIS 3.0 / SP4").replaceFirst("config: IIS 3.0 / SP4", "config: IIS 5.0")
                .replace("possibleOwners: [NODEA, NODEB]}", "possibleOwners: [NODEA, NODEB], state: offline}");
        Fixture f = Fixture.of(yaml).ok("target 5.0", "ack preflight");
        assertThat(f.plan().complete()).isFalse();
        f.ok("run");
        assertThat(f.plan().complete()).isTrue();
        assertThat(f.group("Web Group").resource("Web Server").orElseThrow().state()).isEqualTo(ResourceState.ONLINE);
        assertThat(f.group("FTP Group").resource("FTP Server").orElseThrow().state()).isEqualTo(ResourceState.ONLINE);
    }

    @Test
    void choosingTheTargetAgainDoesNotForgetTheIisThatWasOnline() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "step", "step", "step", "step", "step", "step",
                "offline resource \"Web Server\"");
        assertThat(noGo(f.run("run")).step().action()).isInstanceOf(NodeActions.GoNoGo.class);
        f.ok("target 5.0");
        NoGo again = noGo(f.run("run"));
        assertThat(again.step().action()).isInstanceOf(NodeActions.GoNoGo.class);
        assertThat(f.node("NODEB").config().label()).isEqualTo("IIS 4.0 / SP4");
    }

    @Test
    void aFailedIisResourceInTheFileStopsARollingHopBeforeItsFirstStep() throws Exception {
        String yaml = sample().replace("possibleOwners: [NODEA, NODEB]}\ntimings", "possibleOwners: [NODEA, NODEB], state: failed}\ntimings");
        assertThat(yaml).contains("state: failed");
        Fixture f = Fixture.of(yaml).ok("target 5.0", "ack preflight");
        NoGo n = noGo(f.run("run"));
        assertThat(n.step().action()).isInstanceOf(NodeActions.Pause.class);
        assertThat(n.recovery()).contains(new Recovery.BringOnline("FTP Group"));
        assertThat(f.node("NODEA").config().label()).isEqualTo("IIS 4.0 / SP4");
        f.ok("online group \"FTP Group\"", "run");
        assertThat(f.plan().complete()).isTrue();
    }

    @Test
    void iisTakenOfflineAfterTheTargetStopsTheRollingHopAtItsNextStep() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "offline resource \"FTP Server\"");
        NoGo n = noGo(f.run("run"));
        assertThat(n.step().action()).isInstanceOf(NodeActions.Pause.class);
        assertThat(f.state().paused("NODEA")).isFalse();
    }

    @Test
    void aNodeThatFailedMomentsAgoSaysToWaitForTheFailoverBeforeRestoringIt() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "fail node NODEA after 2s");
        NoGo n = noGo(f.run("run"));
        assertThat(n.recovery().get(0)).isEqualTo(new Recovery.Wait());
        f.ok("wait");
        assertThat(f.group("Web Group").owner()).isEqualTo("NODEB");
        assertThat(f.group("Web Group").state()).isEqualTo(GroupState.ONLINE);
    }

    @Test
    void ownersNarrowedByHandMidStandardAreNamedWithTheCommandThatWidensThem() throws Exception {
        // IIS 3.0 -> 4.0 keeps NT 4.0 on both nodes, so possible owners may change mid-way.
        Fixture f = Fixture.at("IIS 3.0 / SP4").ok("target 4.0/SP4", "ack preflight", "pause NODEA", "move \"Web Group\" to NODEB",
                "owners \"Web Server\" NODEB", "owners \"FTP Server\" NODEB", "upgrade NODEA to 4.0/SP4", "wait", "resume NODEA",
                // By hand, IIS restricted to the upgraded node instead, and its group moved there (offline).
                "offline group \"Web Group\"", "wait", "owners \"Web Server\" NODEA", "move \"Web Group\" to NODEA", "wait");
        NoGo n = noGo(f.run("run"));
        assertThat(n.problems()).contains(new Problem.OwnersTooNarrow("Web Group", "Web Server", java.util.List.of("NODEB")));
        assertThat(n.recovery()).contains(new Recovery.AddPossibleOwners("Web Server", java.util.List.of("NODEA", "NODEB")));
        f.ok("owners \"Web Server\" NODEA NODEB", "run");
        assertThat(f.plan().complete()).isTrue();
    }

    @Test
    void aFileWithAnOnlineResourceWhoseDependencyIsOfflineIsRefusedWhereItStands() {
        String yaml = sample().replace("{name: Web IP, type: IP Address, address: 192.0.2.20}",
                "{name: Web IP, type: IP Address, address: 192.0.2.20, state: offline}");
        InputException e = catchThrowableOfType(InputException.class,
                () -> new ClusterLoader(MatrixLoader.builtIn()).parse("t.yaml", yaml.getBytes()));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("t.yaml:24:").contains("'Web Name' is online but depends on 'Web IP', which is offline");
    }

    // The re-trial of the fixes above.

    @Test
    void aClusterMidWayThroughAStandardHopFinishesItBeforeGoingOn() throws Exception {
        Fixture f = Fixture.of(QUORUM_WITH_IIS.formatted("IIS 4.0 / SP4", "NODEB").replace("quorum: Web Disk\n", ""));
        f.ok("target 5.0");
        assertThat(f.target().path().hops()).extracting(h -> h.to().label()).containsExactly("IIS 4.0 / SP4", "IIS 5.0");
        f.ok("ack preflight", "run");
        assertThat(f.plan().complete()).isTrue();
        assertThat(f.node("NODEB").config().label()).isEqualTo("IIS 5.0");
    }

    @Test
    void groupsLeftOfflineOnAPausedNodeAfterAFailureSayResumeItAndTheNoGoIsSaidAgainWhole() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "step", "step", "step", "step", "step", "fail node NODEA after 2s");
        noGo(f.run("step"));
        f.ok("wait");
        NoGo again = f.session.lastNoGo().orElseThrow();
        assertThat(again.recovery()).contains(new Recovery.ResumeNode("NODEB"), new Recovery.RestoreNode("NODEA"));
        assertThat(again.recovery().indexOf(new Recovery.ResumeNode("NODEB"))).isZero();
        assertThat(again.recovery()).doesNotContain(new Recovery.BringOnline("Web Group"));
        f.ok("resume NODEB", "wait", "restore NODEA", "wait", "run");
        assertThat(f.plan().complete()).isTrue();
    }

    @Test
    void aNodeThatFailsAfterItsStepIsDoneIsStillANoGoInThePlan() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "step", "step", "fail node NODEB after 10m");
        noGo(f.run("step"));
        f.ok("wait");
        NoGo n = f.session.lastNoGo().orElseThrow();
        assertThat(n.problems()).anySatisfy(p -> assertThat(p).isInstanceOf(Problem.NodeNotInCluster.class));
        assertThat(n.recovery()).contains(new Recovery.RestoreNode("NODEB"));
    }

    @Test
    void groupsGoBackToAPausedPreferredOwnerOnceItIsResumedNotFurtherDownTheList() throws Exception {
        String yaml = sample().replace("IIS 4.0 / SP4", "IIS 5.0").replace("name: NODEB\n    config: IIS 5.0", "name: NODEB\n    config: IIS 5.0\n    state: paused");
        assertThat(yaml).contains("state: paused");
        Fixture f = Fixture.of(yaml).ok("target 5.0", "ack preflight");
        NoGo n = noGo(f.run("run"));
        assertThat(n.problems()).contains(new Problem.NodeNotResumed("NODEB", NodeState.PAUSED));
        assertThat(f.group("FTP Group").owner()).isEqualTo("NODEB"); // not moved away from its preferred owner
        f.ok("resume NODEB", "run");
        assertThat(f.plan().complete()).isTrue();
        assertThat(f.group("FTP Group").owner()).isEqualTo("NODEB");
    }
}
