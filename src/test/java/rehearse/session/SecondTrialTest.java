package rehearse.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import rehearse.io.ClusterLoader;
import rehearse.io.InputException;
import rehearse.io.MatrixLoader;
import rehearse.model.NodeState;
import rehearse.plan.NoGo;
import rehearse.plan.NodeActions;
import rehearse.plan.Plan;
import rehearse.plan.Problem;
import rehearse.plan.Recovery;
import rehearse.plan.Status;
import rehearse.sim.Event;

/** A second administrator's trial of the plan: each finding held by a test. */
class SecondTrialTest {
    private static NoGo noGo(Session.Result r) {
        return Fixture.noGo(r);
    }

    private static String sample() {
        return Fixture.sampleYaml();
    }

    /** The sample two hops from IIS 5.0 by a standard row: IIS 3.0 / SP4 on both nodes. */
    private static String standard() {
        return sample().replace("IIS 4.0 / SP4", "IIS 3.0 / SP4");
    }

    private static Plan.Entry entry(Fixture f, Class<?> action, String node) {
        return f.plan().entries().stream().filter(e -> action.isInstance(e.step().action()) && e.step().action().toString()
                .contains("node=" + node + ",")).findFirst().orElseThrow();
    }

    private static InputException refusedFile(String yaml) {
        return catchThrowableOfType(InputException.class,
                () -> new ClusterLoader(MatrixLoader.builtIn()).parse("t.yaml", yaml.getBytes()));
    }

