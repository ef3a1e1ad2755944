package rehearse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rehearse.io.JsonReader;

class RunCommandTest {
    @TempDir Path dir;

    static final String ROLLING = """
            # the seed's rolling upgrade on the sample cluster
            target "IIS 5.0"
            ack preflight
            step
            step
            run
            expect node NODEA up at "IIS 5.0"
            expect node NODEB up at "IIS 5.0"
            expect group "Web Group" online on NODEA
            expect group "FTP Group" online on NODEB
            expect downtime "Web Group" = 26s
            expect downtime "FTP Group" <= 26s
            """;

    private Path script(String text) throws Exception {
        Path p = dir.resolve("s" + text.hashCode() + ".rh");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void rollingScriptPassesAndPrintsATranscript() throws Exception {
        Cli r = Cli.run("run", script(ROLLING).toString());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("  done: Pause NODEA, so no group moves or fails over to it.").doesNotContain("REFUSED")
                .contains("  done: Move all groups from NODEA to NODEB.").contains("7 steps run; plan complete")
                .contains("0:00:13  resource 'Web Server' (Web Group) on NODEB: Online Pending -> Online")
                .contains("node NODEA        Up       IIS 5.0").contains("result: ok");
    }

    @Test
    void aRefusalWithoutExpectRefusedFailsTheRun() throws Exception {
        Cli r = Cli.run("run", script("ack preflight\nupgrade NODEA to 5.0\n").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("REFUSED: rolling upgrade: NODEA still owns");
        Cli ok = Cli.run("run", script("ack preflight\nupgrade NODEA to 5.0\nexpect refused\n").toString());
        assertThat(ok.code()).isZero();
    }

    @Test
    void aFailedExpectationFailsTheRun() throws Exception {
        Cli r = Cli.run("run", script("expect group \"Web Group\" online on NODEB\n").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED").contains(":1: group 'Web Group' is on NODEA, not NODEB");
    }

    @Test
    void scriptThatDoesNotParseExits65WithEveryPosition() throws Exception {
        Path s = script("target 5.0\nmove \"Web Group\" NODEB\nwait soon\n");
        Cli r = Cli.run("run", s.toString());
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err().lines()).containsExactly(s + ":2:18: expected 'to', found 'NODEB'",
                s + ":3:6: expected a duration such as 30s, 5m or 1h30m, found 'soon'");
    }

    @Test
    void durationsOfAnyLengthParseAndTheMaximumHoldsEverywhere() throws Exception {
        Cli r = Cli.run("run", script("wait " + "1s".repeat(2048) + "\n").toString());
        assertThat(r.err()).doesNotContain("internal error");
        assertThat(r.code()).as(r.err()).isZero();
        Path s = script("wait 999999999\nwait 8785h\nfail node NODEB after 9000h\nwait 8784h\n");
        Cli over = Cli.run("run", s.toString());
        assertThat(over.code()).isEqualTo(65);
        assertThat(over.err().lines()).containsExactly(
                s + ":1:6: duration '999999999' is longer than the maximum, 366 days (8784h)",
                s + ":2:6: duration '8785h' is longer than the maximum, 366 days (8784h)",
                s + ":3:23: duration '9000h' is longer than the maximum, 366 days (8784h)");
        // The same words for --window, before anything runs.
        Cli window = Cli.run("run", "--window", "8785h", script("status\n").toString());
        assertThat(window.code()).isEqualTo(2);
        assertThat(window.err().strip()).isEqualTo("rehearse: --window wants a duration from 1ms to 366 days (8784h), such as 2h or 90m,"
                + " got '8785h': it is longer than the maximum");
        assertThat(window.out()).isEmpty();
    }

    @Test
    void jsonTranscript() throws Exception {
        Cli r = Cli.run("run", "--json", script("target 5.0\n").toString());
        assertThat(r.out().lines().findFirst().orElseThrow())
                .isEqualTo("{\"line\": 1, \"command\": \"target 5.0\", \"outcome\": \"accepted\", \"message\": \"target IIS 5.0: 1 hop,"
                        + " rolling; estimated IIS outage 39s\"}");
    }

    @Test
    void jsonEndsWithAStructuredSummary() throws Exception {
        Cli r = Cli.run("run", "--json", script("target 5.0\nack preflight\nrun\n").toString());
        assertThat(r.code()).isZero();
        String last = r.out().lines().reduce((a, b) -> b).orElseThrow();
        Map<String, Object> m = CliTest.obj(JsonReader.parse(last));
        assertThat(m.get("failures")).isEqualTo(0L);
        Map<String, Object> summary = CliTest.obj(m.get("summary"));
        assertThat(summary.get("clock")).isEqualTo(4_959_000L);
        // The wall-clock outage, not the sum of the groups' downtimes (26 s + 26 s).
        assertThat(summary.get("outageMs")).isEqualTo(39_000L);
        assertThat(CliTest.arr(summary.get("nodes"))).hasSize(2).allSatisfy(n -> assertThat(CliTest.obj(n))
                .containsEntry("state", "Up").containsEntry("config", "IIS 5.0").containsKey("name"));
        assertThat(CliTest.arr(summary.get("groups"))).anySatisfy(g -> assertThat(CliTest.obj(g))
                .containsEntry("name", "Web Group").containsEntry("state", "Online").containsEntry("owner", "NODEA")
                .containsEntry("downtimeMs", 26_000L).containsEntry("interruptions", 2L));
        assertThat(summary.get("availability")).isInstanceOf(Double.class);
    }

    @Test
    void killedRunResumesToTheSameState() throws Exception {
        Path s = script(ROLLING + "status\n");
        Path full = dir.resolve("full.jsonl");
        Cli whole = Cli.run("run", "--journal", full.toString(), s.toString());
        assertThat(whole.code()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(full))).isEqualTo("rw-------");
        List<String> lines = Files.readAllLines(full);
        String finalStatus = whole.out().substring(whole.out().lastIndexOf("> status"));
        // Cut the journal as a kill -9 would, at several places, mid-line included, then resume.
        for (int cut : new int[] {3, lines.size() / 3, lines.size() / 2, lines.size() - 5}) {
            Path j = dir.resolve("cut" + cut + ".jsonl");
            String text = String.join("\n", lines.subList(0, cut)) + "\n" + lines.get(cut).substring(0, lines.get(cut).length() / 2);
            Files.writeString(j, text);
            Cli resumed = Cli.run("run", "--resume", j.toString(), s.toString());
            assertThat(resumed.code()).as(resumed.out() + resumed.err()).isZero();
            assertThat(resumed.out().substring(resumed.out().lastIndexOf("> status"))).isEqualTo(finalStatus);
        }
    }

    @Test
    void journalIsNeverWrittenThroughASymlink() throws Exception {
        Path target = dir.resolve("elsewhere");
        Files.writeString(target, "precious");
        Path link = dir.resolve("j.jsonl");
        Files.createSymbolicLink(link, target);
        Cli r = Cli.run("run", "--journal", link.toString(), script("status\n").toString());
        assertThat(r.code()).isEqualTo(73);
        assertThat(r.err()).contains("cannot write the journal");
        assertThat(Files.readString(target)).isEqualTo("precious");
    }
}
