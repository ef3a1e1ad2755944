package rehearse.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NO_COLOR as no-color.org has it, in the full-screen UI and the shell alike, read from the
 * terminal itself (tmux keeps each cell's colour: {@code capture-pane -e} gives it back as SGR).
 */
class NoColorIT {
    @TempDir Path dir;

    @BeforeAll
    static void needsTmux() {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
    }

    private static final Pattern SGR = Pattern.compile("\u001b\\[([0-9;]*)m");

    /** Whether the pane shows a colour other than the terminal's default one (foreground or background). */
    private static boolean coloured(String pane) {
        Matcher m = SGR.matcher(pane);
        while (m.find()) {
            for (String p : m.group(1).split(";")) {
                if (p.isEmpty()) continue;
                int n = Integer.parseInt(p);
                if (n >= 30 && n <= 38 || n >= 40 && n <= 48 || n >= 90 && n <= 97 || n >= 100 && n <= 107) return true;
            }
        }
        return false;
    }

    @ParameterizedTest(name = "NO_COLOR=''{0}'': colour {1}")
    @CsvSource({"'', true", "1, false"})
    void theUiAndTheShellFollowNoColor(String noColor, boolean colour) throws Exception {
        try (Tmux t = new Tmux().start(100, 30, "env PS1='$ ' bash --norc --noprofile -i")) {
            t.await(s -> s.contains("$"), 20, "the shell's prompt");
            t.literal("cd " + Tmux.project() + "; export NO_COLOR='" + noColor + "' TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME=" + dir
                    + "; clear; scripts/rehearse; echo exit=$?");
            t.keys("Enter");
            t.await(s -> s.contains("SIMULATION") && s.contains("NODEB"), 60, "the first frame");
            assertThat(coloured(t.run("capture-pane", "-p", "-e", "-t", "0"))).as("the UI in colour").isEqualTo(colour);
            t.keys("q");
            t.await(s -> s.contains("exit=0"), 20, "the way out");

            t.literal("clear; scripts/rehearse shell; echo exit=$?");
            t.keys("Enter");
            t.await(s -> s.contains("WEBCLUSTER 0:00:00>"), 60, "the prompt");
            t.literal("move nowhere"); // a parse error: red where there is colour
            t.keys("Enter");
            t.await(s -> s.contains("shell:1:"), 20, "the error");
            assertThat(coloured(t.run("capture-pane", "-p", "-e", "-t", "0"))).as("the shell in colour").isEqualTo(colour);
            t.literal("quit");
            t.keys("Enter");
            t.await(s -> s.contains("exit=1"), 20, "the way out (1: a line that did not parse)");
        }
    }
}
