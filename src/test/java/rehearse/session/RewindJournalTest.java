package rehearse.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rehearse.command.Command;
import rehearse.command.Commands;
import rehearse.io.ClusterLoader;
import rehearse.io.InputException;
import rehearse.io.MatrixLoader;
import rehearse.journal.Journal;
import rehearse.journal.JournalWriter;
import rehearse.sim.Engine;

/**
 * A journal records rewinds as the commands they are: its replay rebuilds the branch the operator
 * was on (the abandoned branches too, for the report), and its checks still catch a hand edit.
 */
class RewindJournalTest {
    @TempDir Path dir;

    private Session recorded(Path file) throws Exception {
        Session s = new Session(Engine.start(MatrixLoader.builtIn(), new ClusterLoader(MatrixLoader.builtIn()).sample()));
        s.record(JournalWriter.create(file, "WEBCLUSTER", new String(ClusterLoader.sampleBytes(), StandardCharsets.UTF_8), null));
        return s;
    }

    private static void submit(Session s, String line, boolean settle) throws Exception {
        assertThat(s.submit(line, settle)).isPresent();
    }

    private static Session replay(Path file) throws InputException {
        return Journal.read(file).replay(file.toString()).session();
    }

    @Test
    void theReplayOfAScriptsJournalRebuildsTheBranchItWasOn() throws Exception {
        Path file = dir.resolve("j.jsonl");
        Session live = recorded(file);
        for (String line : List.of("target 5.0", "ack preflight", "run", "rewind to 0:30:00", "fail node NODEB", "wait", "step",
                "expect refused", "rewind 2", "restore NODEB", "rewind to 0:20:00.5", "run", "rewind 99")) {
            submit(live, line, true);
        }
        Session again = replay(file);
        RewindProperties.same(again, live);
        assertThat(again.branches()).isEqualTo(live.branches());
        assertThat(again.branches()).hasSize(4);
        assertThat(again.history()).extracting(Session.Result::outcome).isEqualTo(live.history().stream().map(Session.Result::outcome).toList());
    }

    @Test
    void theReplayOfThePlaybackJournalRebuildsTheBranch() throws Exception {
        Path file = dir.resolve("ui.jsonl");
        Session live = recorded(file);
        submit(live, "target 5.0", false);
        submit(live, "ack preflight", false);
        for (int i = 0; i < 3; i++) {
            submit(live, "step", false);
            while (live.state().busy() && live.state().clock() < 1_800_000) live.advanceTo(Math.min(live.state().nextTimerAt(), live.state().clock() + 7_000));
            live.markClock();
            live.finishStep();
        }
        // Mid-upgrade of NODEA: back to where the last step began, as the UI's key does, and play on a little.
        long back = live.previousStepStart().orElseThrow();
        assertThat(back).isEqualTo(13_000);
        assertThat(live.submit(Commands.rewindTo(back), false).outcome()).isInstanceOf(Outcome.Rewound.class);
        assertThat(live.activeStep()).isEmpty();
        submit(live, "step", false);
        live.advanceTo(live.state().clock() + 600_000);
        live.markClock();
        Session again = replay(file);
        assertThat(again.state().clock()).isEqualTo(live.state().clock());
        assertThat(again.state().cluster()).isEqualTo(live.state().cluster());
        assertThat(again.state().nextTimerAt()).isEqualTo(live.state().nextTimerAt());
        assertThat(again.events()).isEqualTo(live.events());
        assertThat(again.branches()).extracting(Session.Branch::startMs).containsExactly(0L, 13_000L);
    }

    @Test
    void aRewindsRecordChangedByHandIsRefusedWhereItWasChanged() throws Exception {
        Path file = dir.resolve("j.jsonl");
        Session live = recorded(file);
        for (String line : List.of("target 5.0", "ack preflight", "run", "rewind to 0:30:00", "run")) submit(live, line, true);
        List<String> lines = Files.readAllLines(file);
        int at = indexOf(lines, "back at 0:30:00");
        Files.write(file, replaced(lines, at, "back at 0:30:00", "back at 0:20:00"));
        InputException e = catchThrowableOfType(() -> replay(file), InputException.class);
        assertThat(e.problems().get(0).toString()).startsWith(file + ":" + (at + 1) + ":").contains("the journal records 'back at 0:20:00");

        // A command moved before the clock the rewind left: only a rewind takes the clock back.
        Files.write(file, lines);
        int run = lastIndexOf(lines, "\"command\": \"run\"");
        String time = lines.get(run).replaceAll(".*\"t\": (\\d+).*", "$1");
        Files.write(file, replaced(lines, run, "\"t\": " + time, "\"t\": 1000"));
        e = catchThrowableOfType(() -> replay(file), InputException.class);
        assertThat(e.problems().get(0).toString()).startsWith(file + ":" + (run + 1) + ":1: the journal records this command at 1000 ms,"
                + " before the replay's clock (1800000 ms)");
        Files.write(file, lines);
        RewindProperties.same(replay(file), live);
    }

    @Test
    void aRewindACrashCutShortIsCarriedOutByTheReplay() throws Exception {
        Path file = dir.resolve("j.jsonl");
        Session live = recorded(file);
        for (String line : List.of("target 5.0", "ack preflight", "run", "rewind to 0:41:13")) submit(live, line, true);
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, lines.size() - 1)); // the rewind's outcome never reached the disk
        Journal j = Journal.read(file);
        Journal.Replay r = j.replay(file.toString());
        assertThat(r.restOutcome()).containsInstanceOf(Outcome.Rewound.class);
        RewindProperties.same(r.session(), live);
        assertThat(j.endTime()).isEqualTo(82 * 60_000 + 39_000); // the clock as the last line left it, before the rewind
        assertThat(r.session().history().get(3).command()).isInstanceOf(Command.RewindTo.class);
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i;
        throw new AssertionError(text);
    }

    private static int lastIndexOf(List<String> lines, String text) {
        for (int i = lines.size() - 1; i >= 0; i--) if (lines.get(i).contains(text)) return i;
        throw new AssertionError(text);
    }

    private static List<String> replaced(List<String> lines, int at, String from, String to) {
        List<String> out = new java.util.ArrayList<>(lines);
        out.set(at, out.get(at).replace(from, to));
        return out;
    }
}
