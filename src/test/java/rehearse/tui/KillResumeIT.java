package rehearse.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of a rehearsal, then --resume: the same cluster, plan and clock. */
class KillResumeIT {
    @TempDir Path dir;

    @BeforeAll
    static void needsTmux() {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
    }

    private String start(String args) {
        return "cd " + Tmux.project() + " && LANG=C.UTF-8 TERM=xterm XDG_STATE_HOME=" + dir + " sh -c 'echo $$ > "
                + dir.resolve("pid") + "; exec scripts/rehearse " + args + "'; sleep 60";
    }

    @Test
    void killedMidUpgradeResumesToTheSameState() throws Exception {
        Path journal = dir.resolve("j.jsonl");
        List<String> before;
        try (Tmux t = new Tmux().start(80, 24, start("--journal " + journal))) {
            t.await(s -> s.contains("SIMULATION"), 30, "the first frame");
            t.keys("t");
            t.await(s -> s.contains("rolling only"), 10, "the target picker");
            t.keys("Enter", "-", "-", "r");
            t.await(s -> s.contains("Pre-flight checklist"), 10, "the checklist");
            t.keys("y");
            t.await(s -> s.contains("(upgrading)") && s.contains("%"), 30, "the upgrade under way");
            t.keys("p");
            before = t.await(s -> s.contains("PAUSED"), 10, "playback paused").lines().toList();
            long pid = Long.parseLong(Files.readString(dir.resolve("pid")).trim());
            new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
            Thread.sleep(300);
        }
        try (Tmux t = new Tmux().start(80, 24, start("--resume " + journal))) {
            List<String> after = t.await(s -> s.contains("SIMULATION") && s.contains("Plan:"), 30, "the resumed frame").lines().toList();
            // Nodes, groups, upgrade progress and plan marks: rows 1 to 15; and the clock.
            assertThat(after.subList(1, 16)).isEqualTo(before.subList(1, 16));
            assertThat(after.get(22).split("  ")[0]).isEqualTo(before.get(22).split("  ")[0]).startsWith("clock 0:");
        }
    }

    /** The latest "t" of a line with {@code key} in the journal, or -1. */
    private static long lastTime(List<String> journal, String key) {
        long t = -1;
        for (String l : journal) {
            if (!l.contains("\"" + key + "\"")) continue;
            var m = rehearse.io.JsonReader.parse(l);
            if (m instanceof java.util.Map<?, ?> map && map.get("t") instanceof Long v) t = Math.max(t, v);
        }
        return t;
    }

    @Test
    void killedMidPlaybackTheJournalHoldsTheClockPastTheLastEvent() throws Exception {
        Path journal = dir.resolve("j.jsonl");
        try (Tmux t = new Tmux().start(80, 24, start("--journal " + journal))) {
            t.await(s -> s.contains("SIMULATION"), 30, "the first frame");
            t.keys("t");
            t.await(s -> s.contains("rolling only"), 10, "the target picker");
            t.keys("Enter", "r");
            t.await(s -> s.contains("Pre-flight checklist"), 10, "the checklist");
            t.keys("y");
            // Playing NODEA's upgrade (40 simulated minutes without an event) at 300x: killed a third of the way.
            // The progress bar's own figure (the status line's "avail 99.46%" is no progress).
            t.await(s -> s.contains("(upgrading)") && java.util.regex.Pattern.compile("[\u2588\u2591] +([3-9]\\d)%").matcher(s).find(), 60,
                    "the upgrade a third done");
            long pid = Long.parseLong(Files.readString(dir.resolve("pid")).trim());
            new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
            Thread.sleep(300);
        }
        List<String> lines = Files.readAllLines(journal);
        long events = Math.max(lastTime(lines, "event"), lastTime(lines, "command"));
        assertThat(lastTime(lines, "clock")).as("the clock recorded during playback").isGreaterThan(events);
        assertThat(rehearse.journal.Journal.read(journal).replay(journal.toString()).session().state().clock()).isGreaterThan(events);
    }

    @Test
    void sigtermMidPlaybackRecordsWhereTheClockStood() throws Exception {
        Path journal = dir.resolve("j.jsonl");
        try (Tmux t = new Tmux().start(80, 24, start("--journal " + journal))) {
            t.await(s -> s.contains("SIMULATION"), 30, "the first frame");
            t.keys("t");
            t.await(s -> s.contains("rolling only"), 10, "the target picker");
            t.keys("Enter", "r");
            t.await(s -> s.contains("Pre-flight checklist"), 10, "the checklist");
            t.keys("y");
            t.await(s -> s.contains("(upgrading)") && s.contains("%"), 60, "the upgrade under way");
            Thread.sleep(1500); // some playback past the upgrade's start, so the clock has moved on from the last event
            long pid = Long.parseLong(Files.readString(dir.resolve("pid")).trim());
            new ProcessBuilder("kill", "-TERM", Long.toString(pid)).start().waitFor();
            for (int i = 0; i < 100 && new ProcessBuilder("kill", "-0", Long.toString(pid)).start().waitFor() == 0; i++) Thread.sleep(100);
        }
        List<String> lines = Files.readAllLines(journal);
        assertThat(lines.get(lines.size() - 1)).contains("\"clock\": true");
        long events = Math.max(lastTime(lines, "event"), lastTime(lines, "command"));
        assertThat(lastTime(lines, "clock")).isGreaterThan(events);
    }

    @Test
    void aJournalThatCannotBeWrittenIsAnErrorAtStart() throws Exception {
        Process p = new ProcessBuilder("script", "-qec", Tmux.project().resolve("scripts/rehearse") + " --journal /proc/nope/j.jsonl",
                "/dev/null").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isEqualTo(73);
        assertThat(out).contains("cannot write the journal").contains("--journal FILE").doesNotContain("Exception");
    }
}
