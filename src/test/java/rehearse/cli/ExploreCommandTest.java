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
        // A directory that says it is writable yet makes no file (/proc) is found before the work, not after it.
        if (Files.isDirectory(Path.of("/proc/self"))) {
            Cli proc = Cli.run("explore", "--to", "5.0", "--report", "/proc/r.md");
            oneLine(proc, ExitCodes.CANT_CREATE, "cannot write the report /proc/r.md");
            assertThat(proc.out()).as("nothing explored").isEmpty();
        }
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

    /** A plan that stops with no fault is not explored: the output says what stops it, and the exit code says nothing was explored. */
    @Test
    void aPlanThatStopsWithNoFaultIsNotExplored(@TempDir Path dir) throws Exception {
        Path restricted = dir.resolve("restricted.yaml");
        String sample = Files.readString(Path.of("src/main/resources/rehearse/sample-cluster.yaml"));
        String narrowed = sample.replace("{name: Web Server, type: IIS, dependsOn: [Web IP, Web Disk], possibleOwners: [NODEA, NODEB]}",
                "{name: Web Server, type: IIS, dependsOn: [Web IP, Web Disk], possibleOwners: [NODEA]}");
        assertThat(narrowed).isNotEqualTo(sample);
        Files.writeString(restricted, narrowed);
        Path report = dir.resolve("r.md");
        Cli r = Cli.run("explore", "--cluster", restricted.toString(), "--to", "5.0", "--report", report.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out().replace("\n  ", " ")).contains("the plan stops at 0:00:00 at 'pause NODEA', before any fault,").contains("It stops: ")
                .contains("Web Server").contains("Nothing is explored").doesNotContain("Worst scenarios");
        assertThat(Files.readString(report)).contains("Nothing is explored", "no fault was injected").doesNotContain("## Matrix")
                .doesNotContain("every fault the command language knows");
        Cli json = Cli.run("explore", "--cluster", restricted.toString(), "--to", "5.0", "--json");
        assertThat(json.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(json.out()).contains("\"scenarios\": []");
    }

    /** A window shorter than the plan's own outage with no fault is said to be so: every scenario is beyond it. */
    @Test
    void aWindowShorterThanThePlanItselfIsSaidToBe() {
        Cli tight = Cli.run("explore", "--to", "5.0", "--window", "30s");
        assertThat(tight.code()).isZero();
        assertThat(tight.out().replace("\n  ", " ")).contains("shorter than the plan's own outage with no fault (39s): every scenario is beyond it");
        assertThat(Cli.run("explore", "--to", "5.0", "--window", "2h").out()).doesNotContain("shorter than the plan's own");
    }

    /** A second fault that lands before a step the plan runs again (bringing a failed node back) says "again" (trial of 16). */
    @Test
    void aSecondFaultBeforeAStepRunAgainSaysSo() {
        String pairs = Cli.run("explore", "--to", "5.0", "--faults", "double").out().replace("\n    ", " ");
        assertThat(pairs).contains("then fail resource \"Web Server\" times 4 at 1:22:41, before 'upgrade NODEA to IIS 5.0' again");
        assertThat(Cli.run("explore", "--to", "5.0").out()).doesNotContain("' again");
    }
}
