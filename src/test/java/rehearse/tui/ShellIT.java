package rehearse.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The line-mode shell through the real launcher: signals, a closed standard input, a journal held by it. */
class ShellIT {
    @TempDir Path dir;

    @BeforeAll
    static void needsTmux() {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
    }

    private String shell(String args) {
        return "cd " + Tmux.project() + " && stty -a > " + dir.resolve("before") + "; LANG=C.UTF-8 TERM=xterm XDG_STATE_HOME=" + dir
                + " sh -c 'echo $$ > " + dir.resolve("pid") + "; exec scripts/rehearse shell " + args + "'; echo $? > "
                + dir.resolve("exit") + "; " + Tmux.sttyInto(dir.resolve("after")) + "; sleep 60";
    }

    private static void awaitFile(Path p) throws Exception {
        for (int i = 0; i < 200 && (!Files.exists(p) || Files.size(p) == 0); i++) Thread.sleep(100);
        assertThat(p).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "HUP"})
    void aSignalAtThePromptLeavesTheTerminalAsANormalExitDoes(String signal) throws Exception {
        try (Tmux t = new Tmux().start(100, 30, shell(""))) {
            t.await(s -> s.contains("WEBCLUSTER 0:00:00>"), 60, "the prompt");
            t.literal("target 5.0"); // a rehearsal begun: a journal never started would be deleted on the way out
            t.keys("Enter");
            t.await(s -> s.contains("WEBCLUSTER 0:00:00 [pre-flight]>"), 20, "the target");
            assertThat(t.run("display", "-p", "-t", "0", "#{keypad_flag}").trim()).isEqualTo("1"); // the editor reads a line
            long pid = Long.parseLong(Files.readString(dir.resolve("pid")).trim());
            assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor()).isZero();
            awaitFile(dir.resolve("after"));
            assertThat(t.run("display", "-p", "-t", "0", "#{keypad_flag}").trim()).isEqualTo("0");
            assertThat(Files.readString(dir.resolve("after"))).isEqualTo(Files.readString(dir.resolve("before")));
            // The journal was flushed on the way out.
            try (var journals = Files.list(dir.resolve("rehearse"))) {
                List<Path> all = journals.filter(f -> f.getFileName().toString().startsWith("journal-")).toList();
                assertThat(all).hasSize(1);
                assertThat(Files.readString(all.get(0))).contains("\"command\": \"target 5.0\"");
            }
        }
    }

    @Test
    void aJournalTheShellHoldsCannotBeResumedBySomethingElse() throws Exception {
        Path journal = dir.resolve("j.jsonl");
        try (Tmux t = new Tmux().start(100, 30, shell("--journal " + journal))) {
            t.await(s -> s.contains("WEBCLUSTER 0:00:00>"), 60, "the prompt");
            t.literal("target 5.0");
            t.keys("Enter");
            t.await(s -> s.contains("WEBCLUSTER 0:00:00 [pre-flight]>"), 20, "the target");
            t.literal("ack preflight"); // the rehearsal is under way: quitting asks
            t.keys("Enter");
            t.await(s -> s.contains("pre-flight checklist acknowledged"), 20, "the acknowledgement");
            Path script = dir.resolve("s.rh");
            Files.writeString(script, "status\n");
            Process p = new ProcessBuilder(Tmux.project().resolve("scripts/rehearse").toString(), "run", "--resume", journal.toString(),
                    script.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(73);
            assertThat(out.trim()).startsWith("rehearse: the journal " + journal + " is in use by another rehearsal");
            t.literal("quit");
            t.keys("Enter");
            t.await(s -> s.contains("Quit? [y/N]"), 10, "the question");
            t.literal("y");
            t.keys("Enter");
            awaitFile(dir.resolve("exit"));
        }
        // Released on the way out: now it resumes.
        Path script = dir.resolve("s.rh");
        Process p = new ProcessBuilder(Tmux.project().resolve("scripts/rehearse").toString(), "run", "--resume", journal.toString(),
                script.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void aClosedStandardInputIsSaidAsSuch() throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "'" + Tmux.project().resolve("scripts/rehearse") + "' shell <&-")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out.trim()).isEqualTo("rehearse shell: standard input is closed; give the commands on it (rehearse shell < SCRIPT)"
                + " or start the shell in a terminal");
    }
}
