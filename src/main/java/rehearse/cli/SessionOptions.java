package rehearse.cli;

import rehearse.base.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.base.Failure;
import rehearse.io.ClusterLoader;
import rehearse.io.InputException;
import rehearse.io.IoErrors;
import rehearse.journal.Journal;
import rehearse.journal.JournalWriter;
import rehearse.journal.StateDir;
import rehearse.session.Session;
import rehearse.sim.Engine;

/** {@code --cluster}, {@code --resume}, {@code --journal}: where a rehearsal starts and where it is journaled. */
public final class SessionOptions {
    private final Value<Path> clusterFile;
    private final Value<Path> resumeFile;
    private final Value<Path> journalFile;

    /** The sample cluster, journaled where interactive front ends journal by default. */
    SessionOptions() {
        clusterFile = new Value<>();
        resumeFile = new Value<>();
        journalFile = new Value<>();
    }

    /** Adds --cluster, --resume and --journal to a command. */
    SessionOptions(CommandSpec spec) {
        clusterFile = Specs.option(spec, "--cluster", "FILE", Path.class, "Cluster file (default: the built-in sample cluster).");
        resumeFile = Specs.option(spec, "--resume", "JOURNAL", Path.class,
                "Rebuild the rehearsal a journal recorded (after a crash or a dropped SSH session) and go on with it.");
        journalFile = Specs.option(spec, "--journal", "FILE", Path.class,
                "Journal file (JSON lines, mode 0600). By default the UI and the shell write a new one in the state"
                        + " directory (see XDG_STATE_HOME in 'rehearse --help').");
    }

    /** The files this session reads or appends to (--cluster, --resume, --journal): never a report's place. */
    List<Path> files() {
        return Arrays.asList(clusterFile.value(), resumeFile.value(), journalFile.value());
    }

    /**
     * A session ready to use, its journal (or null), where that journal is, the last script line it
     * reached, and the commands a resume replayed (their outcomes count in the rehearsal's result).
     */
    record Opened(Session session, JournalWriter journal, Path journalPath, int afterLine, List<Journal.Replayed> replayed) {}

    /** A session loaded or replayed; a resumed one already appends to its journal. */
    record Loaded(Session session, String clusterSource, Opened resumed) {}

    /** Loads or replays; with {@code defaultJournal} a journal is always written. Failures end the command cleanly. */
    Opened open(Inputs inputs, boolean defaultJournal) {
        return journal(inputs, load(inputs), defaultJournal);
    }

    Loaded load(Inputs inputs) {
        Path resume = resumeFile.value();
        if (resume != null) return resume(inputs, resume);
        try {
            Path cluster = clusterFile.value();
            // Read once: the journal embeds exactly the text this session was built from.
            byte[] source = cluster == null ? ClusterLoader.sampleBytes() : ClusterLoader.read(cluster);
            Session session = new Session(Engine.start(inputs.matrix(),
                    cluster == null ? inputs.cluster(null) : inputs.cluster(cluster.toString(), source)));
            return new Loaded(session, new String(source, StandardCharsets.UTF_8), null);
        } catch (InputException e) {
            throw Inputs.dataError(e);
        }
    }

    /**
     * Replays a journal and goes on appending to it. The journal is locked before it is read and
     * for the session's life; a last line cut short by a crash is cut off once the replay has
     * succeeded, so the journal can be resumed again and again.
     */
    private Loaded resume(Inputs inputs, Path resume) {
        List<String> ignored = new ArrayList<>();
        if (clusterFile.value() != null) ignored.add("--cluster");
        if (inputs.matrixFile() != null) ignored.add("--matrix");
        if (journalFile.value() != null) ignored.add("--journal");
        if (!ignored.isEmpty()) {
            throw new Failure(ExitCodes.USAGE, "rehearse: " + String.join(" and ", ignored) + " cannot be given with --resume: the"
                    + " journal holds the cluster and tables it began with, and goes on in the same file");
        }
        String kind = JournalWriter.kindOf(resume); // a pipe, device or directory is refused before it is opened
        if (kind != null) throw new Failure(ExitCodes.DATA, resume + ": " + kind);
        JournalWriter writer;
        try {
            writer = JournalWriter.resume(resume);
        } catch (JournalWriter.InUse e) {
            throw inUse(resume);
        } catch (IOException e) {
            throw cannotWrite(resume, e);
        }
        try {
            Journal j = Journal.read(resume.toString(), writer.channel());
            Journal.Replay replay = j.replay(resume.toString());
            Session session = replay.session();
            writer.continueAfter(j, replay);
            session.record(writer);
            return new Loaded(session, null, new Opened(session, writer, resume, j.lastScriptLine(), replay.commands()));
        } catch (InputException e) {
            closeQuietly(writer);
            throw Inputs.dataError(e);
        } catch (IOException e) {
            closeQuietly(writer);
            throw cannotWrite(resume, e);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            throw e;
        }
    }

    private static void closeQuietly(JournalWriter w) {
        try {
            w.close();
        } catch (IOException ignored) {
            // the failure being reported matters more
        }
    }

    static Failure inUse(Path journal) {
        return new Failure(ExitCodes.CANT_CREATE, "rehearse: the journal " + journal + " is in use by another rehearsal;"
                + " two sessions writing one journal would interleave two histories (end the other one, or copy the journal"
                + " and resume the copy)");
    }

    /** Opens the journal of a loaded session and attaches it. */
    Opened journal(Inputs inputs, Loaded loaded, boolean defaultJournal) {
        if (loaded.resumed() != null) return loaded.resumed();
        Session session = loaded.session();
        String name = session.state().cluster().name();
        try {
            JournalWriter journal = null;
            Path path = journalFile.value();
            if (path != null) {
                journal = JournalWriter.create(path, name, loaded.clusterSource(), inputs.matrixSource());
            } else if (defaultJournal) {
                Map.Entry<Path, JournalWriter> made = JournalWriter.createNew(StateDir.of(System.getenv()), name,
                        loaded.clusterSource(), inputs.matrixSource());
                path = made.getKey();
                journal = made.getValue();
            }
            if (journal != null) session.record(journal);
            return new Opened(session, journal, path, 0, List.of());
        } catch (JournalWriter.InUse e) {
            throw inUse(journalFile.value());
        } catch (IOException e) {
            throw cannotWrite(journalFile.value() != null ? journalFile.value() : StateDir.of(System.getenv()), e);
        }
    }

    /**
     * The journal stopped being writable during the rehearsal: one rule for every front end (the
     * script runner, the shell, the UI): said when it happens, naming the journal and the cause,
     * and the session ends with {@link ExitCodes#IO_ERROR}.
     */
    public static Failure journalFailed(Path journal, IOException e) {
        String words = e instanceof JournalWriter.WriteFailed ? e.getMessage()
                : "cannot write the journal " + journal + ": " + IoErrors.cause(e);
        return new Failure(ExitCodes.IO_ERROR, "rehearse: " + words);
    }

    /** Found at start, not as a lost rehearsal later. */
    private static Failure cannotWrite(Path where, IOException e) {
        return new Failure(ExitCodes.CANT_CREATE, "rehearse: cannot write the journal " + where + ": " + IoErrors.cause(e)
                + " (choose another place with --journal FILE)");
    }
}
