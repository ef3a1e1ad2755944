package rehearse.explore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import rehearse.plan.Step;
import rehearse.plan.Target;
import rehearse.sim.Refusal;

/**
 * What exploring a plan found. The baseline: the plan run from the cluster with no fault (its
 * steps, how it ended, its outage and the cluster at the end). The matrix: for each step of the
 * baseline and each fault, the worst scenario among the points of that step (null where the fault
 * does not apply there). The scenarios, each distinct outcome once (in the order first met) with
 * the number of points that lead to it, and the worst of them.
 */
public record Exploration(String cluster, Target target, Baseline baseline, long windowMs, boolean windowGiven, boolean doubleFaults,
        List<Fault> faults, List<List<Scenario>> matrix, List<Scenario> scenarios, List<Scenario> worst, RecoveryPolicy policy) {

    /**
     * The plan with no fault: its steps in the order run, how it ended, and the numbers at the end;
     * {@code plan}: the plan's steps as the cluster's start gives them (numbered so in 'rehearse plan'
     * and the runbook, go/no-go checks included).
     */
    public record Baseline(List<Step> steps, Optional<Refusal> stop, long outageMs, Map<String, Long> downtimeMs,
            Map<String, Object> endState, long clockMs, List<String> script, List<Step> plan) {
        public Baseline {
            steps = List.copyOf(steps);
            plan = List.copyOf(plan);
            script = List.copyOf(script);
        }

        public boolean completes() {
            return stop.isEmpty();
        }
    }

    public Exploration {
        faults = List.copyOf(faults);
        matrix = List.copyOf(matrix);
        scenarios = List.copyOf(scenarios);
        worst = List.copyOf(worst);
    }
}
