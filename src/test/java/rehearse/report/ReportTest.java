package rehearse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rehearse.base.Failure;
import rehearse.io.ClusterLoader;
import rehearse.io.MatrixLoader;
import rehearse.session.Session;
import rehearse.session.Timeline;
import rehearse.sim.Engine;
import rehearse.sim.Event;

/** The rehearsal report in Markdown and HTML: faults with their own consequences, the timeline, escaping, exports. */
class ReportTest {
    @TempDir Path dir;

    static Session rehearse(String cluster, String... lines) throws Exception {
        Session s = new Session(Engine.start(MatrixLoader.builtIn(), new ClusterLoader(MatrixLoader.builtIn()).load(Path.of(cluster))));
        for (String l : lines) s.submit(l, true);
        return s;
    }

    static Session script(String cluster, String script) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(script)).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        return rehearse(cluster, lines.toArray(String[]::new));
    }

    @Test
    void htmlReportOfARehearsalWithAFaultMatchesItsGoldenFile() throws Exception {
        Path report = dir.resolve("report.html");
        ImportRunbookReportTest.Cli r = ImportRunbookReportTest.cli("run", "src/test/resources/fault.rh", "--report", report.toString());
        assertThat(r.code()).as(r.out()).isZero();
        String html = Files.readString(report);
        Golden.check("report-fault.html", html);
        // Self-contained: nothing fetched, nothing run.
        assertThat(html.toLowerCase(java.util.Locale.ROOT)).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
                .doesNotContain("href=").doesNotContain("url(").doesNotContain("@import");
        assertThat(html).contains("@page { size: A4;").contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\"")
                .contains("<h2>Verdict</h2>").contains("Maintenance window: 2h 00m").contains("<h2>Runbook commands the rehearsal exercised</h2>")
                .contains("<h2>Faults and how they were handled</h2>");
    }

    @Test
    void eachFaultListsOnlyItsOwnConsequences() throws Exception {
        Session s = script("src/main/resources/rehearse/sample-cluster.yaml", "src/test/resources/fault2.rh");
        List<FaultStory> faults = FaultStory.of(s, Timeline.of(s));
        assertThat(faults).hasSize(2);
        FaultStory node = faults.get(0);
        FaultStory resource = faults.get(1);
        assertThat(node.fault()).isEqualTo(new Event.NodeFails("NODEB"));
        // The node's story: from its landing (not the upgrade under way when it was armed) to its recovery, nothing of the resource.
        assertThat(node.consequences()).noneMatch(e -> e instanceof Event.ResourceChanged || e instanceof Event.FaultInjected fi
                && fi.fault() instanceof Event.ResourceFails);
        assertThat(node.consequences()).first().isEqualTo(new Event.FaultInjected(node.landed().getAsLong(), new Event.NodeFails("NODEB")));
        assertThat(node.consequences()).anyMatch(e -> e instanceof Event.ClusterLost);
        assertThat(node.operator()).extracting(r -> r.command().text()).containsExactly("restore NODEB");
        assertThat(node.recovered()).isPresent();
        assertThat(resource.consequences()).noneMatch(e -> e instanceof Event.ClusterLost || e instanceof Event.NodeChanged);
        assertThat(resource.consequences()).anyMatch(e -> e instanceof Event.ResourceChanged rc && rc.resource().equals("Web Server"));
        assertThat(resource.outageMs()).isPositive().isLessThanOrEqualTo(resource.recovered().getAsLong() - resource.landed().getAsLong());
        String md = RehearsalReport.markdown(s, 7_200_000);
        String first = md.substring(md.indexOf("- `fail node NODEB after 10m`"), md.indexOf("- `fail resource"));
        assertThat(first).doesNotContain("Web Server").contains("recovered at").contains("of service outage");
    }

    /** A fault armed first for later lands last: the stories go in the order the faults happened, each with its own recovery. */
    @Test
    void faultsAreToldInTheOrderTheyLanded() throws Exception {
        Session s = script("src/main/resources/rehearse/sample-cluster.yaml", "src/test/resources/fault-order.rh");
        List<FaultStory> faults = FaultStory.of(s, Timeline.of(s));
        assertThat(faults).extracting(FaultStory::fault).containsExactly(new Event.ResourceFails("Web Server", 1), new Event.NodeFails("NODEB"));
        assertThat(faults.get(0).landed().getAsLong()).isLessThan(faults.get(1).landed().getAsLong());
        assertThat(faults.get(0).operator()).isEmpty(); // the cluster restarted IIS itself
        assertThat(faults.get(0).recovered().getAsLong()).isLessThan(faults.get(1).landed().getAsLong());
        assertThat(faults.get(1).operator()).extracting(r -> r.command().text()).contains("restore NODEB");
        String md = RehearsalReport.markdown(s, 7_200_000);
        assertThat(md.indexOf("- `fail resource \"Web Server\"`")).isPositive().isLessThan(md.indexOf("- `fail node NODEB after 30m`"));
    }

    @Test
    void aFaultNotRecoveredFromIsSaidSo() throws Exception {
        Session s = rehearse("src/test/resources/cluster-iis3sp4.yaml", "fail node NODEA", "fail node NODEB");
        List<FaultStory> faults = FaultStory.of(s, Timeline.of(s));
        assertThat(faults).hasSize(2);
        assertThat(faults.get(0).recovered()).isEmpty();
        assertThat(faults.get(1).recovered()).isEmpty();
        assertThat(faults.get(1).overlapped()).extracting(r -> r.command().text()).containsExactly("fail node NODEA");
        String md = RehearsalReport.markdown(s, 7_200_000);
        assertThat(md).contains("while 'fail node NODEA' was not yet recovered from").contains("NOT recovered by the end of the rehearsal")
                .contains("**NOT PASSED: no target was chosen");
    }

    @Test
    void overlappingFaultsEachGetTheirOwnRecovery() throws Exception {
        Session s = script("src/main/resources/rehearse/sample-cluster.yaml", "src/test/resources/fault-overlap.rh");
        List<FaultStory> faults = FaultStory.of(s, Timeline.of(s));
        assertThat(faults).extracting(FaultStory::fault).containsExactly(new Event.NodeFails("NODEB"), new Event.ResourceFails("Web Server", 1));
        FaultStory node = faults.get(0);
        FaultStory resource = faults.get(1);
        // The node's fault is recovered from by restoring the node, not cut short by the resource's fault landing meanwhile.
        assertThat(node.recovered()).isPresent();
        assertThat(node.operator()).extracting(r -> r.command().text()).contains("restore NODEB");
        assertThat(node.consequences()).anyMatch(e -> e instanceof Event.ClusterLost).anyMatch(e -> e instanceof Event.CannotFailOver)
                .noneMatch(e -> e instanceof Event.ResourceChanged);
        assertThat(node.outageMs()).isPositive();
        // The resource's fault: only its own failure; no credit for the node's restore; the outage the node caused counted once.
        assertThat(resource.overlapped()).extracting(r -> r.command().text()).containsExactly("fail node NODEB after 10m");
        assertThat(resource.operator()).isEmpty();
        assertThat(resource.consequences()).noneMatch(e -> e instanceof Event.ClusterLost || e instanceof Event.CannotFailOver
                || e instanceof Event.NodeChanged).anyMatch(e -> e instanceof Event.ResourceChanged rc && rc.resource().equals("Web Server"));
        assertThat(resource.outageMs()).isZero();
        String md = RehearsalReport.markdown(s, 7_200_000);
        String html = ReportHtml.of(s, 7_200_000);
        List<String[]> parts = List.of(new String[] {md, "- `fail node NODEB", "- `fail resource", "'"},
                new String[] {html, "<li><code>fail node NODEB", "<li><code>fail resource", "&#39;"});
        for (String[] p : parts) {
            String first = p[0].substring(p[0].indexOf(p[1]), p[0].indexOf(p[2]));
            String second = p[0].substring(p[0].indexOf(p[2]), p[0].indexOf("Downtime against"));
            assertThat(first).contains("recovered at").contains("restore NODEB").contains("cannot fail over").doesNotContain("Web Server");
            assertThat(second).contains("while " + p[3] + "fail node NODEB after 10m" + p[3] + " was not yet recovered from")
                    .doesNotContain("restore NODEB").doesNotContain("cannot fail over");
        }
    }

    @Test
    void aFaultsRecoveryIsNotTheCommandsGivenBeforeItAtTheSameMoment() throws Exception {
        Session s = script("src/main/resources/rehearse/sample-cluster.yaml", "src/test/resources/fault-armed-first.rh");
        List<FaultStory> faults = FaultStory.of(s, Timeline.of(s));
        assertThat(faults).extracting(FaultStory::fault).containsExactly(new Event.ResourceFails("Web Server", 4), new Event.NodeFails("NODEB"));
        assertThat(faults.get(0).landed().getAsLong()).isLessThan(faults.get(1).landed().getAsLong());
        // Its recovery was the cluster's failover: nothing the operator did before the fault counts.
        assertThat(faults.get(0).operator()).isEmpty();
        assertThat(faults.get(0).failedOver()).isTrue();
        String md = RehearsalReport.markdown(s, 7_200_000);
        assertThat(md.indexOf("- `fail resource")).isLessThan(md.indexOf("- `fail node NODEB after 1m`"));
        String html = ReportHtml.of(s, 7_200_000);
        assertThat(html.indexOf("<li><code>fail resource")).isPositive().isLessThan(html.indexOf("<li><code>fail node NODEB after 1m"));
    }

    /** The restore's move ran; a failover after it moved a group off its preferred owner: it is not "not reached". */
    @Test
    void aStepThatRanAndWasUndoneIsNotSaidNotReached() throws Exception {
        Session s = rehearse("src/main/resources/rehearse/sample-cluster.yaml", "target \"IIS 5.0\"", "ack preflight", "run",
                "fail resource \"Web Server\" times 4", "wait");
        List<Rehearsal.ExercisedStep> steps = Rehearsal.of(s, 7_200_000).runbookSteps();
        assertThat(steps).isNotEmpty().noneMatch(e -> e.status().equals("not reached"));
        assertThat(steps).filteredOn(e -> e.section().equals("Restore")).extracting(Rehearsal.ExercisedStep::status)
                .contains("done, then undone by what followed");
        // Not run at all: still "not reached".
        Session early = rehearse("src/main/resources/rehearse/sample-cluster.yaml", "target \"IIS 5.0\"", "ack preflight", "step");
        assertThat(Rehearsal.of(early, 7_200_000).runbookSteps()).filteredOn(e -> e.section().equals("Restore"))
                .extracting(Rehearsal.ExercisedStep::status).containsOnly("not reached");
    }

    @Test
    void aFaultARewindUndidIsNotTheCurrentBranchs() throws Exception {
        Session s = script("src/main/resources/rehearse/sample-cluster.yaml", "src/test/resources/what-if.rh");
        assertThat(FaultStory.of(s, Timeline.of(s))).isEmpty();
        String md = RehearsalReport.markdown(s, 7_200_000);
        assertThat(md).contains("## Branches").contains("No fault in the rehearsal as it stands: the faults injected were undone by a"
                + " rewind").contains("`fail node NODEB`");
        assertThat(ReportHtml.of(s, 7_200_000)).contains("No fault in the rehearsal as it stands");
    }

    @Test
    void namesFromInputAreEscapedForHtmlAndMermaid() throws Exception {
        Session s = rehearse("src/test/resources/cluster-names.yaml", "target \"IIS 5.0\"", "ack preflight", "run");
        String html = ReportHtml.of(s, 7_200_000);
        assertThat(html).doesNotContain("<Co>").contains("<text x=\"4\" y=\"22\" class=\"row\">Web Øst &amp; &lt;Co&gt; | 100% ^up</text>")
                .doesNotContain("\"Web Øst");
        String md = RehearsalReport.markdown(s, 7_200_000);
        String gantt = md.substring(md.indexOf("```mermaid"), md.indexOf("```\n", md.indexOf("```mermaid") + 3));
        assertThat(gantt).contains("    section Web Øst #38; #60;Co#62; #124; 100#37; #94;up\n").doesNotContain("<Co>");
        // A task's name holds no colon: the first one ends it.
        for (String l : gantt.split("\n")) {
            if (l.contains(" :")) assertThat(l.substring(0, l.indexOf(" :"))).as(l).doesNotContain(":");
        }
        assertThat(Gantt.escape("a:b#c;d%e<f>&\"")).isEqualTo("a#58;b#35;c#59;d#37;e#60;f#62;#38;#34;");
        assertThat(md).contains("Web Øst & &lt;Co> \\| 100% ^up");
    }

    @Test
    void exportsChooseTheFormatByExtensionAndRefuseAnUnknownOne() throws Exception {
        Session s = script("src/main/resources/rehearse/sample-cluster.yaml", "src/test/resources/fault.rh");
        assertThat(Exports.kind(Path.of("a/report.MD"))).isEqualTo(Exports.Kind.REPORT_MARKDOWN);
        assertThat(Exports.kind(Path.of("report.htm"))).isEqualTo(Exports.Kind.REPORT_HTML);
        assertThat(Exports.kind(Path.of("x.runbook.md"))).isEqualTo(Exports.Kind.RUNBOOK_MARKDOWN);
        assertThat(Exports.kind(Path.of("x.bat"))).isEqualTo(Exports.Kind.RUNBOOK_BATCH);
        assertThatThrownBy(() -> Exports.kind(Path.of("report.txt"))).isInstanceOf(Failure.class)
                .hasMessage("rehearse: cannot tell what to write to report.txt from its extension: .md or .html for the report,"
                        + " .runbook.md or .cmd (.bat) for the runbook")
                .extracting(f -> ((Failure) f).code()).isEqualTo(2);
        Path html = dir.resolve("r.html");
        Exports.write(html, s, 7_200_000, CodePage.of(437).orElseThrow(), List.of());
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
        Path cmd = dir.resolve("r.cmd");
        Exports.write(cmd, s, 7_200_000, CodePage.of(437).orElseThrow(), List.of());
        assertThat(new String(Files.readAllBytes(cmd), StandardCharsets.US_ASCII)).startsWith("@echo off\r\nsetlocal DisableDelayedExpansion\r\nfor /f \"tokens=2 delims=:.\" %%c in ('chcp') do set /a REHEARSE_CODEPAGE=%%c >nul\r\nchcp 437 >nul\r\n");
        Session none = rehearse("src/test/resources/cluster-iis3sp4.yaml");
        assertThatThrownBy(() -> Exports.write(dir.resolve("n.cmd"), none, 1000, CodePage.of(437).orElseThrow(), List.of()))
                .isInstanceOf(Failure.class).hasMessageContaining("the runbook follows a target");
        assertThat(dir.resolve("n.cmd")).doesNotExist();
    }
}
