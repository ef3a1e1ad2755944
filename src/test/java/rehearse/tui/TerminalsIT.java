package rehearse.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Start, draw, quit and restore under every TERM and locale the issue names. */
class TerminalsIT {
    @TempDir Path dir;

    @BeforeAll
    static void needsTmux() {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
    }

    @ParameterizedTest(name = "TERM={0} LANG={1}")
    @CsvSource({"xterm,C.UTF-8", "xterm-256color,C.UTF-8", "screen,C", "screen-256color,C.UTF-8", "tmux-256color,C.UTF-8",
        "vt100,C", "linux,C"})
    void drawsAndRestores(String term, String lang) throws Exception {
        String cmd = "cd " + Tmux.project() + " && stty -a > " + dir.resolve("before") + "; TERM=" + term + " LANG=" + lang
                + " LC_ALL= XDG_STATE_HOME=" + dir + " scripts/rehearse; echo $? > " + dir.resolve("exit") + "; "
                + Tmux.sttyInto(dir.resolve("after")) + "; sleep 60";
        try (Tmux t = new Tmux().start(80, 24, cmd)) {
            String s = t.await(x -> x.contains("SIMULATION") && x.contains("NODEB"), 30, "the first frame");
            if (lang.equals("C")) assertThat(s.chars()).allMatch(c -> c < 0x7F);
            t.keys("?");
            t.await(x -> x.contains("target picker"), 10, "the help overlay");
            t.keys("Escape", "q");
            for (int i = 0; i < 100 && !Files.exists(dir.resolve("after")); i++) Thread.sleep(100);
            assertThat(Files.readString(dir.resolve("exit")).trim()).isEqualTo("0");
            assertThat(Files.readString(dir.resolve("after"))).isEqualTo(Files.readString(dir.resolve("before")));
        }
    }

    @Test
    void withoutATerminalItSaysSoInOneLine() throws Exception {
        Process p = new ProcessBuilder(Tmux.project().resolve("scripts/rehearse").toString())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(err.lines()).singleElement().asString().contains("needs a terminal").contains("rehearse run");
    }

    /** A terminal that cannot place the cursor: no full screen, one line on stderr that names the shell, exit 2, nothing written. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TERM=dumb", "TERM=unknown", "TERM=", "-u TERM"})
    void aDumbTerminalGetsOneLineAndExit2(String term) throws Exception {
        String cmd = "cd " + Tmux.project() + " && stty -a > " + dir.resolve("before") + "; env " + term + " LANG=C.UTF-8 XDG_STATE_HOME="
                + dir + " scripts/rehearse 2> " + dir.resolve("err") + "; echo $? > " + dir.resolve("exit") + "; "
                + Tmux.sttyInto(dir.resolve("after")) + "; sleep 60";
        try (Tmux t = new Tmux().start(80, 24, cmd)) {
            for (int i = 0; i < 300 && !Files.exists(dir.resolve("after")); i++) Thread.sleep(100);
            assertThat(Files.readString(dir.resolve("exit")).trim()).isEqualTo("2");
            String expected = term.startsWith("TERM=") ? term.length() > 5 ? "(" + term + ")" : "(TERM is empty)" : "(TERM is not set)";
            assertThat(Files.readString(dir.resolve("err")).lines()).singleElement().asString()
                    .startsWith("rehearse: the full-screen UI needs a terminal that can place the cursor").contains(expected)
                    .contains("'rehearse shell'");
            assertThat(Files.readString(dir.resolve("after"))).isEqualTo(Files.readString(dir.resolve("before")));
            assertThat(t.capture()).doesNotContain("SIMULATION"); // never drawn, not even for a moment: the pane holds nothing
            assertThat(dir.resolve("rehearse")).doesNotExist(); // no journal, no state directory
        }
    }

    @Test
    void sigtermRestoresTheTerminal() throws Exception {
        String cmd = "cd " + Tmux.project() + " && stty -a > " + dir.resolve("before") + "; LANG=C.UTF-8 TERM=xterm XDG_STATE_HOME="
                + dir + " sh -c 'echo $$ > " + dir.resolve("pid") + "; exec scripts/rehearse'; " + Tmux.sttyInto(dir.resolve("after"))
                + "; sleep 60";
        try (Tmux t = new Tmux().start(80, 24, cmd)) {
            t.await(x -> x.contains("SIMULATION"), 30, "the first frame");
            long pid = Long.parseLong(Files.readString(dir.resolve("pid")).trim());
            // sh execs the launcher, which execs java: the pid is the JVM's.
            new ProcessBuilder("kill", "-TERM", Long.toString(pid)).start().waitFor();
            for (int i = 0; i < 100 && !Files.exists(dir.resolve("after")); i++) Thread.sleep(100);
            assertThat(Files.readString(dir.resolve("after"))).isEqualTo(Files.readString(dir.resolve("before")));
        }
    }
}
