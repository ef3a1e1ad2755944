package rehearse.explore;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import rehearse.command.Quote;

/**
 * A scenario's script, unchangeable: its commands (its own lines, then another scenario's from a
 * point on, shared rather than copied), then an {@code expect downtime} line for each IIS group,
 * written out only when read (thousands of scenarios of a big cluster each end with a thousand).
 */
final class ScriptLines extends AbstractList<String> implements RandomAccess {
    private final String[] own;
    private final List<String> rest;
    private final int from;
    private final int commands;
    private final Downtimes downtimes;

    private ScriptLines(String[] own, List<String> rest, int from, Downtimes downtimes) {
        if (from < 0 || from > rest.size()) throw new IndexOutOfBoundsException(from);
        this.own = own;
        this.rest = rest;
        this.from = from;
        this.commands = own.length + rest.size() - from;
        this.downtimes = downtimes;
    }

    /** {@code lines}, then the downtimes expected. */
    static ScriptLines of(List<String> lines, Downtimes downtimes) {
        return new ScriptLines(lines.toArray(String[]::new), List.of(), 0, downtimes);
    }

    /** {@code lines}, then the commands of {@code rest} from index {@code from} on, then the downtimes expected. */
    static ScriptLines of(List<String> lines, ScriptLines rest, int from, Downtimes downtimes) {
        return new ScriptLines(lines.toArray(String[]::new), rest.commands(), from, downtimes);
    }

    /** The commands alone, without the downtimes expected at the end. */
    List<String> commands() {
        return downtimes == null ? this : new ScriptLines(own, rest, from, null);
    }

    @Override
    public String get(int i) {
        if (i < 0 || i >= size()) throw new IndexOutOfBoundsException(i);
        if (i < own.length) return own[i];
        if (i < commands) return rest.get(from + i - own.length);
        int g = i - commands;
        return "expect downtime " + Quote.name(downtimes.name(g)) + " = " + Durations.words(downtimes.ms(g));
    }

    @Override
    public int size() {
        return commands + (downtimes == null ? 0 : downtimes.size());
    }
}
