package rehearse.report;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import rehearse.base.Printable;
import rehearse.command.Command;
import rehearse.command.CommandParser;
import rehearse.command.ParseException;
import rehearse.explore.Exploration;
import rehearse.explore.Injection;
import rehearse.explore.Scenario;
import rehearse.plan.NoGo;
import rehearse.text.Clock;
import rehearse.text.Refusals;
import rehearse.text.Steps;

/** What the views of an exploration (text, JSON, Markdown, the UI's heat map) say alike about a scenario. */
public final class ExplorationWords {
    private ExplorationWords() {}

    /** Scenario numbers, 1 up, in the order the exploration lists them. */
    static IdentityHashMap<Scenario, Integer> ids(Exploration x) {
        IdentityHashMap<Scenario, Integer> ids = new IdentityHashMap<>();
        for (int i = 0; i < x.scenarios().size(); i++) ids.put(x.scenarios().get(i), i + 1);
        return ids;
    }

    /** {@code fail node NODEB at 0:10:13, while 'upgrade NODEA to IIS 5.0' runs}. */
    static String injection(Injection i) {
        String step = "'" + Steps.label(i.step().action()) + "'" + (i.again() ? " again" : "");
        return Printable.clean(i.fault().text()) + " at " + Clock.format(i.atMs()) + (i.during() ? ", while " + step + " runs" : ", before " + step);
    }

    public static String injections(Scenario s) {
        List<String> parts = new ArrayList<>();
        for (Injection i : s.injections()) parts.add(injection(i));
        return String.join("; then ", parts);
    }

    /**
     * A row of the matrix: the step numbered as in 'rehearse plan' and the runbook ("  3", "2.7",
     * "end 2"), or by its place in the run when the plan does not number it, then its words.
     */
    public static String row(Exploration x, int k) {
        return row(x, k, Integer.MAX_VALUE);
    }

    /** The row in at most {@code room} columns: the number whole, the words cut in the middle ({@link #middleCut}). */
    public static String row(Exploration x, int k, int room) {
        rehearse.plan.Step step = x.baseline().steps().get(k);
        String number = Steps.number(x.baseline().plan(), step, x.target().hops());
        String head = String.format(java.util.Locale.ROOT, "%3s ", number.isEmpty() ? Integer.toString(k + 1) : number);
        String words = Printable.clean(Steps.label(step.action()));
        int left = Math.max(4, room - rehearse.io.Text.columns(head));
        return head + (rehearse.io.Text.columns(words) <= left ? words : middleCut(words, left, nodeNames(x)));
    }

