package rehearse.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import rehearse.io.ClusterLoader;
import rehearse.io.InputException;
import rehearse.matrix.Configuration;
import rehearse.io.MatrixLoader;
import rehearse.matrix.Platform;
import rehearse.matrix.Upgrade;
import rehearse.matrix.UpgradeKind;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.GroupState;
import rehearse.model.NodeState;
import rehearse.plan.NoGo;
import rehearse.plan.NodeActions;
import rehearse.plan.Plan;
import rehearse.plan.PlanRefusal;
import rehearse.plan.Planner;
import rehearse.plan.Problem;
import rehearse.plan.Recovery;
import rehearse.plan.Status;
import rehearse.sim.Event;

/** What an administrator's trial of the plan found, each now held by a test. */
class TrialFindingsTest {
    private static NoGo noGo(Session.Result r) {
        assertThat(r.outcome()).isInstanceOf(Outcome.Refused.class);
        return (NoGo) ((Outcome.Refused) r.outcome()).refusal();
    }

    private static final String MID = """
            cluster: MID
            nodes:
              - {name: NODEA, config: IIS 5.0}
              - {name: NODEB, config: IIS 4.0 / SP4}
            groups:
              - name: Web Group
                owner: NODEB
                failback: true
                resources:
                  - {name: Web IP, type: IP Address}
                  - {name: Web Server, type: IIS, dependsOn: [Web IP]}
            """;

    @Test
    void aClusterFileWithIisOnlineAgainstTheStandardRuleIsRefusedWhereItStands() {
        String yaml = """
                cluster: MIDSTD
                nodes:
                  - {name: NODEA, config: IIS 5.0}
                  - {name: NODEB, config: IIS 3.0 / SP4}
                groups:
                  - name: Web Group
                    owner: NODEA
                    resources:
                      - {name: Web Server, type: IIS}
                """;
        InputException e = catchThrowableOfType(InputException.class,
                () -> new ClusterLoader(MatrixLoader.builtIn()).parse("m.yaml", yaml.getBytes()));
        assertThat(e.problems()).singleElement().asString().startsWith("m.yaml:9:")
                .contains("IIS resource 'Web Server' is online on NODEA (IIS 5.0) mid-way through a standard upgrade");
    }

    @Test
    void theQuorumIsADiskAndItIsOnline() {
        String base = new String(ClusterLoader.sampleBytes());
        InputException notDisk = catchThrowableOfType(InputException.class, () -> new ClusterLoader(MatrixLoader.builtIn())
                .parse("q.yaml", (base + "quorum: web server\n").getBytes()));
        assertThat(notDisk.problems()).singleElement().asString().contains("the quorum resource 'Web Server' is IIS");
        InputException offline = catchThrowableOfType(InputException.class, () -> new ClusterLoader(MatrixLoader.builtIn())
                .parse("q.yaml", base.replace("{name: Quorum Disk, type: Physical Disk}",
                        "{name: Quorum Disk, type: Physical Disk, state: offline}").getBytes()));
        assertThat(offline.problems()).singleElement().asString().contains("the quorum resource 'Quorum Disk' is offline on NODEA");
    }

