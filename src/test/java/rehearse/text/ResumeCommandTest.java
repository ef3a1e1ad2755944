package rehearse.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import rehearse.base.Printable;

class ResumeCommandTest {
    @Test
    void theUiAndTheShellAreResumedByTheirOwnCommand() {
        Path j = Path.of("/home/admin/.local/state/rehearse/journal-WEBCLUSTER-20261203-074500.jsonl");
        assertThat(ResumeCommand.line("rehearse", j, ResumeCommand.FrontEnd.UI))
                .isEqualTo("rehearse --resume /home/admin/.local/state/rehearse/journal-WEBCLUSTER-20261203-074500.jsonl");
        assertThat(ResumeCommand.line("rehearse", j, ResumeCommand.FrontEnd.SHELL))
                .isEqualTo("rehearse shell --resume /home/admin/.local/state/rehearse/journal-WEBCLUSTER-20261203-074500.jsonl");
    }

    @Test
    void aLauncherOffThePathIsNamedByItsPath() {
        assertThat(ResumeCommand.line("/srv/rehearse checkout/scripts/rehearse", Path.of("/tmp/j.jsonl"), ResumeCommand.FrontEnd.SHELL))
                .isEqualTo("'/srv/rehearse checkout/scripts/rehearse' shell --resume /tmp/j.jsonl");
    }

    @Test
    void aRelativeJournalIsNamedFromTheRoot() {
        assertThat(ResumeCommand.line("rehearse", Path.of("j.jsonl"), ResumeCommand.FrontEnd.UI))
                .isEqualTo("rehearse --resume " + Path.of("j.jsonl").toAbsolutePath());
    }

    @Test
    void wordsAreQuotedForAPosixShell() {
        assertThat(ResumeCommand.shellWord("/tmp/a_b-c.d@e%f+g=h:i,j")).isEqualTo("/tmp/a_b-c.d@e%f+g=h:i,j");
        assertThat(ResumeCommand.shellWord("/tmp/web cluster.jsonl")).isEqualTo("'/tmp/web cluster.jsonl'");
        assertThat(ResumeCommand.shellWord("/tmp/it's $HOME `x` \"y\" *;|&")).isEqualTo("'/tmp/it'\\''s $HOME `x` \"y\" *;|&'");
        assertThat(ResumeCommand.shellWord("~/j")).isEqualTo("'~/j'");
        assertThat(ResumeCommand.shellWord("")).isEqualTo("''");
        assertThat(ResumeCommand.shellWord("/tmp/Grüße")).isEqualTo("'/tmp/Grüße'");
    }

    @Test
    void controlCharactersNeverReachTheTerminal() {
        String evil = "/tmp/a\u001b[2Jb\nc'\\d\u202Ee0";
        String word = ResumeCommand.shellWord(evil);
        assertThat(word).isEqualTo("$'/tmp/a\\033[2Jb\\012c\\'\\\\d\\342\\200\\256e0'");
        assertThat(Printable.firstUnsafe(word)).isEqualTo(-1);
        assertThat(Printable.firstUnsafe(ResumeCommand.saved("rehearse", Path.of(evil), ResumeCommand.FrontEnd.UI).replace("\n", ""))).isEqualTo(-1);
    }

    /** The quoted word, given to a real shell, is the same string again: sh (dash here) for quotes, bash for $'...'. */
    @Test
    void aShellReadsTheWordBack() throws Exception {
        assertThat(readBack("/bin/sh", "/tmp/web cluster's.jsonl")).isEqualTo("/tmp/web cluster's.jsonl");
        assertThat(readBack("/bin/sh", "/tmp/$(touch x)`y`")).isEqualTo("/tmp/$(touch x)`y`");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(Path.of("/bin/bash")), "no bash");
        assertThat(readBack("/bin/bash", "/tmp/a\u001b[2Jb\nc'\\d\u202Ee0")).isEqualTo("/tmp/a\u001b[2Jb\nc'\\d\u202Ee0");
    }

    private static String readBack(String shell, String word) throws Exception {
        Process p = new ProcessBuilder(shell, "-c", "printf %s " + ResumeCommand.shellWord(word)).start();
        String back = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        return back;
    }
}
