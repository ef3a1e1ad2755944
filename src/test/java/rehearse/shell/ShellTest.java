package rehearse.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rehearse.io.ClusterLoader;
import rehearse.journal.PrivateFile;
import rehearse.io.MatrixLoader;
import rehearse.session.Session;
import rehearse.sim.Engine;

/** The shell on a JLine terminal over in-memory streams: no real TTY. */
class ShellTest {
    @TempDir Path dir;

    private Session sample() {
        return new Session(Engine.start(MatrixLoader.builtIn(), new ClusterLoader(MatrixLoader.builtIn()).sample()));
    }

    /** Feeds {@code input} (keys, control characters included) and returns the exit code and what was printed. */
    private record Run(int code, String out) {}

    private Run run(Session session, String input, Path history) throws Exception {
        return run(session, input, history, "xterm");
    }

    private Run run(Session session, String input, Path history, String type) throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys, 1 << 16);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = TerminalBuilder.builder().system(false).streams(in, out).type(type).size(new org.jline.terminal.Size(120, 40))
                .encoding(StandardCharsets.UTF_8).build()) {
            CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> new Shell(session, t, history, false).run());
            keys.write(input.getBytes(StandardCharsets.UTF_8));
            keys.flush();
            int c = code.get(30, TimeUnit.SECONDS);
            keys.close();
            return new Run(c, out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aFullRollingUpgradeThenCtrlD() throws Exception {
        Session s = sample();
        Run r = run(s, "target \"IIS 5.0\"\rack preflight\rrun\rexpect node NODEB at 5.0\r\u0004", dir.resolve("history"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("WEBCLUSTER 0:00:00> ").contains("node NODEB upgraded: IIS 4.0 / SP4 -> IIS 5.0")
                .contains("WEBCLUSTER 1:22:39 [plan complete]> ").contains("  ok");
        assertThat(s.state().cluster().nodes()).allSatisfy(n -> assertThat(n.config().id()).isEqualTo("iis5"));
    }

    @Test
    void promptShowsThePlanPosition() throws Exception {
        Session s = sample();
        Run r = run(s, "target 5.0\rack preflight\rstep\rstep\r\u0004y\r", dir.resolve("history"));
        assertThat(r.out()).contains("WEBCLUSTER 0:00:00 [pre-flight]> ").contains("WEBCLUSTER 0:00:00 [hop 1/1 step 2/9]> ")
                .contains("WEBCLUSTER 0:00:13 [hop 1/1 step 3/9]> ");
    }

    @Test
    void refusalsAndParseErrorsSayWhy() throws Exception {
        Run r = run(sample(), "pause NODEB\rmove \"Web Group\" to NODEB\rmove \"Web Group\" NODEB\r\u0004y\r", dir.resolve("history"));
        assertThat(r.out()).contains("REFUSED: cannot move 'Web Group' to NODEB: the node is paused")
                .contains("shell:3:18: expected 'to', found 'NODEB'");
    }

    @Test
    void ctrlDAsksWhileARehearsalIsUnderWay() throws Exception {
        Session s = sample();
        Run r = run(s, "target 5.0\rack preflight\rstep\r\u0004n\rstatus\r\u0004y\r", dir.resolve("history"));
        assertThat(r.out()).contains("A rehearsal is under way (its journal is kept). Quit? [y/N]").contains("SIMULATION  cluster WEBCLUSTER");
    }

    @Test
    void ctrlCDropsTheLineBeingEdited() throws Exception {
        Session s = sample();
        run(s, "pause NODEA\u0003status\r\u0004", dir.resolve("history"));
        assertThat(s.state().cluster().node("NODEA").get().state().label()).isEqualTo("Up");
    }

    @Test
    void historyIsKeptPrivately() throws Exception {
        Path history = PrivateFile.ensure(dir.resolve("state/history"));
        run(sample(), "status\rhelp move\r\u0004", history);
        assertThat(Files.readString(history)).contains("status").contains("help move");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void historyNeverFollowsAPlantedSymlink() throws Exception {
        Path target = dir.resolve("victim");
        Files.writeString(target, "keep");
        Path link = dir.resolve("history");
        Files.createSymbolicLink(link, target);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PrivateFile.ensure(link)).hasMessageContaining("symbolic link");
        assertThat(Files.readString(target)).isEqualTo("keep");
    }

    @Test
    void helpDescribesEveryCommand() throws Exception {
        Run r = run(sample(), "help\rhelp fail\r\u0004", dir.resolve("history"));
        assertThat(r.out()).contains("move all from NODE to NODE").contains("fail join NODE").contains("expect refused")
                .contains("rewind to TIME").contains("rewind N");
    }

    @Test
    void completionIsContextAware() {
        Session s = sample();
        ShellCompleter c = new ShellCompleter(s);
        assertThat(c.candidates(List.of())).contains("move", "upgrade", "target");
        assertThat(c.candidates(List.of("move"))).startsWith("all").contains("\"Web Group\"", "\"FTP Group\"");
        assertThat(c.candidates(List.of("upgrade", "NODEA", "to"))).contains("\"IIS 5.0\"");
        assertThat(c.candidates(List.of("offline", "resource"))).contains("\"Web Server\"", "\"FTP IP\"");
        s.submit(rehearse.command.Commands.pause("NODEB"), false);
        // Nodes that can take the group come first; the paused one last.
        assertThat(c.candidates(List.of("move", "FTP Group", "to"))).containsExactly("NODEA");
        assertThat(c.candidates(List.of("move", "Web Group", "to"))).containsExactly("NODEB");
        s.submit(rehearse.command.Commands.resume("NODEB"), false);
        assertThat(c.candidates(List.of("fail"))).containsExactly("node", "upgrade", "join", "resource");
    }

    @Test
    void rewindGoesBackAndTheRehearsalGoesOnFromThere() throws Exception {
        Session s = sample();
        Run r = run(s, "target 5.0\rack preflight\rrun\rrewind to 0:30:00\rexpect node NODEA down\rrewind 9\rrewind to 2h\r"
                + "rewind 1\rplan\r\u0004y\r", dir.resolve("history"));
        assertThat(r.out()).contains("WEBCLUSTER 1:22:39 [plan complete]> ")
                .contains("back at 0:30:00 (from 1:22:39): 'run' stopped part-way, what it began still under way; branch 2 goes on")
                .contains("WEBCLUSTER 0:30:00 [hop 1/1 step 3/9]> ")
                .contains("REFUSED: cannot rewind 9 commands: this branch has only 3 to undo")
                .contains("REFUSED: cannot rewind to 2:00:00: the rehearsal is at 0:30:00, and a rewind only goes back")
                .contains("back at 0:00:00 (from 0:30:00): 1 command undone; branch 3 goes on from here");
        assertThat(r.out().substring(r.out().indexOf("branch 3 goes on"))).contains("WEBCLUSTER 0:00:00 [hop 1/1 step 1/9]> ")
                .contains("[>] 1. Pause NODEA");
        assertThat(r.code()).isZero();
        assertThat(s.state().clock()).isZero();
        assertThat(s.state().preflightAcknowledged()).isTrue(); // 'ack preflight' came before the command undone
        assertThat(s.branches()).hasSize(3);
    }

    @Test
    void rewindCompletesItsWordsAndTheTimesOfThisBranch() {
        Session s = sample();
        ShellCompleter c = new ShellCompleter(s);
        assertThat(c.candidates(List.of())).contains("rewind");
        assertThat(c.candidates(List.of("rewind"))).contains("to");
        assertThat(c.candidates(List.of("rewind", "to"))).containsExactly("0:00:00");
        s.submit(rehearse.command.Commands.target("IIS 5.0"), true);
        s.submit(rehearse.command.Commands.ackPreflight(), true);
        s.submit(new rehearse.command.Command.Step("step"), true);
        s.submit(new rehearse.command.Command.Step("step"), true);
        s.submit(new rehearse.command.Command.Step("step"), true);
        // Where commands were typed and steps began, latest first; the start last.
        assertThat(c.candidates(List.of("rewind", "to"))).containsExactly("0:00:13", "0:00:00"); // the upgrade began at 0:00:13
        // JLine lists and inserts candidates in their sort order, alphabetical unless told: told, latest first.
        List<org.jline.reader.Candidate> offered = new java.util.ArrayList<>();
        c.complete(null, new org.jline.reader.impl.DefaultParser().parse("rewind to ", 10, org.jline.reader.Parser.ParseContext.COMPLETE), offered);
        java.util.Collections.sort(offered);
        assertThat(offered).extracting(org.jline.reader.Candidate::value).containsExactly("0:00:13", "0:00:00");
        assertThat(c.candidates(List.of("help"))).contains("rewind");
    }

    @Test
    void dumbOutputHasNoEscapeSequences() throws Exception {
        Run r = run(sample(), "move \"Web Group\" to NODEB\rpause NODEA\rmove \"Web Group\" to NODEA\r\u0004y\r",
                dir.resolve("history"), "dumb");
        assertThat(r.out()).contains("REFUSED").contains("Online Pending").doesNotContain("\u001b");
    }

    @Test
    void aJournalThatStopsBeingWritableStopsTheShellAtThatCommand() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "/dev/full is not there");
        Session s = sample();
        rehearse.journal.JournalWriter journal = rehearse.journal.FailingJournal.onDevFull();
        s.record(journal);
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys, 1 << 16);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = TerminalBuilder.builder().system(false).streams(in, out).type("xterm").size(new org.jline.terminal.Size(120, 40))
                .encoding(StandardCharsets.UTF_8).build()) {
            Shell shell = new Shell(s, t, dir.resolve("history"), false).journal(journal);
            CompletableFuture<Integer> code = CompletableFuture.supplyAsync(shell::run);
            keys.write("target 5.0\rack preflight\rstatus\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            code.get(30, TimeUnit.SECONDS); // ends by itself: no Ctrl-D, no quit
            keys.close();
            assertThat(shell.journalFailure()).isPresent();
            assertThat(shell.journalFailure().get().getMessage()).startsWith("cannot write the journal /dev/full: no space left on device;");
        }
        // Only the command whose journal line failed ran: the rehearsal never goes past what can be resumed.
        assertThat(s.history()).hasSize(1);
        assertThat(s.state().preflightAcknowledged()).isFalse();
    }
}
