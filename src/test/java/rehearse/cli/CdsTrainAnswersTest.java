package rehearse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The training run's terminal input: each part readable only a moment after the one before was read. */
class CdsTrainAnswersTest {
    @Test
    void aPartIsHeldBackUntilAMomentAfterTheOneBeforeWasRead() throws Exception {
        CdsTrainCommand.Answers in = new CdsTrainCommand.Answers("\033[24;80R", "t");
        assertThat(in.available()).isEqualTo(8);
        byte[] b = new byte[64];
        assertThat(new String(b, 0, in.read(b, 0, b.length), StandardCharsets.US_ASCII)).isEqualTo("\033[24;80R");
        // Read to its end: the next part is not there yet, as a terminal's answer would not be.
        assertThat(in.available()).isZero();
        long t0 = System.nanoTime();
        assertThat(in.read()).isEqualTo('t');
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(100);
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.available()).isZero();
        assertThat(in.read(b, 0, 0)).isZero();
    }
}
