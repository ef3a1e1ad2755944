package rehearse.explore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import rehearse.plan.NoGo;
import rehearse.sim.Refusal;

/**
 * One rehearsed fault (or pair), followed by the recovery policy: where it landed, how the plan
 * ended, the IIS outage (wall clock) and each IIS group's downtime, the cluster at the end
 * (text.Summary's map), whether the window and every invariant held, and the script that
 * replays it with {@code rehearse run}; {@code recoveryFrom}: where in it the lines after the last
 * fault begin (the run and the recovery). {@code points} counts the points that lead to this same
 * outcome.
 */
public record Scenario(List<Injection> injections, Ending ending, long outageMs, Map<String, Long> downtimeMs,
        Map<String, Object> endState, long clockMs, boolean windowHeld, Optional<String> invariantViolated,
        Optional<NoGo> firstNoGo, Optional<Refusal> stop, List<String> script, int recoveryFrom, int points) {

    /** How the plan ended after the fault and the recovery policy. */
    public enum Ending {
        /** The plan completed. */
        COMPLETED,
        /** The policy rolls the hop back: upgraded nodes are returned from their backups, by hand. */
        ROLL_BACK,
        /** The plan stopped where the policy has nothing more to do: it needs a human. */
        NEEDS_HUMAN
    }

    public Scenario {
        injections = List.copyOf(injections);
        script = script instanceof ScriptLines ? script : List.copyOf(script);
        if (recoveryFrom < 0 || recoveryFrom > script.size()) throw new IllegalArgumentException("recovery from line " + recoveryFrom);
    }

    public boolean completes() {
        return ending == Ending.COMPLETED;
    }

    public boolean invariantsHeld() {
        return invariantViolated.isEmpty();
    }

    /** Not completed: the matrix says "stuck". */
    public boolean stuck() {
        return ending != Ending.COMPLETED;
    }

    /**
     * The script's lines after the last fault, but the downtimes expected at its end: the run and
     * what the operator did to recover.
     */
    public List<String> afterFaults() {
        List<String> commands = script instanceof ScriptLines l ? l.commands() : script;
        return commands.subList(Math.min(recoveryFrom, commands.size()), commands.size());
    }

    Scenario counted(int n) {
        return new Scenario(injections, ending, outageMs, downtimeMs, endState, clockMs, windowHeld, invariantViolated, firstNoGo, stop,
                script, recoveryFrom, n);
    }
}
