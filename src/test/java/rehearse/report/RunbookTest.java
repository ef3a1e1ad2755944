package rehearse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rehearse.io.MatrixLoader;
import rehearse.matrix.UpgradeKind;
import rehearse.matrix.UpgradeMatrix;
import java.util.Map;
import java.util.Optional;
import rehearse.plan.Hop;
import rehearse.plan.HopEstimate;
import rehearse.plan.StandardOption;
import rehearse.plan.Strategy;

/** The runbook: batch files in code pages, per-hop work and rollback, verification, restore and downtime. */
class RunbookTest {
    @TempDir Path dir;
    static final String NAMES = "src/test/resources/cluster-names.yaml";

    private byte[] batch(String cluster, String codepage) throws Exception {
        Path out = dir.resolve("runbook-" + codepage + ".cmd");
        ImportRunbookReportTest.Cli r = ImportRunbookReportTest.cli("runbook", "--cluster", cluster, "--to", "5.0", "--format", "cmd",
                "--codepage", codepage, "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return Files.readAllBytes(out);
    }

    @Test
    void batchFilesInTwoCodePagesMatchTheirGoldenFilesByteForByte() throws Exception {
        byte[] cp850 = batch(NAMES, "850");
        byte[] cp1252 = batch(NAMES, "1252");
        Golden.checkBytes("runbook-names-850.cmd", cp850);
        Golden.checkBytes("runbook-names-1252.cmd", cp1252);
        // The same name, in each code page's own bytes: Ø is 0x9D in 850 and 0xD8 in 1252.
        String group = "\"Web Øst & <Co> | 100%% ^up\"";
        assertThat(indexOf(cp850, group.getBytes(Charset.forName("IBM850")))).isPositive();
        assertThat(indexOf(cp1252, group.getBytes(Charset.forName("windows-1252")))).isPositive();
        String text = new String(cp850, Charset.forName("IBM850"));
        assertThat(text).startsWith("@echo off\r\nsetlocal DisableDelayedExpansion\r\nfor /f \"tokens=2 delims=:.\" %%c in ('chcp') do set /a REHEARSE_CODEPAGE=%%c >nul\r\nchcp 850 >nul\r\n");
        assertThat(new String(cp1252, Charset.forName("windows-1252"))).startsWith("@echo off\r\nsetlocal DisableDelayedExpansion\r\nfor /f \"tokens=2 delims=:.\" %%c in ('chcp') do set /a REHEARSE_CODEPAGE=%%c >nul\r\nchcp 1252 >nul\r\n");
        // Every way out but Ctrl-C goes through the end, which sets the caller's code page again.
        String[] all = text.split("\r\n");
        assertThat(text).doesNotContain("exit /b 1").contains("\r\n:rehearse_end\r\nif defined REHEARSE_CODEPAGE chcp %REHEARSE_CODEPAGE% >nul\r\n"
                + "endlocal & exit /b %REHEARSE_EXIT%\r\n");
        assertThat(all[all.length - 1]).isEqualTo("endlocal & exit /b %REHEARSE_EXIT%");
        assertThat(java.util.Arrays.stream(all).filter(l -> l.startsWith("exit ")).count()).isZero();
        // Every line ends in CRLF, and no bare LF or CR is left.
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void everyClusterExeCommandIsFollowedByAnErrorlevelCheckThatSaysWhereAndTheRollbackPoint() throws Exception {
        String[] lines = new String(batch(NAMES, "850"), Charset.forName("IBM850")).split("\r\n");
        int commands = 0;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("cluster ")) continue;
            commands++;
            assertThat(lines[i + 1]).as("after " + lines[i]).isEqualTo("if errorlevel 1 (");
            assertThat(lines[i + 2]).startsWith("  echo FAILED at ");
            assertThat(lines[i + 3]).startsWith("  echo The command that failed: cluster ");
            assertThat(lines[i + 4]).startsWith("  echo Rollback point: ");
            assertThat(lines[i + 5]).isEqualTo("  set REHEARSE_EXIT=1");
            assertThat(lines[i + 6]).isEqualTo("  goto rehearse_end");
        }
        assertThat(commands).isGreaterThan(20);
        String text = String.join("\n", lines);
        // Not on a node: the first thing after chcp and the comments.
        assertThat(text).contains("if /i \"%COMPUTERNAME%\"==\"NODEA\" goto on_a_node\nif /i \"%COMPUTERNAME%\"==\"NODEB\" goto on_a_node\n"
                + "goto checked\n:on_a_node\n");
        // A pause at the go/no-go and at each manual step.
        assertThat(text).contains("echo GO/NO-GO: GO if every other node is Up at IIS 5.0");
        assertThat(text.split("\npause\n", -1).length - 1).isGreaterThanOrEqualTo(4);
        // Special characters: quoted names keep & < > | ^ as they are, % doubled; echo and REM text escapes them with ^.
        assertThat(text).contains("echo The command that failed: cluster /cluster:WEBCLUSTER group 'Web Øst ^& ^<Co^> ^| 100%% ^^up'");
        assertThat(text).doesNotContain("echo \"");
        for (String l : lines) {
            if (l.startsWith("REM") || l.trim().startsWith("echo")) assertThat(l).doesNotContain("\"").doesNotEndWith("^");
        }
    }