    @Test
    void aRollingHopGoesNoFurtherWhileIisTheOperatorTookOfflineIsOffline() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "step", "step", "offline resource \"Web Server\"");
        NoGo n = noGo(f.run("run"));
        // Not even the node it was drained from is upgraded: every step of a rolling hop keeps the IIS that was online.
        assertThat(n.step().action()).isInstanceOf(NodeActions.Upgrade.class);
        assertThat(f.node("NODEA").config().label()).isEqualTo("IIS 4.0 / SP4");
        assertThat(n.problems()).anySatisfy(p -> assertThat(p).isInstanceOfSatisfying(Problem.ResourcesNotOnline.class,
                r -> assertThat(r.resources()).containsExactly("Web Server")));
        assertThat(f.node("NODEB").config().label()).isEqualTo("IIS 4.0 / SP4"); // the last old node was not touched
        assertThat(f.run("plan").outcome()).isInstanceOf(Outcome.Shown.class);
        f.ok("online \"Web Group\"", "run");
        assertThat(f.plan().complete()).isTrue();
    }

    @Test
    void aClusterCaughtMidStandardUpgradeEndsWithEveryNodeAPossibleOwnerOfIis() throws Exception {
        String yaml = standard().replaceFirst("config: IIS 3.0 / SP4", "config: IIS 5.0")
                .replace("owner: NODEA", "owner: NODEB")
                .replace("possibleOwners: [NODEA, NODEB]", "possibleOwners: [NODEB]");
        Fixture f = Fixture.of(yaml).ok("target 5.0", "ack preflight", "run");
        assertThat(f.plan().complete()).isTrue();
        for (String r : new String[] {"Web Server", "FTP Server"}) {
            var group = f.state().cluster().groupOfResource(r).orElseThrow();
            var resource = group.resources().stream().filter(x -> x.name().equals(r)).findFirst().orElseThrow();
            assertThat(resource.possibleOwners()).containsExactlyInAnyOrder("NODEA", "NODEB");
        }
        assertThat(f.group("Web Group").owner()).isEqualTo("NODEA"); // its first preferred owner, now that it may go there
        f.ok("move \"FTP Group\" to NODEA");
    }

    @Test
    void aQuorumInAGroupHoldingIisIsNotLeftOnTheLastNodeOfAStandardHop() throws Exception {
        Fixture f = Fixture.of(standard() + "quorum: Web Disk\n").ok("target 5.0");
        assertThat(f.target().estimates()).allSatisfy(e -> assertThat(e.planned().completes()).isTrue());
        f.ok("ack preflight", "run");
        assertThat(f.plan().complete()).isTrue();
        assertThat(f.events()).noneMatch(e -> e instanceof Event.ClusterLost);
    }

    @Test
    void theClusterStopsWhenTheQuorumsGroupCannotFailOverBecauseOfAnotherResourcesOwners() throws Exception {
        Fixture f = Fixture.of(sample() + "quorum: Web Disk\n").ok("owners \"Web Server\" NODEA", "fail node NODEA");
        assertThat(f.events()).anyMatch(e -> e instanceof Event.ClusterLost);
        assertThat(f.state().formed()).isFalse();
        assertThat(f.node("NODEB").state()).isEqualTo(NodeState.DOWN);
    }

    @Test
    void nodesMoreThanOneClusterVersionApartAreRefusedWhateverTheRows() {
        String yaml = sample().replaceFirst("config: IIS 4.0 / SP4", "config: IIS 5.0").replace("IIS 4.0 / SP4", "IIS 4.0 / SP3");
        InputException e = refusedFile(yaml);
        assertThat(e.problems()).singleElement().asString().contains("cannot be in one cluster")
                .contains("more than one version apart").contains("5075");
    }

    @Test
    void aGroupCannotWaitOnADownNodeBesideAnUpNodeThatCouldOwnIt() {
        String yaml = sample().replace("  - name: NODEB\n    config: IIS 4.0 / SP4", "  - name: NODEB\n    config: IIS 4.0 / SP4\n"
                + "    state: down").replace("owner: NODEB", "owner: NODEB").replace("{name: FTP IP, type: IP Address",
                "{name: FTP IP, type: IP Address, state: offline").replace("{name: FTP Name, type: Network Name",
                "{name: FTP Name, type: Network Name, state: offline").replace("{name: FTP Disk, type: Physical Disk",
                "{name: FTP Disk, type: Physical Disk, state: offline").replace("{name: FTP Server, type: IIS",
                "{name: FTP Server, type: IIS, state: offline");
        InputException e = refusedFile(yaml);
        assertThat(e.problems()).singleElement().asString().contains("group 'FTP Group' is on NODEB, which is down")
                .contains("MSCS would have failed it over");
    }

    @Test
    void iisOnlineOnTheOldNodeButNotRestrictedSaysItIsThePossibleOwners() {
        String yaml = standard().replaceFirst("config: IIS 3.0 / SP4", "config: IIS 5.0").replace("owner: NODEA", "owner: NODEB");
        InputException e = refusedFile(yaml);
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.toString()).contains("its possible owners include NODEA")
                .contains("restrict them"));
    }

    @Test
    void aNodePausedByHandIsWorkedOnFirstNotLeftPausedBesideAnother() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "pause NODEB", "step");
        assertThat(f.node("NODEA").state()).isEqualTo(NodeState.UP);
        assertThat(f.group("FTP Group").owner()).isEqualTo("NODEA"); // the drain of NODEB, not a pause of NODEA
        f.ok("run");
        assertThat(f.plan().complete()).isTrue();
    }

    @Test
    void aFailedUpgradeOfTheLastNodeIsMarkedFailedOnItsStep() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "fail upgrade NODEB");
        noGo(f.run("run"));
        assertThat(entry(f, NodeActions.Upgrade.class, "NODEB").status()).isEqualTo(Status.FAILED);
        assertThat(entry(f, NodeActions.GoNoGo.class, "NODEB").status()).isEqualTo(Status.DONE);
    }

    @Test
    void anUpgradedNodeWhoseJoinWasRefusedHasNotDoneItsUpgradeStep() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "fail join NODEA");
        noGo(f.run("run"));
        assertThat(entry(f, NodeActions.Upgrade.class, "NODEA").status()).isEqualTo(Status.FAILED);
        f.ok("restore NODEA");
        assertThat(entry(f, NodeActions.Upgrade.class, "NODEA").status()).isEqualTo(Status.DONE);
    }

    @Test
    void theNoGoShownAfterARecoveryIsAboutTheClusterAsItIsNow() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "fail upgrade NODEA");
        NoGo first = noGo(f.run("run"));
        assertThat(first.problems()).anySatisfy(p -> assertThat(p).isInstanceOfSatisfying(Problem.NodeNotUpgraded.class,
                u -> assertThat(u.state()).isEqualTo(NodeState.DOWN)));
        assertThat(f.session.lastNoGo()).contains(first);
        f.ok("restore NODEA");
        NoGo now = f.session.lastNoGo().orElseThrow();
        assertThat(now.problems()).noneMatch(p -> p instanceof Problem.NodeNotUpgraded u && u.state() == NodeState.DOWN);
        assertThat(now.recovery()).doesNotContain(new Recovery.RestoreNode("NODEA"));
    }

    @Test
    void aRemovedIisResourceIsRecreatedNotBroughtOnline() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "step", "step", "offline resource \"Web Server\"",
                "remove resource \"Web Server\"");
        NoGo n = noGo(f.run("run"));
        assertThat(n.recovery()).contains(new Recovery.RecreateResource("Web Server"))
                .doesNotContain(new Recovery.BringOnline("Web Group"));
    }

    @Test
    void groupsDownBesideAPausedNodeSayToResumeIt() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "step", "fail node NODEB");
        NoGo n = noGo(f.run("run"));
        assertThat(n.recovery().get(0)).isEqualTo(new Recovery.ResumeNode("NODEA"));
        f.ok("resume NODEA");
        assertThat(f.state().cluster().groups()).allSatisfy(g -> assertThat(g.owner()).isEqualTo("NODEA"));
    }

    @Test
    void thePreflightSaysItLeftFailbackAloneInAMixedRollingCluster() throws Exception {
        String yaml = sample().replaceFirst("config: IIS 4.0 / SP4", "config: IIS 5.0").replace("failback: false", "failback: true");
        Fixture f = Fixture.of(yaml).ok("target 5.0", "ack preflight");
        assertThat(f.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Event.PreflightAcknowledged.class,
                p -> assertThat(p.failbackKept()).isTrue()));
        assertThat(f.state().cluster().group("Web Group").orElseThrow().failback()).isTrue();
    }
}
