package rehearse.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import rehearse.plan.NoGo;
import rehearse.plan.Plan;
import rehearse.plan.Status;
import rehearse.plan.Step;
import rehearse.session.Outcome;
import rehearse.session.Session;
import rehearse.session.Timeline;
import rehearse.sim.Event;
import rehearse.text.Clock;
import rehearse.text.Events;
import rehearse.text.Outcomes;

/**
 * A finished (or paused) rehearsal as both reports tell it, in words but not yet in a format:
 * the commands and their outcomes, the faults with their own consequences, the timeline, the
 * runbook steps it exercised, and the verdict. Markdown and HTML lay out the same content.
 */
record Rehearsal(Session session, long windowMs, Timeline timeline, List<FaultStory> faults, Verdict verdict) {

    static Rehearsal of(Session s, long windowMs) {
        Timeline t = Timeline.of(s);
        return new Rehearsal(s, windowMs, t, FaultStory.of(s, t), Verdict.of(s, windowMs));
    }

    /** One row of the commands table. */
    record CommandRow(String time, String command, String outcome, boolean refused) {}

    List<CommandRow> commands() {
        List<CommandRow> out = new ArrayList<>();
        for (Session.Result r : session.history()) {
            String words = Outcomes.of(r.outcome());
            // A no-go says what stopped and why in its own words ("no-go at ..."); said once, not "REFUSED: no-go ... refused".
            String outcome = r.outcome() instanceof Outcome.Refused rf && rf.refusal() instanceof NoGo ? words
                    : r.outcome() instanceof Outcome.Refused ? "REFUSED: " + words
                    : r.outcome() instanceof Outcome.Failed ? "expectation FAILED: " + words
                    : r.outcome() instanceof Outcome.Passed ? "expectation held" : words.isEmpty() ? "accepted" : words;
            out.add(new CommandRow(Clock.format(r.time()), r.command().text(), outcome, r.outcome().refused()));
        }
        return out;
    }

    /** One fault in words: what it was, when it landed, what followed, how the rehearsal came back, and what it cost. */
    record FaultWords(String command, String landed, List<String> consequences, List<String> operator, String recovery, String outage) {}

    List<FaultWords> faultWords() {
        List<FaultWords> out = new ArrayList<>();
        for (FaultStory f : faults) {
            String command = f.injectedBy().command().text();
            if (f.landed().isEmpty()) {
                out.add(new FaultWords(command, "armed at " + Clock.format(f.injectedBy().time()) + "; it never landed", List.of(), List.of(),
                        "nothing to recover from", "no outage"));
                continue;
            }
            long landed = f.landed().getAsLong();
            List<String> consequences = new ArrayList<>();
            for (Event e : f.consequences()) consequences.add(Clock.format(e.time()) + " " + Events.of(e));
            List<String> operator = new ArrayList<>();
            for (Session.Result r : f.operator()) operator.add(Clock.format(r.time()) + " " + r.command().text());
            String recovery;
            if (f.recovered().isPresent()) {
                long at = f.recovered().getAsLong();
                String how = !operator.isEmpty() ? "by the operator's commands below" + (f.failedOver() ? ", after the cluster failed over" : "")
                        : f.failedOver() ? "by the cluster itself (failover)"
                        : f.overlapped().isEmpty() ? "with nothing to do" : "along with the fault it landed during";
                recovery = "recovered at " + Clock.format(at) + " (" + Clock.duration(at - landed) + " after it landed), " + how;
            } else {
                recovery = "NOT recovered by the end of the rehearsal";
            }
            String when = "landed at " + Clock.format(landed) + (f.overlapped().isEmpty() ? ""
                    : ", while " + String.join(" and ", f.overlapped().stream().map(o -> "'" + o.command().text() + "'").toList())
                    + (f.overlapped().size() == 1 ? " was" : " were") + " not yet recovered from");
            out.add(new FaultWords(command, when, consequences, operator, recovery,
                    Clock.duration(f.outageMs()) + " of service outage (wall clock) from its landing to its end"));
        }
        return out;
    }

    /** A runbook step as the rehearsal left it, with its cluster.exe commands. */
    record ExercisedStep(String section, String text, List<String> commands, String status) {}

    /**
     * The runbook of the chosen target from the rehearsal's start, each step with its commands and
     * whether the rehearsal did it; empty when no target was chosen, or the cluster the rehearsal
     * began with is off its path (a target chosen after nodes were upgraded by hand past its start).
     */
    List<ExercisedStep> runbookSteps() {
        if (session.target().isEmpty() || Plan.offPath(session.start(), session.target().get()).isPresent()) return List.of();
        // The chosen target as it is (not chosen again: that rehearses every option), its runbook from the start.
        Runbook rb = Runbook.of(session.start(), session.target().get(), windowMs);
        Map<Step, Status> status = new HashMap<>();
        session.plan().ifPresent(p -> p.entries().forEach(e -> status.put(e.step(), e.status())));
        Predicate<Step> ran = ranSteps();
        List<ExercisedStep> out = new ArrayList<>();
        for (Runbook.Section s : rb.sections()) {
            for (Runbook.Item i : s.items()) {
                if (i.step() == null || (i.commands().isEmpty() && i.manual().isEmpty())) continue;
                List<String> cmds = new ArrayList<>(i.manual().stream().map(m -> "manual: " + m).toList());
                cmds.addAll(i.commands());
                out.add(new ExercisedStep(s.title(), i.text(), cmds, words(Optional.ofNullable(status.get(i.step())), ran.test(i.step()))));
            }
        }
        return out;
    }

    /**
     * Whether the rehearsal as it stands ran the step: a {@code step} that ran it, or a {@code run}
     * that completed the plan (every step ran). What a rewind undid does not count.
     */
    private Predicate<Step> ranSteps() {
        List<Session.Result> kept = new ArrayList<>();
        for (Session.Result r : session.history()) {
            if (r.outcome() instanceof Outcome.Rewound w) kept.removeIf(k -> k.time() > w.toMs());
            else kept.add(r);
        }
        boolean completed = kept.stream().anyMatch(r -> r.outcome() instanceof Outcome.RunDone d && d.complete());
        Set<Step> stepped = new HashSet<>();
        for (Session.Result r : kept) if (r.outcome() instanceof Outcome.StepDone d) stepped.add(d.step());
        return step -> completed || stepped.contains(step);
    }

    private static String words(Optional<Status> s, boolean ran) {
        if (s.isEmpty()) return "not in the rehearsal's plan";
        return switch (s.get()) {
            case DONE -> "done";
            case FAILED -> "FAILED (no-go)";
            case UNDER_WAY -> "under way";
            // Carried out, then undone by what followed (a fault's failover moving a group off its preferred owner).
            default -> ran ? "done, then undone by what followed" : "not reached";
        };
    }

    /** What the faults section says when it lists none: none injected, or none left after a rewind. */
    String noFault() {
        boolean rewound = session.history().stream().anyMatch(r -> rehearse.command.Commands.isFault(r.command()) && !r.outcome().refused());
        return rewound ? "No fault in the rehearsal as it stands: the faults injected were undone by a rewind (see the commands above)."
                : "No fault was injected.";
    }

    boolean planComplete() {
        return session.plan().map(Plan::complete).orElse(false);
    }

    String invariants() {
        return "Checked after each of the " + session.state().eventCount() + " events, and all held: every group is owned by one node;"
                + " no resource is online on a node that is down or not a possible owner; a resource is online only when its"
                + " dependencies are; during a standard upgrade IIS runs only on nodes at the old configuration; the simulated"
                + " clock never went back.";
    }
}
