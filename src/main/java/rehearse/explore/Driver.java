package rehearse.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rehearse.command.Command;
import rehearse.plan.NoGo;
import rehearse.plan.Plan;
import rehearse.plan.PlanRefusal;
import rehearse.plan.Runner;
import rehearse.plan.Status;
import rehearse.plan.Step;
import rehearse.plan.Target;
import rehearse.sim.Engine;
import rehearse.sim.Event;
import rehearse.sim.Refusal;
import rehearse.sim.State;

/**
 * A rehearsal driven as {@code rehearse run} drives a script (every command settles before the
 * next), kept as values: the state, the chosen target, the plan's marks, and the script so far.
 * A copy costs a few fields, so scenarios branch from any point of the baseline for nothing.
 * It carries out {@code step}, {@code run} and cluster commands as the session does for a
 * script; that the script it writes replays to the same numbers through a real session is
 * checked by a property test.
 */
final class Driver {
    /** The script's lines, newest first, sharing the lines before a branch. */
    private record Lines(Lines before, String line, int count) {}

    /**
     * Where a step began: the rehearsal just before it, the step, the times after its start at which
     * its events fell, and for each such time the nodes down just before it (a bit per node).
     */
    // Arrays on purpose: a long per event time, read only by the explorer, never changed once made.
    @SuppressWarnings("ArrayRecordComponent")
    record StepStart(Driver before, Step step, long[] eventTimes, long[] downBefore) {}

    final Target target;
    private State state;
    private int reached = -1;
    private Step failed;
    private Lines lines;
    private int steps;
    private List<StepStart> starts;
    /** While a 'run' goes on: the script before it, and the steps it has carried out (a branch from inside it says 'step' for each). */
    private Lines runStart;
    private int runSteps;
    /** A run stopped where another rehearsal was known to go on alike. */
    private boolean joined;

    Driver(State start, Target target, String targetLine) {
        this.state = start;
        this.target = target;
        this.lines = new Lines(null, targetLine, 1);
    }

    private Driver(Driver d) {
        target = d.target;
        state = d.state;
        reached = d.reached;
        failed = d.failed;
        lines = d.lines;
        steps = d.steps;
    }

    Driver copy() {
        return new Driver(this);
    }

    State state() {
        return state;
    }

    /** From now on, remember where each step begins (for faults injected there or while it runs). */
    void recordSteps() {
        starts = new ArrayList<>();
    }

    List<StepStart> starts() {
        return starts == null ? List.of() : starts;
    }

    /** Steps carried out so far (refused ones included): how far into the rehearsal a point is. */
    int steps() {
        return steps;
    }

    List<String> script() {
        List<String> out = new ArrayList<>();
        for (Lines l = lines; l != null; l = l.before()) out.add(l.line());
        java.util.Collections.reverse(out);
        return out;
    }

    void line(String text) {
        lines = new Lines(lines, text, lines == null ? 1 : lines.count() + 1);
    }

    private Plan plan() {
        return Plan.of(state, target, new Plan.Marks(null, failed, reached));
    }

    /** A cluster command, as a script line: settled afterwards; the refusal, if any (then 'expect refused' follows). */
    Optional<Refusal> apply(Command c) {
        if (c instanceof Command.Wait) {
            waitQuiet();
            return Optional.empty();
        }
        line(c.text());
        Engine.Transition t = Engine.apply(state, c);
        if (t.refusal().isPresent()) {
            line("expect refused");
            return Optional.of(t.refusal().get());
        }
        state = t.state();
        if (state.busy()) state = Engine.settle(state).state();
        return Optional.empty();
    }

    /** {@code wait}: until the cluster settles. */
    void waitQuiet() {
        line("wait");
        state = Engine.settle(state).state();
    }

    /** {@code step}, as a script line. */
    Optional<Refusal> step() {
        line("step");
        Optional<Refusal> r = stepOnce(plan());
        if (r.isPresent()) line("expect refused");
        return r;
    }

    /** {@code run}: the remaining steps, stopping at the first refusal (then 'expect refused' follows). */
    Optional<Refusal> run() {
        return run(d -> false);
    }

