package rehearse.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import rehearse.command.Command;
import rehearse.model.NodeState;
import rehearse.sim.Engine;
import rehearse.sim.Event;
import rehearse.sim.State;

/**
 * Carries out one plan step on a state, as pure functions: check its precondition, submit its
 * commands, let the cluster carry them out (stopping at once if a node fails meanwhile), then
 * check its postcondition and the hop's guard. Anything that does not hold is a {@link NoGo}
 * with what failed and the recovery.
 */
public final class Runner {
    private Runner() {}

    /** The state after (part of) a step, the commands it submitted, what happened, and the no-go it stopped at, if any. */
    public record StepRun(State state, List<Command> commands, List<Event> events, Optional<NoGo> noGo) {
        public StepRun {
            commands = List.copyOf(commands);
            events = List.copyOf(events);
        }
    }

    /**
     * Checks the precondition (the step's own, and the hop's guard: a step starts only on a cluster
     * that is whole) and submits the step's commands; the cluster has not carried them out yet.
     */
    public static StepRun start(State s, Target t, Step step) {
        Facts f = new Facts(s, t, step.hop());
        Optional<NoGo> blocked = blocked(s, t, step);
        if (blocked.isPresent()) return new StepRun(s, List.of(), List.of(), blocked);
        List<Event> events = new ArrayList<>();
        List<Command> commands = step.action().commands(f);
        for (Command c : commands) {
            Engine.Transition tr = Engine.apply(s, c);
            if (tr.refusal().isPresent()) {
                Problem p = new Problem.CommandRefused(c, tr.refusal().get());
                return new StepRun(s, commands, events,
                        Optional.of(noGo(new Facts(s, t, step.hop()), step, NoGo.Cause.REFUSED, List.of(p))));
            }
            events.addAll(tr.events());
            s = tr.state();
        }
        return new StepRun(s, commands, events, Optional.empty());
    }

    /** What stands in the way of starting {@code step} now (its precondition and the hop's guard), as a no-go. */
    public static Optional<NoGo> blocked(State s, Target t, Step step) {
        Facts f = new Facts(s, t, step.hop());
        List<Problem> blockers = new ArrayList<>(step.action().blockers(f));
        if (step.hop() >= 0) for (Problem p : f.guard()) if (!blockers.contains(p)) blockers.add(p);
        // Before a hop begins (the last moment the nodes run one version), every group must be able to move as it will.
        if (step.hop() >= 0 && step.hop() < t.hops() && !f.begun()) {
            for (Problem p : f.ownersTooNarrow()) if (!blockers.contains(p)) blockers.add(p);
        }
        return blockers.isEmpty() ? Optional.empty() : Optional.of(noGo(f, step, NoGo.Cause.BLOCKED, blockers));
    }

    /**
     * A no-go said again on the cluster as it is now: what the step still misses, with the hop's
     * guard (a node down, groups down), or once the step is done, what stands in the way of
     * {@code next}; empty when nothing does.
     */
    public static Optional<NoGo> restate(State s, Target t, Step step, Optional<Step> next) {
        Facts f = new Facts(s, t, step.hop());
        if (!step.action().done(f)) {
            List<Problem> problems = new ArrayList<>(step.action().missing(f));
            if (step.hop() >= 0) for (Problem p : f.guard()) if (!problems.contains(p)) problems.add(p);
            return Optional.of(noGo(f, step, NoGo.Cause.INCOMPLETE, problems));
        }
        return next.flatMap(n -> blocked(s, t, n));
    }

    /** A failure among events that must stop a step at once: a node failed, the cluster stopped, a group was given up. */
    public static Optional<Problem> interruption(List<Event> events) {
        for (Event e : events) {
            if (e instanceof Event.NodeChanged n && n.to() == NodeState.DOWN && n.cause() == Event.NodeCause.FAILED) {
                return Optional.of(new Problem.NodeFailedDuringStep(n.node()));
            }
            if (e instanceof Event.ClusterLost) return Optional.of(new Problem.ClusterLostDuringStep());
            if (e instanceof Event.GroupStopped g) return Optional.of(new Problem.GroupGaveUp(g.group()));
        }
        return Optional.empty();
    }

