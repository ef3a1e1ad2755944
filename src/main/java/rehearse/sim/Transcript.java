package rehearse.sim;

import java.util.ArrayList;
import java.util.List;
import rehearse.io.Printable;

/** One command's result as the lines a transcript shows; scripts and the shell print the same. */
public final class Transcript {
    /** How a line reads: the shell colours bad and good lines where it may. */
    public enum Tone { PLAIN, GOOD, BAD }

    public record Line(Tone tone, String text) {}

    private Transcript() {}

    /** {@code where} names the input line, e.g. {@code rolling.rh:3} or {@code shell:3}, for failed expectations. */
    public static List<Line> of(Session.Result r, String where) {
        List<Line> out = new ArrayList<>();
        for (Event e : r.events()) out.add(new Line(Tone.PLAIN, "  " + Clock.format(e.time()) + "  " + Printable.clean(e.describe())));
        Outcome o = r.outcome();
        String message = Printable.clean(o.message());
        switch (o.kind()) {
            case REFUSED -> out.add(new Line(Tone.BAD, "  REFUSED: " + message));
            case FAILED -> out.add(new Line(Tone.BAD, "  FAILED " + where + ": " + message));
            case PASSED -> out.add(new Line(Tone.GOOD, "  ok"));
            default -> {
                if (!message.isEmpty()) out.add(new Line(Tone.PLAIN, "  " + message));
            }
        }
        for (String l : r.output().split("\n")) if (!l.isEmpty()) out.add(new Line(Tone.PLAIN, "  " + Printable.clean(l)));
        return out;
    }
}
