package rehearse.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rehearse.io.ClusterLoader;
import rehearse.journal.Journal;
import rehearse.journal.JournalWriter;
import rehearse.io.MatrixLoader;
import rehearse.session.Session;
import rehearse.sim.Engine;
import rehearse.sim.State;

/**
 * kill -9 mid-playback: the journal holds where the simulated clock stood at least once per
 * second of playback, so a resume restores the upgrade's progress and the downtime, not the
 * clock of the last command or event.
 */
class PlaybackJournalTest {
    @TempDir Path dir;

    @Test
    void theClockIsJournaledAtLeastOnceASecondOfPlayback() throws Exception {
        Path file = dir.resolve("j.jsonl");
        byte[] source = ClusterLoader.sampleBytes();
        Session session = new Session(Engine.start(MatrixLoader.builtIn(), new ClusterLoader(MatrixLoader.builtIn()).sample()));
        JournalWriter journal = JournalWriter.create(file, "WEBCLUSTER", new String(source, StandardCharsets.UTF_8), null);
        session.record(journal);
        Program ui = new Program(session, 0);
        // Target, pre-flight, pause NODEA and move its groups: then NODEA's upgrade, 40 minutes with no event.
        handle(ui, "t");
        ui.send(new Msg.KeyPressed(Key.of(Key.Kind.ENTER)));
        handle(ui, "n");
        handle(ui, "y");
        play(ui);
        handle(ui, "n");
        play(ui);
        handle(ui, "n");
        handle(ui, "---"); // 300x down to 1x: one simulated second per second of playback
        assertThat(ui.speed()).isEqualTo(1);
        long started = session.state().clock();
        for (int i = 0; i < 250; i++) ui.send(new Msg.Tick(App.TICK_MS)); // ten seconds of playback
        State live = session.state();
        assertThat(live.busy()).isTrue();
        assertThat(live.clock() - started).isEqualTo(10_000);

        // Killed here (the writer never closed): what the file holds is all a resume has.
        Session resumed = Journal.read(file).replay(file.toString()).session();
        assertThat(resumed.state().clock()).isBetween(live.clock() - 1000, live.clock());
        assertThat(resumed.state().busy()).as("the upgrade still under way").isTrue();
        assertThat(resumed.state().nextTimerAt()).isEqualTo(live.nextTimerAt());
        assertThat(Files.readAllLines(file).stream().filter(l -> l.contains("\"clock\": true")).count()).isGreaterThanOrEqualTo(10);
    }

    private static void handle(Program ui, String keys) {
        for (char c : keys.toCharArray()) ui.send(new Msg.KeyPressed(Key.of(c)));
    }

    private static void play(Program ui) {
        for (int i = 0; i < 100_000 && ui.animating(); i++) ui.send(new Msg.Tick(App.TICK_MS));
    }
}
