package rehearse.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.base.ExitCodes;
import rehearse.base.Failure;
import rehearse.base.Tty;
import rehearse.explore.Exploration;
import rehearse.explore.Explorer;
import rehearse.explore.RecoveryPolicy;
import rehearse.io.Json;
import rehearse.io.OutputFile;
import rehearse.matrix.Configuration;
import rehearse.plan.Targets;
import rehearse.report.ExplorationJson;
import rehearse.report.ExplorationReport;
import rehearse.report.ExplorationText;
import rehearse.sim.Engine;
import rehearse.sim.State;
import rehearse.text.Refusals;

/** {@code rehearse explore}: every fault at every point of the plan, with the recovery policy after each. */
public final class ExploreCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "explore",
            "Rehearse every fault the command language knows at every point of the plan where its outcome can differ.",
            "After each fault the recovery policy is followed (README, Exploring). Prints a matrix of steps x faults, each"
                    + " cell the IIS outage or 'stuck', then the worst scenarios with their reasons; each scenario has the"
                    + " script that replays it with 'rehearse run'.",
            "Exit 0 when the exploration ran (whatever it found), 1 when no supported path leads to the target, 2 on a"
                    + " usage error, 65 when an input file cannot be used, 73 when the report cannot be written.");
    private final Inputs inputs = new Inputs(spec);
    private final Value<Path> clusterFile = Specs.option(spec, "--cluster", "FILE", Path.class,
            "Cluster file (default: the built-in sample).");
    private final Value<String> to = Specs.required(spec, "--to", "CONFIG", String.class, "Target configuration, e.g. \"IIS 5.0\".");
    private final Value<String> faults = Specs.withDefault(spec, "--faults", "single|double", String.class, "single",
            "Single: each fault at each point; double: also every pair, the second at every point after the first.");
    private final Value<String> window = Specs.option(spec, "--window", "DURATION", String.class,
            "The IIS outage a scenario may cause, such as 2h (default: the plan's own outage without faults).");
    private final Value<Integer> threads = Specs.option(spec, "--threads", "N", Integer.class,
            "Scenarios rehearsed at once (default: the machine's processors); the output is the same whatever N.");
    private final Value<Boolean> json = Specs.flag(spec, "--json", "Print JSON instead of text.");
    private final Value<Path> report = Specs.option(spec, "--report", "FILE", Path.class,
            "Also write the exploration report (Markdown: a .html name is refused) to FILE.");

    @Override
    public Integer call() {
        List<Path> inputsRead = Arrays.asList(clusterFile.value(), inputs.matrixFile());
        boolean pairs = faultsWanted();
        long windowMs = windowMs();
        int n = threads();
        Path reportFile = report.value();
        if (reportFile != null && rehearse.report.Exports.reportKind(reportFile) == rehearse.report.Exports.Kind.REPORT_HTML) {
            // Better a usage error before the work than Markdown in a file a browser would open as HTML.
            throw new Failure(ExitCodes.USAGE, "rehearse explore: the exploration report is Markdown: name it .md, not "
                    + rehearse.base.Printable.clean(reportFile.toString()));
        }
        String unusable = reportFile == null ? null : OutputFile.problemBeforeWork(reportFile, inputsRead);
        if (unusable != null) throw new Failure(ExitCodes.CANT_CREATE, "rehearse explore: cannot write the report " + reportFile + ": " + unusable);
        Configuration target = inputs.config(to.value(), "--to");
        State start = Engine.start(inputs.matrix(), inputs.cluster(clusterFile.value()));
        Targets.Result chosen = Targets.choose(start, target);
        if (chosen.refusal().isPresent()) throw new Failure(ExitCodes.FAILED, "rehearse explore: " + Refusals.of(chosen.refusal().get()));
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar bar = Tty.stderrIsTerminal() ? new ProgressBar(err) : null;
        Exploration x = Explorer.explore(start, chosen.target().orElseThrow(),
                new Explorer.Options(n, pairs, windowMs, RecoveryPolicy.STANDARD, bar));
        if (bar != null) bar.clear();
        PrintWriter out = spec.commandLine().getOut();
        if (json.value()) out.println(Json.write(ExplorationJson.of(x)));
        else out.print(ExplorationText.render(x));
        out.flush();
        if (reportFile != null) {
            try {
                OutputFile.write(reportFile, ExplorationReport.markdown(x), inputsRead);
            } catch (OutputFile.Refused e) {
                throw new Failure(ExitCodes.CANT_CREATE, "rehearse explore: cannot write the report " + reportFile + ": " + e.getMessage());
            }
        }
        // The plan stops with no fault: nothing was explored (the output says why).
        return x.baseline().completes() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private boolean faultsWanted() {
        String f = faults.value();
        if (f.equalsIgnoreCase("single")) return false;
        if (f.equalsIgnoreCase("double")) return true;
        throw new Failure(ExitCodes.USAGE, "rehearse explore: --faults wants single or double, got '" + f + "'");
    }

    /** The window, or -1 for the baseline's own outage. */
    private long windowMs() {
        String w = window.value();
        if (w == null) return -1;
        return ReportOptions.windowMs(w);
    }

    private int threads() {
        Integer t = threads.value();
        if (t == null) return Runtime.getRuntime().availableProcessors();
        if (t < 1 || t > 256) throw new Failure(ExitCodes.USAGE, "rehearse explore: --threads wants 1 to 256, got " + t);
        return t;
    }
}
