package rehearse.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UI's 'x' asks for a file name (the --report file offered first) and writes what its extension
 * asks for: the report in Markdown or HTML, the runbook in Markdown or as a batch file; as --report
 * writes, through a temporary file and a rename, never through a link or over an input.
 */
class ExportReportTest {
    @TempDir Path dir;

    /** 'x', the offered name replaced by {@code to} (Ctrl-U clears the line), Enter. */
    private static VirtualScreen export(VirtualScreen v, Path offered, String to, List<Path> inputs) {
        v.ui.reportTo(offered, 2 * 3_600_000L, inputs);
        v.keys("x");
        if (to != null) {
            v.key(Key.ctrl('u'));
            v.keys(to);
        }
        return v.key(KeyType.Enter);
    }

    private static VirtualScreen export(Path to, List<Path> inputs) throws Exception {
        return export(VirtualScreen.sample(80, 24), to, null, inputs);
    }

    @Test
    void offersTheReportFileAndWritesItWholeAndSaysWhere() throws Exception {
        Path report = dir.resolve("r.md");
        Files.writeString(report, "old");
        VirtualScreen v = VirtualScreen.sample(80, 24);
        v.ui.reportTo(report, 2 * 3_600_000L, List.of());
        assertThat(v.keys("x").text()).contains(Overlays.EXPORT_LEAD.strip()).contains("r.md_");
        v.key(KeyType.Enter);
        assertThat(v.message().bad()).isFalse();
        assertThat(v.message().text()).isEqualTo("report written to " + report);
        assertThat(Files.readString(report)).startsWith("# Rehearsal report: WEBCLUSTER\n");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(report); // no temporary file left
        }
    }

    @Test
    void theExtensionChoosesTheReportInHtmlOrTheRunbook() throws Exception {
        VirtualScreen v = VirtualScreen.sample(80, 24);
        Path offered = dir.resolve("offered.md");
        v.keys(":target \"IIS 5.0\"").key(KeyType.Enter);

        export(v, offered, dir.resolve("r.html").toString(), List.of());
        assertThat(v.message().text()).isEqualTo("report (HTML) written to " + dir.resolve("r.html"));
        assertThat(Files.readString(dir.resolve("r.html"))).startsWith("<!DOCTYPE html>");

        export(v, offered, dir.resolve("plan.runbook.md").toString(), List.of());
        assertThat(v.message().text()).isEqualTo("runbook written to " + dir.resolve("plan.runbook.md"));
        assertThat(Files.readString(dir.resolve("plan.runbook.md"))).startsWith("# Runbook: WEBCLUSTER");

        export(v, offered, dir.resolve("upgrade.cmd").toString(), List.of());
        assertThat(v.message().text()).isEqualTo("runbook (batch file, code page 437) written to " + dir.resolve("upgrade.cmd"));
        String batch = new String(Files.readAllBytes(dir.resolve("upgrade.cmd")), StandardCharsets.ISO_8859_1);
        assertThat(batch).startsWith("@echo off\r\n").contains("chcp 437").contains("group \"Web Group\" /moveto:");
        assertThat(Files.exists(offered)).isFalse();
    }

    /** A name code page 437 cannot hold: the batch file is written in one that can, which it sets with chcp, and the bottom line says which. */
    @Test
    void aBatchRunbookOfNames437CannotHoldIsWrittenInACodePageThatCan() throws Exception {
        rehearse.model.Cluster names = new rehearse.io.ClusterLoader(rehearse.io.MatrixLoader.builtIn())
                .load(Path.of("src/test/resources/cluster-names.yaml"));
        VirtualScreen v = new VirtualScreen(names, new Theme(true, false), 80, 24);
        v.keys(":target \"IIS 5.0\"").key(KeyType.Enter);
        export(v, dir.resolve("offered.md"), dir.resolve("names.cmd").toString(), List.of());
        assertThat(v.message().bad()).isFalse();
        assertThat(v.message().text()).isEqualTo("runbook (batch file, code page 850) written to " + dir.resolve("names.cmd"));
        String batch = new String(Files.readAllBytes(dir.resolve("names.cmd")), java.nio.charset.Charset.forName("IBM850"));
        assertThat(batch).contains("\r\nchcp 850 >nul\r\n").contains("\"Web Øst & <Co> | 100%% ^up\"");
    }

    @Test
    void aNameItCannotUseIsOneLineNeverACrash() throws Exception {
        VirtualScreen v = VirtualScreen.sample(80, 24);
        Path offered = dir.resolve("offered.md");
        export(v, offered, dir.resolve("notes.txt").toString(), List.of());
        assertThat(v.message().bad()).isTrue();
        assertThat(v.message().text()).startsWith("cannot tell what to write to " + dir.resolve("notes.txt") + " from its extension");
        assertThat(Files.exists(dir.resolve("notes.txt"))).isFalse();

        // A runbook follows a target: none chosen yet.
        export(v, offered, dir.resolve("x.cmd").toString(), List.of());
        assertThat(v.message().bad()).isTrue();
        assertThat(v.message().text()).isEqualTo("the runbook follows a target: choose one first ('target \"IIS 5.0\"')");

        // A directory that is not there.
        export(v, offered, dir.resolve("no/such/r.md").toString(), List.of());
        assertThat(v.message().bad()).isTrue();
        assertThat(v.message().text()).startsWith("cannot write " + dir.resolve("no/such/r.md") + ": ");
        assertThat(v.ui.quitRequested()).isFalse();
    }

    @Test
    void refusesALinkAPipeAndAnInputNamingTheCause() throws Exception {
        Path precious = dir.resolve("precious");
        Files.writeString(precious, "precious");
        Path link = Files.createSymbolicLink(dir.resolve("r.md"), precious);
        VirtualScreen v = export(link, List.of());
        assertThat(v.message().bad()).isTrue();
        assertThat(v.message().text()).isEqualTo("cannot write " + link + ": is a symbolic link; refusing to write through it"
                + " (remove it or choose another name)");
        assertThat(Files.readString(precious)).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(link)).isTrue();

        Path fifo = dir.resolve("fifo.md");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThat(export(fifo, List.of()).message().text()).isEqualTo("cannot write " + fifo
                + ": is a named pipe (FIFO); only a regular file is written");

        Path cluster = dir.resolve("cluster.md");
        Files.writeString(cluster, "cluster: X\n");
        assertThat(export(cluster, List.of(cluster)).message().text()).startsWith("cannot write " + cluster + ": is an input of this command");
        assertThat(Files.readString(cluster)).isEqualTo("cluster: X\n");
    }
}