    /**
     * {@code run}, asking before each step whether {@code joins} knows how the rest goes from here:
     * if it does, the run stops there, with nothing refused and nothing more written ({@link #joined}).
     */
    Optional<Refusal> run(java.util.function.Predicate<Driver> joins) {
        runStart = lines;
        runSteps = 0;
        line("run");
        try {
            while (true) {
                if (joins.test(this)) {
                    joined = true;
                    return Optional.empty();
                }
                Plan p = plan();
                if (p.complete()) return Optional.empty();
                Optional<Refusal> none = noStep(p);
                if (none.isEmpty()) none = stepOnce(p);
                if (none.isPresent()) {
                    line("expect refused");
                    return none;
                }
                runSteps++;
            }
        } finally {
            runStart = null;
        }
    }

    /** This rehearsal as a branch can go on from it: a 'run' under way is written as the steps it has carried out. */
    private Driver branch() {
        Driver d = copy();
        if (runStart != null) {
            d.lines = runStart;
            for (int i = 0; i < runSteps; i++) d.line("step");
        }
        return d;
    }

    boolean joined() {
        return joined;
    }

    /** The plan's marks alike: the step a no-go stopped at, and the furthest hop reached. */
    boolean sameMarks(Driver o) {
        return reached == o.reached && java.util.Objects.equals(failed, o.failed);
    }

    /** How many lines the script has so far. */
    int lineCount() {
        return lines == null ? 0 : lines.count();
    }

    boolean complete() {
        return plan().complete();
    }

    private Optional<Refusal> noStep(Plan p) {
        Optional<PlanRefusal.OffPath> off = Plan.offPath(state, target);
        if (off.isPresent()) return Optional.of(off.get());
        if (p.complete()) return Optional.of(new PlanRefusal.PlanComplete(target.to()));
        return Optional.empty();
    }

    /** One step of the plan {@code p}, the plan as the state now gives it. */
    private Optional<Refusal> stepOnce(Plan p) {
        Optional<Refusal> none = noStep(p);
        if (none.isPresent()) return none;
        Optional<Plan.Entry> next = p.next();
        if (next.isEmpty()) {
            if (p.unfit().isPresent()) {
                failed = p.unfit().get().step();
                return Optional.of(p.unfit().get());
            }
            state = Engine.settle(state).state();
            return Optional.empty();
        }
        Step step = next.get().step();
        Driver before = starts == null ? null : branch();
        steps++;
        reached = Math.max(reached, step.hop());
        Runner.StepRun run = next.get().status() == Status.UNDER_WAY ? Runner.carryOn(state, target, step) : Runner.run(state, target, step);
        if (before != null) starts.add(start(before, step, run.events()));
        state = run.state();
        if (run.noGo().isPresent()) {
            NoGo n = run.noGo().get();
            failed = n.step();
            return Optional.of(n);
        }
        if (step.equals(failed)) failed = null;
        return Optional.empty();
    }

    /** A step's start, with the distinct times after it at which events fell, and the nodes down just before each. */
    private static StepStart start(Driver before, Step step, List<Event> events) {
        State s = before.state;
        List<String> names = s.initialCluster().nodeNames();
        long down = 0;
        List<rehearse.model.Node> nodes = s.cluster().nodes();
        for (int i = 0; i < nodes.size() && i < 64; i++) if (nodes.get(i).state() == rehearse.model.NodeState.DOWN) down |= 1L << i;
        long from = s.clock();
        long[] times = new long[events.size()];
        long[] masks = new long[events.size()];
        int n = 0;
        for (Event e : events) {
            if (e.time() > from && (n == 0 || times[n - 1] != e.time())) {
                times[n] = e.time();
                masks[n++] = down;
            }
            if (e instanceof Event.NodeChanged c) {
                int i = names.indexOf(c.node());
                if (i >= 0 && i < 64) down = c.to() == rehearse.model.NodeState.DOWN ? down | 1L << i : down & ~(1L << i);
            }
        }
        return new StepStart(before, step, java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(masks, n));
    }
}