    @Test
    void aNameTheCodePageCannotHoldIsOneLineNamingTheNameAndTheOption() {
        ImportRunbookReportTest.Cli r = ImportRunbookReportTest.cli("runbook", "--cluster", NAMES, "--to", "5.0", "--format", "cmd",
                "-o", dir.resolve("r.cmd").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo("rehearse runbook: the group name 'Web Øst & <Co> | 100% ^up' cannot be written in code page"
                + " 437 (--codepage 437); choose one that holds it: --codepage 850, 1252 or 65001");
        assertThat(dir.resolve("r.cmd")).doesNotExist();
        ImportRunbookReportTest.Cli bad = ImportRunbookReportTest.cli("runbook", "--to", "5.0", "--format", "cmd", "--codepage", "1251");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--codepage 1251 is not supported; use 437, 850, 852, 866, 1252 or 65001");
        // A code page asked for a Markdown runbook is said, not silently ignored.
        ImportRunbookReportTest.Cli md = ImportRunbookReportTest.cli("runbook", "--to", "5.0", "--codepage", "850");
        assertThat(md.code()).isEqualTo(2);
        assertThat(md.out()).isEmpty();
        assertThat(md.err().strip()).isEqualTo("rehearse runbook: --codepage is for the batch file (--format cmd); the Markdown runbook is"
                + " always UTF-8");
    }

    @Test
    void aNameWithADoubleQuoteIsRefusedNotChanged() throws Exception {
        Path cluster = dir.resolve("quote.yaml");
        Files.writeString(cluster, Files.readString(Path.of(NAMES)).replace("name: FTP Group", "name: 'FTP \"Group\"'"));
        ImportRunbookReportTest.Cli r = ImportRunbookReportTest.cli("runbook", "--cluster", cluster.toString(), "--to", "5.0");
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err().trim()).isEqualTo("rehearse runbook: the group name 'FTP \"Group\"' holds a double quote, which a cluster.exe"
                + " argument cannot carry: rename it on the cluster (and in the cluster file) first");
    }

    @Test
    void batchToStandardOutputIsAsciiOrRefused() {
        ImportRunbookReportTest.Cli ascii = ImportRunbookReportTest.cli("runbook", "--to", "5.0", "--format", "cmd");
        assertThat(ascii.code()).isZero();
        assertThat(ascii.out()).startsWith("@echo off\r\nsetlocal DisableDelayedExpansion\r\nfor /f \"tokens=2 delims=:.\" %%c in ('chcp') do set /a REHEARSE_CODEPAGE=%%c >nul\r\nchcp 437 >nul\r\n");
        ImportRunbookReportTest.Cli names = ImportRunbookReportTest.cli("runbook", "--cluster", NAMES, "--to", "5.0", "--format", "cmd",
                "--codepage", "850");
        assertThat(names.code()).isEqualTo(2);
        assertThat(names.err()).contains("is written with -o FILE");
    }

