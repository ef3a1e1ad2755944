package rehearse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rehearse.base.ExitCodes;

class ExploreCommandTest {
    @TempDir
    Path dir;

    private static void oneLine(Cli r, int code, String says) {
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception").contains(says);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badInputIsOneLineAndItsExitCode() throws Exception {
        oneLine(Cli.run("explore", "--to", "IIS 9"), ExitCodes.USAGE, "--to");
        oneLine(Cli.run("explore", "--to", "5.0", "--window", "soon"), ExitCodes.USAGE, "rehearse: --window wants a duration");
        // A bare number could mean hours as well as seconds: the unit is asked for.
        oneLine(Cli.run("explore", "--to", "5.0", "--window", "5"), ExitCodes.USAGE, "rehearse: --window wants a duration with its unit, such as 2h");
        oneLine(Cli.run("explore", "--to", "5.0", "--window", "9000h"), ExitCodes.USAGE, "longer than the maximum");
        oneLine(Cli.run("explore", "--to", "5.0", "--faults", "triple"), ExitCodes.USAGE, "--faults wants single or double");
        oneLine(Cli.run("explore", "--to", "5.0", "--threads", "0"), ExitCodes.USAGE, "--threads wants 1 to 256");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "cluster: X\nnodes: [\n");
        Cli r = Cli.run("explore", "--cluster", bad.toString(), "--to", "5.0");
        assertThat(r.code()).isEqualTo(ExitCodes.DATA);
        assertThat(r.err()).startsWith(bad + ":").doesNotContain("Exception");
        oneLine(Cli.run("explore", "--to", "5.0", "--report", dir.toString()), ExitCodes.CANT_CREATE, "cannot write the report");
        oneLine(Cli.run("explore", "--to", "3.0/sp3"), ExitCodes.FAILED, "rehearse explore:");
    }

    @Test
    void textJsonAndReport() throws Exception {
        Path report = dir.resolve("explore.md");
        Cli r = Cli.run("explore", "--to", "IIS 5.0", "--window", "1m", "--threads", "2", "--json", "--report", report.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty(); // no progress bar where standard error is no terminal
        assertThat(r.out()).startsWith("{\"baseline\": {").contains("\"windowMs\": 60000", "\"script\": \"target \\\"IIS 5.0\\\"\\nack preflight\\n");
        String md = Files.readString(report);
        assertThat(md).startsWith("# Exploration report: WEBCLUSTER").contains("## Matrix", "## Worst cases",
                "## What the recovery needs from a human", "## Recovery policy", "restore NODEB");
        Cli text = Cli.run("explore", "--to", "IIS 5.0");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("Worst scenarios:", "F1   fail node NODEA");
    }
}
