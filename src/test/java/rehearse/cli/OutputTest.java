package rehearse.cli;

import rehearse.base.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rehearse.io.IoErrors;

/** Standard output that fails, files written by rename, and causes in the operator's words. */
class OutputTest {
    @TempDir Path dir;

    private record Run(int code, String err) {}

    /** Runs a command whose standard output fails with {@code message} after {@code room} bytes. */
    private static Run failingStdout(String message, int room, String... args) {
        Output stdout = new Output(new OutputStream() {
            int written;

            @Override
            public void write(int b) throws IOException {
                if (++written > room) throw new IOException(message);
            }
        });
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        StringWriter err = new StringWriter();
        int code = Main.run(stdout, out, new PrintWriter(err, true), args);
        return new Run(code, err.toString());
    }

    @Test
    void aFullDiskOnStandardOutputIsExit74WithTheCause() {
        Run r = failingStdout("No space left on device", 100, "runbook", "--to", "5.0");
        assertThat(r.code()).isEqualTo(ExitCodes.IO_ERROR).isEqualTo(74);
        assertThat(r.err().lines()).containsExactly("rehearse: cannot write to standard output: no space left on device");
        Run sample = failingStdout("Input/output error", 0, "sample");
        assertThat(sample.code()).isEqualTo(74);
        assertThat(sample.err()).isEqualTo("rehearse: cannot write to standard output: input/output error\n");
    }

    @Test
    void aReaderThatStoppedReadingEndsTheOutputQuietly() {
        Run r = failingStdout("Broken pipe", 100, "runbook", "--to", "5.0");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
    }

    private Path sampleCluster() throws Exception {
        Path c = dir.resolve("cluster.yaml");
        Files.writeString(c, Cli.run("sample").out());
        return c;
    }

