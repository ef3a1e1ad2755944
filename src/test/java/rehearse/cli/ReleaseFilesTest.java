package rehearse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The man page and completions the release ships, made from the command specs. */
class ReleaseFilesTest {
    @TempDir Path share;

    private static String page() {
        return ManPage.render(ReleaseFiles.commandLine(), "9.9.9", "2026-12-01");
    }

    private static void everyCommand(CommandLine cl, List<CommandSpec> into) {
        if (cl.getCommandSpec().usageMessage().hidden()) return;
        into.add(cl.getCommandSpec());
        cl.getSubcommands().values().forEach(sub -> everyCommand(sub, into));
    }

    @Test
    void theManPageHasEveryCommandOptionExitCodeVariableAndFile() {
        String page = page();
        assertThat(page).startsWith(".\\\"").contains(".TH REHEARSE 1 \"2026\\-12\\-01\" \"rehearse 9.9.9\"")
                .contains(".SH NAME\nrehearse \\- rehearse the upgrade of a Microsoft Cluster Service cluster")
                .contains(".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS", ".SH COMMANDS", ".SH EXIT STATUS",
                        ".SH ENVIRONMENT", ".SH FILES");
        List<CommandSpec> commands = new java.util.ArrayList<>();
        everyCommand(ReleaseFiles.commandLine(), commands);
        for (CommandSpec c : commands) {
            if (c.parent() != null) assertThat(page).contains(".SS \"" + ManPage.text(c.qualifiedName()) + "\"");
            for (OptionSpec o : c.options()) {
                if (o.usageHelp() || o.versionHelp()) continue;
                assertThat(page).as(c.qualifiedName()).contains("\\fB" + ManPage.text(o.longestName()) + "\\fR");
            }
        }
        assertThat(page).doesNotContain("cds-train");
        for (String code : HelpSections.exitCodes().keySet()) assertThat(page).contains(".TP\n\\fB" + code + "\\fR\n");
        for (String variable : List.of("NO_COLOR", "XDG_STATE_HOME", "TERM")) assertThat(page).contains("\\fB" + variable);
        assertThat(page).contains("\\fBcrash\\-*.txt\\fR", "\\fBjournal\\-*.jsonl\\fR", "\\fBhistory\\fR");
        assertThat(page).contains(".nf\ncluster /cluster:NAME node > nodes.txt\n");
    }

    @Test
    void textCannotBreakTheMarkup() {
        assertThat(ManPage.text(".hidden")).isEqualTo("\\&.hidden");
        assertThat(ManPage.text("'quoted'")).isEqualTo("\\&'quoted'");
        assertThat(ManPage.text("owners\\R.txt")).isEqualTo("owners\\eR.txt");
        assertThat(ManPage.text("--no-color or -o, IIS 4.0 -> 5.0, go/no-go, pre-flight"))
                .isEqualTo("\\-\\-no\\-color or \\-o, IIS 4.0 \\-> 5.0, go/no\\-go, pre\\-flight");
        assertThat(ManPage.text("crash-*.txt")).isEqualTo("crash\\-*.txt");
        for (String line : page().split("\n")) {
            if (line.startsWith(".") || line.startsWith("'")) {
                assertThat(line).as("a request line").matches("\\.(\\\\\"|TH|SH|SS|PP|TP|RS|RE|nf|fi|nh|ad|br)( .*)?");
            }
        }
    }

    @Test
    void groffReadsThePageWithoutAWarning() throws Exception {
        Process probe;
        try {
            probe = new ProcessBuilder("groff", "-v").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            assumeTrue(probe.waitFor() == 0, "groff runs");
        } catch (java.io.IOException e) {
            assumeTrue(false, "groff is not installed");
        }
        Path file = Files.writeString(share.resolve("rehearse.1"), page());
        Process p = new ProcessBuilder("groff", "-man", "-ww", "-z", file.toString()).redirectErrorStream(true).start();
        String warnings = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(warnings).isEmpty();
    }

    @Test
    void theFilesGoWhereTheReleaseLooksForThem() throws Exception {
        ReleaseFiles.write(share, "2026-12-01");
        assertThat(Files.readString(share.resolve("man/man1/rehearse.1"))).startsWith(".\\\"");
        String bash = Files.readString(share.resolve("bash-completion/completions/rehearse"));
        assertThat(bash).contains("complete -F _complete_rehearse").contains("show matrix plan check sample run shell import runbook")
                .doesNotContain("cds-train");
        String zsh = Files.readString(share.resolve("zsh/site-functions/_rehearse"));
        assertThat(zsh).startsWith("#compdef rehearse\n").endsWith("_bash_complete -F _complete_rehearse -o default\n")
                .contains("bashcompinit");
    }
}
