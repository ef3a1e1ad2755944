package rehearse.tui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import rehearse.plan.Status;

/**
 * 'b' goes back to the start of the step before now (a rewind, as ':rewind to TIME' does): the
 * clock, the cluster and the plan's statuses are those of that moment, and nothing plays on by itself.
 */
class RewindKeyTest {
    private static VirtualScreen atTheTarget() throws Exception {
        VirtualScreen v = VirtualScreen.sample(80, 24);
        v.command("target \"IIS 5.0\"").command("ack preflight");
        v.keys("+++++"); // instant playback
        return v;
    }

    private static long clock(VirtualScreen v) {
        return v.ui.session().state().clock();
    }

    @Test
    void atTheStartThereIsNothingToGoBackTo() throws Exception {
        VirtualScreen v = atTheTarget();
        v.keys("b");
        assertThat(v.message().text()).isEqualTo("nothing to go back to: the rehearsal is at its start");
        assertThat(clock(v)).isZero();
    }

    @Test
    void backGoesToTheStartOfTheStepBeforeNowThenTheOneBeforeThat() throws Exception {
        VirtualScreen v = atTheTarget();
        v.keys("n").play(); // pause NODEA
        v.keys("n").play(); // move all groups from NODEA to NODEB
        long afterMove = clock(v);
        v.keys("n").play(); // upgrade NODEA
        assertThat(clock(v)).isGreaterThan(afterMove);
        String before = v.ui.session().state().cluster().toString();

        v.keys("b"); // back to where the upgrade began
        assertThat(clock(v)).isEqualTo(afterMove);
        assertThat(v.ui.session().state().cluster().toString()).isNotEqualTo(before);
        var entries = v.ui.model().world().plan().orElseThrow().entries();
        assertThat(entries.get(3).status()).isIn(Status.NEXT); // upgrade NODEA, not begun
        assertThat(entries.get(2).status()).isEqualTo(Status.DONE); // the move
        assertThat(v.ui.animating()).isFalse();

        // The move began at 0:00:00 with the pause before it, and a rewind to a time goes back before
        // everything begun then: the start of the rehearsal, before the target was chosen.
        v.keys("b");
        assertThat(clock(v)).isZero();
        assertThat(v.ui.model().world().plan()).isEmpty();
        assertThat(v.message().text()).contains("back at 0:00:00 (from 0:00:13)");
    }

    @Test
    void aRewindIntoAStepUnderWayLeavesItPausedThere() throws Exception {
        VirtualScreen v = atTheTarget();
        v.keys("n").play().keys("n").play().keys("n").play(); // NODEA upgraded and back, paused
        v.command("rewind to 0:20:00");
        assertThat(clock(v)).isEqualTo(20 * 60_000L);
        assertThat(v.ui.model().world().plan().orElseThrow().entries().get(3).status()).isEqualTo(Status.UNDER_WAY);
        assertThat(v.ui.animating()).isFalse(); // it does not play on by itself
        for (int i = 0; i < 100; i++) v.tick(App.TICK_MS);
        assertThat(clock(v)).isEqualTo(20 * 60_000L);
        v.keys("p").play(); // p plays the upgrade on
        assertThat(clock(v)).isGreaterThan(40 * 60_000L);
    }
}
