package rehearse.journal;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import rehearse.command.Command;
import rehearse.io.Json;
import rehearse.session.Outcome;
import rehearse.session.Session;
import rehearse.sim.Event;
import rehearse.text.Events;
import rehearse.text.Outcomes;

/**
 * Appends one JSON line per command, outcome and event, flushed as it happens, so a rehearsal
 * killed at any moment can be rebuilt by replaying its commands. The file is created mode 0600
 * and never through a symbolic link.
 */
public final class JournalWriter implements Session.Recorder, Closeable {
    private final BufferedWriter out;
    private int scriptLine;
    private IOException failure;

    private JournalWriter(BufferedWriter out) {
        this.out = out;
    }

    /** Starts a new journal with a header that holds everything needed to replay it. */
    public static JournalWriter create(Path file, String clusterName, String clusterSource, String matrixSource) throws IOException {
        JournalWriter w = open(file, true);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("journal", "rehearse");
        header.put("version", 1);
        header.put("cluster", clusterName);
        header.put("clusterSource", clusterSource);
        header.put("matrixSource", matrixSource);
        w.line(header);
        w.check(); // a full disk or a dead file system shows now, before the rehearsal starts
        return w;
    }

    /**
     * Starts a journal under {@code dir} with a fresh name: the cluster and the local time, and a
     * counter when two rehearsals start within the same second.
     */
    public static java.util.Map.Entry<Path, JournalWriter> createNew(Path dir, String clusterName, String clusterSource,
            String matrixSource) throws IOException {
        String base = "journal-" + clusterName.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        for (int n = 1; ; n++) {
            Path file = dir.resolve(base + (n == 1 ? "" : "-" + n) + ".jsonl");
            try {
                return java.util.Map.entry(file, create(file, clusterName, clusterSource, matrixSource));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (n >= 1000) throw e;
            }
        }
    }

    /** Continues an existing journal after a resume. */
    public static JournalWriter append(Path file) throws IOException {
        return open(file, false);
    }

    private static JournalWriter open(Path file, boolean create) throws IOException {
        PrivateFile.parentOf(file);
        Set<OpenOption> opts = create
                ? Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS)
                : Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
        FileChannel ch = create
                ? FileChannel.open(file, opts, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(file, opts);
        return new JournalWriter(new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8)));
    }

    /** The script line the next commands come from, so a resumed script knows where to go on. */
    public void scriptLine(int line) {
        this.scriptLine = line;
    }

    @Override
    public void command(long time, Command c, boolean settle) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", time);
        m.put("command", c.text());
        m.put("settle", settle);
        if (scriptLine > 0) m.put("line", scriptLine);
        line(m);
    }

    @Override
    public void outcome(long time, Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", time);
        m.put("outcome", o.kind());
        m.put("message", Outcomes.of(o));
        line(m);
    }

    @Override
    public void event(Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", e.time());
        m.put("event", Events.of(e));
        line(m);
    }

    @Override
    public void clock(long time) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", time);
        m.put("clock", true);
        line(m);
    }

    /** Writes and flushes one line; the first failure is kept for {@link #check()}. */
    private void line(Map<String, Object> m) {
        if (failure != null) return;
        try {
            out.write(Json.write(m));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Throws the first write failure, if any (a full disk must not pass silently). */
    public void check() throws IOException {
        if (failure != null) throw failure;
    }

    @Override
    public void close() throws IOException {
        out.close();
        check();
    }
}
