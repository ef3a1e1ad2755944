package rehearse.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import rehearse.plan.HopEstimate;
import rehearse.plan.Strategy;
import rehearse.text.Clock;

/**
 * The runbook's downtime table: each group's estimated IIS downtime and, apart, the service
 * outage (wall clock, at least one group holding IIS down), per hop, as planned and, where the
 * tables list a hop both ways, the other way, judged against the maintenance window.
 */
record Downtime(List<HopEstimate> estimates, long windowMs) {
    Downtime {
        estimates = List.copyOf(estimates);
    }

    boolean hasAlternative() {
        return estimates.stream().anyMatch(e -> e.alternative().isPresent());
    }

    long plannedMs() {
        return estimates.stream().mapToLong(e -> e.planned().wallClockMs()).sum();
    }

    /** The whole plan with every hop that has an alternative done that way. */
    long otherWayMs() {
        return estimates.stream().mapToLong(e -> e.alternative().orElse(e.planned()).wallClockMs()).sum();
    }

    /** "rolling", "standard, IIS restricted to NODEB". */
    static String label(Strategy s) {
        return rehearse.text.PlanText.kindShort(s);
    }

    String within(long ms) {
        return ms <= windowMs ? "within" : "**beyond**";
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        boolean alt = hasAlternative();
        b.append("| hop | group | as planned | within the window |").append(alt ? " the other way |" : "").append('\n');
        b.append("|---|---|---|---|").append(alt ? "---|" : "").append('\n');
        for (int i = 0; i < estimates.size(); i++) {
            HopEstimate e = estimates.get(i);
            String hop = (i + 1) + " (" + label(e.strategy()) + ")";
            Optional<HopEstimate.Outage> other = e.alternative();
            for (Map.Entry<String, Long> g : e.planned().perGroupMs().entrySet()) {
                b.append("| ").append(hop).append(" | ").append(Markdown.cell(g.getKey())).append(" | ").append(Clock.duration(g.getValue()))
                        .append(" | ").append(g.getValue() <= windowMs ? "yes" : "**NO**").append(" |");
                if (alt) b.append(' ').append(other.map(o -> outage(o, o.perGroupMs().get(g.getKey()))).orElse("-")).append(" |");
                b.append('\n');
            }
            long wall = e.planned().wallClockMs();
            b.append("| ").append(hop).append(" | service outage (wall clock) | ").append(Clock.duration(wall)).append(stopped(e.planned()))
                    .append(" | ").append(wall <= windowMs ? "yes" : "**NO**").append(" |");
            if (alt) b.append(' ').append(other.map(o -> outage(o, o.wallClockMs())).orElse("-")).append(" |");
            b.append('\n');
        }
        b.append("\nService outage of the whole plan (wall-clock time during which at least one group holding IIS is down): ")
                .append(Clock.duration(plannedMs())).append(", ").append(within(plannedMs())).append(" the ")
                .append(Clock.duration(windowMs)).append(" maintenance window.");
        if (alt) {
            b.append(" The other way, each hop that the tables list both ways done as ")
                    .append(estimates.stream().filter(e -> e.alternative().isPresent()).map(e -> label(e.alternative().get().strategy()))
                            .distinct().reduce((x, y) -> x + "; " + y).orElse(""))
                    .append(": ").append(Clock.duration(otherWayMs())).append(", ").append(within(otherWayMs())).append(" the window.");
        }
        return b.append('\n').toString();
    }

    private static String outage(HopEstimate.Outage o, Long ms) {
        return (ms == null ? "-" : Clock.duration(ms)) + " (" + label(o.strategy()) + ")" + stopped(o);
    }

    private static String stopped(HopEstimate.Outage o) {
        return o.completes() ? "" : ", stops at a no-go";
    }
}
