package rehearse.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TtyTest {
    @Test
    void theTestRunIsNoTerminal() {
        // Surefire's forked JVM reads and writes pipes: no terminal, whatever Java runs it (on Java 22
        // and later System.console() is not null here, and Tty must still say no).
        assertThat(Tty.interactive()).isFalse();
    }
}
