package rehearse.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rehearse.command.Command;
import rehearse.command.Commands;
import rehearse.sim.Engine;
import rehearse.sim.Event;
import rehearse.sim.State;

/**
 * A plan rehearsed on a copy of the cluster, with no faults: the state before and after each
 * step. A copy of a state is the state itself (states are values), so a forecast starts from
 * the live rehearsal, pending operations and armed faults included. Estimates and the runbook
 * are read off it.
 */
public record Forecast(State start, List<Stage> stages, State end, Optional<NoGo> stopped) {

    /** One step as it went: the state before and after it, the commands it submitted, and what happened. */
    public record Stage(Step step, State before, State after, List<Command> commands, List<Event> events) {
        public Stage {
            commands = List.copyOf(commands);
            events = List.copyOf(events);
        }
    }

    public Forecast {
        stages = List.copyOf(stages);
    }

    /** Runs the plan's steps from {@code s} until the plan is complete, a no-go, or a section past {@code lastSection}. */
    public static Forecast of(State s, Target t, int lastSection) {
        State start = s;
        if (!s.preflightAcknowledged()) s = Engine.apply(s, Commands.ackPreflight()).state();
        if (s.busy()) s = Engine.settle(s).state();
        List<Stage> stages = new ArrayList<>();
        Step previous = null;
        Plan.Marks marks = Plan.Marks.NONE;
        for (int guard = 0; guard <= 4 * t.steps(s).size() + 4; guard++) {
            Plan plan = Plan.of(s, t, marks);
            Optional<Plan.Entry> next = plan.next();
            if (plan.complete() || next.isEmpty() || next.get().step().hop() > lastSection) {
                return new Forecast(start, stages, s, Optional.empty());
            }
            Step step = next.get().step();
            if (step.equals(previous)) {
                throw new IllegalStateException("plan step " + step + " is done but stays next");
            }
            marks = marks.started(step);
            Runner.StepRun run = Runner.run(s, t, step);
            stages.add(new Stage(step, s, run.state(), run.commands(), run.events()));
            s = run.state();
            if (run.noGo().isPresent()) return new Forecast(start, stages, s, run.noGo());
            previous = step;
        }
        List<Step> last = stages.subList(Math.max(0, stages.size() - 6), stages.size()).stream().map(Stage::step).toList();
        throw new IllegalStateException("the plan does not end; its last steps: " + last);
    }

    /** The whole plan. */
    public static Forecast of(State s, Target t) {
        return of(s, t, Integer.MAX_VALUE);
    }
}
