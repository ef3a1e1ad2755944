package rehearse.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rehearse.io.InputException;
import rehearse.io.MatrixLoader;

class UpgradeMatrixTest {
    private final UpgradeMatrix m = MatrixLoader.builtIn();

    @Test
    void builtInHoldsTheSeedsSixRows() {
        assertThat(m.configurations()).extracting(Configuration::id)
                .containsExactly("iis3-sp3", "iis3-sp4", "iis4-sp3", "iis4-sp4", "iis5");
        assertThat(m.upgrades(UpgradeKind.STANDARD)).extracting(u -> u.from().id() + ">" + u.to().id())
                .containsExactly("iis3-sp3>iis4-sp3", "iis3-sp4>iis4-sp4", "iis3-sp4>iis5");
        assertThat(m.upgrades(UpgradeKind.ROLLING)).extracting(u -> u.from().id() + ">" + u.to().id())
                .containsExactly("iis3-sp3>iis3-sp4", "iis4-sp3>iis4-sp4", "iis4-sp4>iis5");
    }

    @Test
    void theBuiltInTablesInCodeAreExactlyTheEmbeddedFile() throws Exception {
        // BuiltInTables spares a start the YAML parser; the file operators read and copy must say the same.
        UpgradeMatrix parsed = MatrixLoader.parse("upgrade-tables.yaml", MatrixLoader.embeddedBytes());
        assertThat(m.configurations()).isEqualTo(parsed.configurations());
        assertThat(m.upgrades()).isEqualTo(parsed.upgrades());
        assertThat(m.platforms()).isEqualTo(parsed.platforms());
        for (Configuration c : parsed.configurations()) {
            assertThat(m.platform(c)).isEqualTo(parsed.platform(c));
            assertThat(m.resolve(c.id())).isEqualTo(c);
            assertThat(m.resolve(c.label())).isEqualTo(c);
            for (String alias : c.aliases()) assertThat(m.resolve(alias)).isEqualTo(c);
        }
    }

