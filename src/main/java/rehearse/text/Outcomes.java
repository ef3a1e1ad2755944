package rehearse.text;

import static rehearse.text.Names.q;

import rehearse.plan.Target;
import rehearse.session.Mismatch;
import rehearse.session.Outcome;

/** Outcomes in words: a line for what was accepted, the refusal, or why an expectation failed. */
public final class Outcomes {
    private Outcomes() {}

    /** The line a transcript shows after the events; empty when there is nothing to add. */
    public static String of(Outcome o) {
        if (o instanceof Outcome.Refused r) return Refusals.of(r.refusal());
        if (o instanceof Outcome.Failed f) return mismatch(f.mismatch());
        if (o instanceof Outcome.AlreadyAcknowledged) return "the pre-flight checklist was already acknowledged";
        if (o instanceof Outcome.TargetChosen t) return target(t.target());
        if (o instanceof Outcome.StepDone s) return (s.finished() ? "done: " : "started: ") + Steps.text(s.step().action());
        if (o instanceof Outcome.RunDone r) {
            return r.steps() + " step" + (r.steps() == 1 ? "" : "s") + " run; " + (r.complete() ? "plan complete" : "plan not complete");
        }
        if (o instanceof Outcome.Rewound w) return rewound(w);
        return "";
    }

    /** "back at 0:05:00 (from 0:45:13): 3 commands undone; branch 2 goes on from here (branch 1 is kept for the report)". */
    static String rewound(Outcome.Rewound w) {
        StringBuilder b = new StringBuilder("back at ").append(Clock.format(w.toMs())).append(" (from ").append(Clock.format(w.fromMs()))
                .append("): ");
        if (w.undone() > 0 || w.cut().isEmpty()) b.append(w.undone()).append(w.undone() == 1 ? " command" : " commands").append(" undone");
        if (w.undone() > 0 && w.cut().isPresent()) b.append("; ");
        w.cut().ifPresent(c -> b.append("'").append(c.text()).append("' stopped part-way, what it began still under way"));
        return b.append("; branch ").append(w.branch()).append(" goes on from here (branch ").append(w.left())
                .append(" is kept for the report)").toString();
    }

    static String target(Target t) {
        if (t.path().hops().isEmpty()) return "target " + t.to().label() + ": already there";
        long outage = 0;
        String stops = "";
        for (var e : t.estimates()) {
            outage += e.planned().wallClockMs();
            if (stops.isEmpty() && e.planned().stoppedAt().isPresent()) {
                stops = "; rehearsed on a copy, the plan stops at a no-go ('" + Steps.label(e.planned().stoppedAt().get().step().action())
                        + "'): see 'plan'";
            }
        }
        return "target " + t.to().label() + ": " + PlanText.hops(t.path()) + "; estimated IIS outage " + Clock.duration(outage) + (stops.isEmpty() ? "" : " up to where it stops" + stops);
    }

    public static String mismatch(Mismatch m) {
        if (m instanceof Mismatch.NotRefused) return "expected the previous command to be refused, but it was not";
        if (m instanceof Mismatch.NoSuchGroup g) return "no group named " + q(g.group());
        if (m instanceof Mismatch.NoSuchNode n) return "no node named " + q(n.node());
        if (m instanceof Mismatch.NoSuchIisGroup g) return "no group holding IIS named " + q(g.group());
        if (m instanceof Mismatch.UnknownConfiguration u) return "unknown configuration " + q(u.text()) + "; known: " + u.known();
        if (m instanceof Mismatch.GroupInState g) {
            return "group " + q(g.group()) + " is " + lower(g.actual().label()) + ", not " + lower(g.expected().label());
        }
        if (m instanceof Mismatch.GroupOnNode g) return "group " + q(g.group()) + " is on " + g.actual() + ", not " + g.expected();
        if (m instanceof Mismatch.NodeInState n) {
            return "node " + n.node() + " is " + lower(n.actual().label()) + ", not " + lower(n.expected().label());
        }
        if (m instanceof Mismatch.NodeAtConfiguration n) {
            return "node " + n.node() + " is at " + n.actual().label() + ", not " + n.expected().label();
        }
        if (m instanceof Mismatch.Downtime d) {
            return "downtime of " + q(d.group()) + " is " + Clock.duration(d.actualMs()) + ", not " + d.op().symbol() + " "
                    + Clock.duration(d.expectedMs());
        }
        throw new IllegalArgumentException("no words for " + m);
    }

    private static String lower(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }
}
