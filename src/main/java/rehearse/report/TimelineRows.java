package rehearse.report;

import java.util.ArrayList;
import java.util.List;
import rehearse.session.Timeline;

/** The {@link Timeline}'s rows as the reports draw them: a group online or down, a node's notable spans with their words. */
final class TimelineRows {
    private TimelineRows() {}

    /** A span and the words for it ("upgrading to IIS 5.0"). */
    record Labelled(Timeline.Span span, String label) {}

    /** A group's spans with pending joined to down (the simulator counts both as downtime), adjacent ones merged. */
    static List<Timeline.Span> groupSpans(Timeline.Row r) {
        List<Timeline.Span> out = new ArrayList<>();
        for (Timeline.Span s : r.spans()) {
            Timeline.Phase p = s.phase() == Timeline.Phase.ONLINE ? Timeline.Phase.ONLINE : Timeline.Phase.DOWN;
            Timeline.Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.phase() == p && last.to() == s.from()) out.set(out.size() - 1, new Timeline.Span(last.from(), s.to(), p));
            else out.add(new Timeline.Span(s.from(), s.to(), p));
        }
        return out;
    }

    /** A node's spans other than up: upgrading (to what), joining, paused, down. */
    static List<Labelled> nodeSpans(Timeline.Row r, List<Timeline.Upgrade> upgrades) {
        List<Labelled> out = new ArrayList<>();
        for (Timeline.Span s : r.spans()) {
            if (s.phase() == Timeline.Phase.UP || s.length() == 0) continue;
            out.add(new Labelled(s, label(r.name(), s, upgrades)));
        }
        return out;
    }

    private static String label(String node, Timeline.Span s, List<Timeline.Upgrade> upgrades) {
        if (s.phase() == Timeline.Phase.UPGRADING) {
            for (Timeline.Upgrade u : upgrades) {
                if (u.node().equals(node) && u.at() == s.to()) return "upgrading to " + u.to().label();
            }
        }
        return s.phase().name().toLowerCase(java.util.Locale.ROOT);
    }
}