    /** The cluster's node names, the words a cut label keeps first (they tell two steps apart). */
    private static java.util.Set<String> nodeNames(Exploration x) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (x.baseline().endState().get("nodes") instanceof List<?> nodes) {
            for (Object n : nodes) if (n instanceof Map<?, ?> m && m.get("name") instanceof String name) out.add(Printable.clean(name));
        }
        return out;
    }

    /**
     * At most {@code room} columns: a text too long loses whole words from its middle, the run of
     * them that leaves the most ("move..NODEB to NODEA", "upgrade NODEA to..5.0"), its first and last
     * words kept; where no such cut fits, characters from the middle ("move all gr..B to NODEA").
     */
    public static String middleCut(String s, int room) {
        return middleCut(s, room, java.util.Set.of());
    }

    /** As {@link #middleCut(String, int)}, the cut that keeps the most of the words {@code keep} chosen first. */
    public static String middleCut(String s, int room, java.util.Set<String> keep) {
        if (rehearse.io.Text.columns(s) <= room) return s;
        List<String> w = java.util.Arrays.asList(s.split(" ", -1));
        String best = null;
        int bestKept = -1;
        for (int from = 1; from < w.size() - 1; from++) {
            for (int to = from + 1; to < w.size(); to++) { // words [from, to) go
                String cut = String.join(" ", w.subList(0, from)) + ".." + String.join(" ", w.subList(to, w.size()));
                int cols = rehearse.io.Text.columns(cut);
                if (cols > room) continue;
                int kept = 0;
                for (int i = 0; i < w.size(); i++) if ((i < from || i >= to) && keep.contains(w.get(i))) kept++;
                if (kept > bestKept || (kept == bestKept && cols > rehearse.io.Text.columns(best))) {
                    best = cut;
                    bestKept = kept;
                }
            }
        }
        if (best != null) return best;
        String head = rehearse.io.Text.fit(s, room / 2 - 1);
        String tail = new StringBuilder(rehearse.io.Text.fit(new StringBuilder(s).reverse().toString(),
                room - rehearse.io.Text.columns(head) - 2)).reverse().toString();
        return head + ".." + tail;
    }

    /** The outage as a matrix cell: the duration, or "stuck". */
    public static String cell(Scenario s) {
        if (s == null) return "-";
        if (!s.invariantsHeld()) return "BUG";
        return s.stuck() ? "stuck" : Clock.duration(s.outageMs());
    }

    /** Why a scenario is among the worst, in a sentence. */
    public static String reason(Scenario s, Exploration x) {
        StringBuilder b = new StringBuilder();
        if (!s.invariantsHeld()) b.append("a bug: ").append(s.invariantViolated().orElse("")).append(". ");
        switch (s.ending()) {
            case NEEDS_HUMAN -> b.append("Stuck, needs a human: ").append(s.stop().map(Refusals::of).orElse("the plan stopped")).append(' ');
            case ROLL_BACK -> b.append("Stuck, the policy rolls the hop back (a human's work): ")
                    .append(s.stop().map(Refusals::of).orElse("")).append(' ');
            case COMPLETED -> {
                List<String> done = recoveryCommands(s);
                b.append("Completes at ").append(Clock.format(s.clockMs())).append(done.isEmpty() ? ", no recovery needed. "
                        : " after the recovery: " + String.join(", ", done.stream().map(c -> "'" + c + "'").toList()) + ". ");
            }
        }
        b.append("IIS outage ").append(Clock.duration(s.outageMs()));
        if (s.stuck()) b.append(" by ").append(Clock.format(s.clockMs())).append(", where it stopped (more until a human acts)");
        b.append(s.windowHeld() ? ", within" : ", beyond").append(" the window (").append(Clock.duration(x.windowMs())).append(")");
        // Each group's downtime where there are a few; on a big cluster the longest three, and how many more.
        List<Map.Entry<String, Long>> down = new ArrayList<>(s.downtimeMs().entrySet());
        int shown = down.size() <= 4 ? down.size() : 3;
        if (shown < down.size()) down.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        List<String> groups = new ArrayList<>();
        for (Map.Entry<String, Long> g : down.subList(0, shown)) groups.add(g.getKey() + " " + Clock.duration(g.getValue()));
        if (shown < down.size()) groups.add("and " + (down.size() - shown) + " more groups");
        if (!groups.isEmpty()) b.append("; downtime ").append(String.join(", ", groups));
        return Printable.clean(b.append('.').toString());
    }

    /** What the operator did after the last fault: the script's commands there, but the plan's own ('run', 'step') and expectations. */
    static List<String> recoveryCommands(Scenario s) {
        List<String> out = new ArrayList<>();
        for (String line : s.afterFaults()) {
            Command c;
            try {
                c = CommandParser.parse(line).orElse(null);
            } catch (ParseException e) {
                throw new IllegalStateException("a scenario's script line does not parse: " + line, e);
            }
            if (c == null || c instanceof Command.Run || c instanceof Command.Step || c instanceof Command.Expect) continue;
            out.add(line);
        }
        return out;
    }

    /** The no-go the fault first caused, in words, or null. */
    static String firstNoGo(Scenario s) {
        return s.firstNoGo().map(NoGo.class::cast).map(Refusals::noGo).orElse(null);
    }

    static String script(Scenario s) {
        return String.join("\n", s.script()) + "\n";
    }
}
