package rehearse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rehearse.io.JsonReader;

/**
 * {@code rewind} in scripts: the what-if of the README (NODEB failing while NODEA is upgraded,
 * then back to before the fault), its report's branches, its JSON, and its journal resumed
 * from anywhere, the rewinds' lines included.
 */
class RewindCliTest {
    static final String WHAT_IF = "src/test/resources/what-if.rh";

    @TempDir Path dir;

    @Test
    void theWhatIfRunsItsBranchesAndTheReportSaysWhichWereTried() throws Exception {
        Path report = dir.resolve("report.md");
        Cli r = Cli.run("run", WHAT_IF, "--report", report.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("> rewind to 0:20:00\n  back at 0:20:00 (from 1:22:39): 'run' stopped part-way, what it began"
                + " still under way; branch 2 goes on from here (branch 1 is kept for the report)\n")
                .contains("> rewind 2\n  back at 0:20:00 (from 0:41:13): 2 commands undone; branch 3 goes on from here")
                .contains("no-go at 'resume NODEA'").endsWith("result: ok\n");
        String md = Files.readString(report);
        assertThat(md).contains("## Branches\n\nThe rehearsal went back 2 times with `rewind`")
                .contains("| 1 | at the start, 0:00:00 | left at 1:22:39 by `rewind to 0:20:00`: plan complete; IIS outage 39s |")
                .contains("| 2 | from branch 1 at 1:22:39, back to 0:20:00 (`run` stopped part-way) | left at 0:41:13 by `rewind 2`:"
                        + " hop 1/1 step 4/9, no-go at 'resume NODEA'; IIS outage 21m 26s |")
                .contains("| 3 (current) | from branch 2 at 0:41:13, back to 0:20:00 (2 commands undone) | stands at 1:22:39: plan complete;"
                        + " IIS outage 39s |");
        assertThat(md.indexOf("## Branches")).isGreaterThan(md.indexOf("## Commands"));
        // The HTML report says the same.
        Path html = dir.resolve("report.html");
        assertThat(Cli.run("run", WHAT_IF, "--report", html.toString()).code()).isZero();
        assertThat(Files.readString(html)).contains("<h2>Branches</h2>\n<p>The rehearsal went back 2 times with <code>rewind</code>")
                .contains("<tr><td>2</td><td>from branch 1 at 1:22:39, back to 0:20:00 (<code>run</code> stopped part-way)</td>"
                        + "<td>left at 0:41:13 by <code>rewind 2</code>: hop 1/1 step 4/9, no-go at 'resume NODEA'; IIS outage 21m 26s</td></tr>")
                .contains("<tr><td>3 (current)</td>");
    }

    @Test
    void aRefusedRewindFailsTheScriptUnlessExpected() throws Exception {
        Path s = dir.resolve("s.rh");
        Files.writeString(s, "target 5.0\nrewind 2\nrewind to 1m\nexpect refused\n");
        Cli r = Cli.run("run", s.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("REFUSED: cannot rewind 2 commands: this branch has only 1 to undo")
                .contains("^ " + s + ":2: refused without 'expect refused' after it")
                .contains("REFUSED: cannot rewind to 0:01:00: the rehearsal is at 0:00:00, and a rewind only goes back")
                .endsWith("result: 1 failure\n");
    }

    @Test
    void jsonSaysWhatTheRewindDid() throws Exception {
        Cli r = Cli.run("run", "--json", WHAT_IF);
        assertThat(r.code()).isZero();
        Map<?, ?> line = r.out().lines().map(JsonReader::parse).filter(Map.class::isInstance).map(Map.class::cast)
                .filter(m -> "rewind 2".equals(m.get("command"))).findFirst().orElseThrow();
        assertThat(line.get("line")).isEqualTo(12L);
        assertThat(line.get("outcome")).isEqualTo("accepted");
        assertThat((String) line.get("message")).startsWith("back at 0:20:00 (from 0:41:13): 2 commands undone");
    }

    @Test
    void itsJournalResumesFromAnyLineOnTheBranchTheOperatorWasOn() throws Exception {
        Path full = dir.resolve("full.jsonl");
        Cli whole = Cli.run("run", "--journal", full.toString(), WHAT_IF);
        assertThat(whole.code()).isZero();
        String summary = whole.out().substring(whole.out().indexOf("summary at"));
        List<String> lines = Files.readAllLines(full);
        int rewinds = 0;
        for (int cut = 2; cut < lines.size(); cut += Math.max(1, lines.size() / 40)) {
            Path j = dir.resolve("j" + cut + ".jsonl");
            String next = lines.get(cut);
            Files.writeString(j, String.join("\n", lines.subList(0, cut)) + "\n" + next.substring(0, next.length() / 2));
            if (lines.subList(0, cut).stream().anyMatch(l -> l.contains("\"command\": \"rewind"))) rewinds++;
            Cli r = Cli.run("run", "--resume", j.toString(), WHAT_IF);
            assertThat(r.code()).as("cut at line %d: %s", cut + 1, r.err()).isZero();
            assertThat(r.out().substring(r.out().indexOf("summary at"))).as("cut at line %d", cut + 1).isEqualTo(summary);
        }
        assertThat(rewinds).as("resumes after a rewind").isGreaterThan(5);
    }

    @Test
    void theShellResumesTheBranchOfAJournalWithRewinds() throws Exception {
        byte[] script = Files.readAllBytes(Path.of(WHAT_IF));
        Path full = dir.resolve("shell.jsonl");
        Cli whole = shell(script, "shell", "--journal", full.toString());
        assertThat(whole.code()).as(whole.err()).isZero();
        List<String> lines = Files.readAllLines(full);
        int afterSecondRewind = 0;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains("\"command\": \"rewind 2\"")) afterSecondRewind = i + 2;
        Path j = dir.resolve("cut.jsonl");
        Files.writeString(j, String.join("\n", lines.subList(0, afterSecondRewind)) + "\n");
        Cli resumed = shell(script, "shell", "--resume", j.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).doesNotContain("> rewind").contains("> run\n").endsWith("result: ok\n");
        assertThat(resumed.out().substring(resumed.out().indexOf("summary at")))
                .isEqualTo(whole.out().substring(whole.out().indexOf("summary at")));
    }

    /** The shell with {@code input} on its standard input (not a terminal: it reads it as a script). */
    private static Cli shell(byte[] input, String... args) {
        java.io.InputStream was = System.in;
        System.setIn(new java.io.ByteArrayInputStream(input));
        try {
            return Cli.run(args);
        } finally {
            System.setIn(was);
        }
    }
}
