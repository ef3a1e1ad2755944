package rehearse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Input piped to the shell ends at 'quit' or 'exit', as the prompt does. */
class ShellQuitTest {
    @Test
    void aQuitLineEndsThePipedInput() {
        assertThat(ShellCommand.untilQuit("target 5.0\nstatus\nquit\nrun\n")).isEqualTo("target 5.0\nstatus\n");
        assertThat(ShellCommand.untilQuit("  EXIT  \r\nrun\n")).isEmpty();
        assertThat(ShellCommand.untilQuit("target 5.0\nexit")).isEqualTo("target 5.0\n");
    }

    @Test
    void quitInsideANameOrACommandIsNotAnEnd() {
        String text = "move \"quit\" to NODEB\n# quit\nstatus";
        assertThat(ShellCommand.untilQuit(text)).isEqualTo(text);
    }
}
