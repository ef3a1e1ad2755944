package rehearse.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's life seen from the operator's shell (tmux, bash): a rehearsal never started leaves
 * no journal; one that was started is named, with the command that resumes it, once the terminal
 * is restored, and that very command, pasted, goes on with it.
 */
class JournalLifecycleIT {
    @TempDir Path dir;

    @BeforeAll
    static void needsTmux() {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
    }

    /** bash in a pane wide enough that a long journal path is not wrapped, with {@code rehearse} on its PATH. */
    private Tmux bash() throws Exception {
        Tmux t = new Tmux().start(220, 30, "env PS1='$ ' bash --norc --noprofile -i");
        t.await(s -> s.contains("$"), 20, "the shell's prompt");
        t.literal("cd " + dir + "; export LANG=C.UTF-8 TERM=xterm XDG_STATE_HOME=" + dir + " PATH=" + Tmux.project().resolve("scripts")
                + ":$PATH; clear");
        t.keys("Enter");
        return t;
    }

    private void typed(Tmux t, String line) throws Exception {
        t.literal(line);
        t.keys("Enter");
    }

    private List<Path> journals() throws Exception {
        if (!Files.isDirectory(dir.resolve("rehearse"))) return List.of();
        try (Stream<Path> files = Files.list(dir.resolve("rehearse"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList();
        }
    }

    /** The line the program printed to resume, as the operator would copy it. */
    private static String resumeLine(String screen, String start) {
        return screen.lines().map(String::strip).filter(l -> l.startsWith(start)).reduce((a, b) -> b).orElseThrow();
    }

    /** q, and y if the UI asks (a rehearsal under way); returns the screen once the UI has ended. */
    private static String quit(Tmux t) throws Exception {
        t.keys("q");
        String s = t.await(x -> x.contains("Quit?") || x.contains("exit=0"), 20, "the question or the way out");
        if (s.contains("exit=0")) return s;
        t.keys("y");
        return t.await(x -> x.contains("exit=0"), 20, "the way out");
    }

    @Test
    void theUi() throws Exception {
        try (Tmux t = bash()) {
            typed(t, "rehearse; echo exit=$?");
            t.await(s -> s.contains("SIMULATION") && s.contains("NODEB"), 60, "the first frame");
            t.keys("q"); // nothing done: no question
            String s = t.await(x -> x.contains("exit=0"), 20, "the way out");
            assertThat(s).doesNotContain("--resume").doesNotContain("journal");
            assertThat(journals()).isEmpty();

            // A name a shell would misread: a space and a quote.
            Path journal = dir.resolve("web cluster's.jsonl");
            typed(t, "clear; rehearse --journal \"" + journal + "\"; echo exit=$?");
            t.await(x -> x.contains("SIMULATION") && x.contains("NODEB"), 60, "the first frame");
            t.keys("t");
            t.await(x -> x.contains("rolling only"), 10, "the target picker");
            t.keys("Enter");
            t.await(x -> x.contains("Plan: IIS 4.0 / SP4 -> IIS 5.0"), 10, "the plan");
            s = quit(t);
            assertThat(s).contains("rehearse: the rehearsal is in the journal " + journal + "; to go on with it, run:");
            String line = resumeLine(s, "rehearse --resume ");
            assertThat(line).isEqualTo("rehearse --resume '" + dir + "/web cluster'\\''s.jsonl'");
            assertThat(Files.readString(journal)).contains("\"command\": \"target \\\"IIS 5.0\\\"\"");

            typed(t, "clear; " + line + "; echo exit=$?"); // pasted as printed
            t.await(x -> x.contains("SIMULATION") && x.contains("Plan: IIS 4.0 / SP4 -> IIS 5.0"), 60, "the rehearsal resumed");
            s = quit(t);
            assertThat(resumeLine(s, "rehearse --resume ")).isEqualTo(line); // still there, and said again
            assertThat(journals()).isEmpty(); // nothing in the state directory all along
        }
    }

    @Test
    void theShell() throws Exception {
        try (Tmux t = bash()) {
            typed(t, "rehearse shell; echo exit=$?");
            t.await(s -> s.contains("WEBCLUSTER 0:00:00>"), 60, "the prompt");
            typed(t, "quit");
            String s = t.await(x -> x.contains("exit=0"), 20, "the way out");
            assertThat(s).doesNotContain("--resume");
            assertThat(journals()).isEmpty();

            typed(t, "clear; rehearse shell; echo exit=$?");
            t.await(x -> x.contains("WEBCLUSTER 0:00:00>"), 60, "the prompt");
            typed(t, "target 5.0");
            t.await(x -> x.contains("WEBCLUSTER 0:00:00 [pre-flight]>"), 20, "the target");
            typed(t, "ack preflight");
            t.await(x -> x.contains("pre-flight checklist acknowledged"), 20, "the acknowledgement");
            typed(t, "quit");
            t.await(x -> x.contains("Quit? [y/N]"), 10, "the question");
            typed(t, "y");
            s = t.await(x -> x.contains("exit=0"), 20, "the way out");
            List<Path> kept = journals();
            assertThat(kept).hasSize(1);
            String line = resumeLine(s, "rehearse shell --resume ");
            assertThat(line).isEqualTo("rehearse shell --resume " + kept.get(0));

            typed(t, "clear; " + line + "; echo exit=$?");
            t.await(x -> x.contains("WEBCLUSTER 0:00:00 [hop 1/1"), 60, "the resumed prompt, past the pre-flight");
            // On a loaded machine the prompt can show before the line editor reads: Ctrl-D again until it asks.
            for (int i = 0; i < 5 && !t.capture().contains("Quit? [y/N]"); i++) {
                t.keys("C-d");
                for (int w = 0; w < 20 && !t.capture().contains("Quit? [y/N]"); w++) Thread.sleep(100);
            }
            t.await(x -> x.contains("Quit? [y/N]"), 10, "the question");
            typed(t, "y");
            t.await(x -> x.contains("exit=0"), 20, "the way out");
        }
    }
}
