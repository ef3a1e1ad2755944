package rehearse.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Locale;
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
 * and never through a symbolic link, and held under an exclusive lock for the session's life:
 * a second session writing to it would interleave two histories that neither lived. A journal this
 * writer started that holds no command when it is closed (a rehearsal never started: the UI or
 * the shell opened and quit) is deleted then, so it leaves nothing behind; it is still made at
 * start, so that a place where no journal can be written is an error before the rehearsal, not
 * after it, and so that it is locked from the start.
 */
public final class JournalWriter implements Session.Recorder, Closeable {
    /** Another session holds the journal. */
    public static final class InUse extends IOException {
        private static final long serialVersionUID = 1L;

        InUse(Path file) {
            super(file + " is in use by another rehearsal; a second writer would interleave two histories", null);
        }
    }

    /**
     * The journal stopped being writable (a full disk, a file system gone): what every front end
     * says, once, naming the journal and the cause. Nothing is written after it, so the lines
     * before it stay whole, and a line it cut short is cut off by the next resume.
     */
    public static final class WriteFailed extends IOException {
        private static final long serialVersionUID = 1L;

        WriteFailed(Path file, IOException cause) {
            super("cannot write the journal " + file + ": " + rehearse.io.IoErrors.cause(cause) + "; the rehearsal up to"
                    + " there is in it: resume it with --resume " + file + " once it can be written", cause);
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private int scriptLine;
    private WriteFailed failure;
    /** The file's identity when this writer created it (null for a resumed journal, never deleted). */
    private Object createdKey;
    private boolean commands;
    private boolean closed;
    private boolean discarded;

    /** Over an open channel; {@code lock} is null only for a test's device. */
    JournalWriter(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Where the journal is. */
    public Path file() {
        return file;
    }

    /** Starts a new journal with a header that holds everything needed to replay it. */
    public static JournalWriter create(Path file, String clusterName, String clusterSource, String matrixSource) throws IOException {
        PrivateFile.parentOf(file);
        FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        JournalWriter w = new JournalWriter(file, ch, lock(file, ch));
        w.createdKey = key(file);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("journal", "rehearse");
        header.put("version", Journal.VERSION);
        header.put("cluster", clusterName);
        header.put("clusterSource", clusterSource);
        header.put("matrixSource", matrixSource);
        w.line(header);
        if (w.failure != null) { // a full disk or a dead file system shows now, before the rehearsal starts
            ch.close();
            // Nothing of it is a journal yet (no whole header): leave no empty file that could be neither resumed nor reused.
            Files.deleteIfExists(file);
            throw (IOException) w.failure.getCause();
        }
        return w;
    }

    /**
     * Starts a journal under {@code dir} with a fresh name: the cluster and the local time, and a
     * counter when two rehearsals start within the same second.
     */
    public static java.util.Map.Entry<Path, JournalWriter> createNew(Path dir, String clusterName, String clusterSource,
            String matrixSource) throws IOException {
        String base = "journal-" + clusterName.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + java.time.LocalDateTime.now(java.time.ZoneId.systemDefault())
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        for (int n = 1; ; n++) {
            Path file = dir.resolve(base + (n == 1 ? "" : "-" + n) + ".jsonl");
            try {
                return java.util.Map.entry(file, create(file, clusterName, clusterSource, matrixSource));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (n >= 1000) throw e;
            }
        }
    }

    /**
     * Opens an existing journal to resume it: refused at once unless it is a regular file (not a
     * link, pipe, device or directory), and locked before it is read, so that two sessions never
     * resume one journal. Nothing is written until {@link #continueAfter} is called.
     */
    public static JournalWriter resume(Path file) throws IOException {
        String kind = kindOf(file);
        if (kind != null) throw new java.nio.file.FileSystemException(file.toString(), null, kind);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        return new JournalWriter(file, ch, lock(file, ch));
    }

    /** Why {@code file} cannot be a journal to resume, or null. */
    public static String kindOf(Path file) {
        if (java.nio.file.Files.isSymbolicLink(file)) return "is a symbolic link; refusing to use it";
        return rehearse.io.InputFile.kind(file);
    }

    /** The locked channel, for {@link Journal#read(String, FileChannel)}. */
    public FileChannel channel() {
        return channel;
    }

    /**
     * Continues after what {@code journal} read: a last line cut short by a crash is cut off (it
     * was not replayed), a last line complete but for its line end is ended, so that the next
     * line starts a line of its own and the journal can be resumed again, as often as needed.
     */
    public synchronized void continueAfter(Journal journal, Journal.Replay replay) throws IOException {
        if (journal.keptBytes() < channel.size()) channel.truncate(journal.keptBytes());
        channel.position(channel.size());
        if (journal.endsWithoutNewline()) write(new byte[] {'\n'});
        // Where a crash may have left the last command's record short: the replay holds the rest to it.
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", journal.endTime());
        m.put("resumed", true);
        line(m);
        // The rest of a command the crash cut short, as the replay carried it out: the record is whole again.
        for (Event e : replay.restEvents()) event(e);
        replay.restOutcome().ifPresent(o -> outcome(replay.restTime(), o));
        check();
    }

    /** Deletes the journal if it is still the file this writer created (not one put in its place). */
    private void discard() {
        try {
            if (createdKey.equals(key(file))) {
                Files.delete(file);
                discarded = true;
            }
        } catch (IOException e) {
            // Left behind: a journal with no command in it, which resumes to the start; nothing lost.
        }
    }

    /** The file's identity (its inode on Unix), or null when it cannot be read: then it is never deleted. */
    private static Object key(Path file) {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            return key != null ? key : file.toAbsolutePath(); // a file system without file keys: its place
        } catch (IOException e) {
            return null;
        }
    }

    private static FileLock lock(Path file, FileChannel ch) throws IOException {
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process, by another session
        }
        if (lock == null) {
            ch.close();
            throw new InUse(file);
        }
        return lock;
    }

