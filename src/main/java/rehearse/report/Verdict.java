package rehearse.report;

import java.util.ArrayList;
import java.util.List;
import rehearse.command.Command;
import rehearse.plan.Plan;
import rehearse.session.Outcome;
import rehearse.session.Session;
import rehearse.text.Clock;

/**
 * What the change board reads first: whether the rehearsal reached the target with the plan
 * complete, its service outage within the maintenance window, every expectation held and every
 * refusal expected. {@code reasons} says what stands against it; empty means it passed.
 */
record Verdict(boolean passed, List<String> reasons, String summary) {

    static Verdict of(Session s, long windowMs) {
        List<String> reasons = new ArrayList<>();
        if (s.target().isEmpty()) reasons.add("no target was chosen");
        else if (!s.plan().map(Plan::complete).orElse(false)) reasons.add("the plan to " + s.target().get().to().label() + " is not complete");
        long outage = s.state().outageMs();
        if (outage > windowMs) {
            reasons.add("the service outage, " + Clock.duration(outage) + ", is beyond the " + Clock.duration(windowMs) + " window");
        }
        List<Session.Result> h = s.history();
        int failed = 0;
        int unexpected = 0;
        for (int i = 0; i < h.size(); i++) {
            if (h.get(i).outcome() instanceof Outcome.Failed) failed++;
            boolean expected = i + 1 < h.size() && h.get(i + 1).command() instanceof Command.ExpectRefused;
            if (h.get(i).outcome().refused() && !expected) unexpected++;
        }
        if (failed > 0) reasons.add(failed + " expectation(s) failed");
        if (unexpected > 0) reasons.add(unexpected + " refusal(s) no 'expect refused' followed");
        String summary = reasons.isEmpty()
                ? "PASSED: the plan" + s.target().map(t -> " to " + t.to().label()).orElse("") + " is complete, the service outage ("
                        + Clock.duration(outage) + ") is within the " + Clock.duration(windowMs) + " window, every expectation held"
                : "NOT PASSED: " + String.join("; ", reasons);
        return new Verdict(reasons.isEmpty(), List.copyOf(reasons), summary);
    }
}
