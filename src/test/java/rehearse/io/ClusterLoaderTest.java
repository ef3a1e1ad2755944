package rehearse.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.GroupState;
import rehearse.model.ResourceType;

class ClusterLoaderTest {
    private final ClusterLoader loader = new ClusterLoader(MatrixLoader.builtIn());

    static final String GOOD = """
            cluster: WEBCLUSTER
            nodes:
              - name: NODEA
                config: IIS 4.0 / SP4
              - name: NODEB
                config: IIS 4.0 / SP4
            groups:
              - name: Web Group
                owner: NODEA
                preferredOwners: [NODEA, NODEB]
                failback: false
                resources:
                  - {name: Web IP, type: IP Address, address: 127.0.0.20}
                  - {name: Web Name, type: Network Name, dependsOn: [Web IP]}
                  - {name: Web Disk, type: Physical Disk}
                  - {name: Web Server, type: IIS, dependsOn: [Web IP, Web Disk], possibleOwners: [NODEA, NODEB]}
            timings:
              IP Address: {online: 1, offline: 1}
              IIS: {online: 5, offline: 3}
              upgrade: 2400
            """;

    private List<String> problems(String yaml) {
        InputException e = catchThrowableOfType(InputException.class,
                () -> loader.parse("c.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        assertThat(e).as("expected the file to be rejected").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void theSampleInCodeIsExactlyTheEmbeddedFileAsLoaded() {
        // SampleCluster spares the UI's start the YAML parser; the file rehearse sample prints must say the same.
        assertThat(loader.sample()).isEqualTo(loader.parseSample());
        // Other tables: the file is read with them, as before.
        ClusterLoader other = new ClusterLoader(new rehearse.matrix.UpgradeMatrix(MatrixLoader.builtIn().configurations(),
                MatrixLoader.builtIn().upgrades(), MatrixLoader.builtIn().platforms()));
        assertThat(other.sample()).isEqualTo(loader.parseSample());
    }

    @Test
    void readsTheIssuesExample() throws Exception {
        Cluster c = loader.parse("c.yaml", GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat(c.name()).isEqualTo("WEBCLUSTER");
        assertThat(c.nodeNames()).containsExactly("NODEA", "NODEB");
        Group web = c.group("Web Group").orElseThrow();
        assertThat(web.state()).isEqualTo(GroupState.ONLINE);
        assertThat(web.resource("Web Server").orElseThrow().type()).isEqualTo(ResourceType.IIS);
        assertThat(web.resource("Web Disk").orElseThrow().possibleOwners()).containsExactly("NODEA", "NODEB");
        assertThat(web.resource("Web IP").orElseThrow().properties()).containsEntry("address", "127.0.0.20");
        assertThat(c.timings().online(ResourceType.IIS)).isEqualTo(5000);
        assertThat(c.timings().online(ResourceType.NETWORK_NAME)).isEqualTo(3000);
        assertThat(c.timings().upgradeMs()).isEqualTo(2_400_000);
        assertThat(c.nodes().get(0).os()).isEqualTo("Windows NT 4.0 Enterprise Edition SP4");
    }

    @Test
    void theSampleLoadsAndHasOneGroupOwnedByEachNode() {
        Cluster c = loader.sample();
        assertThat(c.nodes()).hasSize(2).allSatisfy(n -> assertThat(n.config().id()).isEqualTo("iis4-sp4"));
        assertThat(c.groups()).extracting(Group::name).contains("Cluster Group", "Web Group", "FTP Group");
        assertThat(c.groupsOwnedBy("NODEA")).isNotEmpty();
        assertThat(c.groupsOwnedBy("NODEB")).isNotEmpty();
    }

    @Test
    void yamlSyntaxError() {
        assertThat(problems("cluster: X\nnodes: [a\n")).singleElement().asString().startsWith("c.yaml:3:1: YAML syntax:");
    }

    @Test
    void wrongTypes() {
        String bad = GOOD.replace("failback: false", "failback: maybe").replace("upgrade: 2400", "upgrade: soon")
                .replace("preferredOwners: [NODEA, NODEB]", "preferredOwners: {a: 1}");
        assertThat(problems(bad)).containsExactly(
                "c.yaml:10:22: 'preferredOwners' must be a list, found a mapping",
                "c.yaml:11:15: 'failback' must be true or false, found 'maybe'",
                "c.yaml:20:12: 'upgrade' must be a number of seconds between 0 and one year, found 'soon'");
    }

    @Test
    void unknownKeysSuggestTheNearOne() {
        assertThat(problems(GOOD.replace("preferredOwners:", "preferedOwners:"))).containsExactly(
                "c.yaml:10:5: unknown key 'preferedOwners' in a group (did you mean 'preferredOwners'?)");
        assertThat(problems(GOOD.replace("dependsOn: [Web IP]}", "depends: [Web IP]}"))).containsExactly(
                "c.yaml:14:46: unknown key 'depends' in a resource (did you mean 'dependsOn'?)");
    }

    @Test
    void unknownConfigurationListsKnownOnes() {
        assertThat(problems(GOOD.replaceFirst("IIS 4.0 / SP4", "IIS 6.0"))).singleElement().asString()
                .startsWith("c.yaml:4:13: unknown configuration 'IIS 6.0'; known: iis3-sp3");
    }

    @Test
    void duplicateNames() {
        assertThat(problems(GOOD.replace("name: NODEB", "name: NODEA"))).contains(
                "c.yaml:5:11: duplicate node name 'NODEA' (first at line 3, column 11)");
        assertThat(problems(GOOD.replace("name: Web Disk", "name: Web IP"))).contains(
                "c.yaml:15:16: duplicate resource name 'Web IP' (first at line 13, column 16)");
        assertThat(problems(GOOD.replace("  - name: NODEB\n    config: IIS 4.0 / SP4\n",
                "  - name: NODEB\n    config: IIS 4.0 / SP4\n    name: NODEC\n"))).contains(
                "c.yaml:7:5: duplicate key 'name' in a node (first at line 5)");
    }

    @Test
    void ownersMustBeNodes() {
        assertThat(problems(GOOD.replace("owner: NODEA", "owner: NODEX"))).containsExactly(
                "c.yaml:9:12: owner 'NODEX' is not a node of this cluster; nodes: NODEA, NODEB");
        assertThat(problems(GOOD.replace("possibleOwners: [NODEA, NODEB]", "possibleOwners: [NODEA, NODEZ]"))).containsExactly(
                "c.yaml:16:94: possible owner 'NODEZ' is not a node of this cluster; nodes: NODEA, NODEB");
    }

    @Test
    void dependenciesStayInTheGroupAndHaveNoCycles() {
        String twoGroups = GOOD.replace("timings:", """
                  - name: Other
                    owner: NODEB
                    resources:
                      - {name: Other IP, type: IP Address, dependsOn: [Web Disk]}
                timings:""");
        assertThat(problems(twoGroups)).containsExactly(
                "c.yaml:20:56: depends on 'Web Disk' of group 'Web Group'; dependencies stay inside one group");
        String cycle = GOOD.replace("{name: Web IP, type: IP Address, address: 127.0.0.20}",
                "{name: Web IP, type: IP Address, dependsOn: [Web Name]}");
        assertThat(problems(cycle)).singleElement().asString().contains("dependency cycle: Web IP -> Web Name -> Web IP");
        assertThat(problems(GOOD.replace("dependsOn: [Web IP]}", "dependsOn: [Nope]}"))).containsExactly(
                "c.yaml:14:58: depends on 'Nope', which is not a resource of this cluster");
    }

    @Test
    void emptyClusters() {
        assertThat(problems(GOOD.replaceAll("(?s)nodes:.*?groups:", "nodes: []\ngroups:"))).contains(
                "c.yaml:2:1: an empty cluster: 'nodes' lists no node");
        assertThat(problems("cluster: X\nnodes:\n  - {name: A, config: iis5}\ngroups: []\n")).containsExactly(
                "c.yaml:4:1: an empty cluster: 'groups' lists no group");
        assertThat(problems("")).containsExactly("c.yaml:1:1: the cluster file is empty");
        assertThat(problems("just text")).containsExactly("c.yaml:1:1: the cluster file must be a mapping of keys to values, found 'just text'");
    }

    @Test
    void nodesAtConfigurationsNoTableJoins() {
        assertThat(problems(GOOD.replaceFirst("IIS 4.0 / SP4", "IIS 3.0 / SP3"))).singleElement().asString()
                .startsWith("c.yaml:2:1: nodes are at 2 configurations (IIS 3.0 / SP3, IIS 4.0 / SP4)");
        // Mid-way through a supported upgrade is a cluster one may rehearse the rest of.
        assertThat(problemsOrNone(GOOD.replaceFirst("IIS 4.0 / SP4", "IIS 5.0"))).isEmpty();
    }

    @Test
    void iis5NeedsWindows2000AdvancedServer() {
        String yaml = GOOD.replace("    config: IIS 4.0 / SP4\n  - name: NODEB", "    config: IIS 5.0\n    os: Windows 2000 Server\n  - name: NODEB");
        assertThat(problems(yaml)).containsExactly(
                "c.yaml:5:9: IIS 5.0 requires Windows 2000 Advanced Server, but node NODEA runs 'Windows 2000 Server'");
    }

    @Test
    void controlCharactersInNamesAreRejectedWithTheirPosition() {
        assertThat(problems(GOOD.replace("name: Web Group", "name: \"Web\\e[31mGroup\""))).containsExactly(
                "c.yaml:8:15: control character U+001B in a name (character 4)");
        assertThat(problems(GOOD.replace("cluster: WEBCLUSTER", "cluster: \"A\\u202EB\""))).containsExactly(
                "c.yaml:1:12: control character U+202E in a name (character 2)");
    }

    @Test
    void rawControlBytesAndBadEncodingsAreErrorsNotCrashes() {
        assertThat(problemsOf(new byte[] {'c', ':', ' ', 0, '\n'})).containsExactly("c.yaml:1:4: control character U+0000 is not allowed");
        assertThat(problemsOf(new byte[] {'c', ':', '\n', 'x', (byte) 0xC3, '('})).containsExactly("c.yaml:2:2: invalid UTF-8 byte 0xC3");
        assertThat(problemsOf(new byte[] {(byte) 0xFF, (byte) 0xFE, 'c', 0})).containsExactly("c.yaml:1:1: file is UTF-16; save it as UTF-8");
    }

    @Test
    void aliasBombsAreRefused() {
        StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            b.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            b.append("]\n");
        }
        assertThat(problems(b.toString())).singleElement().asString().contains("aliases");
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "[".repeat(20_000) + "]".repeat(20_000);
        assertThat(problems(deep)).singleElement().asString().startsWith("c.yaml:");
    }

    /** Resource i depends on resource i + 1: a depth-first search from the top goes 100,000 deep. */
    private static String chain(int n, boolean closed) {
        StringBuilder b = new StringBuilder("cluster: X\nnodes:\n  - {name: A, config: iis5}\ngroups:\n  - name: G\n    owner: A\n"
                + "    resources:\n");
        for (int i = 0; i < n - 1; i++) b.append("      - {name: R").append(i).append(", type: IIS, dependsOn: [R").append(i + 1).append("]}\n");
        b.append("      - {name: R").append(n - 1).append(", type: IIS").append(closed ? ", dependsOn: [R0]" : "").append("}\n");
        return b.toString();
    }

    @Test
    void aHundredThousandResourceChainLoadsWithoutRecursion() throws Exception {
        Cluster c = loader.parse("c.yaml", chain(100_000, false).getBytes(StandardCharsets.UTF_8));
        assertThat(c.groups().get(0).resources()).hasSize(100_000);
        assertThat(c.groups().get(0).resource("R0").orElseThrow().dependsOn()).containsExactly("R1");
    }

    @Test
    void aLongCycleIsFoundAndNamedShortly() {
        assertThat(problems(chain(50_000, true))).containsExactly("c.yaml:50007:47: dependency cycle: "
                + "R0 -> R1 -> R2 -> R3 -> R4 -> ... (49991 more) -> R49996 -> R49997 -> R49998 -> R49999 -> R0");
    }

    private static String address(String address) {
        return GOOD.replace("address: 127.0.0.20}", "address: " + address + "}");
    }

    @Test
    void addressesAreIpv4WithTheBadPartPointedAt() {
        assertThat(problems(address("999.1.2.3"))).containsExactly(
                "c.yaml:13:51: '999' is not a number from 0 to 255 in the IPv4 address '999.1.2.3'");
        assertThat(problems(address("10.0.0.256"))).containsExactly(
                "c.yaml:13:58: '256' is not a number from 0 to 255 in the IPv4 address '10.0.0.256'");
        assertThat(problems(address("\"10.0.0.256\""))).containsExactly(
                "c.yaml:13:59: '256' is not a number from 0 to 255 in the IPv4 address '10.0.0.256'");
        assertThat(problems(address("the web address"))).containsExactly(
                "c.yaml:13:51: 'the web address' is not an IPv4 address (four numbers from 0 to 255 separated by dots, e.g. 192.0.2.20)");
        assertThat(problems(address("10.0.0"))).singleElement().asString().contains("'10.0.0' is not an IPv4 address");
        assertThat(problems(address("10.0..1"))).singleElement().asString().startsWith("c.yaml:13:56: '' is not a number");
        assertThat(problems(address("010.0.0.1"))).containsExactly("c.yaml:13:51: '010' in the IPv4 address '010.0.0.1' has a"
                + " leading zero, which Windows reads as octal; write 10");
        assertThat(problemsOrNone(address("192.0.2.255"))).isEmpty();
    }

    @Test
    void ipv6IsRefusedWithTheReason() {
        assertThat(problems(address("\"fe80::1\""))).containsExactly("c.yaml:13:52: 'fe80::1' is an IPv6 address; the IP Address"
                + " resource of MSCS on Windows NT 4.0 and Windows 2000 holds an IPv4 address (IPv6 cluster addresses are a"
                + " separate resource type, from Windows Server 2008 on)");
        assertThat(problems(address("\"2001:db8::10\""))).singleElement().asString().contains("is an IPv6 address");
    }

    @Test
    void anAddressBelongsToOneResource() {
        String twoGroups = GOOD.replace("timings:", """
                  - name: Other
                    owner: NODEB
                    resources:
                      - {name: Other IP, type: IP Address, address: 127.0.0.20}
                timings:""");
        assertThat(problems(twoGroups)).containsExactly("c.yaml:20:53: duplicate address 127.0.0.20: it is already the address of"
                + " 'Web IP' in group 'Web Group' (line 13, column 51); two resources cannot hold one address");
        assertThat(problemsOrNone(twoGroups.replace("Other IP, type: IP Address, address: 127.0.0.20",
                "Other IP, type: IP Address, address: 127.0.0.21"))).isEmpty();
    }

    @Test
    void aSubnetMaskIsAMask() {
        assertThat(problemsOrNone(address("127.0.0.20, subnetMask: 255.255.255.0"))).isEmpty();
        assertThat(problems(address("127.0.0.20, subnetMask: 255.0.255.0"))).singleElement().asString()
                .endsWith("'255.0.255.0' is not a subnet mask: its one bits must all come first (e.g. 255.255.255.0)");
        assertThat(problems(address("127.0.0.20, subnetMask: 255.255.256.0"))).singleElement().asString()
                .contains("'256' is not a number from 0 to 255");
    }

    @Test
    void namesThatDifferOnlyInCaseAreDuplicatesWithBothPositions() {
        assertThat(problems(GOOD.replace("name: NODEB", "name: nodea").replace("[NODEA, NODEB]", "[NODEA]")
                .replace("possibleOwners: [NODEA]", "possibleOwners: [NODEA]"))).containsExactly(
                "c.yaml:5:11: duplicate node name 'nodea': names ignore case, and 'NODEA' is at line 3, column 11");
        assertThat(problems(GOOD.replace("name: Web Disk", "name: WEB ip").replace("Web IP, Web Disk]", "Web IP]"))).containsExactly(
                "c.yaml:15:16: duplicate resource name 'WEB ip': names ignore case, and 'Web IP' is at line 13, column 16");
        String twoGroups = GOOD.replace("timings:", """
                  - name: web GROUP
                    owner: NODEB
                    resources:
                      - {name: Other IP, type: IP Address}
                timings:""");
        assertThat(problems(twoGroups)).containsExactly(
                "c.yaml:17:11: duplicate group name 'web GROUP': names ignore case, and 'Web Group' is at line 8, column 11");
    }

    @Test
    void referencesInAnyCaseResolveToTheDeclaredSpelling() throws Exception {
        String yaml = GOOD.replace("owner: NODEA", "owner: nodea").replace("preferredOwners: [NODEA, NODEB]", "preferredOwners: [NodeA, nodeb]")
                .replace("dependsOn: [Web IP, Web Disk], possibleOwners: [NODEA, NODEB]", "dependsOn: [WEB IP, web disk], possibleOwners: [nodeb, Nodea]");
        Group web = loader.parse("c.yaml", yaml.getBytes(StandardCharsets.UTF_8)).group("Web Group").orElseThrow();
        assertThat(web.owner()).isEqualTo("NODEA");
        assertThat(web.preferredOwners()).containsExactly("NODEA", "NODEB");
        assertThat(web.resource("Web Server").orElseThrow().dependsOn()).containsExactly("Web IP", "Web Disk");
        assertThat(web.resource("Web Server").orElseThrow().possibleOwners()).containsExactly("NODEB", "NODEA");
        // Listing one node twice in another case is listing it once.
        String twice = GOOD.replace("preferredOwners: [NODEA, NODEB]", "preferredOwners: [NODEA, nodea, NODEB]");
        assertThat(loader.parse("c.yaml", twice.getBytes(StandardCharsets.UTF_8)).group("Web Group").orElseThrow().preferredOwners())
                .containsExactly("NODEA", "NODEB");
    }

    private List<String> problemsOf(byte[] bytes) {
        InputException e = catchThrowableOfType(InputException.class, () -> loader.parse("c.yaml", bytes));
        assertThat(e).isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    private List<String> problemsOrNone(String yaml) {
        try {
            loader.parse("c.yaml", yaml.getBytes(StandardCharsets.UTF_8));
            return List.of();
        } catch (InputException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
    }
}
