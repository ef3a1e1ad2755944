package rehearse.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import rehearse.base.Printable;

/**
 * Writes a file the operator asked for (runbook, report, imported cluster) so that nothing else
 * is ever damaged: the text goes to a new file in the same directory, which then replaces the
 * destination in one rename. A symbolic link planted at the destination is refused, not
 * followed (and the rename would replace a link, never write through it); a named pipe, a
 * device or a directory is refused; so is an input of the same command (an import's own
 * listing, the --cluster file). A failure leaves the destination as it was.
 */
public final class OutputFile {
    /** Why a file could not be written, in the operator's words, without the path. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private OutputFile() {}

    /** What makes {@code dest} unusable, checked before any work is done; null when it can be written. */
    /** The path with its folder's links followed (a linked folder on the way names the same file), else as written. */
    private static Path sameName(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        try {
            return parent == null || abs.getFileName() == null ? abs : parent.toRealPath().resolve(abs.getFileName());
        } catch (IOException e) {
            return abs;
        }
    }

    public static String problem(Path dest, Collection<Path> inputs) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(dest, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            a = null;
        } catch (IOException e) {
            return IoErrors.cause(e);
        }
        if (a != null) {
            if (a.isSymbolicLink()) return "is a symbolic link; refusing to write through it (remove it or choose another name)";
            if (a.isDirectory()) return "is a directory";
            if (!a.isRegularFile()) return "is " + InputFile.special(dest) + "; only a regular file is written";
            for (Path in : inputs) {
                if (in == null) continue;
                try {
                    if (Files.isSameFile(dest, in)) return "is an input of this command (" + Printable.clean(in.toString())
                            + "); refusing to overwrite it";
                } catch (IOException e) {
                    // an input that cannot be compared was reported when it was read
                }
            }
        }
        // An input not written yet (a journal this command is about to create) is the same file when it is the same name.
        for (Path in : inputs) {
            if (in != null && sameName(dest).equals(sameName(in))) {
                return "is an input of this command (" + Printable.clean(in.toString()) + "); refusing to overwrite it";
            }
        }
        Path dir = directory(dest);
        if (!Files.isDirectory(dir)) return Files.exists(dir) ? "its directory is not a directory" : "its directory does not exist";
        if (!Files.isWritable(dir)) return "permission denied (its directory is not writable)";
        return null;
    }

    /**
     * As {@link #problem}, and then whether a file can really be made beside {@code dest} (a
     * directory the permissions allow may still refuse, as /proc does): a temporary file is made
     * and removed. For a command that works a long time before it writes.
     */
    public static String problemBeforeWork(Path dest, Collection<Path> inputs) {
        String problem = problem(dest, inputs);
        if (problem != null) return problem;
        Path t = temporary(directory(dest), dest);
        try {
            createNew(t).close();
            Files.deleteIfExists(t);
            return null;
        } catch (IOException e) {
            return IoErrors.cause(e);
        }
    }

    /** Writes {@code text} (UTF-8) to {@code dest} through a temporary file and a rename. */
    public static void write(Path dest, String text, Collection<Path> inputs) throws Refused {
        write(dest, text.getBytes(StandardCharsets.UTF_8), inputs);
    }

    /** Writes {@code bytes} to {@code dest} through a temporary file and a rename. */
    public static void write(Path dest, byte[] bytes, Collection<Path> inputs) throws Refused {
        String problem = problem(dest, inputs);
        if (problem != null) throw new Refused(problem);
        Path dir = directory(dest);
        Path temp = null;
        try {
            for (int i = 0; temp == null; i++) {
                Path t = temporary(dir, dest);
                try {
                    FileChannel ch = createNew(t);
                    temp = t;
                    try (OutputStream out = Channels.newOutputStream(ch)) {
                        out.write(bytes);
                        ch.force(true); // a full disk shows now, not after the rename
                    }
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    if (i > 100) throw e;
                }
            }
            try {
                Files.move(temp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, dest, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new Refused(IoErrors.cause(e));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the reason of the failure is what matters
                }
            }
        }
    }

    /** A hidden name beside {@code dest}, in {@code dir}, for a file made before the rename. */
    private static Path temporary(Path dir, Path dest) {
        return dir.resolve("." + dest.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    }

    /** Created new, never through a link; the mode is the usual one less the umask. */
    private static FileChannel createNew(Path t) throws IOException {
        return FileChannel.open(t, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS);
    }

    private static Path directory(Path dest) {
        Path parent = dest.toAbsolutePath().getParent();
        return Objects.requireNonNullElse(parent, dest.toAbsolutePath().getRoot());
    }
}
