package rehearse.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyTimesTest {
    @Test
    void countsOnlyWhatHappenedWithinThePeriod() {
        PolicyTimes t = PolicyTimes.NONE;
        for (long at : new long[] {0, 100_000, 200_000, 300_000}) t = t.record(at, 900_000);
        assertThat(t.count(300_000, 900_000)).isEqualTo(4);
        // Exactly one period after the first failure, that failure no longer counts.
        assertThat(t.count(900_000, 900_000)).isEqualTo(3);
        assertThat(t.record(1_250_000, 900_000).times()).containsExactly(1_250_000);
        assertThat(PolicyTimes.NONE.count(5, 900_000)).isZero();
    }

    @Test
    void aRecordIsANewValue() {
        PolicyTimes a = PolicyTimes.NONE.record(1, 10);
        PolicyTimes b = a.record(2, 10);
        assertThat(a.times()).containsExactly(1);
        assertThat(b.times()).containsExactly(1, 2);
        assertThat(a).isEqualTo(PolicyTimes.NONE.record(1, 10));
    }
}
