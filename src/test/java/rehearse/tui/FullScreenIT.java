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

/** The real launcher in a real terminal (tmux), driven by keystrokes only. */
class FullScreenIT {
    @TempDir Path dir;

    @BeforeAll
    static void needsTmux() {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
    }

    /** Runs the launcher in the pane; its pid, which is the JVM's (sh and the launcher exec), goes to the file "pid". */
    private String wrapped(String env) {
        return "cd " + Tmux.project() + " && stty -a > " + dir.resolve("before") + "; " + env + " XDG_STATE_HOME=" + dir
                + " sh -c 'echo $$ > " + dir.resolve("pid") + "; exec scripts/rehearse'; echo $? > " + dir.resolve("exit")
                + "; " + Tmux.sttyInto(dir.resolve("after")) + "; sleep 60";
    }

    @Test
    void rollingUpgradeWithKeystrokesOnly() throws Exception {
        try (Tmux t = new Tmux().start(80, 24, wrapped("LANG=C.UTF-8 TERM=xterm-256color"))) {
            t.await(s -> s.contains("SIMULATION") && s.contains("NODEB"), 30, "the first frame");
            t.keys("t");
            t.await(s -> s.contains("rolling only"), 10, "the target picker");
            t.keys("Enter", "+", "+", "r");
            t.await(s -> s.contains("Pre-flight checklist"), 10, "the pre-flight checklist");
            t.keys("y");
            String s = t.await(x -> x.contains("plan complete"), 60, "the end of the plan");
            List<String> lines = s.lines().toList();
            assertThat(lines.get(3)).contains("IIS 5.0").doesNotContain("4.0");
            assertThat(lines.get(3).indexOf("IIS 5.0")).isLessThan(40);
            assertThat(lines.get(3).lastIndexOf("IIS 5.0")).isGreaterThanOrEqualTo(40);
            assertThat(s).contains("[+] Cluster Group").contains("[+] Web Group").contains("[+] FTP Group");
            assertThat(String.join("\n", lines.subList(1, 9))).doesNotContain("Offline").doesNotContain("Failed");
            assertThat(lines.get(22)).contains("outage 39s").contains("Web Group 26s").contains("FTP Group 26s");
            t.keys("q");
            awaitFile(dir.resolve("after")); // written after "exit"
            assertThat(Files.readString(dir.resolve("exit")).trim()).isEqualTo("0");
            assertThat(Files.readString(dir.resolve("after"))).isEqualTo(Files.readString(dir.resolve("before")));
            try (Stream<Path> journals = Files.list(dir.resolve("rehearse"))) {
                Path journal = journals.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
                assertThat(Files.readString(journal)).contains("\"command\": \"step\"").contains("NODEB upgraded");
            }
        }
    }

    @Test
    void hangupRestoresTheTerminalAndKeepsTheJournal() throws Exception {
        try (Tmux t = new Tmux().start(80, 24, wrapped("LANG=C TERM=screen"))) {
            t.await(s -> s.contains("SIMULATION"), 30, "the first frame");
            t.keys("t");
            t.await(s -> s.contains("rolling only"), 10, "the target picker");
            t.keys("Enter");
            t.await(s -> s.contains("Plan: IIS 4.0 / SP4 -> IIS 5.0"), 10, "the plan");
            // Our own child, by its pid: not whichever rehearse on the machine started last.
            long pid = Long.parseLong(Files.readString(dir.resolve("pid")).trim());
            assertThat(ProcessHandle.of(pid).flatMap(p -> p.info().command()).orElse("")).endsWith("java");
            new ProcessBuilder("kill", "-HUP", Long.toString(pid)).start().waitFor();
            awaitFile(dir.resolve("after"));
            assertThat(Files.readString(dir.resolve("after"))).isEqualTo(Files.readString(dir.resolve("before")));
            try (Stream<Path> journals = Files.list(dir.resolve("rehearse"))) {
                assertThat(Files.readString(journals.findFirst().orElseThrow())).contains("\"command\": \"target \\\"IIS 5.0\\\"\"");
            }
        }
    }

    @Test
    void aLoneEscClosesAnOverlayWithoutWaitingForMoreKeys() throws Exception {
        try (Tmux t = new Tmux().start(80, 24, wrapped("LANG=C.UTF-8 TERM=xterm-256color"))) {
            t.await(s -> s.contains("SIMULATION") && s.contains("NODEB"), 30, "the first frame");
            t.keys("?");
            t.await(s -> s.contains("this help"), 10, "the help overlay");
            t.keys("Escape"); // nothing after it: Lanterna waited 25 s for the rest of a sequence before
            t.await(s -> !s.contains("this help"), 5, "the overlay closed by Esc alone");
            t.keys("q");
            awaitFile(dir.resolve("exit"));
        }
    }

    @Test
    void tooSmallThenEnlarged() throws Exception {
        try (Tmux t = new Tmux().start(70, 20, wrapped("LANG=C.UTF-8 TERM=tmux-256color"))) {
            t.await(s -> s.contains("terminal too small: 70x20"), 30, "the too-small message");
            t.run("resize-window", "-t", "0", "-x", "100", "-y", "30");
            String s = t.await(x -> x.contains("SIMULATION") && x.contains("NODEB"), 10, "the full screen after enlarging");
            assertThat(s).doesNotContain("too small");
            t.keys("q");
            awaitFile(dir.resolve("exit"));
        }
    }

    private static void awaitFile(Path p) throws Exception {
        for (int i = 0; i < 200 && (!Files.exists(p) || Files.size(p) == 0); i++) Thread.sleep(100);
        assertThat(p).exists();
    }
}
