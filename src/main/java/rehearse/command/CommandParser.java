package rehearse.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import rehearse.base.Printable;
import rehearse.model.GroupState;
import rehearse.model.NodeState;

/**
 * The one parser of the command language: line oriented, {@code #} starts a comment, names
 * with spaces are double-quoted (backslash escapes a quote), keywords are case-insensitive.
 */
public final class CommandParser {
    /** The first words of every command, for help and completion. */
    public static final List<String> VERBS = List.of("target", "plan", "step", "run", "move", "upgrade", "pause",
            "resume", "restore", "online", "offline", "owners", "failback", "remove", "recreate", "ack", "fail", "wait",
            "status", "expect", "rewind", "help");

    record Token(String text, int column, boolean quoted) {
        boolean is(String keyword) {
            return !quoted && text.equalsIgnoreCase(keyword);
        }
    }

    private List<Token> tokens;
    private int pos;
    private int endColumn;
    private String canonical;

    private CommandParser() {}

    /** Parses one line; empty for a blank or comment-only line. */
    public static Optional<Command> parse(String line) throws ParseException {
        CommandParser p = new CommandParser();
        p.tokens = tokenize(line);
        p.endColumn = line.length() + 1;
        p.canonical = canonical(p.tokens);
        if (p.tokens.isEmpty()) return Optional.empty();
        Command c = p.command();
        if (p.pos < p.tokens.size()) {
            Token t = p.tokens.get(p.pos);
            // After a bare word that ended an argument ("target IIS 5.0"), the likely slip is a name with spaces.
            Token before = p.tokens.get(p.pos - 1);
            boolean name = p.pos >= 2 && !before.quoted() && Character.isLetter(before.text().codePointAt(0));
            throw new ParseException(t.column(), "unexpected '" + Printable.clean(t.text()) + "' after a complete command"
                    + (name ? "; a name with spaces goes in double quotes (target \"IIS 5.0\", move \"Web Group\" to NODEB)" : ""));
        }
        return Optional.of(c);
    }