    @Test
    void eachHopSaysItsOwnManualStepAndRollback() {
        ImportRunbookReportTest.Cli r = ImportRunbookReportTest.cli("runbook", "--cluster", "src/test/resources/cluster-iis3sp3.yaml",
                "--to", "IIS 4.0 / SP4");
        assertThat(r.code()).as(r.err()).isZero();
        String md = r.out();
        // Hop 1, the service pack (rolling): installed keeping its uninstall folder, rolled back by uninstalling it.
        String hop1 = md.substring(md.indexOf("## Hop 1 of 2"), md.indexOf("## Hop 2 of 2"));
        assertThat(hop1).contains("rolling").contains("install Service Pack 4 for Windows NT 4.0 Enterprise Edition, keeping its"
                + " uninstall folder").contains("Rollback of this hop: uninstall Service Pack 4").doesNotContain("re-apply")
                .doesNotContain("Option Pack");
        // Hop 2, IIS 3.0 -> 4.0 (standard): the Option Pack, then the service pack again; rolled back from the backup.
        String hop2 = md.substring(md.indexOf("## Hop 2 of 2"), md.indexOf("## Restore"));
        assertThat(hop2).contains("standard").doesNotContain("rolling").contains("install IIS from the Windows NT"
                + " 4.0 Option Pack (to reach IIS 4.0 / SP4), then re-apply Service Pack 4")
                .contains("restore each upgraded node from the backup taken as this hop began");
        assertThat(md).contains("- [ ] Have Service Pack 4 for Windows NT 4.0 Enterprise Edition ready")
                .contains("- [ ] Have the IIS setup ready (the Windows NT 4.0 Option Pack), and Service Pack 4");
    }

    @Test
    void theWindows2000UpgradeHasNoUninstallAndNoServicePackToReapply() throws Exception {
        String md = Files.readString(Path.of("src/test/resources/golden/runbook-standard.md"));
        assertThat(md).doesNotContain("re-apply").doesNotContain("rolling").doesNotContain("uninstall Service Pack")
                .contains("run the Windows 2000 Advanced Server setup as an upgrade (it brings IIS 5.0)")
                .contains("(Windows 2000 Advanced Server has no uninstall)");
        String rolling = Files.readString(Path.of("src/test/resources/golden/runbook-sample.md"));
        assertThat(rolling).doesNotContain("re-apply").contains("rolling");
    }

    @Test
    void verificationCommandsCheckWhatTheyClaim() throws Exception {
        String md = Files.readString(Path.of("src/test/resources/golden/runbook-standard.md"));
        // The node's version after its upgrade, failback, and possible owners.
        assertThat(md).contains("Verify: `cluster /cluster:WEBCLUSTER node NODEA /prop`")
                .contains("NodeHighestVersion and NodeLowestVersion")
                .contains("`cluster /cluster:WEBCLUSTER group \"Web Group\" /prop`")
                .contains("`cluster /cluster:WEBCLUSTER resource \"Web Server\" /listowners`");
        // It ends with the restore: failback, possible owners, groups back to their first preferred owner.
        String restore = md.substring(md.indexOf("## Restore"));
        assertThat(restore).contains("AutoFailbackType=1").contains("/moveto:NODEA")
                .contains("Check that every possible owner the run changed is as it was before it.");
    }

    @Test
    void theDowntimeTableShowsThePlanAndTheOtherWayAgainstTheWindow() {
        ImportRunbookReportTest.Cli r = ImportRunbookReportTest.cli("runbook", "--to", "5.0", "--window", "30s");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("## Estimated IIS downtime (maintenance window 30s)\n\n| hop | group | as planned | within the window |\n")
                .contains("| 1 (rolling) | Web Group | 26s | yes |")
                .contains("| 1 (rolling) | service outage (wall clock) | 39s | **NO** |")
                .contains("39s, **beyond** the 30s maintenance window.");
    }

