package rehearse.cli;

import rehearse.base.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rehearse.io.JsonReader;

/**
 * A journal that stops being writable mid-rehearsal (here: the file size limit of {@code ulimit
 * -f}, which fails a write as a full disk does), in a real process: said once when it happens,
 * naming the journal and the cause, exit 74 in every front end, and what was written resumes.
 */
class JournalFailureTest {
    @TempDir Path dir;

    private static final String SCRIPT = "target \"IIS 5.0\"\nack preflight\nstep\nstep\nrun\nstatus\n";

    /** Runs rehearse in a child JVM whose files may not grow past {@code kib} KiB. */
    private Process child(int kib, String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        StringBuilder cmd = new StringBuilder("ulimit -f " + (kib * 2) + "; exec '" + java + "' -XX:-UsePerfData -Xshare:off -cp '"
                + System.getProperty("java.class.path") + "' rehearse.cli.Main");
        for (String a : args) cmd.append(" '").append(a).append("'");
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", cmd.toString()); // POSIX sh: ulimit -f counts 512-byte blocks
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        return pb.start();
    }

    private Path script() throws Exception {
        Path s = dir.resolve("rolling.rh");
        Files.writeString(s, SCRIPT);
        return s;
    }

    private static String expectedError(Path j) {
        return "rehearse: cannot write the journal " + j + ": file too large for the file system; the rehearsal up to there is in it:"
                + " resume it with --resume " + j + " once it can be written";
    }

    private static void wholeLinesParse(Path j) throws Exception {
        String text = Files.readString(j, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        int whole = text.endsWith("\n") ? lines.size() : lines.size() - 1; // a last line the failure cut short
        for (int i = 0; i < whole; i++) JsonReader.parse(lines.get(i));
    }

    @Test
    void runSaysSoOnceAndEndsWith74AndTheJournalResumes() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
        Path s = script();
        Path j = dir.resolve("j.jsonl");
        Process p = child(8, "run", "--journal", j.toString(), s.toString());
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(err).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(err.strip()).isEqualTo(expectedError(j));
        assertThat(out).doesNotContain("result:").contains("> target");
        assertThat(Files.size(j)).isEqualTo(8 * 1024);
        wholeLinesParse(j);

        Cli whole = Cli.run("run", s.toString());
        Cli resumed = Cli.run("run", "--resume", j.toString(), s.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out().substring(resumed.out().lastIndexOf("> status")))
                .isEqualTo(whole.out().substring(whole.out().lastIndexOf("> status")));
    }

    @Test
    void theShellReadingItsStandardInputEndsTheSameWay() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
        Path j = dir.resolve("j.jsonl");
        Process p = child(8, "shell", "--journal", j.toString());
        p.getOutputStream().write(SCRIPT.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(err).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(err.strip()).isEqualTo(expectedError(j));
        wholeLinesParse(j);
        assertThat(Cli.run("run", "--resume", j.toString(), script().toString()).code()).isZero();
    }
}
