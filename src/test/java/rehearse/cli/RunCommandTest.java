package rehearse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir Path dir;

    static final String ROLLING = """
            # the seed's rolling upgrade on the sample cluster
            target "IIS 5.0"
            ack preflight
            step
            step
            step
            step
            expect node NODEA up at "IIS 5.0"
            expect node NODEB up at "IIS 5.0"
            expect group "Web Group" online on NODEA
            expect downtime "Web Group" = 26s
            expect downtime "FTP Group" <= 13s
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
        assertThat(r.out()).contains("  hop 1/1 step 1/4: Move all groups from NODEA to NODEB.").doesNotContain("REFUSED")
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
                s + ":1:6: expected a duration such as 30s, 5m or 1h30m, found '999999999'",
                s + ":2:6: expected a duration such as 30s, 5m or 1h30m, found '8785h'",
                s + ":3:23: expected a duration such as 30s, 5m or 1h30m, found '9000h'");
    }

    @Test
    void jsonTranscript() throws Exception {
        Cli r = Cli.run("run", "--json", script("target 5.0\n").toString());
        assertThat(r.out().lines().findFirst().orElseThrow())
                .isEqualTo("{\"line\": 1, \"command\": \"target 5.0\", \"outcome\": \"accepted\", \"message\": \"target IIS 5.0: 1 hop(s), 0 offline\"}");
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
