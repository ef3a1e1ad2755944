package rehearse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rehearse.base.Failure;
import rehearse.io.JsonReader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {
    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> arr(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return (List<Object>) o;
    }

    @TempDir Path dir;

    @Test
    void planJsonFromIis3ToIis5HasOneOfflineHop() {
        Cli r = Cli.run("plan", "--from", "IIS 3.0 / SP3", "--to", "IIS 5.0", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("{\"from\": \"IIS 3.0 / SP3\", \"to\": \"IIS 5.0\", \"reachable\": true, "
                + "\"offlineHops\": 1, \"hops\": [{\"from\": \"IIS 3.0 / SP3\", \"to\": \"IIS 3.0 / SP4\", \"kind\": \"rolling\"")
                .contains("{\"from\": \"IIS 3.0 / SP4\", \"to\": \"IIS 5.0\", \"kind\": \"standard\", \"option\": \"restrict\"")
                .endsWith("\"reason\": null}\n");
        Map<String, Object> plan = obj(JsonReader.parse(r.out().trim()));
        Map<String, Object> first = obj(arr(plan.get("hops")).get(0));
        assertThat(arr(first.get("steps"))).hasSize(9).allSatisfy(st -> assertThat(obj(st))
                .containsKeys("step", "text", "commands").doesNotContainKey("status")); // no cluster: nothing to mark
        assertThat(obj(arr(first.get("steps")).get(2)).get("commands")).isEqualTo(List.of("upgrade \"node A\" to \"IIS 3.0 / SP4\""));
    }

    @Test
    void planOfAClusterMarksEachStep() throws Exception {
        Path f = dir.resolve("mid.yaml");
        Files.writeString(f, "cluster: MID\nnodes:\n  - {name: NODEA, config: IIS 5.0}\n  - {name: NODEB, config: IIS 4.0 / SP4}\n"
                + "groups:\n  - {name: G, owner: NODEB, resources: [{name: W, type: IIS}]}\n");
        Cli text = Cli.run("plan", "--cluster", f.toString(), "--to", "5.0");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("[x] 3. Upgrade NODEA to IIS 5.0").contains("[ ] 5. Pause NODEB")
                .contains("[>] Acknowledge the pre-flight checklist");
        Cli show = Cli.run("show", "--cluster", f.toString());
        assertThat(show.out()).contains(text.out().substring(0, text.out().indexOf("Estimated")));
        Cli json = Cli.run("plan", "--cluster", f.toString(), "--to", "5.0", "--json");
        Map<String, Object> plan = obj(JsonReader.parse(json.out().trim()));
        Map<String, Object> hop = obj(arr(plan.get("hops")).get(0));
        assertThat(arr(hop.get("steps")).stream().map(st -> obj(st).get("status")).toList())
                .containsExactly("done", "done", "done", "done", "to do", "to do", "to do", "to do", "to do");
        assertThat(plan.get("complete")).isEqualTo(false);
        assertThat(Cli.run("plan", "--cluster", f.toString(), "--from", "3.0/SP4", "--to", "5.0").code()).isEqualTo(2);
    }

    @Test
    void planToTheSameConfigurationIsReachableWithNoHops() {
        Cli r = Cli.run("plan", "--from", "5.0", "--to", "iis5", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"reachable\": true").contains("\"hops\": []");
    }

    @Test
    void unreachableExitsOneWithTheReason() {
        Cli r = Cli.run("plan", "--from", "IIS 3.0 / SP4", "--to", "IIS 4.0 / SP3");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("sideways");
        Cli j = Cli.run("plan", "--from", "IIS 5.0", "--to", "IIS 4.0 / SP4", "--json");
        assertThat(j.code()).isEqualTo(1);
        assertThat(j.out()).contains("\"reachable\": false").contains("\"reason\": \"IIS 5.0 -> IIS 4.0 / SP4 is a downgrade");
    }

    @Test
    void rollingPlanFollowsMicrosoftsProcedure() {
        Cli r = Cli.run("plan", "--from", "4.0/SP4", "--to", "5.0");
        assertThat(r.out()).contains("rolling").contains("1. Pause node A").contains("2. Move all groups from node A to node B.")
                .contains("3. Upgrade node A to IIS 5.0").contains("4. Resume node A.").contains("6. Move all groups from node B to node A.")
                .contains("7. Go/no-go before upgrading node B").contains("8. Upgrade node B to IIS 5.0").doesNotContain("[x]");
    }

    @Test
    void standardPlanOffersTheThreeWaysToMakeIisSafe() {
        Cli r = Cli.run("plan", "--from", "3.0/SP4", "--to", "5.0");
        assertThat(r.out()).contains("standard").contains("offline").contains("remove").contains("restrict");
    }

    @Test
    void unknownConfigurationIsAUsageError() {
        Cli r = Cli.run("plan", "--from", "IIS 9", "--to", "5.0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown configuration 'IIS 9'").contains("iis4-sp4");
        assertThat(Cli.run("plan", "--from", "5.0").code()).isEqualTo(2);
    }

    @Test
    void matrixFitsEightyColumns() {
        Cli r = Cli.run("matrix");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        assertThat(r.out()).contains("IIS 4.0 / SP4  -> IIS 5.0").contains("R rolling");
        assertThat(Cli.run("matrix", "--json").out()).contains("{\"from\": \"IIS 4.0 / SP4\", \"to\": \"IIS 5.0\", \"kind\": \"rolling\"}");
    }

    @Test
    void sampleWrittenOutPassesCheck() throws Exception {
        Cli sample = Cli.run("sample");
        Path f = dir.resolve("cluster.yaml");
        Files.writeString(f, sample.out());
        Cli check = Cli.run("check", f.toString());
        assertThat(check.code()).isZero();
        assertThat(check.out()).contains("ok: cluster WEBCLUSTER, 2 nodes at IIS 4.0 / SP4, 3 groups");
    }

    @Test
    void checkReportsEveryProblemWithExit65() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "cluster: X\nnodes:\n  - {name: A, config: iis9}\ngroups:\n  - {name: G, owner: B}\nextra: 1\n");
        Cli r = Cli.run("check", f.toString());
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err().lines()).containsExactly(
                f + ":3:23: unknown configuration 'iis9'; known: iis3-sp3 (\"IIS 3.0 / SP3\"), iis3-sp4 (\"IIS 3.0 / SP4\"), "
                        + "iis4-sp3 (\"IIS 4.0 / SP3\"), iis4-sp4 (\"IIS 4.0 / SP4\"), iis5 (\"IIS 5.0\")",
                f + ":5:22: owner 'B' is not a node of this cluster; nodes: A",
                f + ":6:1: unknown key 'extra' in the cluster file (known keys: cluster, nodes, groups, quorum, timings)");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aThirdNodeOnATwoNodePlatformIsRefusedWhereItStands() throws Exception {
        Path f = dir.resolve("three.yaml");
        Files.writeString(f, "cluster: X\nnodes:\n  - {name: A, config: iis5}\n  - {name: B, config: iis5}\n  - {name: C, config: iis5}\n"
                + "groups:\n  - {name: G, owner: A, resources: [{name: R, type: IP Address}]}\n");
        Cli r = Cli.run("check", f.toString());
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err().lines()).containsExactly(f + ":5:5: a cluster of Windows 2000 Advanced Server nodes has at most 2 nodes;"
                + " this one has 3 (a site's tables file can describe larger platforms)");
    }

    @Test
    void checkOnMissingFileIsOneLine() {
        Cli r = Cli.run("check", dir.resolve("nope.yaml").toString());
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err().trim()).endsWith("nope.yaml: no such file or directory").doesNotContain("\n");
    }

    @Test
    void ownMatrixFileIsUsed() throws Exception {
        Path m = dir.resolve("m.yaml");
        Files.writeString(m, "configurations:\n  - {id: a, label: A, platform: P, iisResourceType: T}\n"
                + "  - {id: b, label: B, platform: P, iisResourceType: T}\nstandard:\n  - {from: a, to: b}\n");
        Cli none = Cli.run("plan", "--matrix", m.toString(), "--from", "a", "--to", "b", "--json");
        assertThat(none.code()).isEqualTo(65);
        assertThat(none.err()).contains("needs 'platforms'");
        Files.writeString(m, "platforms: [{name: P, clusterVersion: 1, maxNodes: 2}]\n" + Files.readString(m));
        Cli r = Cli.run("plan", "--matrix", m.toString(), "--from", "a", "--to", "b", "--json");
        assertThat(r.out()).contains("\"kind\": \"standard\"");
        Files.writeString(m, "configurations: 3\n");
        Cli bad = Cli.run("matrix", "--matrix", m.toString());
        assertThat(bad.code()).isEqualTo(65);
        assertThat(bad.err()).startsWith(m + ":1:17: 'configurations' must be a list");
    }

    @Test
    void usageErrorsAreOneLine() {
        Cli r = Cli.run("check");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly("rehearse check: Missing required parameter: 'FILE' (see 'rehearse check --help')");
        Cli typo = Cli.run("pln");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("Did you mean: rehearse plan");
    }

    @ParameterizedTest
    @ValueSource(strings = {"matrix", "plan", "check", "sample", "show", "run", "shell", "import", "runbook", "bench-engine", "bench-ui"})
    void everyCommandHasHelpAndVersion(String command) {
        Cli help = Cli.run(command, "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: rehearse " + command);
        Cli version = Cli.run(command, "--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("rehearse ");
    }

    @Test
    void noArgumentsShowsTheSampleAndItsPlan() {
        Cli r = Cli.run("show", "--to", "IIS 5.0");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("WEBCLUSTER (SIMULATION)").contains("Move all groups from NODEA to NODEB.");
    }

    @Test
    void rootHelpListsTheCommandsButNotTheTrainingRun() {
        Cli r = Cli.run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("plan", "check", "runbook", "import").doesNotContain("cds-train");
    }

    @Test
    void optionDefaultsAndRepeatedRunsDoNotLeak() {
        // Each run builds fresh command objects: a --json of one run must not stick to the next.
        assertThat(Cli.run("plan", "--from", "4.0/sp4", "--to", "5.0", "--json").out()).startsWith("{");
        assertThat(Cli.run("plan", "--from", "4.0/sp4", "--to", "5.0").out()).startsWith("Plan: ");
        assertThat(Cli.run("runbook", "--to", "5.0").out()).startsWith("#");
        assertThat(Cli.run("runbook", "--to", "5.0", "--format", "CMD").out()).startsWith("@echo off");
    }

    @Test
    void planAsTypedRunsWithoutPicocliAndSaysExactlyWhatPicocliWould() {
        // The direct path takes --from A --to B [--json]; the --opt=value spelling goes through picocli.
        String[][] cases = {
            {"IIS 4.0 / SP4", "IIS 5.0", ""}, {"4.0/sp4", "5.0", "--json"}, {"3.0/sp3", "5.0", ""}, {"5.0", "4.0/sp4", ""},
            {"iis3-sp4", "iis5", "--json"}, {"IIS 9", "5.0", ""}, {"4.0/sp4", "IIS 9", "--json"}, {"5.0", "5.0", ""},
        };
        for (String[] c : cases) {
            List<String> direct = new ArrayList<>(List.of("plan", "--from", c[0], "--to", c[1]));
            List<String> picocli = new ArrayList<>(List.of("plan", "--from=" + c[0], "--to=" + c[1]));
            if (!c[2].isEmpty()) {
                direct.add(1, c[2]);
                picocli.add(c[2]);
            }
            assertThat(takenDirectly(direct.toArray(new String[0]))).isTrue();
            assertThat(takenDirectly(picocli.toArray(new String[0]))).isFalse();
            assertThat(Cli.run(direct.toArray(new String[0]))).as(String.join(" ", direct))
                    .isEqualTo(Cli.run(picocli.toArray(new String[0])));
        }
        // Anything else is picocli's: no --to, a repeated option, a value like an option or an @file, help, other options.
        for (String line : new String[] {"plan --from 5.0", "plan --to 5.0 --to 5.0", "plan --json --json --to 5.0",
                "plan --from --json --to 5.0", "plan --to @x", "plan --to 5.0 --help", "plan --to 5.0 -V",
                "plan --to 5.0 --cluster c.yaml", "plan --to 5.0 --matrix m.yaml", "plan --to 5.0 extra", "show --to 5.0"}) {
            assertThat(takenDirectly(line.split(" "))).as(line).isFalse();
        }
        assertThat(Cli.run("plan", "--to", "5.0")).isEqualTo(Cli.run("plan", "--to=5.0"));
    }

    /** Whether the direct path runs this line (a failure it throws is its own message, printed by Main). */
    private static boolean takenDirectly(String... args) {
        try {
            return PlanCommand.direct(new PrintWriter(Writer.nullWriter()), args) != null;
        } catch (Failure f) {
            return true;
        }
    }
}
