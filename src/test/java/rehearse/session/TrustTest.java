package rehearse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import rehearse.model.GroupState;
import rehearse.model.NodeState;
import rehearse.plan.NoGo;
import rehearse.plan.NodeActions;
import rehearse.plan.Plan;
import rehearse.plan.Problem;
import rehearse.plan.Recovery;
import rehearse.plan.Status;
import rehearse.sim.Event;
import rehearse.sim.Refused;

/** The cases a rehearsal exists for, each of which the plan used to get wrong. */
class TrustTest {
    private static NoGo noGo(Session.Result r) {
        assertThat(r.outcome()).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused) r.outcome()).refusal()).isInstanceOf(NoGo.class);
        return (NoGo) ((Outcome.Refused) r.outcome()).refusal();
    }

    @Test
    void afterAFailedUpgradeAndARestoreRunRetriesTheUpgradeNotTheNextStep() {
        Fixture f = Fixture.sample().ok("target \"IIS 5.0\"", "ack preflight", "fail upgrade NODEA");
        NoGo n = noGo(f.run("run"));
        assertThat(n.step().action()).isEqualTo(new NodeActions.Upgrade("NODEA", f.state().matrix().find("5.0")));
        assertThat(n.cause()).isEqualTo(NoGo.Cause.INCOMPLETE);
        assertThat(n.recovery()).contains(new Recovery.RestoreNode("NODEA"), new Recovery.RunAgain());
        // The failed step is marked failed, not done.
        Plan p = f.plan();
        assertThat(p.entries()).filteredOn(e -> e.step().equals(n.step())).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(Status.FAILED));
        assertThat(p.complete()).isFalse();
        f.ok("restore NODEA");
        assertThat(f.node("NODEA").state()).isEqualTo(NodeState.PAUSED); // a paused node rejoins paused
        Session.Result r = f.run("run");
        assertThat(r.outcome()).isInstanceOf(Outcome.RunDone.class);
        // The first thing the second run did was upgrade NODEA again; NODEB was upgraded only after that.
        Event first = r.events().stream().filter(e -> e instanceof Event.NodeChanged).findFirst().orElseThrow();
        assertThat(first).isInstanceOfSatisfying(Event.NodeChanged.class, c -> {
            assertThat(c.node()).isEqualTo("NODEA");
            assertThat(c.cause()).isEqualTo(Event.NodeCause.UPGRADE_STARTED);
        });
        assertThat(f.state().cluster().nodes()).allSatisfy(x -> assertThat(x.config().id()).isEqualTo("iis5"));
        assertThat(f.plan().complete()).isTrue();
    }

    @Test
    void theLastStepIsUnderWayUntilItsNodeIsBackNotDone() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight");
        Session s = f.session;
        // The UI's way: start a step, play the clock until the cluster is quiet, then judge the step.
        while (true) {
            Session.Result r = s.submit(new rehearse.command.Command.Step("step"), false);
            assertThat(r.outcome()).isInstanceOf(Outcome.StepDone.class);
            var step = ((Outcome.StepDone) r.outcome()).step();
            if (step.action().equals(new NodeActions.Upgrade("NODEB", f.state().matrix().find("5.0")))) break;
            while (s.state().busy()) s.advanceTo(s.state().nextTimerAt());
            assertThat(s.finishStep()).isEmpty();
        }
        s.advanceTo(s.state().clock() + 60_000);
        Plan p = f.plan();
        assertThat(p.entries()).filteredOn(e -> e.step().action() instanceof NodeActions.Upgrade u && u.node().equals("NODEB"))
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(Status.UNDER_WAY));
        assertThat(p.complete()).isFalse();
        assertThat(s.finishStep()).isEmpty(); // not quiet yet: nothing to judge
        while (s.state().busy()) s.advanceTo(s.state().nextTimerAt());
        assertThat(s.finishStep()).isEmpty();
        assertThat(f.plan().complete()).isFalse(); // NODEB rejoined paused: it still has to be resumed
        assertThat(f.plan().next().orElseThrow().step().action()).isEqualTo(new NodeActions.Resume("NODEB"));
    }

    @Test
    void theSurvivingNodeFailingStopsTheRunAtOnce() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "step", "step", "fail node NODEB after 20m");
        NoGo n = noGo(f.run("run"));
        assertThat(n.cause()).isEqualTo(NoGo.Cause.INTERRUPTED);
        assertThat(n.problems()).contains(new Problem.NodeFailedDuringStep("NODEB"));
        assertThat(n.recovery()).contains(new Recovery.RestoreNode("NODEB"));
        // It stopped when NODEB failed, not after NODEA's upgrade, and it did not go on to upgrade NODEB.
        assertThat(f.state().clock()).isLessThan(40 * 60_000L);
        assertThat(f.node("NODEB").config().id()).isEqualTo("iis4-sp4");
        assertThat(f.plan().complete()).isFalse();
        // Recovery: NODEB back; run goes on with what NODEA's step still needs, then the rest.
        f.ok("restore NODEB", "run");
        assertThat(f.plan().complete()).isTrue();
        assertThat(f.state().cluster().groups()).allSatisfy(g -> assertThat(g.state()).isEqualTo(GroupState.ONLINE));
    }

    @Test
    void aClusterCaughtMidUpgradeIsPlannedFromWhereItIs() throws Exception {
        Fixture f = Fixture.of("""
                cluster: MID
                nodes:
                  - {name: NODEA, config: IIS 5.0}
                  - {name: NODEB, config: IIS 4.0 / SP4}
                groups:
                  - name: Web Group
                    owner: NODEB
                    preferredOwners: [NODEB, NODEA]
                    resources:
                      - {name: Web IP, type: IP Address}
                      - {name: Web Server, type: IIS, dependsOn: [Web IP]}
                """).ok("target 5.0", "ack preflight");
        Plan p = f.plan();
        // NODEA's steps are done; the next step is NODEB's.
        assertThat(p.entries()).filteredOn(e -> e.step().action() instanceof NodeActions.Upgrade u && u.node().equals("NODEA"))
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(Status.DONE));
        assertThat(p.next().orElseThrow().step().action()).isEqualTo(new NodeActions.Pause("NODEB"));
        Session.Result r = f.run("run");
        assertThat(r.outcome()).isInstanceOf(Outcome.RunDone.class);
        // Nothing was moved off the upgraded node, and it was not upgraded again.
        assertThat(r.events()).noneMatch(e -> e instanceof Event.OwnerChanged o && o.from().equals("NODEA") && o.cause()
                == Event.MoveCause.OPERATOR && o.to().equals("NODEB") && o.time() < 40 * 60_000L);
        assertThat(r.events()).noneMatch(e -> e instanceof Event.NodeUpgraded u && u.node().equals("NODEA"));
        assertThat(f.state().cluster().nodes()).allSatisfy(n -> assertThat(n.config().id()).isEqualTo("iis5"));
    }

    @Test
    void iisCannotOutrunTheStandardUpgradeByMovingToTheNewNode() throws Exception {
        Fixture f = Fixture.at("IIS 3.0 / SP4").ok("target 4.0/SP4");
        long estimate = f.target().estimates().get(0).planned().wallClockMs();
        f.ok("ack preflight", "move all from NODEA to NODEB", "owners \"Web Server\" NODEB", "owners \"FTP Server\" NODEB",
                "upgrade NODEA to 4.0/SP4");
        // Swapping the owners to the upgraded node while IIS runs is refused; offline, it may be restricted there,
        // but it may not come online on the new configuration while NODEB still runs the old one.
        assertThat(f.refused("owners \"Web Server\" NODEA")).isInstanceOf(Refused.OwnersLeaveOutActive.class);
        f.ok("offline resource \"Web Server\"", "owners \"Web Server\" NODEA", "move \"Web Group\" to NODEA");
        assertThat(f.refused("online resource \"Web Server\"")).isInstanceOf(Refused.IisOnlyOnOldNodes.class);
        assertThat(f.refused("move \"FTP Group\" to NODEA")).isInstanceOf(Refused.NotPossibleOwner.class);
        assertThat(f.refused("upgrade NODEB to 4.0/SP4")).isInstanceOf(Refused.IisNotSafeForStandard.class);
        f.ok("offline \"FTP Server\"", "upgrade NODEB to 4.0/SP4", "online resource \"Web Server\"", "owners \"FTP Server\" NODEA NODEB",
                "online \"FTP Server\"");
        assertThat(f.state().outageMs()).isGreaterThanOrEqualTo(estimate);
        assertThat(f.downtime("Web Group")).isGreaterThan(40 * 60_000L);
    }

    @Test
    void planShowAndTheSessionAgreeOnThePresentConfiguration() throws Exception {
        Fixture f = Fixture.of("""
                cluster: MID
                nodes:
                  - {name: NODEA, config: IIS 3.0 / SP4}
                  - {name: NODEB, config: IIS 3.0 / SP3}
                groups:
                  - name: G
                    owner: NODEA
                    resources:
                      - {name: R, type: IIS}
                """);
        assertThat(rehearse.plan.Targets.present(f.state()).id()).isEqualTo("iis3-sp3");
        f.ok("target 5.0");
        assertThat(f.target().path().from().id()).isEqualTo("iis3-sp3");
        assertThat(f.target().hops()).isEqualTo(2);
    }

    @Test
    void aScriptThatDoesNotExpectTheNoGoFails() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "fail upgrade NODEA");
        assertThat(f.run("run").outcome().refused()).isTrue();
        assertThat(f.run("expect refused").outcome()).isInstanceOf(Outcome.Passed.class);
        List<Session.Result> h = f.session.history();
        assertThat(h.get(h.size() - 2).outcome().refused()).isTrue();
    }
}
