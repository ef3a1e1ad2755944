package rehearse.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Locale;
import rehearse.base.Printable;

/**
 * The cause of a failed file operation in the operator's words ("permission denied", "is a
 * directory", "no space left on device"), without the path, which the caller names once. The one
 * place that maps {@code java.nio.file} exceptions and the operating system's messages.
 */
public final class IoErrors {
    private IoErrors() {}

    public static String cause(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileAlreadyExistsException) return "already exists";
        if (e instanceof NotDirectoryException) return "not a directory";
        if (e instanceof DirectoryNotEmptyException) return "directory not empty";
        if (e instanceof FileSystemLoopException) return "too many levels of symbolic links";
        if (e instanceof NotLinkException) return "not a symbolic link";
        String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        return reason == null || reason.isBlank() ? e.getClass().getSimpleName() : words(reason);
    }

    /** "No space left on device" as "no space left on device"; the JDK's "(Is a directory)" suffixes unwrapped. */
    private static String words(String reason) {
        String r = reason.strip();
        int open = r.lastIndexOf(" (");
        if (open >= 0 && r.endsWith(")")) r = r.substring(open + 2, r.length() - 1); // FileOutputStream: "PATH (Reason)"
        String lower = r.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left")) return "no space left on device";
        if (lower.contains("permission denied") || lower.contains("operation not permitted")) return "permission denied";
        if (lower.contains("is a directory")) return "is a directory";
        if (lower.contains("not a directory")) return "not a directory";
        if (lower.contains("read-only file system")) return "read-only file system";
        if (lower.contains("disk quota")) return "disk quota exceeded";
        if (lower.contains("too many levels of symbolic links")) return "too many levels of symbolic links";
        if (lower.contains("file too large")) return "file too large for the file system";
        if (lower.contains("broken pipe")) return "broken pipe";
        if (lower.contains("no such file")) return "no such file or directory";
        if (lower.contains("input/output error")) return "input/output error";
        return Printable.clean(Character.toLowerCase(r.charAt(0)) + r.substring(1));
    }
}
