package rehearse.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UI's 'x' writes the report as --report does: through a temporary file and a rename, never through a link or over an input. */
class ExportReportTest {
    @TempDir Path dir;

    private static VirtualScreen export(Path to, List<Path> inputs) throws Exception {
        VirtualScreen v = VirtualScreen.sample(80, 24);
        v.ui.reportTo(to, 2 * 3_600_000L, inputs);
        return v.keys("x");
    }

    @Test
    void writesTheReportWholeAndSaysWhere() throws Exception {
        Path report = dir.resolve("r.md");
        Files.writeString(report, "old");
        VirtualScreen v = export(report, List.of());
        assertThat(v.message().bad()).isFalse();
        assertThat(v.message().text()).isEqualTo("report written to " + report);
        assertThat(Files.readString(report)).startsWith("# Rehearsal report: WEBCLUSTER\n");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(report); // no temporary file left
        }
    }

    @Test
    void refusesALinkAPipeAndAnInputNamingTheCause() throws Exception {
        Path precious = dir.resolve("precious");
        Files.writeString(precious, "precious");
        Path link = Files.createSymbolicLink(dir.resolve("r.md"), precious);
        VirtualScreen v = export(link, List.of());
        assertThat(v.message().bad()).isTrue();
        assertThat(v.message().text()).isEqualTo("cannot write the report " + link + ": is a symbolic link; refusing to write through it"
                + " (remove it or choose another name)");
        assertThat(Files.readString(precious)).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(link)).isTrue();

        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThat(export(fifo, List.of()).message().text()).isEqualTo("cannot write the report " + fifo
                + ": is a named pipe (FIFO); only a regular file is written");

        Path cluster = dir.resolve("cluster.yaml");
        Files.writeString(cluster, "cluster: X\n");
        assertThat(export(cluster, List.of(cluster)).message().text()).startsWith("cannot write the report " + cluster + ": is an input of this command");
        assertThat(Files.readString(cluster)).isEqualTo("cluster: X\n");
    }
}
