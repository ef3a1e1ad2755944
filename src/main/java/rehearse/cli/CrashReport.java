package rehearse.cli;

import rehearse.base.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import rehearse.base.Printable;
import rehearse.journal.PrivateFile;
import rehearse.journal.StateDir;

/**
 * An internal error (a bug of ours): its stack trace goes to a file only the operator can read,
 * {@code $XDG_STATE_HOME/rehearse/crash-TIMESTAMP.txt} (else under {@code ~/.local/state}), and
 * the terminal gets one line that names the file.
 */
final class CrashReport {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private CrashReport() {}

    /** Writes the trace, prints the one line (with {@code note} if not null) and returns exit code 70. */
    static int report(PrintWriter err, Throwable e, String note, String... args) {
        return report(err, e, note, System.getenv(), Instant.now(), args);
    }

    static int report(PrintWriter err, Throwable e, String note, Map<String, String> env, Instant now, String... args) {
        StringBuilder line = new StringBuilder("rehearse: internal error: ").append(Printable.clean(String.valueOf(e)));
        try {
            Path file = write(StateDir.of(env), e, now, args);
            line.append(" (a bug: please report it with ").append(Printable.clean(file.toString())).append(", which holds its trace");
        } catch (IOException | RuntimeException notSaved) {
            line.append(" (a bug: please report it; its trace could not be saved: ").append(Printable.clean(notSaved.getMessage()));
        }
        if (note != null) line.append("; ").append(note);
        err.println(line.append(')'));
        err.flush();
        return ExitCodes.SOFTWARE;
    }

    /** A new private file in {@code dir}; a second crash in the same second gets its own. */
    static Path write(Path dir, Throwable e, Instant now, String... args) throws IOException {
        Path first = dir.resolve("crash-" + STAMP.format(now) + ".txt");
        PrivateFile.parentOf(first);
        Path file = first;
        for (int n = 2; ; n++) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                break;
            } catch (FileAlreadyExistsException taken) {
                if (n > 100) throw taken;
                file = dir.resolve(first.getFileName().toString().replace(".txt", "-" + n + ".txt"));
            }
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); PrintWriter out = new PrintWriter(w)) {
            String[] version = new VersionProvider().getVersion();
            out.println("rehearse internal error, " + DateTimeFormatter.ISO_INSTANT.format(now));
            out.println(version[0] + "; " + version[1] + "; " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            out.println("arguments: " + (args.length == 0 ? "(none)" : String.join(" ", quoted(args))));
            out.println();
            e.printStackTrace(out);
        }
        return file;
    }

    private static String[] quoted(String[] args) {
        String[] q = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            String a = Printable.clean(args[i]);
            q[i] = a.isEmpty() || a.chars().anyMatch(c -> c == ' ' || c == '"' || c == '\'') ? '"' + a.replace("\"", "\\\"") + '"' : a;
        }
        return q;
    }
}
