package rehearse.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A test seam: a journal whose every write fails as a full disk does (on /dev/full), for the front ends' tests. */
public final class FailingJournal {
    private FailingJournal() {}

    /** A journal writing to /dev/full (not locked: a device). */
    public static JournalWriter onDevFull() throws IOException {
        Path full = Path.of("/dev/full");
        return new JournalWriter(full, FileChannel.open(full, StandardOpenOption.WRITE), null);
    }
}
