package rehearse.report;

import java.util.List;
import java.util.Locale;
import rehearse.session.Timeline;
import rehearse.text.Clock;

/**
 * The timeline as an inline SVG picture for the HTML report: a row per group holding IIS (online
 * green, down red, hatched legend below) and a row per node (upgrading blue, joining light blue,
 * paused grey, down red), over an axis of simulated time. Sized for an A4 page.
 */
final class TimelineSvg {
    private static final int WIDTH = 680;
    private static final int LABEL = 150;
    private static final int ROW = 22;
    private static final int TOP = 8;

    private TimelineSvg() {}

    static String of(Timeline t) {
        int rows = t.groups().size() + t.nodes().size();
        int axisY = TOP + rows * ROW + 4;
        int height = axisY + 44;
        long end = Math.max(1, t.end());
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 %d %d\""
                + " width=\"100%%\" role=\"img\" aria-label=\"Timeline of the rehearsal\">%n", WIDTH, height));
        int y = TOP;
        for (Timeline.Row r : t.groups()) {
            label(b, r.name(), y);
            for (Timeline.Span s : TimelineRows.groupSpans(r)) {
                boolean online = s.phase() == Timeline.Phase.ONLINE;
                bar(b, s, end, y, online ? "#2e7d32" : "#c62828", (online ? "online " : "down ") + span(s));
            }
            y += ROW;
        }
        for (Timeline.Row r : t.nodes()) {
            label(b, "node " + r.name(), y);
            for (Timeline.Span s : r.spans()) bar(b, s, end, y, colour(s.phase()), s.phase().name().toLowerCase(Locale.ROOT) + " " + span(s));
            for (TimelineRows.Labelled l : TimelineRows.nodeSpans(r, t.upgrades())) {
                if (l.span().phase() == Timeline.Phase.UPGRADING) {
                    b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"in\">%s</text>%n", x(l.span().from(), end) + 2,
                            y + 14, Html.text(l.label())));
                }
            }
            y += ROW;
        }
        axis(b, end, axisY);
        legend(b, axisY + 30);
        return b.append("</svg>\n").toString();
    }

    private static String span(Timeline.Span s) {
        return Clock.format(s.from()) + " to " + Clock.format(s.to());
    }

    private static String colour(Timeline.Phase p) {
        return switch (p) {
            case UP, ONLINE -> "#a5d6a7";
            case PAUSED -> "#bdbdbd";
            case UPGRADING -> "#1565c0";
            case JOINING -> "#64b5f6";
            case PENDING -> "#f9a825";
            case DOWN -> "#c62828";
        };
    }

    private static double x(long ms, long end) {
        return LABEL + (WIDTH - LABEL - 10) * (double) ms / end;
    }

    private static void label(StringBuilder b, String name, int y) {
        b.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" class=\"row\">%s</text>%n", y + 14, Html.text(name)));
    }

    private static void bar(StringBuilder b, Timeline.Span s, long end, int y, String fill, String title) {
        double x0 = x(s.from(), end);
        double w = Math.max(0.5, x(s.to(), end) - x0);
        b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>%n",
                x0, y + 2, w, ROW - 6, fill, Html.text(title)));
    }

    private static void axis(StringBuilder b, long end, int y) {
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>%n", LABEL, y, WIDTH - 10, y));
        for (int i = 0; i <= 4; i++) {
            long at = end * i / 4 / 1000 * 1000; // whole seconds
            double x = x(at, end);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" class=\"tick\"%s>%s</text>%n", x, y, x, y + 4, x, y + 16,
                    i == 4 ? " text-anchor=\"end\"" : " text-anchor=\"middle\"", Clock.format(at)));
        }
    }

    private static void legend(StringBuilder b, int y) {
        List<String[]> keys = List.of(new String[] {"#2e7d32", "IIS online"}, new String[] {"#c62828", "down"},
                new String[] {"#1565c0", "upgrading"}, new String[] {"#64b5f6", "joining"}, new String[] {"#bdbdbd", "paused"},
                new String[] {"#a5d6a7", "node up"});
        int x = 4;
        for (String[] k : keys) {
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" class=\"key\">%s</text>%n", x, y - 9, k[0], x + 14, y, k[1]));
            x += 14 + 8 * k[1].length() + 16;
        }
    }
}
