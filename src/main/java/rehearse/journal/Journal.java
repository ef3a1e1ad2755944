package rehearse.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rehearse.command.CommandParser;
import rehearse.command.ParseException;
import rehearse.io.ClusterLoader;
import rehearse.io.InputException;
import rehearse.io.InputFile;
import rehearse.io.IoErrors;
import rehearse.io.JsonReader;
import rehearse.io.Location;
import rehearse.io.Problem;
import rehearse.io.MatrixLoader;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.Cluster;
import rehearse.session.Session;
import rehearse.sim.Engine;
import rehearse.text.Events;
import rehearse.text.Outcomes;

/**
 * A journal read back: its header and commands, and the replay that rebuilds the session. Read
 * line by line under a size limit; every value it relies on is checked, so a damaged or foreign
 * file is a {@code FILE:LINE:COL} problem, never an internal error.
 */
public final class Journal {
    /** The journal format this program writes and reads. */
    public static final int VERSION = 1;
    /**
     * A journal holds its cluster and tables files (8 MiB each at most) and a line per command,
     * outcome and event: a full rolling upgrade of the bench cluster writes a few MB.
     */
    public static final int MAX_BYTES = 64 * 1024 * 1024;
    /** Ten years of simulated time: more than any rehearsal (each wait is at most 366 days). */
    public static final long MAX_TIME_MS = rehearse.sim.State.MAX_CLOCK_MS;

    /** The longest line a journal may have (a refusal naming thousands of groups is far shorter); read within the heap. */
    public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;
    /** A script of 8 MiB has fewer lines than this. */
    public static final int MAX_SCRIPT_LINE = InputFile.MAX_BYTES;

    /** A command of the journal: its time, text, whether it settled, script line, and its own line in the file. */
    public record Entry(long time, String command, boolean settle, int line, int fileLine, int column) {}

    /**
     * An outcome or event line as the journal recorded it, to be reproduced by the replay:
     * {@code kind} is the outcome's kind (null for an event), {@code words} its message or the
     * event's text, {@code time} the event's time; {@code column} is where the value the replay
     * compares begins.
     */
    record Recorded(String kind, String words, long time, int fileLine, int kindColumn, int wordsColumn, int timeColumn) {
        boolean event() {
            return kind == null;
        }
    }

    /** A command replayed: the journal's entry and what it did again. */
    public record Replayed(Entry entry, Session.Result result) {}

    /**
     * The session a journal rebuilt, and each command the replay ran, in order; and what the
     * journal's last command, cut short by a crash, did beyond its record (its later events and
     * its outcome, at {@code restTime}), for the resumed journal to hold whole.
     */
    public record Replay(Session session, List<Replayed> commands, List<rehearse.sim.Event> restEvents,
            Optional<rehearse.session.Outcome> restOutcome, long restTime) {}

    private final String clusterSource;
    private final String matrixSource;
    private final List<Entry> entries;
    private final List<List<Recorded>> recorded; // per entry
    private final long lastTime;
    private final long endTime;
    private final long playedTo;
    private final int events;
    private final long keptBytes;
    private final boolean endsWithoutNewline;

    private Journal(String clusterSource, String matrixSource, List<Entry> entries, List<List<Recorded>> recorded, long lastTime, long endTime,
            long playedTo, int events, long keptBytes, boolean endsWithoutNewline) {
        this.endTime = endTime;
        this.playedTo = playedTo;
        this.clusterSource = clusterSource;
        this.matrixSource = matrixSource;
        this.entries = entries;
        this.recorded = recorded;
        this.lastTime = lastTime;
        this.events = events;
        this.keptBytes = keptBytes;
        this.endsWithoutNewline = endsWithoutNewline;
    }

    public List<Entry> entries() {
        return entries;
    }

    public String clusterSource() {
        return clusterSource;
    }

    public String matrixSource() {
        return matrixSource;
    }

    /** The bytes of the file that were read as whole lines; a last line cut short lies beyond. */
    public long keptBytes() {
        return keptBytes;
    }

    /** The last line read is whole but has no line end (the crash fell between the two). */
    public boolean endsWithoutNewline() {
        return endsWithoutNewline;
    }

    /** The latest time the journal recorded. */
    public long lastTime() {
        return lastTime;
    }

    /**
     * The time of its last line: where the rehearsal's clock stood when the journal ends. Not the
     * latest time it recorded, once a {@code rewind} took the clock back.
     */
    public long endTime() {
        return endTime;
    }

