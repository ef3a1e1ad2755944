package rehearse.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rehearse.command.Command;

class JournalWriterTest {
    @TempDir Path dir;

    @Test
    void aFullDiskIsReportedNotSwallowed() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "/dev/full is not there");
        JournalWriter w = new JournalWriter(full, java.nio.channels.FileChannel.open(full, java.nio.file.StandardOpenOption.WRITE), null);
        w.command(0, new Command.Status("status"), true);
        assertThatThrownBy(w::check).isInstanceOf(JournalWriter.WriteFailed.class)
                .hasMessageStartingWith("cannot write the journal /dev/full: no space left on device; ");
        // Nothing is written after the first failure: no retry that would glue the rest of a line on later.
        JournalWriter.WriteFailed first = w.failure().orElseThrow();
        w.command(1, new Command.Status("status"), true);
        assertThat(w.failure()).containsSame(first);
        assertThatThrownBy(w::close).isSameAs(first);
    }

    @Test
    void newJournalsArePrivateAndNeverClobbered() throws Exception {
        var first = JournalWriter.createNew(dir.resolve("state"), "WEB CLUSTER", "cluster: X\n", null);
        var second = JournalWriter.createNew(dir.resolve("state"), "WEB CLUSTER", "cluster: X\n", null);
        assertThat(first.getKey()).isNotEqualTo(second.getKey());
        assertThat(first.getKey().getFileName().toString()).startsWith("journal-WEB_CLUSTER-").endsWith(".jsonl");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.getKey()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state")))).isEqualTo("rwx------");
        first.getValue().close();
        second.getValue().close();
    }

    @Test
    void anUnwritablePlaceFailsAtCreation() {
        assertThatThrownBy(() -> JournalWriter.create(Path.of("/proc/rehearse-none/j.jsonl"), "X", "", null))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aJournalThatHoldsNoCommandIsGoneWhenClosed() throws Exception {
        Path j = dir.resolve("j.jsonl");
        JournalWriter w = JournalWriter.create(j, "X", "cluster: X\n", null);
        assertThat(j).exists(); // made at start: a place that cannot take a journal is found before the rehearsal
        w.clock(5_000); // the UI marks the clock on its way out: not a command
        w.close();
        assertThat(j).doesNotExist();
        assertThat(w.discarded()).isTrue();
        assertThat(w.kept()).isFalse();
        w.close(); // a second close (a shutdown hook after the normal way out) changes nothing
        assertThat(w.discarded()).isTrue();
    }

    @Test
    void aJournalWithACommandIsKept() throws Exception {
        Path j = dir.resolve("j.jsonl");
        JournalWriter w = JournalWriter.create(j, "X", "cluster: X\n", null);
        assertThat(w.kept()).as("open").isFalse();
        w.command(0, new Command.Status("status"), true);
        w.close();
        assertThat(j).exists();
        assertThat(Files.readString(j)).contains("\"command\": \"status\"");
        assertThat(w.discarded()).isFalse();
        assertThat(w.kept()).isTrue();
    }

    @Test
    void aResumedJournalIsNeverDeleted() throws Exception {
        Path j = dir.resolve("j.jsonl");
        Files.writeString(j, "{\"journal\": \"rehearse\"}\n"); // a header-only journal left by a crash
        JournalWriter w = JournalWriter.resume(j);
        w.close();
        assertThat(j).exists();
        assertThat(w.kept()).isTrue();
    }

    @Test
    void onlyTheFileItCreatedIsDeleted() throws Exception {
        Path j = dir.resolve("j.jsonl");
        JournalWriter w = JournalWriter.create(j, "X", "cluster: X\n", null);
        Files.move(j, dir.resolve("moved.jsonl"));
        Files.writeString(j, "someone else's\n");
        w.close();
        assertThat(j).hasContent("someone else's");
        assertThat(w.discarded()).isFalse();
    }
}
