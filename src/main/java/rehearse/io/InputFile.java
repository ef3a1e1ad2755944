package rehearse.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Reads an input file (cluster file, tables file, script, cluster.exe listing, journal): only a
 * regular file, and never more than a limit, counted while reading, so that a device
 * ({@code /dev/zero}), a named pipe without a writer, or a file that keeps growing ends as one
 * clear problem rather than a hang or an exhausted heap.
 */
public final class InputFile {
    /** A cluster file with a thousand groups is well under 1 MiB; anything much larger is a mistake. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    private InputFile() {}

    public static byte[] read(Path file) throws InputException {
        return read(file, MAX_BYTES);
    }

    public static byte[] read(Path file, int limit) throws InputException {
        String name = file.toString();
        String kind = kind(file);
        if (kind != null) throw new InputException(new Problem(Location.of(name, 0, 0), kind));
        try (InputStream in = Files.newInputStream(file)) {
            return read(name, in, limit);
        } catch (IOException e) {
            throw new InputException(new Problem(Location.of(name, 0, 0), "cannot read: " + IoErrors.cause(e)));
        }
    }

    /** At most {@code limit} bytes of {@code in}; more is a problem at the line and column where the limit was crossed. */
    public static byte[] read(String name, InputStream in, int limit) throws IOException, InputException {
        byte[] buf = new byte[Math.min(limit + 1, 64 * 1024)];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                if (n > limit) break;
                buf = Arrays.copyOf(buf, (int) Math.min((long) limit + 1, 2L * buf.length));
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) return n == buf.length ? buf : Arrays.copyOf(buf, n);
            n += r;
        }
        int line = 1, col = 1;
        for (int i = 0; i < limit; i++) {
            if (buf[i] == '\n') {
                line++;
                col = 1;
            } else if ((buf[i] & 0xC0) != 0x80) {
                col++; // columns count characters: UTF-8 continuation bytes do not start one
            }
        }
        throw new InputException(new Problem(Location.of(name, line, col),
                "file too large: more than " + limit + " bytes (" + (limit / (1024 * 1024)) + " MiB), the limit for this input"));
    }

    /**
     * Why {@code file} is not a regular file we may read ("is a directory", "is a named pipe
     * (FIFO)", ...), or null when it is one. Symbolic links are followed: a link to a cluster
     * file is a cluster file.
     */
    public static String kind(Path file) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return IoErrors.cause(e);
        }
        if (a.isRegularFile()) return null;
        if (a.isDirectory()) return "is a directory, not a file";
        return "is " + special(file) + "; only a regular file can be read";
    }

    /** "a named pipe (FIFO)", "a character device", ... from the file's mode. */
    static String special(Path file) {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            return switch (mode & 0170000) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "not a regular file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "not a regular file";
        }
    }
}
