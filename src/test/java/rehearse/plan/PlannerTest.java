package rehearse.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rehearse.io.MatrixLoader;
import rehearse.matrix.UpgradeKind;
import rehearse.matrix.UpgradeMatrix;

class PlannerTest {
    private final UpgradeMatrix m = MatrixLoader.builtIn();
    private final Planner planner = new Planner(m);

    /** Every pair of the five configurations, with the answer the seed's tables imply. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // from | to | hops (kinds, R/S) or the unreachable reason's word
        "iis3-sp3|iis3-sp3|",
        "iis3-sp3|iis3-sp4|R",
        "iis3-sp3|iis4-sp3|S",
        "iis3-sp3|iis4-sp4|2 hops, 1 offline",
        "iis3-sp3|iis5|RS",
        "iis3-sp4|iis3-sp3|downgrade",
        "iis3-sp4|iis3-sp4|",
        "iis3-sp4|iis4-sp3|sideways",
        "iis3-sp4|iis4-sp4|S",
        "iis3-sp4|iis5|S",
        "iis4-sp3|iis3-sp3|downgrade",
        "iis4-sp3|iis3-sp4|sideways",
        "iis4-sp3|iis4-sp3|",
        "iis4-sp3|iis4-sp4|R",
        "iis4-sp3|iis5|RR",
        "iis4-sp4|iis3-sp3|downgrade",
        "iis4-sp4|iis3-sp4|downgrade",
        "iis4-sp4|iis4-sp3|downgrade",
        "iis4-sp4|iis4-sp4|",
        "iis4-sp4|iis5|R",
        "iis5|iis3-sp3|downgrade",
        "iis5|iis3-sp4|downgrade",
        "iis5|iis4-sp3|downgrade",
        "iis5|iis4-sp4|downgrade",
        "iis5|iis5|"})
    void everyPairGivesWhatTheTablesImply(String from, String to, String expected) {
        UpgradePath p = planner.plan(m.byId(from).orElseThrow(), m.byId(to).orElseThrow());
        if (expected == null) {
            assertThat(p.reachable()).isTrue();
            assertThat(p.hops()).isEmpty();
        } else if (expected.equals("downgrade") || expected.equals("sideways")) {
            assertThat(p.reachable()).isFalse();
            assertThat(p.reason()).contains(expected);
        } else if (expected.startsWith("2 hops")) {
            // Two equally good paths exist (rolling then standard, or standard then rolling).
            assertThat(p.reachable()).isTrue();
            assertThat(p.hops()).hasSize(2);
            assertThat(p.offlineHops()).isEqualTo(1);
        } else {
            assertThat(p.reachable()).isTrue();
            assertThat(p.hops()).extracting(h -> h.kind() == UpgradeKind.ROLLING ? "R" : "S")
                    .containsExactly(expected.split(""));
            assertThat(p.hops().get(0).from().id()).isEqualTo(from);
            assertThat(p.hops().get(p.hops().size() - 1).to().id()).isEqualTo(to);
            for (int i = 1; i < p.hops().size(); i++) assertThat(p.hops().get(i).from()).isEqualTo(p.hops().get(i - 1).to());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"iis3-sp3|iis5|iis3-sp4", "iis4-sp3|iis5|iis4-sp4"})
    void passesThroughTheExpectedConfiguration(String from, String to, String via) {
        UpgradePath p = planner.plan(m.byId(from).orElseThrow(), m.byId(to).orElseThrow());
        assertThat(p.hops().get(0).to().id()).isEqualTo(via);
    }

    @org.junit.jupiter.api.Test
    void aDowngradesReasonNamesOnlyRowsThatExist() {
        java.util.Set<String> rows = new java.util.HashSet<>();
        for (var u : m.upgrades()) rows.add(u.from().label() + " -> " + u.to().label());
        String labels = m.configurations().stream().map(c -> java.util.regex.Pattern.quote(c.label()))
                .collect(java.util.stream.Collectors.joining("|"));
        java.util.regex.Pattern arrow = java.util.regex.Pattern.compile("(" + labels + ") -> (" + labels + ")");
        int downgrades = 0;
        for (var from : m.configurations()) {
            for (var to : m.configurations()) {
                var p = planner.plan(from, to);
                if (p.reachable() || from.equals(to) || !p.reason().contains("downgrade")) continue;
                downgrades++;
                String asked = from.label() + " -> " + to.label();
                assertThat(p.reason()).startsWith(asked + " is a downgrade");
                var found = arrow.matcher(p.reason().substring(asked.length()));
                int named = 0;
                while (found.find()) {
                    named++;
                    assertThat(rows).as(p.reason()).contains(found.group());
                }
                assertThat(named).as(p.reason()).isPositive();
            }
        }
        assertThat(downgrades).isGreaterThan(5);
    }
}
