package rehearse.journal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files only the operator may read (journals, history): mode 0600, never through a symbolic link. */
public final class PrivateFile {
    private PrivateFile() {}

    /** Creates the directory {@code file} goes in, private to the operator, when it is missing. */
    public static void parentOf(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (Files.isSymbolicLink(file)) throw new FileSystemException(file.toString(), null, "is a symbolic link; refusing to use it");
    }

    /** Makes sure {@code file} exists as a regular, private file; refuses a planted symbolic link. */
    public static Path ensure(Path file) throws IOException {
        parentOf(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) throw new FileSystemException(file.toString(), null, "is not a regular file");
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (!p.equals(PosixFilePermissions.fromString("rw-------"))) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        }
        if (!Files.isWritable(file)) throw new java.nio.file.AccessDeniedException(file.toString());
        return file;
    }
}
