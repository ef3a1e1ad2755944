package rehearse.plan;

import java.util.List;

/**
 * One operator step of a hop: what to do, in words, and the same as lines of the command
 * language, so the rehearsal runs exactly what the operator reads.
 */
public record PlanStep(String text, List<String> commands) {

    public PlanStep {
        commands = List.copyOf(commands);
    }
}
