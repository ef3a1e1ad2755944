package rehearse.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rehearse.command.Command;
import rehearse.command.CommandParser;
import rehearse.command.ParseException;
import rehearse.matrix.Configuration;
import rehearse.plan.NoGo;
import rehearse.plan.Plan;
import rehearse.plan.PlanRefusal;
import rehearse.plan.Problem;
import rehearse.plan.Runner;
import rehearse.plan.Status;
import rehearse.plan.Step;
import rehearse.plan.Target;
import rehearse.plan.Targets;
import rehearse.sim.Engine;
import rehearse.sim.Event;
import rehearse.sim.State;

/**
 * One rehearsal as every front end drives it: the cluster's state (a value, replaced as the
 * rehearsal goes on), the chosen target, and the commands that are not cluster operations
 * (target, step, run, wait, expect, plan, status). Scripts, the shell and the UI all submit
 * here, so they behave alike; a recorder (the journal) sees every command and event.
 */
public final class Session {
    /** What one command did. */
    public record Result(long time, Command command, Outcome outcome, List<Event> events) {
        public Result {
            events = List.copyOf(events);
        }
    }

    /** Receives every submitted command, outcome and event, in order (the journal). */
    public interface Recorder {
        void command(long time, Command c, boolean settle);

        void outcome(long time, Outcome o);

        void event(Event e);

        /** The clock stood at {@code time} with nothing happening (playback paused, a step settled). */
        default void clock(long time) {}
    }

    /**
     * A branch of the rehearsal: the branch it left ({@code left}, 0 for the first) when its
     * clock read {@code leftAtMs}, where it started ({@code startMs}), how many commands that
     * rewind undid and the command it stopped part-way, if any; and how it ended.
     */
    public record Branch(int number, int left, long leftAtMs, long startMs, int undone, Optional<Command> cut, End end) {}

    /** How a branch ended (the rewind that left it, {@code by}), or how the current one stands (no {@code by}). */
    public record End(long clockMs, long outageMs, Optional<Plan> plan, Optional<NoGo> noGo, Optional<Command> by) {}

    private static final long NO_LIMIT = Long.MAX_VALUE;

    private final State start;
    private final Branches branches = new Branches();
    private final Branches.Moment origin;
    /** While a rewind replays a command: nothing begins at or after this time, and no timer later than it fires. */
    private long limit = NO_LIMIT;
    /** The replay stopped something part-way at {@link #limit}. */
    private boolean cut;
    private State state;
    private Target target;
    private Step active;
    private int reached = -1;
    private NoGo lastNoGo;
    private State noGoState; // the state the last no-go was judged on
    private Outcome last = new Outcome.Accepted();
    private Recorder recorder;
    private final List<Result> history = new ArrayList<>();
    private Ahead ahead;
    private final List<Event> events = new ArrayList<>();

    public Session(State start) {
        this.start = start;
        this.state = start;
        this.origin = moment();
        branches.startAt(start.clock());
    }

    /** The state the rehearsal began from. */
    public State start() {
        return start;
    }

    /** Every event so far, in order: those of commands and those of playback. */
    public List<Event> events() {
        return java.util.Collections.unmodifiableList(events);
    }

    public State state() {
        return state;
    }

    public Optional<Target> target() {
        return Optional.ofNullable(target);
    }

    /** The plan with every step's status, derived from the state now. */
    public Optional<Plan> plan() {
        return target().map(t -> Plan.of(state, t, new Plan.Marks(active, lastNoGo == null ? null : lastNoGo.step(), reached)));
    }

    /**
     * The last no-go, while its step is not done: as it was said while the cluster is as it left
     * it, and judged again on the cluster as it is once that changed (after a 'restore', what is
     * still missing, not what was); once the step is done but the cluster still stands in the way
     * of the next one (a node down since), that.
     */
    public Optional<NoGo> lastNoGo() {
        if (lastNoGo == null) return Optional.empty();
        Optional<Plan> plan = plan();
        boolean stillFailing = plan.flatMap(p -> p.entries().stream().filter(e -> e.step().equals(lastNoGo.step())).findFirst())
                .map(e -> e.status() != Status.DONE).orElse(false);
        if (stillFailing && state == noGoState) return Optional.of(lastNoGo);
        return Runner.restate(state, target, lastNoGo.step(), plan.flatMap(Plan::next).map(Plan.Entry::step));
    }

    /** The step the UI started and has not judged yet. */
    public Optional<Step> activeStep() {
        return Optional.ofNullable(active);
    }

    public void record(Recorder r) {
        this.recorder = r;
    }

