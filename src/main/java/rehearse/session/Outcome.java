package rehearse.session;

import rehearse.plan.Step;
import rehearse.plan.Target;
import rehearse.sim.Refusal;

/** What became of one command, as data; the front ends put it into words. */
public sealed interface Outcome {
    /** The command was carried out (by the cluster, or by the session). */
    record Accepted() implements Outcome {}

    /** The pre-flight checklist was acknowledged before; nothing changed. */
    record AlreadyAcknowledged() implements Outcome {}

    record TargetChosen(Target target) implements Outcome {}

    /** A plan step ran to its end, or (in the UI) was started and now plays. */
    record StepDone(Step step, boolean finished) implements Outcome {}

    /** {@code run} went through {@code steps} steps; {@code complete} when the plan is. */
    record RunDone(int steps, boolean complete) implements Outcome {}

    record Refused(Refusal refusal) implements Outcome {}

    record Passed() implements Outcome {}

    record Failed(Mismatch mismatch) implements Outcome {}

    /**
     * A rewind went back from {@code fromMs} to {@code toMs}, undoing {@code undone} commands
     * (and stopping {@code cut} part-way, when the moment fell inside it); branch {@code branch}
     * goes on from there, having left branch {@code left}.
     */
    record Rewound(long fromMs, long toMs, int undone, java.util.Optional<rehearse.command.Command> cut, int branch, int left)
            implements Outcome {}

    /** A command that shows something: the front end draws the view. */
    record Shown(View view) implements Outcome {}

    default boolean refused() {
        return this instanceof Refused;
    }

    default boolean failed() {
        return this instanceof Failed;
    }

    /** Accepted, passed or shown: not refused, not a failed expectation. */
    default boolean ok() {
        return !refused() && !failed();
    }

    /** The word journals and JSON use. */
    default String kind() {
        if (this instanceof Refused) return "refused";
        if (this instanceof Failed) return "failed";
        if (this instanceof Passed) return "passed";
        if (this instanceof Shown) return "info";
        return "accepted";
    }
}
