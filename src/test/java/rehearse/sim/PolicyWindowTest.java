package rehearse.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyWindowTest {
    @Test
    void countsOnlyWhatHappenedWithinThePeriod() {
        PolicyWindow<String> restarts = new PolicyWindow<>(3, 900_000);
        for (long t : new long[] {0, 100_000, 200_000}) restarts.record("Web Server", t);
        assertThat(restarts.count("Web Server", 300_000)).isEqualTo(3);
        assertThat(restarts.full("Web Server", 300_000)).isTrue();
        assertThat(restarts.exceeded("Web Server", 300_000)).isFalse();
        restarts.record("Web Server", 300_000);
        assertThat(restarts.exceeded("Web Server", 300_000)).isTrue();
        // Exactly one period after the first failure, that failure no longer counts.
        assertThat(restarts.count("Web Server", 900_000)).isEqualTo(3);
        assertThat(restarts.exceeded("Web Server", 900_000)).isFalse();
        assertThat(restarts.count("FTP Server", 900_000)).isZero();
        restarts.reset("Web Server");
        assertThat(restarts.count("Web Server", 900_000)).isZero();
    }
}