    public List<Result> history() {
        return history;
    }

    /** Parses and submits one line; a parse error is thrown for the caller to place. */
    public Optional<Result> submit(String line, boolean settle) throws ParseException {
        Optional<Command> c = CommandParser.parse(line);
        return c.map(cmd -> submit(cmd, settle));
    }

    /**
     * Submits one command. With {@code settle} the clock then runs until the cluster is quiet
     * (what scripts and the shell do); without it the front end advances the clock itself.
     */
    public Result submit(Command c, boolean settle) {
        long at = state.clock();
        if (recorder != null) recorder.command(at, c, settle);
        List<Event> caused = new ArrayList<>();
        Outcome o;
        if (c instanceof Command.Rewind r) {
            o = Rewinder.rewind(this, r);
        } else {
            branches.begin(moment(), c, settle);
            o = carryOut(c, settle, caused);
            events.addAll(caused);
        }
        if (recorder != null) {
            for (Event e : caused) recorder.event(e);
            recorder.outcome(state.clock(), o);
        }
        if (!(c instanceof Command.Expect)) last = o;
        Result r = new Result(at, c, o, caused);
        history.add(r);
        return r;
    }

    private Outcome carryOut(Command c, boolean settle, List<Event> caused) {
        Outcome o = dispatch(c, settle, caused);
        if (settle && changes(c) && !o.refused() && state.busy()) caused.addAll(apply(settleWithin()));
        return o;
    }

    /** Lets the cluster settle; while a rewind replays, only up to its moment. */
    private Engine.Transition settleWithin() {
        if (limit == NO_LIMIT) return Engine.settle(state);
        Engine.Transition t = Engine.settle(state, limit);
        if (t.state().busy()) cut = true;
        return t;
    }

    /**
     * Commands that ask (expect, plan, status, help) or plan (target) let no time pass, nor does a
     * refused command; wait, step and run pass it themselves.
     */
    private static boolean changes(Command c) {
        return !(c instanceof Command.Expect || c instanceof Command.ShowPlan || c instanceof Command.Status || c instanceof Command.Help
                || c instanceof Command.Target
                || c instanceof Command.Wait || c instanceof Command.Run || c instanceof Command.Step);
    }

    /**
     * Something was started and not finished: an operation under way, or accepted commands with
     * the plan not complete. Leaving now deserves a confirmation.
     */
    public boolean underWay() {
        if (state.busy()) return true;
        boolean acted = history.stream().anyMatch(r -> r.outcome() instanceof Outcome.Accepted || r.outcome() instanceof Outcome.StepDone
                || r.outcome() instanceof Outcome.RunDone);
        return acted && !plan().map(Plan::complete).orElse(false);
    }

    /** Records where the clock stands, so a replay ends at the same time even with no event there. */
    public void markClock() {
        if (recorder != null) recorder.clock(state.clock());
    }

    /** What playback brought: the events, and the no-go of an active step a failure interrupted. */
    public record Advance(List<Event> events, Optional<NoGo> noGo) {}

    /** Advances the clock without a command (UI playback). A node failing stops the step under way. */
    public Advance advanceTo(long time) {
        return advance(time, recorder);
    }

    private Advance advance(long time, Recorder to) {
        List<Event> caused = apply(Engine.advanceTo(state, time));
        events.addAll(caused);
        if (to != null) for (Event e : caused) to.event(e);
        Optional<NoGo> noGo = Optional.empty();
        if (active != null && target != null) {
            Optional<Problem> stop = Runner.interruption(caused);
            if (stop.isPresent()) {
                noGo = Optional.of(fail(Runner.interrupted(state, target, active, stop.get())));
            }
        }
        return new Advance(caused, noGo);
    }

    /** The UI's step has played out (the cluster is quiet): its postcondition and the hop's guard. */
    public Optional<NoGo> finishStep() {
        if (active == null || target == null || state.busy()) return Optional.empty();
        Step step = active;
        active = null;
        Optional<NoGo> noGo = Runner.judge(state, target, step);
        noGo.ifPresent(this::fail);
        return noGo;
    }

    private NoGo fail(NoGo n) {
        lastNoGo = n;
        noGoState = state;
        active = null;
        return n;
    }

    private List<Event> apply(Engine.Transition t) {
        state = t.state();
        return t.events();
    }

    // ------------------------------------------------------------------ rewind and branches

    /** The session as it stands, for a rewind to bring back. */
    Branches.Moment moment() {
        return new Branches.Moment(state, target, active, reached, lastNoGo, noGoState, last, events.size(), branches.stepStarts());
    }

