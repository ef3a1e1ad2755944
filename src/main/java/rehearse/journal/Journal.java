package rehearse.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rehearse.command.CommandParser;
import rehearse.command.ParseException;
import rehearse.io.ClusterLoader;
import rehearse.io.InputException;
import rehearse.io.JsonReader;
import rehearse.io.Location;
import rehearse.io.Problem;
import rehearse.matrix.MatrixLoader;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.Cluster;
import rehearse.session.Session;
import rehearse.sim.Engine;

/** A journal read back: its header and commands, and the replay that rebuilds the session. */
public final class Journal {
    public record Entry(long time, String command, boolean settle, int line) {}

    private final String clusterSource;
    private final String matrixSource;
    private final List<Entry> entries;
    private final long lastTime;
    private final int events;

    private Journal(String clusterSource, String matrixSource, List<Entry> entries, long lastTime, int events) {
        this.clusterSource = clusterSource;
        this.matrixSource = matrixSource;
        this.entries = entries;
        this.lastTime = lastTime;
        this.events = events;
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

    /** The last script line the journal reached (0 if none). */
    public int lastScriptLine() {
        int last = 0;
        for (Entry e : entries) last = Math.max(last, e.line());
        return last;
    }

    public static Journal read(Path file) throws InputException {
        String name = file.toString();
        List<String> lines;
        try {
            if (Files.isSymbolicLink(file)) throw new InputException(new Problem(Location.of(name, 0, 0), "is a symbolic link; refusing to read it"));
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(new Problem(Location.of(name, 0, 0), "cannot read the journal: " + e.getMessage()));
        }
        if (lines.isEmpty()) throw new InputException(new Problem(Location.of(name, 1, 1), "the journal is empty"));
        Map<?, ?> header = object(lines.get(0));
        if (header == null || !"rehearse".equals(header.get("journal")) || !(header.get("clusterSource") instanceof String)) {
            throw new InputException(new Problem(Location.of(name, 1, 1), "not a rehearse journal (no header line)"));
        }
        List<Entry> entries = new ArrayList<>();
        long last = 0;
        int events = 0;
        for (int i = 1; i < lines.size(); i++) {
            Map<?, ?> m = object(lines.get(i));
            if (m == null) {
                // A line cut short by a kill is expected at the very end; anywhere else the file is damaged.
                if (i == lines.size() - 1) break;
                throw new InputException(new Problem(Location.of(name, i + 1, 1), "damaged journal line"));
            }
            long t = m.get("t") instanceof Long l ? l : 0;
            last = Math.max(last, t);
            if (m.get("command") instanceof String c) {
                boolean settle = Boolean.TRUE.equals(m.get("settle"));
                int line = m.get("line") instanceof Long l ? l.intValue() : 0;
                entries.add(new Entry(t, c, settle, line));
            } else if (m.containsKey("event")) {
                events++;
            }
        }
        return new Journal((String) header.get("clusterSource"),
                header.get("matrixSource") instanceof String ms ? ms : null, entries, last, events);
    }

    private static Map<?, ?> object(String line) {
        try {
            return JsonReader.parse(line) instanceof Map<?, ?> m ? m : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Rebuilds the session the journal describes, by replaying its commands on the virtual clock. */
    public Session replay(String name) throws InputException {
        UpgradeMatrix matrix = matrixSource == null ? MatrixLoader.builtIn()
                : MatrixLoader.parse(name + " (tables)", matrixSource.getBytes(StandardCharsets.UTF_8));
        Cluster cluster = new ClusterLoader(matrix).parse(name + " (cluster)", clusterSource.getBytes(StandardCharsets.UTF_8));
        Session s = new Session(Engine.start(matrix, cluster));
        int n = 0;
        for (Entry e : entries) {
            n++;
            if (e.time() > s.state().clock()) s.advanceTo(e.time());
            try {
                Optional<rehearse.command.Command> c = CommandParser.parse(e.command());
                if (c.isPresent()) s.submit(c.get(), e.settle());
            } catch (ParseException ex) {
                throw new InputException(new Problem(Location.of(name, 0, 0), "journal command " + n + " does not parse: " + ex.getMessage()));
            }
        }
        if (lastTime > s.state().clock()) s.advanceTo(lastTime);
        return s;
    }

    /** How many events the journal recorded, to compare with a replay. */
    public int events() {
        return events;
    }
}