    /** The last script line the journal reached (0 if none). */
    public int lastScriptLine() {
        int last = 0;
        for (Entry e : entries) last = Math.max(last, e.line());
        return last;
    }

    /** Reads a journal file; refuses a link, pipe, device or directory at once. */
    public static Journal read(Path file) throws InputException {
        String name = file.toString();
        String kind = JournalWriter.kindOf(file);
        if (kind != null) throw new InputException(new Problem(Location.of(name, 0, 0), kind));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(name, ch);
        } catch (IOException e) {
            throw new InputException(new Problem(Location.of(name, 0, 0), "cannot read the journal: " + IoErrors.cause(e)));
        }
    }

    /** Reads the journal on {@code ch} from its start, without closing it (the resuming writer holds its lock). */
    public static Journal read(String name, FileChannel ch) throws InputException, IOException {
        Reader r = new Reader(name);
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        long position = 0;
        while (true) {
            buf.clear();
            int n = ch.read(buf, position);
            if (n < 0) break;
            if (position + n > MAX_BYTES) {
                throw new InputException(new Problem(Location.of(name, r.fileLine, 0), "the journal is larger than " + MAX_BYTES
                        + " bytes (64 MiB), the limit of a journal"));
            }
            for (int i = 0; i < n; i++) r.accept(buf.get(i), position + i);
            position += n;
        }
        return r.end(position);
    }

    /** Splits the bytes into lines and reads each as it ends. */
    private static final class Reader {
        final String name;
        final List<Entry> entries = new ArrayList<>();
        final List<List<Recorded>> recorded = new ArrayList<>();
        boolean outcomeSeen = true; // of the last command: its record is whole
        boolean mayBeShort; // the last command's record may end early: a resume went on after a crash
        byte[] line = new byte[4096];
        int length;
        int fileLine = 1;
        long lineStart;
        long lastTime;
        long endTime;
        long playedTo = -1; // the clock of playback after the last command's outcome (UI), or -1
        int events;
        String clusterSource;
        String matrixSource;

        Reader(String name) {
            this.name = name;
        }

        void accept(byte b, long offset) throws InputException {
            if (b != '\n') {
                if (length == MAX_LINE_BYTES) {
                    throw problem(fileLine, 1, "journal line longer than " + MAX_LINE_BYTES + " bytes (16 MiB), the limit of a line");
                }
                if (length == line.length) line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, line.length * 2));
                line[length++] = b;
                return;
            }
            String text = decode();
            if (text == null) throw problem(fileLine, 1, "damaged journal line (not UTF-8)");
            take(text, fileLine, false);
            length = 0;
            fileLine++;
            lineStart = offset + 1;
        }

        private String decode() {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line, 0, length)).toString();
            } catch (CharacterCodingException e) {
                return null;
            }
        }

        /** One whole line; {@code last} when nothing follows it. */
        void take(String text, int number, boolean last) throws InputException {
            Map<?, ?> m = object(text);
            if (number == 1) {
                header(m, text);
                return;
            }
            if (m == null) {
                // A line cut short by a kill is expected at the very end; anywhere else the file is damaged.
                if (last) return;
                throw problem(number, 1, "damaged journal line");
            }
            long t = time(m, text, number);
            lastTime = Math.max(lastTime, t);
            endTime = t;
            Object c = m.get("command");
            if (c != null) {
                if (!(c instanceof String command)) throw problem(number, column(text, "command"), "'command' must be text");
                Object settle = m.get("settle");
                if (settle != null && !(settle instanceof Boolean)) throw problem(number, column(text, "settle"), "'settle' must be true or false");
                int scriptLine = 0;
                Object l = m.get("line");
                if (l != null) {
                    if (!(l instanceof Long v) || v < 1 || v > MAX_SCRIPT_LINE) {
                        throw problem(number, column(text, "line"), "script line " + shown(l) + " is out of range (1 to " + MAX_SCRIPT_LINE + ")");
                    }
                    scriptLine = (int) (long) v;
                }
                if (!outcomeSeen && !mayBeShort) {
                    Entry before = entries.get(entries.size() - 1);
                    throw problem(before.fileLine(), 1, "the journal records no outcome of this command before the next one (line "
                            + number + ")" + UNTRUE);
                }
                playedTo = -1;
                entries.add(new Entry(t, command, Boolean.TRUE.equals(settle), scriptLine, number, column(text, "command")));
                recorded.add(new ArrayList<>());
                outcomeSeen = false;
                mayBeShort = false;
            } else if (m.containsKey("event")) {
                if (!(m.get("event") instanceof String words)) throw problem(number, column(text, "event"), "'event' must be text");
                // Events after the outcome came with playback, between commands: the replay's clock brings them again.
                if (!outcomeSeen) recorded.get(recorded.size() - 1).add(new Recorded(null, words, t, number, column(text, "event"), column(text, "event"), column(text, "t")));
                else playedTo = t;
                events++;
            } else if (m.containsKey("outcome")) {
                if (!(m.get("outcome") instanceof String kind)) throw problem(number, column(text, "outcome"), "'outcome' must be text");
                if (outcomeSeen) throw problem(number, column(text, "outcome"), "an outcome with no command before it" + UNTRUE);
                if (!(m.get("message") instanceof String words)) throw problem(number, column(text, "message"), "'message' must be text");
                recorded.get(recorded.size() - 1).add(new Recorded(kind, words, t, number, column(text, "outcome"), column(text, "message"), column(text, "t")));
                outcomeSeen = true;
            } else if (Boolean.TRUE.equals(m.get("clock"))) {
                if (outcomeSeen) playedTo = t;
            } else if (Boolean.TRUE.equals(m.get("resumed"))) {
                mayBeShort = true;
            }
        }

        private void header(Map<?, ?> m, String text) throws InputException {
            if (m == null || !"rehearse".equals(m.get("journal"))) {
                throw problem(1, 1, "not a rehearse journal (no header line)");
            }
            Object version = m.get("version");
            if (!(version instanceof Long v) || v != VERSION) {
                throw problem(1, column(text, "version"), "journal version " + shown(version) + " is not one this rehearse reads"
                        + " (it reads version " + VERSION + "; a newer rehearse wrote it?)");
            }
            if (!(m.get("clusterSource") instanceof String cs)) throw problem(1, column(text, "clusterSource"), "the header holds no cluster file");
            clusterSource = cs;
            Object ms = m.get("matrixSource");
            if (ms != null && !(ms instanceof String)) throw problem(1, column(text, "matrixSource"), "the header's tables file is not text");
            matrixSource = (String) ms;
        }

        private long time(Map<?, ?> m, String text, int number) throws InputException {
            Object t = m.get("t");
            if (!(t instanceof Long v) || v < 0 || v > MAX_TIME_MS) {
                throw problem(number, t == null ? 1 : column(text, "t"), t == null ? "the line has no time ('t')"
                        : "time " + shown(t) + " is out of range (0 to " + MAX_TIME_MS + " ms, ten years)");
            }
            return v;
        }

        Journal end(long size) throws InputException {
            boolean cut = length > 0;
            long kept = size;
            boolean noNewline = false;
            if (cut) {
                String text = decode();
                Map<?, ?> m = text == null ? null : object(text);
                if (m != null) {
                    take(text, fileLine, true); // whole, but for its line end
                    noNewline = true;
                } else {
                    if (fileLine == 1) throw problem(1, 1, "not a rehearse journal (no header line)");
                    kept = lineStart; // cut short: not replayed, and cut off before the journal goes on
                }
            }
            if (clusterSource == null) throw problem(1, 1, size == 0 ? "the journal is empty" : "not a rehearse journal (no header line)");
            return new Journal(clusterSource, matrixSource, List.copyOf(entries), recordedCopy(), lastTime, endTime, playedTo, events, kept,
                    noNewline);
        }

        private List<List<Recorded>> recordedCopy() {
            List<List<Recorded>> copy = new ArrayList<>();
            for (List<Recorded> r : recorded) copy.add(List.copyOf(r));
            return List.copyOf(copy);
        }

        private InputException problem(int line, int column, String message) {
            return new InputException(new Problem(Location.of(name, line, column), message));
        }
    }

    /** The column of {@code "key":} in a line, for a problem about its value. */
    private static int column(String line, String key) {
        int at = line.indexOf("\"" + key + "\":");
        return at < 0 ? 1 : at + 1;
    }

    private static String shown(Object v) {
        return v == null ? "(none)" : rehearse.base.Printable.clean(String.valueOf(v));
    }

    private static Map<?, ?> object(String line) {
        try {
            return JsonReader.parse(line) instanceof Map<?, ?> m ? m : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Rebuilds the session the journal describes, by replaying its commands on the virtual clock.
     * What the journal recorded for each command (its events and outcome) must come out of the
     * replay again, in order: a journal changed by hand (a failure turned into a pass) or written
     * by a rehearse whose engine differs is refused at the first line the replay does not
     * reproduce. Only a crash may leave a command's record short: at the journal's end, or where
     * a resume went on (a {@code resumed} line).
     */
    public Replay replay(String name) throws InputException {
        UpgradeMatrix matrix = matrixSource == null ? MatrixLoader.builtIn()
                : MatrixLoader.parse(name + " (tables)", matrixSource.getBytes(StandardCharsets.UTF_8));
        Cluster cluster = new ClusterLoader(matrix).parse(name + " (cluster)", clusterSource.getBytes(StandardCharsets.UTF_8));
        Session s = new Session(Engine.start(matrix, cluster));
        List<Replayed> replayed = new ArrayList<>();
        List<rehearse.sim.Event> restEvents = List.of();
        Optional<rehearse.session.Outcome> restOutcome = Optional.empty();
        long restTime = 0;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.time() < s.state().clock()) {
                // Only a rewind takes the clock back, and it is a command of its own: a command is never typed before the last one ended.
                throw new InputException(new Problem(Location.of(name, e.fileLine(), 1), "the journal records this command at " + e.time()
                        + " ms, before the replay's clock (" + s.state().clock() + " ms)" + UNTRUE));
            }
            if (e.time() > s.state().clock()) s.advanceTo(e.time());
            try {
                Optional<rehearse.command.Command> c = CommandParser.parse(e.command());
                if (c.isEmpty()) continue;
                Session.Result r = s.submit(c.get(), e.settle());
                verify(name, recorded.get(i), r);
                replayed.add(new Replayed(e, r));
                List<Recorded> rec = recorded.get(i);
                if (i == entries.size() - 1 && (rec.isEmpty() || rec.get(rec.size() - 1).event())) {
                    restEvents = r.events().subList(rec.size(), r.events().size());
                    restOutcome = Optional.of(r.outcome());
                    restTime = s.state().clock();
                }
            } catch (ParseException ex) {
                throw new InputException(new Problem(Location.of(name, e.fileLine(), e.column()), "the journal's command does not parse: "
                        + ex.getMessage()));
            }
        }
        // Playback after the last command (the UI's): its clock. (A command a crash cut short is carried out whole instead.)
        if (playedTo > s.state().clock()) s.advanceTo(playedTo);
        return new Replay(s, List.copyOf(replayed), List.copyOf(restEvents), restOutcome, restTime);
    }

    /** The command's recorded events and outcome are what its replay gave, or the first part of it. */
    private static void verify(String name, List<Recorded> journal, Session.Result replay) throws InputException {
        for (int k = 0; k < journal.size(); k++) {
            Recorded r = journal.get(k);
            boolean replayEvent = k < replay.events().size();
            if (r.event() != replayEvent) {
                throw new InputException(new Problem(Location.of(name, r.fileLine(), r.kindColumn()), "the journal records "
                        + (r.event() ? "the event '" + shown(r.words()) + "'" : "the outcome '" + shown(r.kind()) + "'")
                        + " where the replay gives " + (replayEvent ? "the event '" + shown(Events.of(replay.events().get(k))) + "'"
                        : "the outcome '" + replay.outcome().kind() + "'") + UNTRUE));
            }
            String kind = r.event() ? null : replay.outcome().kind();
            String words = r.event() ? Events.of(replay.events().get(k)) : Outcomes.of(replay.outcome());
            if (kind != null && !kind.equals(r.kind())) {
                throw new InputException(new Problem(Location.of(name, r.fileLine(), r.kindColumn()), "the journal records the outcome '"
                        + shown(r.kind()) + "' where the replay gives '" + kind + "'" + UNTRUE));
            }
            if (r.event() && replay.events().get(k).time() != r.time()) {
                throw new InputException(new Problem(Location.of(name, r.fileLine(), r.timeColumn()), "the journal records the event '"
                        + shown(r.words()) + "' at " + r.time() + " ms where the replay gives " + replay.events().get(k).time() + " ms" + UNTRUE));
            }
            if (!words.equals(r.words())) {
                throw new InputException(new Problem(Location.of(name, r.fileLine(), r.wordsColumn()), "the journal records '"
                        + shown(r.words()) + "' where the replay gives '" + shown(words) + "'" + UNTRUE));
            }
        }
    }

    private static final String UNTRUE = ": the journal was changed after it was written, or written by another version of rehearse";

    /** How many events the journal recorded, to compare with a replay. */
    public int events() {
        return events;
    }
}