    /** Puts the session back as it stood at {@code m}, a moment of the current branch. */
    void restore(Branches.Moment m) {
        state = m.state();
        target = m.target();
        active = m.active();
        reached = m.reached();
        lastNoGo = m.lastNoGo();
        noGoState = m.noGoState();
        last = m.last();
        events.subList(m.events(), events.size()).clear();
        branches.keepStepStarts(m.stepStarts());
    }

    Branches book() {
        return branches;
    }

    Branches.Moment origin() {
        return origin;
    }

    /** Playback without a recorder: a rewind's way to a moment after the command it replayed. */
    void advanceQuietly(long time) {
        advance(time, null);
    }

    /** Carries out the command of {@code b} again, from the moment before it, up to {@code until}; true when it stopped part-way. */
    boolean replay(Branches.Boundary b, long until) {
        limit = until;
        cut = false;
        try {
            branches.begin(b.before(), b.command(), b.settle());
            List<Event> caused = new ArrayList<>();
            Outcome o = carryOut(b.command(), b.settle(), caused);
            events.addAll(caused);
            if (!(b.command() instanceof Command.Expect)) last = o;
            return cut;
        } finally {
            limit = NO_LIMIT;
            cut = false;
        }
    }

    End end(Optional<Command> by) {
        return new End(state.clock(), state.outageMs(), plan(), lastNoGo(), by);
    }

    /** Every branch of the rehearsal, oldest first; the last is the one it is on. */
    public List<Branch> branches() {
        List<Branch> all = new ArrayList<>(branches.left());
        all.add(branches.current(end(Optional.empty())));
        return all;
    }

    /**
     * The latest time before now at which a plan step began on this branch: where a front end's
     * "back one step" goes with {@code rewind to} ({@link rehearse.command.Commands#rewindTo}).
     */
    public java.util.OptionalLong previousStepStart() {
        long t = branches.stepStartBefore(state.clock());
        return t < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(t);
    }

    /** Times to offer after {@code rewind to}: when commands were typed or steps began on this branch, latest first, and the start. */
    public List<String> rewindTimes() {
        return branches.times(20).stream().map(rehearse.command.Commands::time).toList();
    }

    // ------------------------------------------------------------------ commands

    private Outcome dispatch(Command c, boolean settle, List<Event> caused) {
        if (c instanceof Command.Target t) return target(t.config());
        if (c instanceof Command.ShowPlan) return new Outcome.Shown(new View.PlanView());
        if (c instanceof Command.Status) return new Outcome.Shown(new View.StatusView());
        if (c instanceof Command.Help h) return new Outcome.Shown(new View.HelpView(h.topic()));
        if (c instanceof Command.Step) return step(settle, caused);
        if (c instanceof Command.Run) return run(caused);
        if (c instanceof Command.Wait w) {
            if (w.ms() > State.MAX_CLOCK_MS - state.clock()) return new Outcome.Refused(new rehearse.sim.Refused.ClockLimit(state.clock(), w.ms()));
            if (w.ms() < 0) {
                caused.addAll(apply(settleWithin()));
            } else {
                long end = state.clock() + w.ms();
                if (end > limit) {
                    cut = true;
                    end = limit;
                }
                caused.addAll(apply(Engine.advanceTo(state, end)));
            }
            return new Outcome.Accepted();
        }
        if (c instanceof Command.Expect e) return Expectations.check(state, e, last);
        if (c instanceof Command.AckPreflight && state.preflightAcknowledged()) return new Outcome.AlreadyAcknowledged();
        if (c instanceof Command.Upgrade u && u.config() == null && target != null) {
            Optional<Configuration> to = nextConfiguration(u.node());
            if (to.isPresent()) c = new Command.Upgrade(u.text(), u.node(), to.get().label());
        }
        Engine.Transition t = Engine.apply(state, c);
        if (t.refusal().isPresent()) return new Outcome.Refused(t.refusal().get());
        caused.addAll(apply(t));
        return new Outcome.Accepted();
    }

    /** The configuration of the chosen path after the node's present one. */
    private Optional<Configuration> nextConfiguration(String node) {
        Optional<rehearse.model.Node> n = state.cluster().node(node);
        if (n.isEmpty()) return Optional.empty();
        Configuration at = n.get().config();
        if (target.path().from().equals(at) && target.hops() > 0) return Optional.of(target.path().hops().get(0).to());
        for (int i = 0; i + 1 < target.hops(); i++) {
            if (target.path().hops().get(i).to().equals(at)) return Optional.of(target.path().hops().get(i + 1).to());
        }
        return Optional.empty();
    }