    @Test
    void eachConfigurationKnowsItsPlatformAndIisType() throws Exception {
        assertThat(m.resolve("iis5").platform()).isEqualTo("Windows 2000 Advanced Server");
        assertThat(m.resolve("iis5").iisResourceType()).isEqualTo("IIS Server Instance");
        assertThat(m.resolve("iis4-sp4").platform()).isEqualTo("Windows NT 4.0 Enterprise Edition SP4");
        assertThat(m.resolve("iis3-sp3").iisResourceType()).isEqualTo("IIS Virtual Root");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "iis4-sp4|iis4-sp4", "IIS 4.0 / SP4|iis4-sp4", "IIS 4.0 / Service Pack 4|iis4-sp4", "4.0/SP4|iis4-sp4",
        "  iis 4.0/sp4 |iis4-sp4", "IIS4-SP4|iis4-sp4", "5.0|iis5", "IIS 5.0|iis5", "iis5|iis5",
        "3.0 / service pack 3|iis3-sp3", "IIS 3.0/SP4|iis3-sp4",
        // README: any spacing and case, with or without the slash, with or without "IIS".
        "IIS 4.0 SP4|iis4-sp4", "4.0 sp4|iis4-sp4", "iis 4.0 sp4|iis4-sp4", "IIS4.0SP4|iis4-sp4", "4.0 / sp 4|iis4-sp4",
        "IIS 4.0 Service Pack 4|iis4-sp4", "4.0 service pack 4|iis4-sp4", "IIS\t4.0\u00A0/\u00A0SP4|iis4-sp4",
        "IIS 5|iis5", "5|iis5", "iis 5.0|iis5", "IIS 3.0 SP3|iis3-sp3", "iis3 - sp3|iis3-sp3"})
    void acceptsEverySpelling(String text, String id) throws Exception {
        assertThat(m.resolve(text).id()).isEqualTo(id);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"IIS 4.0|", "4.0 SP|", "SP4|", "IIS 4 SP4|", "4.0-SP4|", "IIS 4.0 / SP 44|", "IIS|"})
    void doesNotGuessBeyondWhatReadmePromises(String text) {
        assertThat(m.find(text)).isNull();
    }

    @Test
    void unknownConfigurationListsTheKnownOnes() {
        assertThatThrownBy(() -> m.resolve("IIS 6.0"))
                .isInstanceOf(UnknownConfigurationException.class)
                .hasMessageContaining("unknown configuration 'IIS 6.0'")
                .hasMessageContaining("iis3-sp3").hasMessageContaining("\"IIS 5.0\"");
    }

    @Test
    void aSitesOwnTablesLoadWithTheSameFormat() throws Exception {
        String yaml = """
                platforms:
                  - {name: P1, clusterVersion: 2, maxNodes: 4}
                  - {name: P2, clusterVersion: 3, maxNodes: 8}
                configurations:
                  - {id: a, label: Alpha, platform: P1, iisResourceType: T1}
                  - {id: b, label: Beta, aliases: [B-version], platform: P2, iisResourceType: T2}
                rolling:
                  - {from: a, to: B-version}
                """;
        UpgradeMatrix own = MatrixLoader.parse("own.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(own.upgrades()).singleElement().satisfies(u -> {
            assertThat(u.kind()).isEqualTo(UpgradeKind.ROLLING);
            assertThat(u.to().id()).isEqualTo("b");
        });
        assertThat(own.platform(own.byId("b").orElseThrow())).isEqualTo(new rehearse.matrix.Platform("P2", 3, 8));
    }

    @Test
    void platformsSayTheirOperatingSystemServicePackAndIisSetupOrDefaultToTheirOwn() throws Exception {
        String yaml = """
                platforms:
                  - {name: NT SP3, clusterVersion: 1, maxNodes: 2, os: NT, servicePack: 3, iisSetup: the Option Pack}
                  - {name: Plain, clusterVersion: 2, maxNodes: 2}
                configurations:
                  - {id: a, label: Alpha, platform: NT SP3, iisResourceType: T1}
                  - {id: b, label: Beta, platform: Plain, iisResourceType: T1}
                """;
        UpgradeMatrix own = MatrixLoader.parse("own.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(own.platform(own.byId("a").orElseThrow())).isEqualTo(new rehearse.matrix.Platform("NT SP3", 1, 2, "NT", 3, "the Option Pack"));
        // Without them: its own operating system, no service pack, no known IIS setup.
        assertThat(own.platform(own.byId("b").orElseThrow())).isEqualTo(new rehearse.matrix.Platform("Plain", 2, 2, "Plain", 0, null));
        String bad = """
                platforms:
                  - {name: P, clusterVersion: 1, maxNodes: 2, servicePack: -1, os: ''}
                configurations:
                  - {id: a, label: Alpha, platform: P, iisResourceType: T1}
                """;
        InputException e = catchThrowableOfType(InputException.class, () -> MatrixLoader.parse("b.yaml", bad.getBytes(StandardCharsets.UTF_8)));
        assertThat(e.problems()).extracting(Object::toString).first().asString()
                .isEqualTo("b.yaml:2:60: 'servicePack' must be a whole number from 0 to 1000, found '-1'");
    }

    @Test
    void platformsAreDescribedAndChecked() {
        String missing = """
                platforms:
                  - {name: P1, clusterVersion: 2, maxNodes: 2}
                  - {name: P1, clusterVersion: 1, maxNodes: 0}
                configurations:
                  - {id: a, label: Alpha, platform: P9, iisResourceType: T1}
                """;
        InputException e = catchThrowableOfType(InputException.class,
                () -> MatrixLoader.parse("p.yaml", missing.getBytes(StandardCharsets.UTF_8)));
        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                "p.yaml:3:45: 'maxNodes' must be a whole number from 1 to 64, found '0'",
                "p.yaml:5:37: platform 'P9' is not listed under 'platforms'");
        UpgradeMatrix builtIn = MatrixLoader.builtIn();
        assertThat(builtIn.platform(builtIn.byId("iis5").orElseThrow())).isEqualTo(
                new rehearse.matrix.Platform("Windows 2000 Advanced Server", 3, 2));
        assertThat(builtIn.platform(builtIn.byId("iis4-sp4").orElseThrow()).canJoinWith(builtIn.platform(builtIn.byId("iis5").orElseThrow())))
                .isTrue();
        assertThat(builtIn.platform(builtIn.byId("iis4-sp3").orElseThrow()).canJoinWith(builtIn.platform(builtIn.byId("iis5").orElseThrow())))
                .isFalse();
    }

    @Test
    void badTablesFileSaysWhere() {
        String yaml = """
                configurations:
                  - {id: a, label: Alpha, platform: P1, iisResourceType: T1}
                rolling:
                  - {from: a, to: zz}
                standrd: []
                """;
        assertThatThrownBy(() -> MatrixLoader.parse("own.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems()).extracting(Object::toString).containsExactly(
                        "own.yaml:4:19: unknown configuration 'zz'; known: a (\"Alpha\")",
                        "own.yaml:5:1: unknown key 'standrd' in the tables file (did you mean 'standard'?)"));
    }

    private static java.util.List<String> tableProblems(String configurations) {
        String yaml = "configurations:\n" + configurations;
        InputException e = org.assertj.core.api.Assertions.catchThrowableOfType(InputException.class,
                () -> MatrixLoader.parse("own.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        assertThat(e).as("expected the tables to be rejected").isNotNull();
        return e.problems().stream().map(Object::toString).toList();
    }

    @Test
    void spellingsThatNameTwoConfigurationsAreDuplicates() {
        assertThat(tableProblems("  - {id: x1, label: One, platform: P, iisResourceType: T}\n"
                + "  - {id: X1, label: Two, platform: P, iisResourceType: T}\n")).containsExactly(
                "own.yaml:3:10: 'X1' names configuration 'x1' already ('x1' at line 2, column 10): configuration names"
                        + " ignore case, spaces and slashes, and a leading IIS");
        assertThat(tableProblems("  - {id: a, label: Alpha, platform: P, iisResourceType: T}\n"
                + "  - {id: b, label: ALPHA, platform: P, iisResourceType: T}\n")).singleElement().asString()
                .startsWith("own.yaml:3:20: 'ALPHA' names configuration 'a' already ('Alpha' at line 2, column 20)");
        // An id equal to another's label or alias.
        assertThat(tableProblems("  - {id: a, label: Alpha, aliases: [First], platform: P, iisResourceType: T}\n"
                + "  - {id: alpha, label: Beta, platform: P, iisResourceType: T}\n")).singleElement().asString()
                .startsWith("own.yaml:3:10: 'alpha' names configuration 'a' already");
        assertThat(tableProblems("  - {id: a, label: Alpha, aliases: [First], platform: P, iisResourceType: T}\n"
                + "  - {id: first, label: Beta, platform: P, iisResourceType: T}\n")).singleElement().asString()
                .startsWith("own.yaml:3:10: 'first' names configuration 'a' already ('First' at line 2, column 37)");
        // A leading IIS and a slash do not make a name different either.
        assertThat(tableProblems("  - {id: a, label: IIS 7/SP1, platform: P, iisResourceType: T}\n"
                + "  - {id: b, label: 7 SP1, platform: P, iisResourceType: T}\n")).singleElement().asString()
                .startsWith("own.yaml:3:20: '7 SP1' names configuration 'a' already ('IIS 7/SP1'");
    }

    @Test
    void configurationsAndRowsAreEqualWhenEveryPartIs() {
        Configuration a = new Configuration("a", "A", java.util.List.of("x"), "P", "T");
        assertThat(a).isEqualTo(new Configuration("a", "A", java.util.List.of("x"), "P", "T"))
                .hasSameHashCodeAs(new Configuration("a", "A", java.util.List.of("x"), "P", "T"));
        assertThat(a).isNotEqualTo(new Configuration("b", "A", java.util.List.of("x"), "P", "T"))
                .isNotEqualTo(new Configuration("a", "B", java.util.List.of("x"), "P", "T"))
                .isNotEqualTo(new Configuration("a", "A", java.util.List.of(), "P", "T"))
                .isNotEqualTo(new Configuration("a", "A", java.util.List.of("x"), "Q", "T"))
                .isNotEqualTo(new Configuration("a", "A", java.util.List.of("x"), "P", "U"))
                .isNotEqualTo(null);
        Configuration b = new Configuration("b", "B", java.util.List.of(), "P", "T");
        Upgrade up = new Upgrade(a, b, UpgradeKind.ROLLING);
        assertThat(up).isEqualTo(new Upgrade(a, b, UpgradeKind.ROLLING)).hasSameHashCodeAs(new Upgrade(a, b, UpgradeKind.ROLLING));
        assertThat(up).isNotEqualTo(new Upgrade(b, a, UpgradeKind.ROLLING)).isNotEqualTo(new Upgrade(a, b, UpgradeKind.STANDARD));
    }
}
