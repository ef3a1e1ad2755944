package rehearse.text;

import java.util.ArrayList;
import java.util.List;
import rehearse.base.Printable;
import rehearse.session.Outcome;
import rehearse.session.Session;
import rehearse.session.View;
import rehearse.sim.Event;

/** One command's result as the lines a transcript shows; scripts and the shell print the same. */
public final class Transcript {
    /** How a line reads: the shell colours bad and good lines where it may. */
    public enum Tone { PLAIN, GOOD, BAD }

    public record Line(Tone tone, String text) {}

    private Transcript() {}

    /**
     * {@code where} names the input line, e.g. {@code rolling.rh:3} or {@code shell:3}, for failed
     * expectations. A view ({@code plan}, {@code status}, {@code help}) is drawn from the session as it is now.
     */
    public static List<Line> of(Session.Result r, Session s, String where) {
        List<Line> out = new ArrayList<>();
        for (Event e : r.events()) out.add(new Line(Tone.PLAIN, "  " + Clock.format(e.time()) + "  " + Printable.clean(Events.of(e))));
        Outcome o = r.outcome();
        String message = Printable.clean(Outcomes.of(o));
        // A no-go says what stopped and why in its own words ("no-go at ..."), so it is not called REFUSED as well.
        if (o instanceof Outcome.Refused rf && rf.refusal() instanceof rehearse.plan.NoGo) out.add(new Line(Tone.BAD, "  " + message));
        else if (o instanceof Outcome.Refused) out.add(new Line(Tone.BAD, "  REFUSED: " + message));
        else if (o instanceof Outcome.Failed) out.add(new Line(Tone.BAD, "  FAILED " + where + ": " + message));
        else if (o instanceof Outcome.Passed) out.add(new Line(Tone.GOOD, "  ok"));
        else if (!message.isEmpty()) out.add(new Line(Tone.PLAIN, "  " + message));
        if (o instanceof Outcome.Shown shown) {
            for (String l : view(shown.view(), s).split("\n")) if (!l.isEmpty()) out.add(new Line(Tone.PLAIN, "  " + Printable.clean(l)));
        }
        return out;
    }

    /** The text of a view, as the session stands. */
    public static String view(View v, Session s) {
        return view(v, s, PlanText.Style.CLUSTER.width());
    }

    /** The text of a view, its lines wrapped to {@code width} columns (the UI's window is narrower than a transcript). */
    public static String view(View v, Session s, int width) {
        if (v instanceof View.PlanView) {
            return s.plan().map(p -> PlanText.render(p, s.lastNoGo(), new PlanText.Style(true, true, width)))
                    .orElse("no target chosen; 'target CONFIG' makes the plan");
        }
        if (v instanceof View.StatusView) return StatusText.of(s);
        if (v instanceof View.HelpView h) return Help.text(h.topic(), Math.min(width, Help.WIDTH));
        throw new IllegalArgumentException("no text for " + v);
    }
}
