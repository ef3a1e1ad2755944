package rehearse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rehearse.io.JsonReader;
import rehearse.journal.JournalWriter;

/** --resume: a journal cut anywhere resumes as often as needed; one writer at a time; bad journals are problems. */
class ResumeTest {
    @TempDir Path dir;

    private Path script() throws Exception {
        Path p = dir.resolve("rolling.rh");
        Files.writeString(p, RunCommandTest.ROLLING + "status\n");
        return p;
    }

    private Path fullJournal(Path script) throws Exception {
        Path full = dir.resolve("full.jsonl");
        assertThat(Cli.run("run", "--journal", full.toString(), script.toString()).code()).isZero();
        return full;
    }

    private static void everyLineParses(Path journal) throws Exception {
        List<String> lines = Files.readAllLines(journal);
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            Assertions.assertDoesNotThrow(() -> JsonReader.parse(lines.get(n - 1)), journal + ":" + n + " is damaged");
        }
        assertThat(Files.readString(journal)).endsWith("\n");
    }

    /** Keeps the first {@code lines} whole lines and half of the next one, as a kill -9 or a full disk leaves it. */
    private static Path cut(Path journal, Path to, int lines, boolean midLine) throws Exception {
        List<String> all = Files.readAllLines(journal);
        String text = String.join("\n", all.subList(0, lines)) + "\n";
        String next = all.get(lines);
        text += midLine ? next.substring(0, next.length() / 2) : next; // or whole, but without its line end
        Files.writeString(to, text);
        return to;
    }

    @Test
    void aJournalCutMidLineResumesAgainAndAgain() throws Exception {
        Path s = script();
        Path full = fullJournal(s);
        String finalStatus = tail(Cli.run("run", "--resume", cut(full, dir.resolve("x.jsonl"), 3, true).toString(), s.toString()));
        Path j = cut(full, dir.resolve("j.jsonl"), Files.readAllLines(full).size() / 2, true);
        for (int round = 0; round < 3; round++) {
            Cli r = Cli.run("run", "--resume", j.toString(), s.toString());
            assertThat(r.code()).as("round " + round + ": " + r.err()).isZero();
            everyLineParses(j);
            if (round == 0) assertThat(tail(r)).isEqualTo(finalStatus);
            // Cut again, mid-line, and go on: as often as needed.
            List<String> now = Files.readAllLines(j);
            cut(j, j, now.size() - 4, true);
        }
        Cli last = Cli.run("run", "--resume", j.toString(), s.toString());
        assertThat(last.code()).as(last.err()).isZero();
        assertThat(tail(last)).isEqualTo(finalStatus);
        everyLineParses(j);
    }

    @Test
    void aLastLineWholeButForItsLineEndIsEndedNotGluedTo() throws Exception {
        Path s = script();
        Path full = fullJournal(s);
        Path j = cut(full, dir.resolve("j.jsonl"), 20, false);
        assertThat(Cli.run("run", "--resume", j.toString(), s.toString()).code()).isZero();
        everyLineParses(j);
        assertThat(Files.readAllLines(j).subList(0, 21)).isEqualTo(Files.readAllLines(full).subList(0, 21));
        assertThat(Cli.run("run", "--resume", j.toString(), s.toString()).code()).isZero();
    }

    private static String tail(Cli r) {
        return r.out().substring(r.out().lastIndexOf("> status"));
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheJournal() throws Exception {
        Path s = script();
        Path j = Files.copy(fullJournal(s), dir.resolve("j.jsonl"));
        String before = Files.readString(j);
        try (JournalWriter holder = JournalWriter.resume(j)) {
            Cli second = Cli.run("run", "--resume", j.toString(), s.toString());
            assertThat(second.code()).isEqualTo(73);
            assertThat(second.err().trim()).isEqualTo("rehearse: the journal " + j + " is in use by another rehearsal; two sessions"
                    + " writing one journal would interleave two histories (end the other one, or copy the journal and resume the copy)");
            assertThat(second.out()).isEmpty();
        }
        assertThat(Files.readString(j)).isEqualTo(before);
        assertThat(Cli.run("run", "--resume", j.toString(), s.toString()).code()).isZero(); // released with the first
    }

    @Test
    void pipesDevicesAndDirectoriesAreRefusedAtOnce() throws Exception {
        Path s = script();
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Cli r = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Cli.run("run", "--resume", fifo.toString(), s.toString()));
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err().trim()).isEqualTo(fifo + ": is a named pipe (FIFO); only a regular file can be read");
        assertThat(Cli.run("run", "--resume", "/dev/zero", s.toString()).err().trim())
                .isEqualTo("/dev/zero: is a character device; only a regular file can be read");
        assertThat(Cli.run("run", "--resume", dir.toString(), s.toString()).err().trim()).isEqualTo(dir + ": is a directory, not a file");
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), fullJournal(s));
        assertThat(Cli.run("run", "--resume", link.toString(), s.toString()).err().trim())
                .isEqualTo(link + ": is a symbolic link; refusing to use it");
    }

    @Test
    void clusterMatrixOrJournalWithResumeIsAUsageError() throws Exception {
        Path s = script();
        Path j = Files.copy(fullJournal(s), dir.resolve("j.jsonl"));
        Path cluster = dir.resolve("c.yaml");
        Files.writeString(cluster, Cli.run("sample").out());
        Cli r = Cli.run("run", "--resume", j.toString(), "--cluster", cluster.toString(), s.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo("rehearse: --cluster cannot be given with --resume: the journal holds the cluster and"
                + " tables it began with, and goes on in the same file");
        Cli both = Cli.run("run", "--resume", j.toString(), "--matrix", "src/main/resources/rehearse/upgrade-tables.yaml",
                "--journal", dir.resolve("other.jsonl").toString(), s.toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).startsWith("rehearse: --matrix and --journal cannot be given with --resume");
        assertThat(dir.resolve("other.jsonl")).doesNotExist();
    }

    private String header(String version) {
        return "{\"journal\": \"rehearse\", \"version\": " + version + ", \"cluster\": \"WEBCLUSTER\", \"clusterSource\": "
                + rehearse.io.Json.write(Cli.run("sample").out()) + ", \"matrixSource\": null}\n";
    }

    private Cli resume(String journal) throws Exception {
        Path j = dir.resolve("bad.jsonl");
        Files.writeString(j, journal);
        return Cli.run("run", "--resume", j.toString(), script().toString());
    }

    @Test
    void anUnknownVersionTimesAndLinesOutOfRangeAreProblemsWithTheirPlace() throws Exception {
        Path j = dir.resolve("bad.jsonl");
        Cli v2 = resume(header("2"));
        assertThat(v2.code()).isEqualTo(65);
        assertThat(v2.err().trim()).isEqualTo(j + ":1:25: journal version 2 is not one this rehearse reads (it reads version 1;"
                + " a newer rehearse wrote it?)");
        assertThat(resume(header("\"one\"")).err().trim()).startsWith(j + ":1:25: journal version one is not one");

        String ok = header("1") + "{\"t\": 0, \"clock\": true}\n";
        assertThat(resume(ok + "{\"t\": -5, \"event\": \"x\"}\n").err().trim())
                .isEqualTo(j + ":3:2: time -5 is out of range (0 to 315360000000 ms, ten years)");
        Cli huge = resume(ok + "{\"t\": 9000000000000000000, \"command\": \"status\", \"settle\": true}\n");
        assertThat(huge.code()).isEqualTo(65);
        assertThat(huge.err().trim()).isEqualTo(j + ":3:2: time 9000000000000000000 is out of range (0 to 315360000000 ms, ten years)");
        assertThat(resume(ok + "{\"t\": 1.5, \"event\": \"x\"}\n").err().trim()).startsWith(j + ":3:2: time 1.5 is out of range");
        assertThat(resume(ok + "{\"event\": \"x\"}\n").err().trim()).isEqualTo(j + ":3:1: the line has no time ('t')");
        Cli line = resume(ok + "{\"t\": 5, \"command\": \"status\", \"settle\": true, \"line\": 99999999999}\n");
        assertThat(line.code()).isEqualTo(65);
        assertThat(line.err().trim()).isEqualTo(j + ":3:47: script line 99999999999 is out of range (1 to 8388608)");
        assertThat(resume(ok + "{\"t\": 5, \"command\": \"status\", \"line\": 0}\n").err().trim()).startsWith(j + ":3:31: script line 0");
        assertThat(resume(ok + "{\"t\": 5, \"command\": 7}\n").err().trim()).isEqualTo(j + ":3:10: 'command' must be text");
        Cli parse = resume(ok + "{\"t\": 5, \"command\": \"fly to the moon\"}\n");
        assertThat(parse.code()).isEqualTo(65);
        assertThat(parse.err().trim()).startsWith(j + ":3:10: the journal's command does not parse: expected a command");
        Cli damaged = resume(ok + "{\"t\": 5, garbage\n{\"t\": 6, \"event\": \"x\"}\n");
        assertThat(damaged.err().trim()).isEqualTo(j + ":3:1: damaged journal line");
        assertThat(resume("").err().trim()).isEqualTo(j + ":1:1: the journal is empty");
        assertThat(resume("{\"hello\": 1}\n").err().trim()).isEqualTo(j + ":1:1: not a rehearse journal (no header line)");
    }

    @Test
    void aJournalOverItsSizeLimitIsRefusedWhileReading() throws Exception {
        Path j = dir.resolve("big.jsonl");
        byte[] event = "{\"t\": 1, \"event\": \"padding padding padding padding padding padding padding padding\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(j)) {
            out.write(header("1").getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written <= rehearse.journal.Journal.MAX_BYTES; written += event.length) out.write(event);
        }
        Cli r = Cli.run("run", "--resume", j.toString(), script().toString());
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err().trim()).matches(java.util.regex.Pattern.quote(j.toString())
                + ":\\d+: the journal is larger than 67108864 bytes \\(64 MiB\\), the limit of a journal");
    }

    // ---------------------------------------------------------------- a replayed failure stays a failure

    private static final String FAILING = """
            target "IIS 5.0"
            ack preflight
            expect group "Web Group" online on NODEB
            step
            status
            """;

    @Test
    void aFailedExpectReplayedStaysAFailureWhereverTheRunWasKilled() throws Exception {
        Path s = dir.resolve("failing.rh");
        Files.writeString(s, FAILING);
        Path full = dir.resolve("full.jsonl");
        Cli whole = Cli.run("run", "--journal", full.toString(), s.toString());
        assertThat(whole.code()).as(whole.out()).isEqualTo(1);
        assertThat(whole.out()).contains("result: 1 failure");
        List<String> lines = Files.readAllLines(full);
        // Resumed whole (nothing left to run) and cut as kill -9 leaves it at every line, mid-line too:
        // the expectation failed before or after the cut, the rehearsal failed.
        for (int cut = 1; cut < lines.size(); cut++) {
            Path j = cut(full, dir.resolve("cut" + cut + ".jsonl"), cut, true);
            Cli resumed = Cli.run("run", "--resume", j.toString(), s.toString());
            assertThat(resumed.code()).as("cut at line " + (cut + 1) + ": " + resumed.out() + resumed.err()).isEqualTo(1);
            assertThat(resumed.out()).as("cut at line " + (cut + 1)).contains("result: 1 failure").doesNotContain("result: ok");
        }
        Path again = Files.copy(full, dir.resolve("again.jsonl"));
        Cli resumed = Cli.run("run", "--resume", again.toString(), s.toString());
        assertThat(resumed.code()).isEqualTo(1);
        assertThat(resumed.out()).contains("  FAILED " + s + ":3: ").contains("result: 1 failure");
        Cli json = Cli.run("run", "--json", "--resume", again.toString(), s.toString());
        assertThat(json.code()).isEqualTo(1);
        String last = json.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(CliTest.obj(JsonReader.parse(last)).get("failures")).isEqualTo(1L);
        String first = json.out().lines().findFirst().orElseThrow();
        assertThat(CliTest.obj(JsonReader.parse(first))).containsEntry("line", 3L).containsEntry("outcome", "failed")
                .containsEntry("replayed", true);
    }

    @Test
    void anUnexpectedRefusalReplayedStaysAFailureAndAnExpectedOneStaysExpected() throws Exception {
        Path refused = dir.resolve("refused.rh");
        Files.writeString(refused, "ack preflight\nupgrade NODEA to 5.0\nstatus\n");
        Path j = dir.resolve("refused.jsonl");
        assertThat(Cli.run("run", "--journal", j.toString(), refused.toString()).code()).isEqualTo(1);
        assertThat(Cli.run("run", "--resume", j.toString(), refused.toString()).code()).isEqualTo(1);

        // Killed right after the refusal was journaled: the resumed run's first line expects it.
        Path expected = dir.resolve("expected.rh");
        Files.writeString(expected, "ack preflight\nupgrade NODEA to 5.0\nexpect refused\nstatus\n");
        Path full = dir.resolve("expected.jsonl");
        assertThat(Cli.run("run", "--journal", full.toString(), expected.toString()).code()).isZero();
        List<String> lines = Files.readAllLines(full);
        int refusal = 0;
        while (!lines.get(refusal).contains("\"outcome\": \"refused\"")) refusal++;
        Path k = cut(full, dir.resolve("k.jsonl"), refusal + 1, true);
        Cli resumed = Cli.run("run", "--resume", k.toString(), expected.toString());
        assertThat(resumed.code()).as(resumed.out()).isZero();
        assertThat(resumed.out()).contains("result: ok").startsWith("> expect refused");
    }

    // ---------------------------------------------------------------- what the replay does not reproduce

    @Test
    void anOutcomeOrEventTheReplayDoesNotReproduceIsAProblemAtItsLine() throws Exception {
        Path s = dir.resolve("failing.rh");
        Files.writeString(s, FAILING);
        Path full = dir.resolve("full.jsonl");
        assertThat(Cli.run("run", "--journal", full.toString(), s.toString()).code()).isEqualTo(1);
        List<String> lines = Files.readAllLines(full);
        int failed = 0;
        while (!lines.get(failed).contains("\"outcome\": \"failed\"")) failed++;
        int event = 0;
        while (!lines.get(event).contains("\"event\": ")) event++;

        // The failure turned into a pass by hand: refused, and the journal is left as it was.
        Path passed = tampered(lines, failed, "\"outcome\": \"failed\"", "\"outcome\": \"passed\"");
        String before = Files.readString(passed);
        Cli r = Cli.run("run", "--resume", passed.toString(), s.toString());
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.out()).isEmpty();
        int column = lines.get(failed).indexOf("\"outcome\"") + 1;
        assertThat(r.err().trim()).startsWith(passed + ":" + (failed + 1) + ":" + column + ": ")
                .contains("the journal records the outcome 'passed'").contains("the replay gives 'failed'");
        assertThat(Files.readString(passed)).isEqualTo(before);

        // Its words changed.
        Path words = tampered(lines, failed, "\"message\": \"", "\"message\": \"all fine, really; ");
        Cli w = Cli.run("run", "--resume", words.toString(), s.toString());
        assertThat(w.code()).isEqualTo(65);
        assertThat(w.err().trim()).startsWith(words + ":" + (failed + 1) + ":" + (lines.get(failed).indexOf("\"message\"") + 1) + ": ");

        // An event that did not happen.
        Path ev = tampered(lines, event, "\"event\": \"", "\"event\": \"nothing, ");
        Cli e = Cli.run("run", "--resume", ev.toString(), s.toString());
        assertThat(e.code()).isEqualTo(65);
        assertThat(e.err().trim()).startsWith(ev + ":" + (event + 1) + ":" + (lines.get(event).indexOf("\"event\"") + 1) + ": ")
                .contains("the replay");

        // An outcome line removed is a journal whose lines no longer follow the replay either.
        List<String> dropped = new java.util.ArrayList<>(lines);
        dropped.remove(failed);
        Path gone = dir.resolve("gone.jsonl");
        Files.write(gone, dropped);
        assertThat(Cli.run("run", "--resume", gone.toString(), s.toString()).code()).isEqualTo(65);
    }

    private Path tampered(List<String> lines, int index, String from, String to) throws Exception {
        List<String> copy = new java.util.ArrayList<>(lines);
        assertThat(copy.get(index)).contains(from);
        copy.set(index, copy.get(index).replace(from, to));
        Path p = dir.resolve("tampered" + index + to.hashCode() + ".jsonl");
        Files.write(p, copy);
        return p;
    }
}
