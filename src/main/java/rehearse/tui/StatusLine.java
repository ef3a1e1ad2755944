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
            c.color(colour);
            if (u == Use.OVER) c.style(SGR.BOLD);
            x = c.text(x, y, " " + window(outage, window));
            c.reset();
            c.style(SGR.REVERSE);
        }
        // Availability before the downtime of each group, which is cut first where the line is short.
        StringBuilder rest = new StringBuilder();
        if (clock > 0) rest.append(String.format(Locale.ROOT, "  avail %.2f%%", 100 * st.availability()));
        for (String g : st.iisGroups()) rest.append("  ").append(g).append(' ').append(Clock.duration(Math.min(clock, st.downtimeMs(g))));
        c.text(x, y, rest.toString());
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
