package rehearse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rehearse.io.ClusterLoader;
import rehearse.io.ClusterWriter;
import rehearse.io.MatrixLoader;
import rehearse.model.Cluster;
import rehearse.model.ResourceType;

/** Golden files for import, runbook and report; each case exits as the README says. */
class ImportRunbookReportTest {
    @TempDir Path dir;
    static final String R = "src/test/resources/import/";

    record Cli(int code, String out, String err) {}

    static Cli cli(String... args) {
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int code = rehearse.cli.Main.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), args);
        return new Cli(code, out.toString(), err.toString());
    }

    private Cli importAll(Path output, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("import", "cluster-exe", "--nodes", R + "nodes.txt",
                "--groups", R + "groups.txt", "--resources", R + "resources.txt", "-o", output.toString()));
        args.addAll(java.util.List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    @Test
    void importOfAwkwardListingsMatchesTheGoldenFile() throws Exception {
        // CRLF nodes with trailing spaces and a /cluster header; groups with an overflowing name and
        // "Partially Online"; resources in UTF-16LE with a BOM, overflowing names and "Online Pending";
        // possible owners in both encodings.
        Path out = dir.resolve("c.yaml");
        // Dependencies (one listing UTF-16LE, one with LF ends, one with no rows) and preferred owners in order.
        Cli r = importAll(out, "--owners", R + "owners", "--dependencies", R + "deps", "--preferred-owners", R + "preferred",
                "--config", "NODEA=4.0/sp4", "--config", "nodeb=IIS 4.0 / SP4", "--guess-types");
        assertThat(r.code()).as(r.err()).isZero();
        Golden.check("imported.yaml", Files.readString(out));
        assertThat(r.err()).contains("no dependency listings for Cluster IP Address, Cluster Name, Disk Q:, Web Disk,")
                .contains("no preferred-owner listings for Cluster Group, Intranet Web Site Group")
                .contains("failback is off for every group");
        Cluster c = new ClusterLoader(MatrixLoader.builtIn()).load(out);
        assertThat(c.group("Web Group").get().resource("Web Server").get().dependsOn()).containsExactly("Web IP", "Web Disk");
        assertThat(c.group("FTP Group").get().preferredOwners()).containsExactly("NODEB", "NODEA");
    }

    @Test
    void withoutPerResourceListingsTheImportSaysWhatIsMissing() {
        Cli r = importAll(dir.resolve("c.yaml"), "--config", "NODEA=4.0/sp4", "--config", "NODEB=4.0/sp4");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("no dependency listings (--dependencies DIR, from 'cluster resource \"R\" /listdep'):"
                + " imported without dependencies").contains("no preferred-owner listings (--preferred-owners DIR");
    }

    @Test
    void aNodeGivenTwiceOrNotInTheListingIsAUsageError() {
        Cli twice = importAll(dir.resolve("c.yaml"), "--config", "NODEA=4.0/sp4", "--config", "nodea=5.0", "--config", "NODEB=4.0/sp4");
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("gives nodea twice");
        Cli stranger = importAll(dir.resolve("c.yaml"), "--config", "NODEA=4.0/sp4", "--config", "NODEB=4.0/sp4", "--config",
                "NODEZ=5.0");
        assertThat(stranger.code()).isEqualTo(2);
        assertThat(stranger.err()).contains("names NODEZ, which the nodes listing does not have");
        assertThat(dir.resolve("c.yaml")).doesNotExist();
    }

    private Path listingDir(String name, String text) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve("listing.txt"), text);
        return d;
    }

    private static final String DEP_HEADER = "Resource             Group                Node            Status\n"
            + "-------------------- -------------------- --------------- ------\n";

    @Test
    void badPerResourceListingsSayFileAndLine() throws Exception {
        Path across = listingDir("across", "Listing resource dependencies for 'Web Server':\n\n" + DEP_HEADER
                + "FTP IP               FTP Group            NODEB           Offline\n");
        Cli r = importAll(dir.resolve("c.yaml"), "--dependencies", across.toString(), "--config", "NODEA=5.0", "--config", "NODEB=5.0");
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err().trim()).isEqualTo(across.resolve("listing.txt") + ":5: 'Web Server' (group 'Web Group') cannot depend on"
                + " 'FTP IP' of group 'FTP Group': dependencies stay within a group");

        Path unknown = listingDir("unknown", "Listing resource dependencies for 'Web Server':\n\n" + DEP_HEADER
                + "Web Cache            Web Group            NODEA           Online\n");
        r = importAll(dir.resolve("c.yaml"), "--dependencies", unknown.toString(), "--config", "NODEA=5.0", "--config", "NODEB=5.0");
        assertThat(r.err().trim()).isEqualTo(unknown.resolve("listing.txt") + ":5: 'Web Cache' is not in the resources listing");

        Path notANode = listingDir("preferred", "Listing preferred owners for group 'Web Group':\n\nPreferred Owner Nodes\n"
                + "---------------------\nNODEA\nNODEZ\n");
        r = importAll(dir.resolve("c.yaml"), "--preferred-owners", notANode.toString(), "--config", "NODEA=5.0", "--config", "NODEB=5.0");
        assertThat(r.err().trim()).isEqualTo(notANode.resolve("listing.txt") + ":6: 'NODEZ' is not in the nodes listing");

        // A possible-owners listing where dependency listings are expected.
        r = importAll(dir.resolve("c.yaml"), "--dependencies", R + "owners", "--config", "NODEA=5.0", "--config", "NODEB=5.0");
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err()).contains(R + "owners/ftp-server.txt:1: expected \"Listing resource dependencies for 'NAME':\" at the top");
        assertThat(dir.resolve("c.yaml")).doesNotExist();
    }

    @Test
    void dependencyCyclesFromListingsAreRefusedBeforeWriting() throws Exception {
        Path d = listingDir("cycle", "Listing resource dependencies for 'Web IP':\n\n" + DEP_HEADER
                + "Web Name             Web Group            NODEA           Online\n");
        Files.writeString(d.resolve("other.txt"), "Listing resource dependencies for 'Web Name':\n\n" + DEP_HEADER
                + "Web IP               Web Group            NODEA           Online\n");
        Cli r = importAll(dir.resolve("c.yaml"), "--dependencies", d.toString(), "--config", "NODEA=5.0", "--config", "NODEB=5.0");
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err()).contains("does not pass 'rehearse check'").contains("cycle");
        assertThat(dir.resolve("c.yaml")).doesNotExist();
    }

    @Test
    void importRoundTripsThroughCheck() throws Exception {
        Path out = dir.resolve("c.yaml");
        importAll(out, "--owners", R + "owners", "--config", "NODEA=iis4-sp4", "--config", "NODEB=iis4-sp4", "--guess-types");
        assertThat(cli("check", out.toString()).code()).isZero();
        ClusterLoader loader = new ClusterLoader(MatrixLoader.builtIn());
        Cluster c = loader.load(out);
        assertThat(c.name()).isEqualTo("WEBCLUSTER");
        assertThat(c.group("Intranet Web Site Group").get().resource("Intranet Web Server Instance").get().type()).isEqualTo(ResourceType.IIS);
        assertThat(c.group("FTP Group").get().resource("FTP Server").get().possibleOwners()).containsExactly("NODEB");
        assertThat(c.node("NODEB").get().state().label()).isEqualTo("Paused");
        // Written again, the same text: nothing lost on the way through.
        Cluster again = loader.parse("again.yaml", ClusterWriter.write(c, java.util.List.of()).getBytes(StandardCharsets.UTF_8));
        assertThat(ClusterWriter.write(again, java.util.List.of())).isEqualTo(ClusterWriter.write(c, java.util.List.of()));
    }

    @Test
    void withoutGuessingTypesAreUnknownAndNamed() throws Exception {
        Cli r = importAll(dir.resolve("c.yaml"), "--config", "NODEA=4.0/sp4", "--config", "NODEB=4.0/sp4");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("resource types are unknown for Cluster IP Address, Cluster Name")
                .contains("every node is a possible owner");
        assertThat(Files.readString(dir.resolve("c.yaml"))).contains("type: \"Unknown\"");
    }

    @Test
    void missingConfigurationsListTheNodes() {
        Cli r = importAll(dir.resolve("c.yaml"), "--config", "NODEA=4.0/sp4");
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err().trim()).isEqualTo(R + "nodes.txt: the listings do not say which configuration each node is at;"
                + " give --config NODE=CONFIG for NODEB");
    }

    @Test
    void badListingsSayFileAndLine() throws Exception {
        Path nodes = dir.resolve("nodes.txt");
        Files.writeString(nodes, "Node           Node ID Status\r\n-------------- ------- ------\r\nNODEA                1 Sleeping\r\n");
        Cli r = cli("import", "cluster-exe", "--nodes", nodes.toString(), "--groups", R + "groups.txt", "--resources",
                R + "resources.txt", "--config", "NODEA=5.0", "-o", dir.resolve("c.yaml").toString());
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err().trim()).isEqualTo(nodes + ":3: no node status (one of Up, Down, Paused, Joining, Unknown) at the end of the row");
        Path junk = dir.resolve("junk.txt");
        Files.write(junk, new byte[] {'x', 0x1B, '[', '2', 'J', '\n'});
        Cli j = cli("import", "cluster-exe", "--nodes", junk.toString(), "--groups", R + "groups.txt", "--resources",
                R + "resources.txt", "-o", dir.resolve("c.yaml").toString());
        assertThat(j.code()).isEqualTo(65);
        assertThat(j.err().trim()).isEqualTo(junk + ":1:2: control character U+001B in the listing");
        assertThat(dir.resolve("c.yaml")).doesNotExist();
    }

    @Test
    void resourceOfAnUnknownGroupIsAnError() throws Exception {
        Path res = dir.resolve("res.txt");
        Files.writeString(res, "Resource             Group                Node            Status\n"
                + "-------------------- -------------------- --------------- ------\n"
                + "Lost IP              Nowhere Group        NODEA           Online\n");
        Cli r = cli("import", "cluster-exe", "--nodes", R + "nodes.txt", "--groups", R + "groups.txt", "--resources", res.toString(),
                "--config", "NODEA=5.0", "--config", "NODEB=5.0", "-o", dir.resolve("c.yaml").toString());
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err().trim()).isEqualTo(res + ":3: the row names no group of the groups listing");
    }

    @Test
    void runbookOfTheSampleInMarkdownAndBatch() throws Exception {
        Cli md = cli("runbook", "--to", "IIS 5.0");
        assertThat(md.code()).isZero();
        Golden.check("runbook-sample.md", md.out());
        Cli cmd = cli("runbook", "--to", "IIS 5.0", "--format", "cmd");
        Golden.check("runbook-sample.cmd", cmd.out());
        assertThat(cmd.out()).contains("\r\npause\r\n").contains("cluster /cluster:WEBCLUSTER group \"Web Group\" /moveto:NODEB /wait");
    }

    @Test
    void runbookOfAStandardUpgradeTakesIisOfflineAndRestoresSettings() throws Exception {
        Cli md = cli("runbook", "--cluster", "src/test/resources/cluster-iis3sp4.yaml", "--to", "5.0");
        assertThat(md.code()).isZero();
        Golden.check("runbook-standard.md", md.out());
        assertThat(md.out()).contains("resource \"Web Server\" /offline").contains("AutoFailbackType=0")
                .contains("AutoFailbackType=1").contains("Go/no-go before upgrading NODEB").contains("group \"Web Group\" /moveto:NODEA");
    }

    @Test
    void reportOfAScriptedRehearsalWithAFault() throws Exception {
        Path report = dir.resolve("report.md");
        Cli r = cli("run", "src/test/resources/fault.rh", "--report", report.toString(), "--window", "2h");
        assertThat(r.code()).as(r.out()).isZero();
        Golden.check("report-fault.md", Files.readString(report));
    }

    @Test
    void reportJudgesTheWindow() throws Exception {
        Path report = dir.resolve("report.md");
        cli("run", "src/test/resources/fault.rh", "--report", report.toString(), "--window", "90s");
        assertThat(Files.readString(report)).contains("| Web Group | 1m 34s | 3 | **NO** |")
                .contains("IIS was down): 1m 47s, **beyond** the window.");
        assertThat(cli("run", "src/test/resources/fault.rh", "--report", report.toString(), "--window", "soon").code()).isEqualTo(2);
    }
}
