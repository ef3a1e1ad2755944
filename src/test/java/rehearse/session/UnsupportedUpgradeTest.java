package rehearse.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import rehearse.sim.Refused;

/** An upgrade that is no row of the tables points to 'target' only when a path of rows leads there (never for a downgrade). */
class UnsupportedUpgradeTest {
    @Test
    void aDowngradeDoesNotSuggestATarget() throws Exception {
        Fixture f = Fixture.sample().ok("ack preflight", "move all from NODEA to NODEB");
        for (String to : new String[] {"3.0/SP3", "\"IIS 4.0 / SP3\"", "\"3.0 sp4\""}) {
            Refused.UnsupportedUpgrade u = (Refused.UnsupportedUpgrade) f.refused("upgrade NODEA to " + to);
            assertThat(u.viaTarget()).as(to).isFalse();
            assertThat(f.refusedText("upgrade NODEA to " + to)).doesNotContain("target");
        }
    }

    @Test
    void anUpgradeSeveralRowsAwaySuggestsTheTargetThatPlansIt() throws Exception {
        Fixture f = Fixture.at("iis3-sp3").ok("ack preflight", "move all from NODEA to NODEB");
        Refused.UnsupportedUpgrade u = (Refused.UnsupportedUpgrade) f.refused("upgrade NODEA to 5.0");
        assertThat(u.viaTarget()).isTrue();
        assertThat(f.refusedText("upgrade NODEA to 5.0")).contains("'target \"IIS 5.0\"'");
    }
}
