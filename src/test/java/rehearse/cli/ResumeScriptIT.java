package rehearse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resumed journal must be the start of the script it is resumed with: no line skipped, none invented. */
class ResumeScriptIT {
    @TempDir Path dir;

    private Path cutAfterAck(Path script) throws Exception {
        Path journal = dir.resolve("j.jsonl");
        Cli.run("run", "--journal", journal.toString(), script.toString());
        List<String> lines = Files.readAllLines(journal);
        int ack = 0;
        while (!lines.get(ack).contains("\"command\": \"ack preflight\"")) ack++;
        Path cut = dir.resolve("cut.jsonl");
        Files.write(cut, lines.subList(0, ack + 2));
        return cut;
    }

    @Test
    void aLineNumberEditedToSkipAFailingExpectIsRefused() throws Exception {
        Path script = dir.resolve("s.rh");
        Files.writeString(script, "target 5.0\nack preflight\nexpect node NODEA at \"IIS 5.0\"\nrun\n");
        Path cut = cutAfterAck(script);
        Files.writeString(cut, Files.readString(cut).replace("\"line\": 2}", "\"line\": 4}"));
        Cli c = Cli.run("run", "--resume", cut.toString(), script.toString());
        assertThat(c.code()).isEqualTo(65);
        assertThat(c.err()).contains("cut.jsonl:").contains("not this script's journal");
    }

    @Test
    void anotherScriptsJournalIsRefused() throws Exception {
        Path script = dir.resolve("s.rh");
        Files.writeString(script, "target 5.0\nack preflight\nrun\n");
        Path cut = cutAfterAck(script);
        Path other = dir.resolve("o.rh");
        Files.writeString(other, "target 5.0\nstatus\nrun\n");
        Cli c = Cli.run("run", "--resume", cut.toString(), other.toString());
        assertThat(c.code()).isEqualTo(65);
        assertThat(c.err()).contains("o.rh:2");
    }

    @Test
    void theShellResumedFromItsInputGoesOnAfterTheJournalAsRunDoes() throws Exception {
        Path script = dir.resolve("s.rh");
        Files.writeString(script, "target 5.0\nack preflight\nfail node NODEB\nwait\nstatus\n");
        Path cut = cutAfterAck(script);
        // The real launcher, its standard input the script (the shell reads a script there).
        Process p = new ProcessBuilder(Path.of("").toAbsolutePath().resolve("scripts/rehearse").toString(), "shell", "--resume",
                cut.toString()).redirectInput(script.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out").toFile()).start();
        assertThat(p.waitFor()).as(Files.readString(dir.resolve("out"))).isZero();
        assertThat(Files.readString(dir.resolve("out"))).doesNotContain("> target 5.0").contains("> fail node NODEB");
    }

    @Test
    void anEventsTimeMovedByHandIsRefused() throws Exception {
        Path script = dir.resolve("s.rh");
        Files.writeString(script, "target 5.0\nack preflight\nrun\n");
        Path journal = dir.resolve("whole.jsonl");
        Cli.run("run", "--journal", journal.toString(), script.toString());
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(journal));
        int k = 0;
        while (!(lines.get(k).contains("\"event\"") && lines.get(k).startsWith("{\"t\": 2000,"))) k++;
        lines.set(k, lines.get(k).replace("{\"t\": 2000,", "{\"t\": 1000,"));
        Files.write(journal, lines);
        Cli c = Cli.run("run", "--resume", journal.toString(), script.toString());
        assertThat(c.code()).isEqualTo(65);
        assertThat(c.err()).contains("whole.jsonl:" + (k + 1) + ":").contains("at 1000 ms where the replay gives 2000 ms");
    }

    @Test
    void aCommandCutShortByACrashIsWholeInTheResumedJournal() throws Exception {
        Path script = dir.resolve("s.rh");
        Files.writeString(script, "target 5.0\nack preflight\nstep\nstep\nrun\n");
        Path whole = dir.resolve("whole.jsonl");
        assertThat(Cli.run("run", "--journal", whole.toString(), script.toString()).code()).isZero();
        List<String> lines = Files.readAllLines(whole);
        // Cut inside the second step's record: some of its events written, not its outcome.
        int second = 0;
        for (int k = 0, steps = 0; k < lines.size(); k++) if (lines.get(k).contains("\"command\": \"step\"") && ++steps == 2) second = k;
        Path cut = dir.resolve("cut.jsonl");
        Files.write(cut, lines.subList(0, second + 3));
        assertThat(Cli.run("run", "--resume", cut.toString(), script.toString()).code()).isZero();
        List<String> resumed = Files.readAllLines(cut).stream().filter(l -> !l.contains("\"resumed\": true")).toList();
        assertThat(resumed).isEqualTo(lines);
        assertThat(Cli.run("run", "--resume", cut.toString(), script.toString()).code()).isZero(); // and again
    }
}
