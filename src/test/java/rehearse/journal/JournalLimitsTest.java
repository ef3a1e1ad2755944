package rehearse.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rehearse.io.InputException;
import rehearse.session.Fixture;
import rehearse.session.Outcome;

/** What a journal can hold is what a resume reads back, within the heap. */
class JournalLimitsTest {
    @TempDir Path dir;

    @Test
    void aLineLongerThanTheLimitIsAnErrorAtItsLineNotAnOutOfMemoryError() throws Exception {
        Path j = dir.resolve("j.jsonl");
        byte[] big = new byte[Journal.MAX_LINE_BYTES + 10];
        java.util.Arrays.fill(big, (byte) 'x');
        Files.write(j, ("{\"t\": 0, \"event\": \"".getBytes(StandardCharsets.US_ASCII)));
        Files.write(j, big, java.nio.file.StandardOpenOption.APPEND);
        InputException e = catchThrowableOfType(InputException.class, () -> Journal.read(j));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("j.jsonl:1:").contains("longer than");
    }

    @Test
    void theClockStopsAtTenYearsSoEveryJournalCanBeResumed() {
        Fixture f = Fixture.sample();
        for (int i = 0; i < 9; i++) f.ok("wait 8784h");
        assertThat(f.run("wait 8784h").outcome()).isInstanceOf(Outcome.Refused.class);
        assertThat(f.state().clock()).isLessThanOrEqualTo(Journal.MAX_TIME_MS);
        f.ok("wait 8544h"); // exactly ten years
    }
}
