package rehearse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import rehearse.model.GroupState;
import rehearse.model.NodeState;
import rehearse.plan.NodeActions;
import rehearse.plan.Plan;
import rehearse.plan.RunActions;
import rehearse.plan.Status;
import rehearse.plan.Strategy;
import rehearse.sim.Event;

/** Whole upgrades through the plan: Microsoft's rolling procedure, and the standard hop with each option. */
class UpgradeRunsTest {
    /**
     * One move of the sample's Web Group: Web Server offline 3 s, then Web IP (after Web Name,
     * 2 s) 1 s and Web Disk 2 s; the owner changes at 5 s; Web IP 1 s and Web Disk 3 s online,
     * then Web Server 5 s: IIS is back at 13 s.
     */
    static final long MOVE_MS = 13_000;

    @Test
    void rollingUpgradeOfTheSampleFollowsMicrosoftsProcedure() {
        Fixture f = Fixture.sample().ok("target \"IIS 5.0\"", "ack preflight", "run");
        for (String n : List.of("NODEA", "NODEB")) {
            assertThat(f.node(n).config().id()).isEqualTo("iis5");
            assertThat(f.node(n).os()).isEqualTo("Windows 2000 Advanced Server");
            assertThat(f.node(n).state()).isEqualTo(NodeState.UP);
        }
        assertThat(f.state().cluster().groups()).allSatisfy(g -> assertThat(g.state()).isEqualTo(GroupState.ONLINE));
        // Web moves off NODEA and back; FTP moves onto the upgraded NODEA, then back to its preferred owner NODEB.
        assertThat(f.downtime("Web Group")).isEqualTo(2 * MOVE_MS);
        assertThat(f.downtime("FTP Group")).isEqualTo(2 * MOVE_MS);
        assertThat(f.group("FTP Group").owner()).isEqualTo("NODEB");
        assertThat(f.group("Web Group").owner()).isEqualTo("NODEA");
        assertThat(f.plan().complete()).isTrue();
        // The node is paused before its groups move off, rejoins paused, and is resumed before groups move onto it.
        List<Event.NodeChanged> a = f.events().stream().filter(e -> e instanceof Event.NodeChanged n && n.node().equals("NODEA"))
                .map(e -> (Event.NodeChanged) e).toList();
        assertThat(a).extracting(Event.NodeChanged::cause).containsExactly(Event.NodeCause.PAUSED, Event.NodeCause.UPGRADE_STARTED,
                Event.NodeCause.REJOINING_AFTER_UPGRADE, Event.NodeCause.JOINED, Event.NodeCause.RESUMED);
        assertThat(a.get(3).to()).isEqualTo(NodeState.PAUSED);
    }

    @Test
    void theEstimateIsWhatTheRunDoes() throws Exception {
        for (Fixture f : List.of(Fixture.sample(), Fixture.at("IIS 3.0 / SP4"), Fixture.at("IIS 3.0 / SP3"))) {
            f.ok("target 5.0");
            long estimate = f.target().estimates().stream().mapToLong(e -> e.planned().wallClockMs()).sum();
            f.ok("ack preflight", "run");
            assertThat(f.plan().complete()).isTrue();
            assertThat(f.state().outageMs()).isEqualTo(estimate);
        }
    }

    @Test
    void theStandardHopRestrictsIisToTheNodeUpgradedLast() throws Exception {
        Fixture f = Fixture.at("IIS 3.0 / SP4").ok("target 5.0");
        assertThat(f.target().strategies().get(0)).isInstanceOf(Strategy.Standard.class);
        Strategy.Standard s = (Strategy.Standard) f.target().strategies().get(0);
        assertThat(s.option()).isEqualTo(rehearse.plan.StandardOption.RESTRICT);
        f.ok("ack preflight", "run");
        // IIS stays online through NODEA's upgrade and goes down only for the last node's: once 13 s for the move,
        // then for NODEB's upgrade and join.
        assertThat(f.downtime("Web Group")).isLessThan(2 * 41 * 60_000L).isGreaterThan(41 * 60_000L);
        assertThat(f.state().cluster().nodes()).allSatisfy(n -> assertThat(n.config().id()).isEqualTo("iis5"));
        assertThat(f.state().cluster().groups()).allSatisfy(g -> assertThat(g.state()).isEqualTo(GroupState.ONLINE));
        // Possible owners are given back.
        assertThat(f.group("Web Group").resource("Web Server").orElseThrow().possibleOwners()).containsExactly("NODEA", "NODEB");
    }

    @Test
    void stepByStepSkipsWhatIsAlreadyDone() {
        Fixture f = Fixture.sample().ok("target 5.0", "ack preflight", "move all from NODEA to NODEB");
        // Moving the groups by hand did step 2; step skips it (pause NODEA comes first, then the upgrade).
        f.ok("step");
        assertThat(f.node("NODEA").state()).isEqualTo(NodeState.PAUSED);
        Plan p = f.plan();
        assertThat(p.entries().get(2).step().action()).isInstanceOf(NodeActions.Drain.class);
        assertThat(p.entries().get(2).status()).isEqualTo(Status.DONE);
        assertThat(p.next().orElseThrow().step().action()).isInstanceOf(NodeActions.Upgrade.class);
        f.ok("step");
        assertThat(f.node("NODEA").config().id()).isEqualTo("iis5");
    }

    @Test
    void runWithoutThePreflightStopsAtIt() {
        Fixture f = Fixture.sample().ok("target 5.0");
        Session.Result r = f.run("run");
        assertThat(r.outcome()).isInstanceOf(Outcome.Refused.class);
        var nogo = (rehearse.plan.NoGo) ((Outcome.Refused) r.outcome()).refusal();
        assertThat(nogo.step().action()).isInstanceOf(RunActions.Preflight.class);
        assertThat(nogo.recovery()).contains(new rehearse.plan.Recovery.AckPreflight());
        assertThat(f.events()).isEmpty();
    }

    @Test
    void theEstimateBranchesFromTheLiveStateWithItsArmedFaults() {
        // A failure armed for NODEB lands during the rehearsed upgrade of NODEA: the estimate says where the plan would stop.
        Fixture f = Fixture.sample().ok("fail node NODEB after 30m", "target 5.0");
        var planned = f.target().estimates().get(0).planned();
        assertThat(planned.completes()).isFalse();
        assertThat(planned.stoppedAt().orElseThrow().problems()).contains(new rehearse.plan.Problem.NodeFailedDuringStep("NODEB"));
        // The live rehearsal was not touched by the estimate.
        assertThat(f.state().clock()).isZero();
        assertThat(f.node("NODEB").state()).isEqualTo(NodeState.UP);
        // A move under way is part of the branch too.
        Fixture g = Fixture.sample();
        g.session.submit(rehearse.command.Commands.move("Web Group", "NODEB"), false);
        g.ok("target 5.0");
        assertThat(g.state().movingTo("Web Group")).contains("NODEB");
        assertThat(g.target().estimates().get(0).planned().perGroupMs().get("Web Group")).isEqualTo(2 * MOVE_MS);
    }

    @Test
    void sameCommandsGiveTheSameEvents() {
        assertThat(transcript()).isEqualTo(transcript()).isNotEmpty();
    }

    private static List<Event> transcript() {
        return Fixture.sample().ok("target 5.0", "ack preflight", "fail resource \"Web Server\" times 2", "step", "step",
                "fail node NODEB after 10m").events();
    }
}