    /** A step's interruption as a no-go, with the recovery for the state it left. */
    public static NoGo interrupted(State s, Target t, Step step, Problem p) {
        Facts f = new Facts(s, t, step.hop());
        List<Problem> problems = new ArrayList<>(List.of(p));
        for (Problem g : f.guard()) if (!problems.contains(g)) problems.add(g);
        return noGo(f, step, NoGo.Cause.INTERRUPTED, problems);
    }

    /**
     * After the cluster settled: the step's postcondition. (That the cluster is whole enough to go
     * on is checked before the next step starts, which is where a no-go about it belongs.)
     */
    public static Optional<NoGo> judge(State s, Target t, Step step) {
        Facts f = new Facts(s, t, step.hop());
        if (!step.action().done(f)) return Optional.of(noGo(f, step, NoGo.Cause.INCOMPLETE, step.action().missing(f)));
        return Optional.empty();
    }

    /** The whole step: start, settle (stopping at an interruption), judge. */
    public static StepRun run(State s, Target t, Step step) {
        return run(s, t, step, Long.MAX_VALUE);
    }

    /**
     * As {@link #run(State, Target, Step)}, but no timer later than {@code until} fires: a step
     * still busy then is left under way, neither judged nor stopped (a rewind to a moment inside it).
     */
    public static StepRun run(State s, Target t, Step step, long until) {
        StepRun started = start(s, t, step);
        if (started.noGo().isPresent()) return started;
        return settleAndJudge(started.state(), t, step, started.commands(), started.events(), until);
    }

    /** A step already under way (interrupted before, or started by hand): let it end, then judge it. */
    public static StepRun carryOn(State s, Target t, Step step) {
        return carryOn(s, t, step, Long.MAX_VALUE);
    }

    /** As {@link #carryOn(State, Target, Step)}, with no timer later than {@code until}. */
    public static StepRun carryOn(State s, Target t, Step step, long until) {
        return settleAndJudge(s, t, step, List.of(), List.of(), until);
    }

    private static StepRun settleAndJudge(State s, Target t, Step step, List<Command> commands, List<Event> before, long until) {
        List<Event> events = new ArrayList<>(before);
        Optional<Problem> stop = interruption(events);
        if (stop.isEmpty() && s.busy()) {
            // The timers one by one (none after until), stopping right after the one whose events hold an interruption.
            Engine.Transition tr = Engine.settleUntil(s, until, e -> interruption(List.of(e)).isPresent());
            s = tr.state();
            events.addAll(tr.events());
            stop = interruption(tr.events());
            if (stop.isEmpty() && s.busy() && s.nextTimerAt() > until) return new StepRun(s, commands, events, Optional.empty()); // still under way then
        }
        if (stop.isPresent()) return new StepRun(s, commands, events, Optional.of(interrupted(s, t, step, stop.get())));
        return new StepRun(s, commands, events, judge(s, t, step));
    }

    private static NoGo noGo(Facts f, Step step, NoGo.Cause cause, List<Problem> problems) {
        return new NoGo(step, cause, problems, recovery(f, step, problems));
    }

    private static Recovery addOwners(Facts f, String resource, List<String> add) {
        List<String> owners = new ArrayList<>();
        rehearse.model.Resource r = f.cluster.groupOfResource(resource).flatMap(g -> g.resource(resource)).orElseThrow();
        for (String n : f.cluster.nodeNames()) if (r.possibleOwners().contains(n) || add.contains(n)) owners.add(n);
        return new Recovery.AddPossibleOwners(resource, owners);
    }

    /** The hop rolled back: the nodes that made it or began its upgrade, and whether a service pack's uninstall takes them back. */
    private static Recovery.RollBack rollBack(Facts f, Hop hop, boolean firstHop) {
        List<String> upgraded = new ArrayList<>();
        for (rehearse.model.Node n : f.cluster.nodes()) if (f.started(n.name())) upgraded.add(n.name());
        return new Recovery.RollBack(hop, upgraded, hop.servicePackOnly(f.state.matrix()), firstHop);
    }

