package rehearse.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.Locale;
import rehearse.sim.State;
import rehearse.text.Clock;

/**
 * The two bottom lines: clock, speed, the outage against the maintenance window (in colour and
 * in words), downtime per IIS group, availability once time has passed; then the last message
 * or the key hints.
 */
final class StatusLine {
    private StatusLine() {}

    /** How much of the window the outage has used, in words and in a colour's sense. */
    enum Use { WITHIN, NEAR, OVER }

    static Use use(long outageMs, long windowMs) {
        if (outageMs > windowMs) return Use.OVER;
        return outageMs * 2 >= windowMs ? Use.NEAR : Use.WITHIN;
    }

    /** "of the 2h window (33%, 1h 20m left)", or "(120%, over by 24m)". */
    static String window(long outageMs, long windowMs) {
        long pct = Math.round(100.0 * outageMs / windowMs);
        String rest = outageMs > windowMs ? "over by " + Clock.duration(outageMs - windowMs)
                : Clock.duration(windowMs - outageMs) + " left";
        return "of the " + Clock.duration(windowMs) + " window (" + pct + "%, " + rest + ")";
    }

    /** "1% of 2h 00m", "125% of 2h 00m": the window's use when the words do not fit. */
    static String shortWindow(long outageMs, long windowMs) {
        return Math.round(100.0 * outageMs / windowMs) + "% of " + Clock.duration(windowMs);
    }

    /** As many parts as fit whole in {@code room} columns, then "  +N more" for those left out where that fits too. */
    static String fitted(java.util.List<String> parts, int room) {
        StringBuilder out = new StringBuilder();
        int used = 0;
        int all = parts.stream().mapToInt(Cells::width).sum();
        if (all <= room) return String.join("", parts);
        for (int i = 0; i < parts.size(); i++) {
            int left = parts.size() - i - 1;
            String more = left == 0 ? "" : "  +" + left + " more";
            int w = Cells.width(parts.get(i));
            if (used + w + Cells.width(more) > room) {
                String cut = "  +" + (parts.size() - i) + " more";
                if (used + Cells.width(cut) <= room) out.append(cut);
                return out.toString();
            }
            out.append(parts.get(i));
            used += w;
        }
        return out.toString();
    }

    static void draw(Canvas c, Model m, int y) {
        State st = m.world().state();
        long clock = st.clock();
        StringBuilder s = new StringBuilder();
        s.append("clock ").append(Clock.format(clock));
        long speed = Update.speed(m);
        s.append("  ").append(speed == 0 ? "instant" : speed + "x");
        if (m.playback().paused()) s.append(" PAUSED");
        else if (Update.animating(m)) s.append(" playing");
        if (!st.formed()) s.append("  CLUSTER DOWN");
        long outage = Math.min(st.outageMs(), clock);
        s.append("  outage ").append(Clock.duration(outage));
        c.style(SGR.REVERSE);
        c.padded(0, y, "", c.w);
        int x = c.text(0, y, s.toString());
        long window = m.settings().windowMs();
        if (window > 0) {
            Use u = use(outage, window);
            TextColor colour = switch (u) {
                case WITHIN -> c.good();
                case NEAR -> c.caution();
                case OVER -> c.t.warning();
            };
            // In words where there is room, else the short form: never a figure cut in half.
            String words = " " + window(outage, window);
            if (Cells.width(words) > c.w - x) words = " " + shortWindow(outage, window);
            if (Cells.width(words) <= c.w - x) {
                c.color(colour);
                if (u == Use.OVER) c.style(SGR.BOLD);
                x = c.text(x, y, words);
                c.reset();
                c.style(SGR.REVERSE);
            }
        }
        // Availability, then the downtime of each group, each whole or not at all; what is left out is counted.
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (clock > 0) parts.add(String.format(Locale.ROOT, "  avail %.2f%%", 100 * st.availability()));
        for (String g : st.iisGroups()) parts.add("  " + g + " " + Clock.duration(Math.min(clock, st.downtimeMs(g))));
        c.text(x, y, fitted(parts, c.w - x));
        c.reset();
        bottom(c, m, y + 1);
    }

    private static void bottom(Canvas c, Model m, int y) {
        if (m.choosing().isPresent()) {
            c.color(c.t.accent());
            c.text(0, y, "working out the plan to " + m.choosing().get().label() + " (each hop rehearsed on a copy); keys keep working...");
            c.reset();
            return;
        }
        if (m.message().isPresent()) {
            LogText.Line l = LogText.message(m.message().get());
            if (l.bad()) c.color(c.t.warning()).style(SGR.BOLD);
            c.text(0, y, l.text());
            c.reset();
            return;
        }
        boolean plan = m.world().plan().isPresent();
        c.text(0, y, KeyMap.hints(a -> plan || (a != UiAction.STEP && a != UiAction.RUN && a != UiAction.PAUSE)));
    }
}