    @Test
    void tablesThatListAHopBothWaysGetItRehearsedTheOtherWayToo() throws Exception {
        String tables = new String(MatrixLoader.class.getResourceAsStream("/rehearse/upgrade-tables.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(tables).contains("  - {from: iis3-sp4, to: iis5}\n");
        Path both = dir.resolve("both-ways.yaml");
        Files.writeString(both, tables.replace("  - {from: iis3-sp4, to: iis5}\n", "  - {from: iis3-sp4, to: iis5}\n  - {from: iis4-sp4, to: iis5}\n"));
        ImportRunbookReportTest.Cli r = ImportRunbookReportTest.cli("runbook", "--matrix", both.toString(), "--to", "5.0");
        assertThat(r.code()).as(r.err()).isZero();
        // Planned rolling (rolling is preferred), and beside it the same hop rehearsed as a standard one: IIS down far longer.
        assertThat(r.out()).contains("| hop | group | as planned | within the window | the other way |")
                .containsPattern("\\| 1 \\(rolling\\) \\| service outage \\(wall clock\\) \\| 39s \\| yes \\| \\d+h \\d+m \\(standard, ")
                .contains("The other way, each hop that the tables list both ways done as standard");
        // With the built-in tables (no hop listed both ways) there is no such column.
        assertThat(ImportRunbookReportTest.cli("runbook", "--to", "5.0").out()).doesNotContain("the other way");
    }

    @Test
    void whereAHopHasAnAlternativeTheTableShowsItLabelled() {
        UpgradeMatrix m = MatrixLoader.builtIn();
        Hop hop = new Hop(m.byId("iis4-sp4").orElseThrow(), m.byId("iis5").orElseThrow(), UpgradeKind.ROLLING);
        Strategy rolling = new Strategy.Rolling(List.of("NODEA", "NODEB"));
        Strategy standard = new Strategy.Standard(StandardOption.RESTRICT, List.of("NODEA", "NODEB"));
        HopEstimate e = new HopEstimate(hop, rolling, new HopEstimate.Outage(rolling, 39_000, Map.of("Web Group", 26_000L), Optional.empty()),
                Optional.of(new HopEstimate.Outage(standard, 95_000, Map.of("Web Group", 95_000L), Optional.empty())));
        String table = new Downtime(List.of(e), 60_000).markdown();
        assertThat(table).contains("| hop | group | as planned | within the window | the other way |")
                .contains("| 1 (rolling) | Web Group | 26s | yes | 1m 35s (standard, IIS restricted to NODEB) |")
                .contains("| 1 (rolling) | service outage (wall clock) | 39s | yes | 1m 35s (standard, IIS restricted to NODEB) |")
                .contains("39s, within the 1m 00s maintenance window.")
                .contains("The other way, each hop that the tables list both ways done as standard, IIS restricted to NODEB: 1m 35s,"
                        + " **beyond** the window.");
    }

    @Test
    void nodeWorkFollowsThePlatformsNotTheLabels() {
        UpgradeMatrix m = MatrixLoader.builtIn();
        Hop sp = new Hop(m.byId("iis3-sp3").orElseThrow(), m.byId("iis3-sp4").orElseThrow(), UpgradeKind.ROLLING);
        Hop iis = new Hop(m.byId("iis3-sp4").orElseThrow(), m.byId("iis4-sp4").orElseThrow(), UpgradeKind.STANDARD);
        Hop os = new Hop(m.byId("iis4-sp4").orElseThrow(), m.byId("iis5").orElseThrow(), UpgradeKind.ROLLING);
        assertThat(NodeWork.of(m, sp, true)).isInstanceOf(NodeWork.ServicePack.class);
        assertThat(NodeWork.of(m, iis, true)).isInstanceOf(NodeWork.Iis.class);
        assertThat(NodeWork.of(m, os, true)).isInstanceOf(NodeWork.OperatingSystem.class);
        assertThat(List.of(NodeWork.of(m, sp, true).rollback(), NodeWork.of(m, iis, true).rollback(), NodeWork.of(m, os, true).rollback()))
                .satisfiesExactly(a -> assertThat(a).startsWith("uninstall Service Pack 4"),
                        b -> assertThat(b).contains("restore each upgraded node"), c -> assertThat(c).contains("has no uninstall"));
        // A later hop goes back to where it began, from the backup taken then, not the pre-flight one (of an earlier configuration).
        assertThat(NodeWork.of(m, os, true).rollback()).contains("from its pre-flight backup");
        assertThat(NodeWork.of(m, os, false).rollback()).contains("from the backup taken as this hop began").doesNotContain("pre-flight");
    }

    /** A plan of two hops, the second with no uninstall: that hop begins with a backup, and its rollback names it. */
    @Test
    void aLaterHopWithoutUninstallBeginsWithItsOwnBackup() throws Exception {
        Path out = dir.resolve("two-hops.runbook.md");
        ImportRunbookReportTest.Cli r = ImportRunbookReportTest.cli("runbook", "--cluster", "src/test/resources/cluster-iis3sp3.yaml", "--to", "5.0",
                "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String md = Files.readString(out);
        String hop2 = md.substring(md.indexOf("## Hop 2 of 2"));
        assertThat(hop2).contains("Rollback of this hop: restore each upgraded node from the backup taken as this hop began")
                .contains("back up every node (system state and data) and the cluster configuration, now at IIS 3.0 / SP4");
        assertThat(hop2.indexOf("back up every node")).isLessThan(hop2.indexOf("Pause"));
        String hop1 = md.substring(md.indexOf("## Hop 1 of 2"), md.indexOf("## Hop 2 of 2"));
        assertThat(hop1).doesNotContain("back up every node"); // the pre-flight backup serves the first hop
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