    @Test
    void aNodeAlreadyUpgradedThatGoesDownIsRestoredNotUpgradedAgain() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "step", "step", "step", "step", "fail node NODEA", "wait");
        // Its upgrade is no longer done (the step says it rejoins the cluster), and what it needs is a restore.
        assertThat(f.plan().next().orElseThrow().step().action()).isEqualTo(new NodeActions.Upgrade("NODEA", f.target().to()));
        NoGo n = noGo(f.run("run"));
        assertThat(n.problems()).anySatisfy(x -> assertThat(x).isInstanceOfSatisfying(Problem.NodeNotInCluster.class, m -> {
            assertThat(m.node()).isEqualTo("NODEA");
            assertThat(m.cause()).isEqualTo(Event.NodeCause.FAILED);
        }));
        assertThat(n.recovery()).contains(new Recovery.RestoreNode("NODEA"));
        int before = f.events().size();
        f.ok("restore NODEA", "run");
        assertThat(f.plan().complete()).isTrue();
        assertThat(f.events().subList(before, f.events().size()))
                .noneMatch(e -> e instanceof Event.NodeUpgraded u && u.node().equals("NODEA"));
    }

    @Test
    void theGoNoGoStandsBeforeTheNodeThatIsReallyLast() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "move all from NODEB to NODEA", "upgrade NODEB");
        Plan p = f.plan();
        var goNoGo = p.entries().stream().filter(e -> e.step().action() instanceof NodeActions.GoNoGo).findFirst().orElseThrow();
        assertThat(((NodeActions.GoNoGo) goNoGo.step().action()).node()).isEqualTo("NODEA");
        assertThat(goNoGo.status()).isNotEqualTo(Status.DONE);
        Session.Result r = f.run("run");
        assertThat(r.outcome()).isInstanceOf(Outcome.RunDone.class);
        assertThat(f.plan().complete()).isTrue();
    }

    @Test
    void aDrainOntoAPausedNodeSaysToResumeIt() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "step", "pause NODEB");
        NoGo n = noGo(f.run("run"));
        assertThat(n.problems()).contains(new Problem.NodeNotResumed("NODEB", NodeState.PAUSED));
        assertThat(n.recovery()).contains(new Recovery.ResumeNode("NODEB"));
        f.ok("resume NODEB", "run");
        assertThat(f.plan().complete()).isTrue();
    }

    @Test
    void aNoGoAboutTheClusterIsMarkedOnTheStepItStopsAndShownByPlan() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "step", "step", "step", "step", "step",
                "fail resource \"Web Server\" times 60");
        NoGo n = noGo(f.run("run"));
        assertThat(n.cause()).isEqualTo(NoGo.Cause.BLOCKED);
        assertThat(n.problems()).anySatisfy(x -> assertThat(x).isInstanceOf(Problem.ResourcesNotOnline.class));
        assertThat(f.plan().entries()).filteredOn(e -> e.step().equals(n.step())).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(Status.FAILED));
        assertThat(f.session.lastNoGo()).contains(n);
        assertThat(f.run("plan").outcome()).isInstanceOf(Outcome.Shown.class);
    }

    @Test
    void aRefusedCommandLetsNoTimePass() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "step", "step", "fail node NODEB after 5m");
        f.run("step");
        long at = f.state().clock();
        assertThat(f.refused("restore NODEA")).isInstanceOf(rehearse.sim.Refused.BeingUpgraded.class);
        assertThat(f.state().clock()).isEqualTo(at);
    }

    @Test
    void groupsOnANodeThatIsDownInTheFileComeBackWhenANodeReturns() throws Exception {
        String yaml = new String(ClusterLoader.sampleBytes()).replace("config: IIS 4.0 / SP4\n  - name: NODEB",
                "config: IIS 4.0 / SP4\n    state: down\n  - name: NODEB").replace("    config: IIS 4.0 / SP4\ngroups",
                "    config: IIS 4.0 / SP4\n    state: down\ngroups").replaceAll("(\\{name: [A-Za-z ]+, type: [A-Za-z ]+)", "$1, state: offline");
        Fixture f = Fixture.of(yaml);
        assertThat(f.state().formed()).isFalse();
        f.ok("restore NODEB");
        assertThat(f.state().formed()).isTrue();
        assertThat(f.state().cluster().groups()).allSatisfy(g -> assertThat(g.state()).isEqualTo(GroupState.ONLINE));
        assertThat(f.group("Cluster Group").owner()).isEqualTo("NODEB");
    }

    @Test
    void aPlanIsCompleteOnlyWithItsIisBackOnline() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "run", "offline resource \"FTP Server\"");
        assertThat(f.plan().complete()).isFalse();
        NoGo n = noGo(f.run("run"));
        assertThat(n.recovery()).contains(new Recovery.BringOnline("FTP Group"));
        f.ok("online \"FTP Server\"");
        assertThat(f.plan().complete()).isTrue();
    }

    @Test
    void theOldConfigurationOfAClusterMidUpgradeIsADowngrade() throws Exception {
        Fixture f = Fixture.of(MID);
        assertThat(f.refused("target \"IIS 4.0 / SP4\"")).isInstanceOfSatisfying(PlanRefusal.NodePastTarget.class,
                r -> {
                    assertThat(r.node()).isEqualTo("NODEA");
                    assertThat(r.past()).isTrue();
                });
    }

    @Test
    void aNodeBesideThePathIsASidewaysMoveNotADowngrade() throws Exception {
        // IIS 3.0 / SP4 beside IIS 3.0 / SP3: the path from SP3 to IIS 4.0 / SP3 does not pass SP4, nor does SP4 lead back to it.
        Fixture f = Fixture.of(Clusters.SAMPLE_AT.formatted("IIS 3.0 / SP4").replaceFirst("IIS 3.0 / SP4", "IIS 3.0 / SP3"));
        assertThat(f.refused("target \"IIS 4.0 / SP3\"")).isInstanceOfSatisfying(PlanRefusal.NodePastTarget.class,
                r -> assertThat(r.past()).isFalse());
        assertThat(f.refusedText("target \"IIS 4.0 / SP3\"")).contains("sideways").doesNotContain("downgrade");
    }

    @Test
    void thePreflightLeavesFailbackAloneInAMixedRollingCluster() throws Exception {
        Fixture f = Fixture.of(MID).ok("ack preflight");
        assertThat(f.group("Web Group").failback()).isTrue();
        assertThat(f.events()).noneMatch(e -> e instanceof Event.FailbackChanged);
    }

    @Test
    void theLastNodeOfAStandardHopHandsItsOtherGroupsOverBeforeItsUpgrade() throws Exception {
        Fixture f = Fixture.at("IIS 3.0 / SP4").ok("target 5.0", "ack preflight", "run");
        assertThat(f.plan().complete()).isTrue();
        assertThat(f.events()).noneMatch(e -> e instanceof Event.OwnerChanged o && o.cause() == Event.MoveCause.NODE_SHUT_DOWN);
    }

    @Test
    void upgradingANodeThatOwnsGroupsShutsItDownGracefully() throws Exception {
        Fixture f = Fixture.at("IIS 3.0 / SP4").ok("ack preflight", "offline resource \"Web Server\"", "offline resource \"FTP Server\"");
        f.session.submit(rehearse.command.Commands.upgrade("NODEA", "IIS 5.0"), false);
        assertThat(f.state().shuttingDown("NODEA")).isTrue();
        assertThat(f.node("NODEA").state()).isEqualTo(NodeState.UP);
        assertThat(f.refused("move \"FTP Group\" to NODEA")).isInstanceOf(rehearse.sim.Refused.NodeShuttingDown.class);
        f.ok("wait");
        List<Event> events = f.events();
        long moved = events.stream().filter(e -> e instanceof Event.OwnerChanged o && o.from().equals("NODEA")).mapToLong(Event::time)
                .max().orElseThrow();
        long down = events.stream().filter(e -> e instanceof Event.NodeChanged c && c.node().equals("NODEA") && c.to() == NodeState.DOWN)
                .mapToLong(Event::time).findFirst().orElseThrow();
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(Event.ShuttingDown.class));
        assertThat(moved).isPositive().isLessThanOrEqualTo(down);
    }

    @Test
    void thePlannerAvoidsRowsWhoseNodesCouldNotBeInOneCluster() {
        Configuration x = new Configuration("x", "X", List.of(), "Old", "T"), y = new Configuration("y", "Y", List.of(), "New", "T"),
                z = new Configuration("z", "Z", List.of(), "Mid", "T");
        List<Platform> platforms = List.of(new Platform("Old", 1, 2), new Platform("New", 3, 2), new Platform("Mid", 2, 2));
        UpgradeMatrix direct = new UpgradeMatrix(List.of(x, y, z), List.of(new Upgrade(x, y, UpgradeKind.ROLLING)), platforms);
        assertThat(new Planner(direct).plan(x, y, 2).reason()).contains("error 5075");
        UpgradeMatrix around = new UpgradeMatrix(List.of(x, y, z), List.of(new Upgrade(x, y, UpgradeKind.ROLLING),
                new Upgrade(x, z, UpgradeKind.ROLLING), new Upgrade(z, y, UpgradeKind.ROLLING)), platforms);
        assertThat(new Planner(around).plan(x, y, 2).hops()).extracting(h -> h.to().id()).containsExactly("z", "y");
    }
}
