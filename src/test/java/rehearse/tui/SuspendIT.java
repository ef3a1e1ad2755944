package rehearse.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-Z and fg under a shell with job control, in a real terminal (tmux). */
class SuspendIT {
    @TempDir Path dir;

    @BeforeAll
    static void needsTmux() {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
    }

    @Test
    void ctrlZGivesTheTerminalBackAndFgTakesItAgain() throws Exception {
        try (Tmux t = new Tmux().start(80, 24, "env PS1='$ ' bash --norc --noprofile -i")) {
            t.await(s -> s.contains("$"), 20, "the shell's prompt");
            t.literal("cd " + Tmux.project() + "; stty -a > " + dir.resolve("before") + "; XDG_STATE_HOME=" + dir + " scripts/rehearse; "
                    + Tmux.sttyInto(dir.resolve("after")));
            t.keys("Enter");
            t.await(s -> s.contains("SIMULATION") && s.contains("NODEB"), 60, "the first frame");
            String running = ttyModes(t);
            t.keys("C-z");
            t.await(s -> s.contains("Stopped"), 20, "the shell's word that the job stopped");
            assertThat(t.run("display", "-p", "#{alternate_on}").trim()).isEqualTo("0"); // the shell's own screen
            t.run("resize-window", "-t", "0", "-x", "100", "-y", "30"); // while stopped: the shell hears it, not the UI
            t.literal(Tmux.sttyInto(dir.resolve("stopped")) + "; fg");
            t.keys("Enter");
            await(dir.resolve("stopped"));
            assertThat(modes(dir.resolve("stopped"))).isEqualTo(modes(dir.resolve("before")));
            // Drawn again at the new size: the bottom line on the pane's last row.
            t.await(s -> s.contains("SIMULATION") && s.contains("NODEB") && s.lines().count() >= 30
                    && s.lines().toList().get(29).contains("? for help"), 20, "the frame again after fg, at 100x30");
            // Raw again, exactly as before the stop: no line editing, no echo (the terminal's settings, read from outside).
            assertThat(ttyModes(t)).isEqualTo(running).contains(" -icanon ", " -echo ");
            t.keys("?"); // read at once, as a key, not echoed and held until Enter
            t.await(s -> s.contains("this help"), 10, "the help overlay");
            t.keys("Escape");
            t.keys("q");
            await(dir.resolve("after"));
            assertThat(modes(dir.resolve("after"))).isEqualTo(modes(dir.resolve("before")));
        }
    }

    /**
     * The pane's terminal settings while the program has it (stty -a on the pane's device, without
     * its first line of speed and size), space-separated.
     */
    private static String ttyModes(Tmux t) throws Exception {
        String tty = t.run("display", "-p", "-t", "0", "#{pane_tty}").trim();
        Process stty = new ProcessBuilder("stty", "-a", "-F", tty).redirectErrorStream(true).start();
        String all = new String(stty.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(stty.waitFor()).as(all).isZero();
        return " " + all.substring(all.indexOf('\n') + 1).replaceAll("[\\s;]+", " ") + " ";
    }

    /** stty -a without its first line (speed, rows and columns: the pane was resized on purpose). */
    private static String modes(Path p) throws Exception {
        String all = Files.readString(p);
        return all.substring(all.indexOf('\n') + 1);
    }

    private static void await(Path p) throws Exception {
        for (int i = 0; i < 200 && !Files.exists(p); i++) Thread.sleep(100);
        assertThat(p).exists();
    }
}