    /** The script line the next commands come from, so a resumed script knows where to go on. */
    public void scriptLine(int line) {
        this.scriptLine = line;
    }

    @Override
    public void command(long time, Command c, boolean settle) {
        synchronized (this) {
            commands = true; // before it is written: a journal whose first command failed to be written is kept, and reported
        }
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

    /**
     * Writes one line straight to the file (no buffer that could later write the rest of a line
     * that failed). The first failure is kept for {@link #check()}, and nothing is written after
     * it, so what the journal holds stays whole up to there.
     */
    private synchronized void line(Map<String, Object> m) {
        if (failure != null) return;
        write((Json.write(m) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void write(byte[] bytes) {
        if (failure != null) return;
        try {
            // Never more than a resume reads back: a journal that could not be resumed is not written.
            if (bytes.length > Journal.MAX_LINE_BYTES || channel.position() + bytes.length > Journal.MAX_BYTES) {
                throw new IOException("it would pass the limit of a journal, " + Journal.MAX_BYTES + " bytes (64 MiB) and "
                        + Journal.MAX_LINE_BYTES + " bytes (16 MiB) a line, the most a resume reads back");
            }
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) channel.write(b);
        } catch (IOException e) {
            failure = new WriteFailed(file, e);
        }
    }

    /** The first write failure, if any: the session must end (see {@link WriteFailed}). */
    public synchronized java.util.Optional<WriteFailed> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    /** Throws the first write failure, if any (a full disk must not pass silently). */
    public synchronized void check() throws WriteFailed {
        if (failure != null) throw failure;
    }

    /**
     * Whether the journal was closed and deleted because it held no command (see the class comment):
     * then there is nothing to resume, and nothing to name.
     */
    public synchronized boolean discarded() {
        return discarded;
    }

    /** Whether the journal was closed and is kept on disk, to be resumed: a journal to name to the operator. */
    public synchronized boolean kept() {
        return closed && !discarded;
    }

    /**
     * Releases the lock and closes; the first write failure, if any, is thrown. A journal this
     * writer created that holds no command is deleted first, while still locked, unless writing
     * it failed (that failure is reported, and the file is left as it is).
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            check();
            return;
        }
        closed = true;
        try {
            if (createdKey != null && !commands && failure == null) discard();
            channel.close(); // releases the lock
        } finally {
            if (lock != null && lock.isValid()) {
                try {
                    lock.release();
                } catch (IOException ignored) {
                    // the channel is closed: the lock went with it
                }
            }
        }
        check();
    }
}