    static List<Token> tokenize(String line) throws ParseException {
        List<Token> out = new ArrayList<>();
        int i = 0, n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '#') break;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = line.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        b.append(line.charAt(i + 1));
                        i += 2;
                    } else if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    } else {
                        b.append(d);
                        i++;
                    }
                }
                if (!closed) throw new ParseException(start + 1, "unterminated quoted name (a closing \" is missing)");
                checkPrintable(b.toString(), start + 2);
                out.add(new Token(b.toString(), start + 1, true));
            } else {
                while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '"' && line.charAt(i) != '#') i++;
                String word = line.substring(start, i);
                checkPrintable(word, start + 1);
                out.add(new Token(word, start + 1, false));
            }
        }
        return out;
    }

    private static void checkPrintable(String s, int column) throws ParseException {
        int bad = Printable.firstUnsafe(s);
        if (bad >= 0) throw new ParseException(column + bad, String.format(java.util.Locale.ROOT, "control character U+%04X", s.codePointAt(bad)));
    }

    private Command command() throws ParseException {
        Token verb = next("a command (" + String.join(", ", VERBS) + ")");
        String v = verb.quoted() ? "" : verb.text().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "target" -> new Command.Target(text(), name("a configuration, e.g. \"IIS 5.0\""));
            case "plan" -> new Command.ShowPlan(text());
            case "step" -> new Command.Step(text());
            case "run" -> new Command.Run(text());
            case "move" -> move();
            case "upgrade" -> {
                String node = name("a node name");
                String config = null;
                if (peekIs("to")) {
                    pos++;
                    config = name("a configuration, e.g. \"IIS 5.0\"");
                }
                yield new Command.Upgrade(text(), node, config);
            }
            case "pause" -> new Command.Pause(text(), name("a node name"));
            case "resume" -> new Command.Resume(text(), name("a node name"));
            case "restore" -> new Command.Restore(text(), name("a node name"));
            case "online", "offline" -> {
                Command.Scope scope = scope();
                String name = name(scope == Command.Scope.RESOURCE ? "a resource name" : "a group or resource name");
                yield v.equals("online") ? new Command.Online(text(), scope, name) : new Command.Offline(text(), scope, name);
            }
            case "owners" -> {
                String resource = name("a resource name");
                List<String> nodes = new ArrayList<>();
                nodes.add(name("one or more node names"));
                while (pos < tokens.size()) nodes.add(name("a node name"));
                yield new Command.Owners(text(), resource, nodes);
            }
            case "failback" -> {
                String group = name("a group name");
                Token t = next("on or off");
                if (!t.is("on") && !t.is("off")) {
                    throw new ParseException(t.column(), "expected on or off, found '" + Printable.clean(t.text()) + "'");
                }
                yield new Command.Failback(text(), group, t.is("on"));
            }
            case "remove", "recreate" -> {
                if (peekIs("resource") && pos + 1 < tokens.size()) pos++;
                String resource = name("an IIS resource name");
                yield v.equals("remove") ? new Command.Remove(text(), resource) : new Command.Recreate(text(), resource);
            }
            case "ack" -> {
                keyword("preflight");
                yield new Command.AckPreflight(text());
            }
            case "fail" -> fail();
            case "wait" -> new Command.Wait(text(), pos < tokens.size() ? duration() : -1);
            case "status" -> new Command.Status(text());
            case "help" -> new Command.Help(text(), pos < tokens.size() ? next("a topic").text() : null);
            case "expect" -> expect();
            case "rewind" -> rewind();
            default -> throw new ParseException(verb.column(), "expected a command (" + String.join(", ", VERBS)
                    + "), found '" + Printable.clean(verb.text()) + "'");
        };
    }

    private Command move() throws ParseException {
        if (peekIs("all") && pos + 1 < tokens.size() && tokens.get(pos + 1).is("from")) {
            pos += 2;
            String from = name("the node to empty");
            keyword("to");
            return new Command.MoveAll(text(), from, name("the node to move the groups to"));
        }
        if (peekIs("group") && pos + 2 < tokens.size() && tokens.get(pos + 2).is("to")) pos++;
        String group = name("a group name, or 'all from NODE'");
        keyword("to");
        return new Command.Move(text(), group, name("a node name"));
    }

    private Command fail() throws ParseException {
        Token what = next("node, upgrade, join or resource");
        if (what.is("node")) {
            String node = name("a node name");
            long after = 0;
            if (peekIs("after") || peekIs("in")) {
                pos++;
                after = duration();
            }
            return new Command.FailNode(text(), node, after);
        }
        if (what.is("upgrade")) return new Command.FailUpgrade(text(), name("a node name"));
        if (what.is("join")) return new Command.FailJoin(text(), name("a node name"));
        if (what.is("resource")) {
            String r = name("a resource name");
            int times = 1;
            if (peekIs("times")) {
                pos++;
                Token t = next("a number of failures");
                try {
                    times = Integer.parseInt(t.text());
                } catch (NumberFormatException e) {
                    times = -1;
                }
                if (times < 1 || times > 100) throw new ParseException(t.column(), "expected a number of failures from 1 to 100");
            }
            return new Command.FailResource(text(), r, times);
        }
        throw new ParseException(what.column(), "expected node, upgrade, join or resource after 'fail', found '"
                + Printable.clean(what.text()) + "'");
    }

    private Command expect() throws ParseException {
        Token what = next("group, node, downtime or refused");
        if (what.is("refused")) return new Command.ExpectRefused(text());
        if (what.is("group")) {
            String group = name("a group name");
            GroupState state = null;
            if (pos < tokens.size() && !peekIs("on")) state = groupState();
            String node = null;
            if (peekIs("on")) {
                pos++;
                node = name("a node name");
            }
            return new Command.ExpectGroup(text(), group, state, node);
        }
        if (what.is("node")) {
            String node = name("a node name");
            NodeState state = null;
            String config = null;
            if (pos < tokens.size() && !peekIs("at")) state = nodeState();
            if (peekIs("at")) {
                pos++;
                config = name("a configuration");
            }
            return new Command.ExpectNode(text(), node, state, config);
        }
        if (what.is("downtime")) {
            String group = name("a group name");
            Token op = next("a comparison (<=, <, =, >=, >)");
            Command.Comparison cmp = null;
            for (Command.Comparison c : Command.Comparison.values()) if (c.symbol().equals(op.text())) cmp = c;
            if (op.text().equals("==")) cmp = Command.Comparison.EQ;
            if (cmp == null) {
                throw new ParseException(op.column(), "expected a comparison (<=, <, =, >=, >), found '" + Printable.clean(op.text()) + "'");
            }
            return new Command.ExpectDowntime(text(), group, cmp, duration());
        }
        throw new ParseException(what.column(), "expected group, node, downtime or refused after 'expect', found '"
                + Printable.clean(what.text()) + "'");
    }

    /** The most commands one {@code rewind N} names: more than any rehearsal holds. */
    public static final int MAX_REWIND_COMMANDS = 1_000_000_000;

    private Command rewind() throws ParseException {
        if (peekIs("to")) {
            pos++;
            Token t = next("a time, e.g. 0:45:13, 45m or 0s");
            long ms = t.text().indexOf(':') >= 0 ? clock(t) : duration(t);
            return new Command.RewindTo(text(), ms);
        }
        Token t = next("a number of commands, or 'to' and a time (rewind 2, rewind to 0:45:13)");
        int n;
        try {
            n = Integer.parseInt(t.text());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (t.quoted() || n < 1 || n > MAX_REWIND_COMMANDS || !t.text().chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new ParseException(t.column(), "expected a number of commands (1 or more), or 'to' and a time (rewind to 0:45:13),"
                    + " found '" + Printable.clean(t.text()) + "'");
        }
        return new Command.RewindBack(text(), n);
    }

    /** The longest a rehearsal's clock runs, in hours: ten years. */
    private static final long MAX_CLOCK_HOURS = 3650L * 24;

    /** A time as the clock shows it: {@code H:MM:SS}, with up to three digits of a second ({@code 0:00:13.250}). */
    private long clock(Token t) throws ParseException {
        long ms = clockMs(t.text());
        if (ms < 0) {
            throw new ParseException(t.column(), "expected a time as the clock shows it (0:45:13, 1:02:03.5) or a duration (45m),"
                    + " found '" + Printable.clean(t.text()) + "'");
        }
        return ms;
    }

    /** {@code H:MM:SS[.fff]} in milliseconds, or -1. */
    static long clockMs(String s) {
        String[] parts = s.split(":", -1);
        if (parts.length != 3) return -1;
        String seconds = parts[2], fraction = "";
        int dot = seconds.indexOf('.');
        if (dot >= 0) {
            fraction = seconds.substring(dot + 1);
            seconds = seconds.substring(0, dot);
            if (fraction.isEmpty() || fraction.length() > 3) return -1;
        }
        if (!digits(parts[0], 1, 5) || !digits(parts[1], 2, 2) || !digits(seconds, 2, 2) || !digits(fraction, 0, 3)) return -1;
        long h = Long.parseLong(parts[0]), m = Long.parseLong(parts[1]), sec = Long.parseLong(seconds);
        if (m > 59 || sec > 59 || h > MAX_CLOCK_HOURS) return -1;
        long ms = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "00").substring(0, 3));
        long total = ((h * 60 + m) * 60 + sec) * 1000 + ms;
        return total > MAX_CLOCK_HOURS * 3_600_000L ? -1 : total;
    }

    private static boolean digits(String s, int min, int max) {
        if (s.length() < min || s.length() > max) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    private GroupState groupState() throws ParseException {
        Token t = next("a state");
        String s = t.text().toLowerCase(Locale.ROOT);
        if (s.equals("partially") && peekIs("online")) {
            pos++;
            s = "partially online";
        }
        for (GroupState g : GroupState.values()) if (g.label().toLowerCase(Locale.ROOT).equals(s)) return g;
        throw new ParseException(t.column(), "expected a group state (online, offline, failed, pending, partially online), found '"
                + Printable.clean(t.text()) + "'");
    }

    private NodeState nodeState() throws ParseException {
        Token t = next("a state");
        String s = t.text().toLowerCase(Locale.ROOT);
        for (NodeState n : NodeState.values()) if (n.label().toLowerCase(Locale.ROOT).equals(s)) return n;
        throw new ParseException(t.column(), "expected a node state (up, down, paused, joining), found '" + Printable.clean(t.text()) + "'");
    }

    private Command.Scope scope() {
        if (peekIs("group") && pos + 1 < tokens.size()) {
            pos++;
            return Command.Scope.GROUP;
        }
        if (peekIs("resource") && pos + 1 < tokens.size()) {
            pos++;
            return Command.Scope.RESOURCE;
        }
        return Command.Scope.EITHER;
    }

    /** The longest duration, in milliseconds: 366 days. */
    public static final long MAX_DURATION_MS = 366L * 86_400_000L;
    /** The maximum as every message says it. */
    public static final String MAX_DURATION_WORDS = "366 days (8784h)";

    private long duration() throws ParseException {
        return duration(next("a duration, e.g. 30s, 5m, 1h30m"));
    }

    private long duration(Token t) throws ParseException {
        long ms = duration(t.text());
        if (ms == OVER_MAX) {
            throw new ParseException(t.column(), "duration '" + Printable.clean(t.text()) + "' is longer than the maximum, " + MAX_DURATION_WORDS);
        }
        if (ms < 0) throw new ParseException(t.column(), "expected a duration such as 30s, 5m or 1h30m, found '" + Printable.clean(t.text()) + "'");
        return ms;
    }

    /** Whether {@code s} is written as a duration but is longer than the maximum. */
    public static boolean overMaximum(String s) {
        return duration(s) == OVER_MAX;
    }

    private static final long NOT_A_DURATION = -1;
    private static final long OVER_MAX = -2;

    /**
     * "90" (seconds), "30s", "5m", "1h30m", "250ms", "1.5h"; null if not a duration or longer
     * than the maximum, 366 days (8784h, the longest a maintenance window or a wait can sensibly
     * be; README says so). One pass over the text, no regular expression: a duration of any
     * length costs time in proportion and no stack.
     */
    public static Long parseDuration(String s) {
        long ms = duration(s);
        return ms < 0 ? null : ms;
    }

    /** The duration in milliseconds, or {@link #NOT_A_DURATION}, or {@link #OVER_MAX} for one well written but too long. */
    private static long duration(String s) {
        final java.math.BigDecimal limit = java.math.BigDecimal.valueOf(MAX_DURATION_MS);
        String t = s.toLowerCase(Locale.ROOT);
        int n = t.length(), i = 0;
        if (n == 0) return NOT_A_DURATION;
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        boolean over = false; // once over the maximum, the rest is only read to tell a long duration from no duration
        while (i < n) {
            int start = i;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') i++;
            if (i == start) return NOT_A_DURATION;
            int significant = start;
            while (significant < i - 1 && t.charAt(significant) == '0') significant++;
            if (i - significant > 11) over = true; // 10^11 of even the smallest unit is over the maximum
            String digits = over ? "0" : t.substring(significant, i);
            if (i < n && t.charAt(i) == '.') {
                i++;
                int fraction = i;
                while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') i++;
                if (i == fraction) return NOT_A_DURATION;
                digits += "." + t.substring(fraction, Math.min(i, fraction + 12)); // finer than a microsecond of an hour is noise
            }
            java.math.BigDecimal number = new java.math.BigDecimal(digits);
            long unit;
            if (i == n && start == 0) {
                unit = 1000; // a bare number is seconds
            } else if (t.startsWith("ms", i)) {
                unit = 1;
                i += 2;
            } else if (i < n && (t.charAt(i) == 'h' || t.charAt(i) == 'm' || t.charAt(i) == 's')) {
                unit = switch (t.charAt(i)) {
                    case 'h' -> 3_600_000;
                    case 'm' -> 60_000;
                    default -> 1000;
                };
                i++;
            } else {
                return NOT_A_DURATION;
            }
            if (over) continue;
            total = total.add(number.multiply(java.math.BigDecimal.valueOf(unit)));
            if (total.compareTo(limit) > 0) over = true;
        }
        if (over) return OVER_MAX;
        return total.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    private String name(String expected) throws ParseException {
        return next(expected).text();
    }

    private void keyword(String k) throws ParseException {
        Token t = next("'" + k + "'");
        if (!t.is(k)) throw new ParseException(t.column(), "expected '" + k + "', found '" + Printable.clean(t.text()) + "'");
    }

    private boolean peekIs(String keyword) {
        return pos < tokens.size() && tokens.get(pos).is(keyword);
    }

    private Token next(String expected) throws ParseException {
        if (pos >= tokens.size()) throw new ParseException(endColumn, "expected " + expected + " at the end of the line");
        return tokens.get(pos++);
    }

    /** The command as canonical text: keywords lower-case, names quoted where needed. */
    private String text() {
        return canonical;
    }

    static String canonical(List<Token> tokens) {
        StringBuilder b = new StringBuilder();
        for (Token t : tokens) {
            if (b.length() > 0) b.append(' ');
            b.append(t.quoted() ? Quote.name(t.text()) : t.text());
        }
        return b.toString();
    }
}