    /** What an operator can do about these problems: put the cluster right, then run again; or roll the hop back. */
    static List<Recovery> recovery(Facts f, Step step, List<Problem> problems) {
        Set<Recovery> out = new LinkedHashSet<>();
        // Groups down while a paused node is still in the cluster: resuming it is the quickest way back to service.
        boolean groupsDown = problems.stream().anyMatch(p -> p instanceof Problem.GroupsDown || p instanceof Problem.ClusterDown);
        // A node failed moments ago: the cluster fails its groups over by itself; restoring the node first would keep them
        // waiting for it.
        boolean failing = problems.stream().anyMatch(p -> p instanceof Problem.NodeFailedDuringStep || p instanceof Problem.GroupsDown);
        if (failing && f.state.busy() && f.state.formed()) out.add(new Recovery.Wait());
        // Groups waiting offline on a paused node (failed over there): nothing comes online on it until it is resumed.
        for (rehearse.model.Group g : f.cluster.groups()) {
            rehearse.model.Node owner = f.node(g.owner());
            if (owner.state() == NodeState.PAUSED && f.state.wantedNotOnline().containsKey(g.name())) {
                out.add(new Recovery.ResumeNode(owner.name()));
            }
        }
        if (groupsDown) {
            for (rehearse.model.Node n : f.cluster.nodes()) if (n.state() == NodeState.PAUSED) out.add(new Recovery.ResumeNode(n.name()));
        }
        for (Problem p : problems) {
            if (p instanceof Problem.PreflightPending) out.add(new Recovery.AckPreflight());
            else if (p instanceof Problem.NodeNotInCluster n && n.state() == NodeState.DOWN) {
                if (f.state.upgradingTo(n.node()).isPresent()) out.add(new Recovery.Wait());
                else if (n.refusal() instanceof rehearse.sim.Event.IncompatibleVersions v) {
                    out.add(new Recovery.BringWithinOneVersion(n.node(), v.other()));
                } else out.add(new Recovery.RestoreNode(n.node()));
            } else if (p instanceof Problem.NodeNotInCluster n && n.state() == NodeState.JOINING) out.add(new Recovery.Wait());
            else if (p instanceof Problem.NodeFailedDuringStep n) out.add(new Recovery.RestoreNode(n.node()));
            else if (p instanceof Problem.NodeNotResumed n && n.state() == NodeState.PAUSED) out.add(new Recovery.ResumeNode(n.node()));
            else if (p instanceof Problem.ResourcesNotOnline r && f.node(r.owner()).state() == NodeState.PAUSED) {
                out.add(new Recovery.ResumeNode(r.owner()));
            } else if (p instanceof Problem.ResourcesNotOnline r && f.member(r.owner())) {
                for (String name : r.resources()) if (f.state.removed(name)) out.add(new Recovery.RecreateResource(name));
                if (r.resources().stream().anyMatch(name -> !f.state.removed(name))) out.add(new Recovery.BringOnline(r.group()));
            } else if (p instanceof Problem.GroupGaveUp g) out.add(new Recovery.BringOnline(g.group()));
            else if (p instanceof Problem.OwnersTooNarrow o) out.add(addOwners(f, o.resource(), o.missing()));
            else if (p instanceof Problem.QuorumWouldBeLost q) out.add(addOwners(f, q.resource(), f.cluster.nodeNames()));
            else if (p instanceof Problem.NodeNotUpgraded n && n.state() == NodeState.DOWN) out.add(new Recovery.RestoreNode(n.node()));
            else if (p instanceof Problem.NodeNotUpgraded n && n.state() == NodeState.JOINING) out.add(new Recovery.Wait());
        }
        out.add(new Recovery.RunAgain());
        if (step.hop() >= 0 && step.hop() < f.target.hops() && f.begun()) out.add(rollBack(f, f.target.path().hops().get(step.hop()), step.hop() == 0));
        return List.copyOf(out);
    }
}
