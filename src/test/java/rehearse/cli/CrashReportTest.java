package rehearse.cli;

import rehearse.base.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An internal error: one line on the terminal, the stack trace in a private file that line names. */
class CrashReportTest {
    @TempDir Path state;
    private final Instant now = Instant.parse("2026-12-02T10:15:30.123Z");

    private static IllegalStateException bug() {
        return new IllegalStateException("the engine lost a group");
    }

    @Test
    void theTraceGoesToAPrivateFileThatTheOneLineNames() throws Exception {
        StringWriter err = new StringWriter();
        int code = CrashReport.report(new PrintWriter(err), bug(), null, Map.of("XDG_STATE_HOME", state.toString()), now,
                "plan", "--from", "IIS 4.0 / SP4");
        assertThat(code).isEqualTo(ExitCodes.SOFTWARE).isEqualTo(70);
        Path file = state.resolve("rehearse/crash-20261202T101530Z.txt");
        assertThat(err.toString()).hasLineCount(1).startsWith("rehearse: internal error: java.lang.IllegalStateException: the engine lost a group")
                .contains(file.toString()).doesNotContain("\tat ");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        String trace = Files.readString(file);
        assertThat(trace).startsWith("rehearse internal error, 2026-12-02T10:15:30.123Z")
                .contains("arguments: plan --from \"IIS 4.0 / SP4\"")
                .contains("java.lang.IllegalStateException: the engine lost a group")
                .contains("\tat rehearse.cli.CrashReportTest.bug(");
    }

    @Test
    void aSecondCrashInTheSameSecondGetsItsOwnFileAndANoteIsKept() throws Exception {
        Map<String, String> env = Map.of("XDG_STATE_HOME", state.toString());
        CrashReport.report(new PrintWriter(new StringWriter()), bug(), null, env, now);
        StringWriter err = new StringWriter();
        CrashReport.report(new PrintWriter(err), new StackOverflowError(), "the journal is saved: --resume it", env, now);
        Path second = state.resolve("rehearse/crash-20261202T101530Z-2.txt");
        assertThat(err.toString()).contains(second.toString()).endsWith("; the journal is saved: --resume it)" + System.lineSeparator());
        assertThat(Files.readString(second)).contains("java.lang.StackOverflowError").contains("arguments: (none)");
    }

    @Test
    void withoutHomeOrStateDirectoryTheTraceIsNamedAsLostAndStillOneLine() throws Exception {
        // HOME is a file: no state directory can be made under it.
        Path notADirectory = Files.writeString(state.resolve("home"), "a file");
        StringWriter err = new StringWriter();
        int code = CrashReport.report(new PrintWriter(err), bug(), null, Map.of("HOME", notADirectory.toString()), now);
        assertThat(code).isEqualTo(70);
        assertThat(err.toString()).hasLineCount(1).contains("its trace could not be saved").doesNotContain("\tat ");
    }

    @Test
    void withoutXdgStateHomeItIsUnderHome() throws Exception {
        StringWriter err = new StringWriter();
        CrashReport.report(new PrintWriter(err), bug(), null, Map.of("HOME", state.toString(), "XDG_STATE_HOME", ""), now);
        assertThat(state.resolve(".local/state/rehearse/crash-20261202T101530Z.txt")).exists();
    }

    /** A subcommand with a bug, for {@link #aRealRunExitsSeventyAndNamesTheFile}. */
    public static final class CrashingMain {
        public static void main(String[] args) {
            Main.SUBCOMMANDS.put("crash", () -> new Buggy().spec);
            Main.main(args);
        }
    }

    static final class Buggy implements Callable<Integer> {
        final picocli.CommandLine.Model.CommandSpec spec = Specs.command(this, "crash", "Fails as a bug would.");
        final Inputs inputs = new Inputs(spec);

        @Override
        public Integer call() {
            throw new IndexOutOfBoundsException("Index 3 out of bounds for length 3");
        }
    }

    @Test
    void aRealRunExitsSeventyAndNamesTheFile() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashingMain.class.getName(), "crash", "--matrix", "tables.yaml");
        pb.environment().put("XDG_STATE_HOME", state.toString());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isEqualTo(70);
        assertThat(out).isEmpty();
        List<Path> crashes;
        try (Stream<Path> files = Files.list(state.resolve("rehearse"))) {
            crashes = files.toList();
        }
        assertThat(crashes).singleElement().satisfies(f -> assertThat(f.getFileName().toString()).matches("crash-\\d{8}T\\d{6}Z\\.txt"));
        assertThat(err).hasLineCount(1).contains("internal error: java.lang.IndexOutOfBoundsException").contains(crashes.get(0).toString());
        assertThat(Files.readString(crashes.get(0))).contains("arguments: crash --matrix tables.yaml")
                .contains("at rehearse.cli.CrashReportTest$Buggy.call(");
    }
}