    /**
     * A target worked out ahead, off the thread that drives the session (choosing one on a big
     * cluster rehearses every hop on a copy, which takes seconds): {@code target} with
     * {@code before} the session's target then, on the state {@code on}. The next 'target' for
     * that configuration uses it while the state and target are still those; anything else is
     * worked out again.
     */
    public record Ahead(State on, Configuration to, Target before, Targets.Result result) {}

    public void chosenAhead(Ahead a) {
        this.ahead = a;
    }

    private Outcome target(String configText) {
        Configuration to = state.matrix().find(configText);
        if (to == null) return new Outcome.Refused(new rehearse.sim.Refused.UnknownConfiguration(configText, state.matrix().known()));
        Targets.Result r = ahead != null && ahead.on() == state && ahead.to().equals(to) && java.util.Objects.equals(ahead.before(), target) ? ahead.result()
                : Targets.choose(state, to, target);
        ahead = null;
        if (r.refusal().isPresent()) return new Outcome.Refused(r.refusal().get());
        target = r.target().orElseThrow();
        active = null;
        reached = -1;
        lastNoGo = null;
        return new Outcome.TargetChosen(target);
    }

    /** The next step of the plan, or why there is none to run. */
    private Optional<PlanRefusal> noStep(Plan p) {
        Optional<PlanRefusal.OffPath> off = Plan.offPath(state, target);
        if (off.isPresent()) return Optional.of(off.get());
        if (p.complete()) return Optional.of(new PlanRefusal.PlanComplete(target.to()));
        return Optional.empty();
    }

    private Outcome step(boolean settle, List<Event> caused) {
        if (target == null) return new Outcome.Refused(new PlanRefusal.NoTarget());
        Plan p = plan().orElseThrow();
        Optional<PlanRefusal> none = noStep(p);
        if (none.isPresent()) return new Outcome.Refused(none.get());
        Optional<Plan.Entry> next = p.next();
        if (next.isEmpty()) {
            // Every step is done: the cluster is not whole (a no-go), or an operation is still under way (wait for it).
            if (p.unfit().isPresent()) return new Outcome.Refused(fail(p.unfit().get()));
            caused.addAll(apply(settleWithin()));
            return new Outcome.Accepted();
        }
        Step step = next.get().step();
        reached = Math.max(reached, step.hop());
        if (!settle) {
            if (next.get().status() == Status.UNDER_WAY || (active != null && state.busy())) {
                return new Outcome.Refused(new PlanRefusal.StepUnderWay(active != null ? active : step));
            }
            branches.stepBegins(state.clock());
            Runner.StepRun run = Runner.start(state, target, step);
            caused.addAll(run.events());
            if (run.noGo().isPresent()) return new Outcome.Refused(fail(run.noGo().get()));
            state = run.state();
            active = step;
            lastNoGo = null;
            return new Outcome.StepDone(step, false);
        }
        boolean underWay = next.get().status() == Status.UNDER_WAY;
        if (!underWay) branches.stepBegins(state.clock());
        Runner.StepRun run = underWay ? Runner.carryOn(state, target, step, limit) : Runner.run(state, target, step, limit);
        state = run.state();
        caused.addAll(run.events());
        if (run.noGo().isEmpty() && state.busy() && limit != NO_LIMIT) {
            // A rewind's moment inside the step: it is under way there, as a step the UI started.
            cut = true;
            active = step;
            return new Outcome.StepDone(step, false);
        }
        active = null;
        if (run.noGo().isPresent()) return new Outcome.Refused(fail(run.noGo().get()));
        if (step.equals(lastNoGo == null ? null : lastNoGo.step())) lastNoGo = null;
        return new Outcome.StepDone(step, true);
    }

    /** Runs the remaining steps, letting each settle, and stops at the first no-go. */
    private Outcome run(List<Event> caused) {
        if (target == null) return new Outcome.Refused(new PlanRefusal.NoTarget());
        int steps = 0;
        while (true) {
            Plan p = plan().orElseThrow();
            if (p.complete()) return new Outcome.RunDone(steps, true);
            Optional<PlanRefusal> none = noStep(p);
            if (none.isPresent()) return new Outcome.Refused(none.get());
            if (state.clock() >= limit) { // a rewind's moment: nothing begins at it
                cut = true;
                return new Outcome.RunDone(steps, false);
            }
            Outcome o = step(true, caused);
            if (o.refused()) return o;
            if (cut) return new Outcome.RunDone(steps, false);
            steps++;
            if (steps > 10 * target.steps(state).size() + 10) throw new IllegalStateException("run does not end");
        }
    }
}