    private static String leftovers(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return String.join(",", files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList());
        }
    }

    @Test
    void theRunbookReplacesItsFileInOneRenameAndLeavesNothingBehind() throws Exception {
        Path out = dir.resolve("runbook.md");
        Files.writeString(out, "an old runbook");
        Cli r = Cli.run("runbook", "--to", "5.0", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(out)).startsWith("#").contains("cluster /cluster:WEBCLUSTER");
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void aSymbolicLinkPlantedAtTheDestinationIsNeverFollowed() throws Exception {
        Path precious = dir.resolve("precious");
        Files.writeString(precious, "precious");
        Path link = Files.createSymbolicLink(dir.resolve("runbook.md"), precious);
        Cli r = Cli.run("runbook", "--to", "5.0", "-o", link.toString());
        assertThat(r.code()).isEqualTo(73);
        assertThat(r.err().trim()).isEqualTo("rehearse runbook: cannot write " + link
                + ": is a symbolic link; refusing to write through it (remove it or choose another name)");
        assertThat(Files.readString(precious)).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void anInputOfTheSameCommandIsNeverOverwritten() throws Exception {
        Path cluster = sampleCluster();
        String before = Files.readString(cluster);
        Cli r = Cli.run("runbook", "--cluster", cluster.toString(), "--to", "5.0", "-o", cluster.toString());
        assertThat(r.code()).isEqualTo(73);
        assertThat(r.err().trim()).isEqualTo("rehearse runbook: cannot write " + cluster + ": is an input of this command ("
                + cluster + "); refusing to overwrite it");
        assertThat(Files.readString(cluster)).isEqualTo(before);
        // The same file by another name counts too.
        Path alias = Files.createLink(dir.resolve("hardlink.yaml"), cluster);
        assertThat(Cli.run("runbook", "--cluster", cluster.toString(), "--to", "5.0", "-o", alias.toString()).code()).isEqualTo(73);
        assertThat(Files.readString(cluster)).isEqualTo(before);
    }

    @Test
    void importNeverOverwritesItsOwnListing() throws Exception {
        Path nodes = dir.resolve("nodes.txt");
        Files.copy(Path.of("src/test/resources/import/nodes.txt"), nodes);
        String before = Files.readString(nodes);
        Cli r = Cli.run("import", "cluster-exe", "--nodes", nodes.toString(), "--groups", "src/test/resources/import/groups.txt",
                "--resources", "src/test/resources/import/resources.txt", "--config", "NODEA=5.0", "--config", "NODEB=5.0",
                "-o", nodes.toString());
        assertThat(r.code()).isEqualTo(73);
        assertThat(r.err()).contains("is an input of this command");
        assertThat(Files.readString(nodes)).isEqualTo(before);
        // Nor a listing of a directory it reads.
        Path owners = Files.createDirectories(dir.resolve("owners"));
        Path listing = Files.copy(Path.of("src/test/resources/import/owners/web-server.txt"), owners.resolve("web-server.txt"));
        Cli d = Cli.run("import", "cluster-exe", "--nodes", "src/test/resources/import/nodes.txt", "--groups",
                "src/test/resources/import/groups.txt", "--resources", "src/test/resources/import/resources.txt", "--owners",
                owners.toString(), "--config", "NODEA=5.0", "--config", "NODEB=5.0", "-o", listing.toString());
        assertThat(d.code()).isEqualTo(73);
        assertThat(Files.readString(listing)).isEqualTo(Files.readString(Path.of("src/test/resources/import/owners/web-server.txt")));
    }

    @Test
    void pipesDevicesAndDirectoriesAreRefusedAsDestinations() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThat(Cli.run("runbook", "--to", "5.0", "-o", fifo.toString()).err())
                .endsWith(fifo + ": is a named pipe (FIFO); only a regular file is written\n");
        assertThat(Cli.run("runbook", "--to", "5.0", "-o", "/dev/null").err())
                .endsWith("/dev/null: is a character device; only a regular file is written\n");
        assertThat(Cli.run("runbook", "--to", "5.0", "-o", dir.toString()).err()).endsWith(dir + ": is a directory\n");
        assertThat(Cli.run("runbook", "--to", "5.0", "-o", dir.resolve("no/such/dir/r.md").toString()).err())
                .endsWith("r.md: its directory does not exist\n");
    }

    @Test
    void reportAndWindowAreCheckedBeforeTheRehearsalRuns() throws Exception {
        Path script = dir.resolve("s.rh");
        Files.writeString(script, "target 5.0\nack preflight\nrun\n");
        Path journal = dir.resolve("j.jsonl");
        Cli badWindow = Cli.run("run", "--journal", journal.toString(), "--window", "soon", script.toString());
        assertThat(badWindow.code()).isEqualTo(2);
        assertThat(badWindow.err().trim()).isEqualTo("rehearse: --window wants a duration from 1ms to 366 days (8784h), such as 2h"
                + " or 90m, got 'soon'");
        assertThat(badWindow.out()).isEmpty();
        assertThat(journal).doesNotExist();

        Path nowhere = dir.resolve("missing/report.md");
        Cli badReport = Cli.run("run", "--journal", journal.toString(), "--report", nowhere.toString(), script.toString());
        assertThat(badReport.code()).isEqualTo(73);
        assertThat(badReport.err().trim()).isEqualTo("rehearse: cannot write the report " + nowhere + ": its directory does not exist");
        assertThat(badReport.out()).isEmpty();
        assertThat(journal).doesNotExist();

        Cli ontoScript = Cli.run("run", "--report", script.toString(), script.toString());
        assertThat(ontoScript.code()).isEqualTo(73);
        assertThat(ontoScript.err()).contains("is an input of this command");
        assertThat(Files.readString(script)).isEqualTo("target 5.0\nack preflight\nrun\n");

        // The journal this run is about to create is an input too, though it does not exist yet.
        Cli ontoJournal = Cli.run("run", "--journal", journal.toString(), "--report", journal.toString(), script.toString());
        assertThat(ontoJournal.code()).isEqualTo(73);
        assertThat(ontoJournal.err()).contains("is an input of this command");
        assertThat(ontoJournal.out()).isEmpty();
        assertThat(journal).doesNotExist();

        // The same through a linked folder on the way.
        Path linked = java.nio.file.Files.createSymbolicLink(dir.resolve("here"), dir);
        Cli viaLink = Cli.run("run", "--journal", journal.toString(), "--report", linked.resolve("j.jsonl").toString(), script.toString());
        assertThat(viaLink.code()).isEqualTo(73);
        assertThat(viaLink.out()).isEmpty();
        assertThat(journal).doesNotExist();
        Files.delete(linked);

        Path report = dir.resolve("report.md");
        Cli ok = Cli.run("run", "--report", report.toString(), script.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(Files.readString(report)).startsWith("#");
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void causesAreWordedOnceWithoutThePath() {
        assertThat(IoErrors.cause(new NoSuchFileException("/x/y"))).isEqualTo("no such file or directory");
        assertThat(IoErrors.cause(new AccessDeniedException("/x/y"))).isEqualTo("permission denied");
        assertThat(IoErrors.cause(new FileSystemException("/x/y", null, "No space left on device"))).isEqualTo("no space left on device");
        assertThat(IoErrors.cause(new FileSystemException("/x/y", null, "Is a directory"))).isEqualTo("is a directory");
        assertThat(IoErrors.cause(new FileSystemException("/x/y", null, "Read-only file system"))).isEqualTo("read-only file system");
        assertThat(IoErrors.cause(new IOException("No space left on device"))).isEqualTo("no space left on device");
        assertThat(IoErrors.cause(new java.io.FileNotFoundException("/x/y (Permission denied)"))).isEqualTo("permission denied");
        assertThat(IoErrors.cause(new java.io.FileNotFoundException("/x/y (Is a directory)"))).isEqualTo("is a directory");
        assertThat(IoErrors.cause(new IOException("Disk quota exceeded"))).isEqualTo("disk quota exceeded");
    }

    @Test
    void aDirectoryWeMayNotWriteIsPermissionDenied() throws Exception {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root may write anywhere");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        locked.toFile().setWritable(false);
        try {
            assertThat(Cli.run("runbook", "--to", "5.0", "-o", locked.resolve("r.md").toString()).err())
                    .endsWith(": permission denied (its directory is not writable)\n");
        } finally {
            locked.toFile().setWritable(true);
        }
    }
}
