package rehearse.report;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import rehearse.base.Printable;
import rehearse.session.Timeline;

/**
 * The timeline as a Mermaid {@code gantt} block, which GitHub, GitLab and Azure DevOps wikis
 * draw: a section per group holding IIS with its online and down intervals (pending counts as
 * down, as the simulator counts downtime), and a section per node with its upgrades and the
 * time it was down, paused or joining. Simulated time starts at 00:00:00 of an arbitrary day.
 */
final class Gantt {
    private static final LocalDateTime ZERO = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Gantt() {}

    static String of(String title, Timeline t) {
        StringBuilder b = new StringBuilder("```mermaid\ngantt\n");
        b.append("    title ").append(escape(title)).append('\n');
        b.append("    dateFormat YYYY-MM-DD HH:mm:ss\n    axisFormat %H:%M\n");
        for (Timeline.Row r : t.groups()) {
            b.append("    section ").append(escape(r.name())).append('\n');
            for (Timeline.Span s : TimelineRows.groupSpans(r)) {
                boolean online = s.phase() == Timeline.Phase.ONLINE;
                task(b, online ? "online" : "down", online ? "done" : "crit", s);
            }
        }
        for (Timeline.Row r : t.nodes()) {
            List<TimelineRows.Labelled> spans = TimelineRows.nodeSpans(r, t.upgrades());
            if (spans.isEmpty()) continue;
            b.append("    section node ").append(escape(r.name())).append('\n');
            for (TimelineRows.Labelled l : spans) {
                task(b, l.label(), l.span().phase() == Timeline.Phase.DOWN ? "crit" : "active", l.span());
            }
        }
        return b.append("```\n").toString();
    }

    private static void task(StringBuilder b, String name, String tag, Timeline.Span s) {
        long from = s.from() / 1000;
        long to = (s.to() + 999) / 1000;
        if (to <= from) return;
        b.append("    ").append(escape(name)).append(" :").append(tag).append(", ").append(AT.format(ZERO.plusSeconds(from))).append(", ")
                .append(AT.format(ZERO.plusSeconds(to))).append('\n');
    }

    /**
     * Text from input as Mermaid reads it: every character that is not a letter, a digit, a space or
     * one of {@code - _ . , ( ) / '} is written as Mermaid's entity code {@code #NN;} (a colon would
     * end a task's name, a # or ; start an entity, a % a comment, < and > are markup).
     */
    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        Printable.clean(s).codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || " -_.,()/'".indexOf(cp) >= 0) out.appendCodePoint(cp);
            else out.append('#').append(cp).append(';');
        });
        return out.toString();
    }
}
