package rehearse.cli;

import rehearse.base.ExitCodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.base.Failure;
import rehearse.io.OutputFile;
import rehearse.matrix.Configuration;
import rehearse.model.Cluster;
import rehearse.plan.Targets;
import rehearse.report.CodePage;
import rehearse.report.Runbook;
import rehearse.report.RunbookBatch;
import rehearse.sim.Engine;
import rehearse.sim.State;
import rehearse.text.Refusals;

/** {@code rehearse runbook}: the operator's runbook, Markdown or batch. */
public final class RunbookCommand implements Callable<Integer> {
    enum Format { md, cmd }

    final CommandSpec spec = Specs.command(this, "runbook",
            "Write the runbook of the upgrade to a target configuration, as Markdown or a Windows batch file.",
            "It holds the pre-flight checklist; every step with its exact cluster.exe commands, expected state, checks,"
                    + " go/no-go points and rollback; the restore of changed settings; and the estimated downtime.");
    private final Inputs inputs = new Inputs(spec);
    private final Value<Path> clusterFile = Specs.option(spec, "--cluster", "FILE", Path.class,
            "Cluster file (default: the built-in sample).");
    private final Value<String> to = Specs.required(spec, "--to", "CONFIG", String.class, "Target configuration, e.g. \"IIS 5.0\".");
    private final Value<Path> output = Specs.option(spec, "-o, --output", "FILE", Path.class,
            "Write to FILE instead of standard output.");
    private final Value<Format> format = Specs.withDefault(spec, "--format", "md|cmd", Format.class, "md",
            "Markdown (md, the default) or a Windows batch file (cmd).");
    private final Value<Integer> codepage = Specs.withDefault(spec, "--codepage", "N", Integer.class, String.valueOf(CodePage.DEFAULT),
            "The code page of the batch file, set in it with chcp: " + CodePage.numbers(CodePage.supported())
                    + " (default: ${DEFAULT-VALUE}).");
    private final Value<String> window = Specs.withDefault(spec, "--window", "DURATION", String.class, "2h",
            "The maintenance window the estimated downtime is judged against (default: ${DEFAULT-VALUE}).");

    @Override
    public Integer call() {
        Path output = this.output.value();
        long windowMs = ReportOptions.windowMs(window.value());
        Optional<CodePage> page = CodePage.of(codepage.value());
        if (format.value() != Format.cmd && spec.commandLine().getParseResult().hasMatchedOption("--codepage")) {
            // Said rather than ignored: the operator expects a file in that code page and would get UTF-8.
            throw new Failure(ExitCodes.USAGE, "rehearse runbook: --codepage is for the batch file (--format cmd); the Markdown runbook is"
                    + " always UTF-8");
        }
        if (page.isEmpty()) {
            throw new Failure(ExitCodes.USAGE, "rehearse runbook: --codepage " + codepage.value() + " is not supported; use "
                    + CodePage.numbers(CodePage.supported()));
        }
        String unusable = output == null ? null : OutputFile.problem(output, Arrays.asList(clusterFile.value(), inputs.matrixFile()));
        if (unusable != null) throw new Failure(ExitCodes.CANT_CREATE, "rehearse runbook: cannot write " + output + ": " + unusable);
        Cluster cluster = inputs.cluster(clusterFile.value());
        Configuration target = inputs.config(to.value(), "--to");
        State state = Engine.start(inputs.matrix(), cluster);
        Targets.Result chosen = Targets.choose(state, target);
        if (chosen.refusal().isPresent()) throw new Failure(ExitCodes.FAILED, "rehearse runbook: " + Refusals.of(chosen.refusal().get()));
        Runbook rb = Runbook.of(state, chosen.target().orElseThrow(), windowMs);
        rb.unquotable().ifPresent(p -> {
            throw new Failure(ExitCodes.DATA, "rehearse runbook: " + p);
        });
        byte[] bytes;
        String text;
        if (format.value() == Format.cmd) {
            RunbookBatch batch = rb.batch(page.get());
            batch.problem().ifPresent(p -> {
                throw new Failure(ExitCodes.USAGE, "rehearse runbook: " + p);
            });
            bytes = batch.bytes();
            text = batch.text();
            if (output == null && !Arrays.equals(bytes, text.getBytes(StandardCharsets.UTF_8))) {
                throw new Failure(ExitCodes.USAGE, "rehearse runbook: a batch file in code page " + page.get().number()
                        + " that holds characters beyond ASCII is written with -o FILE, byte for byte (standard output is text)");
            }
        } else {
            text = rb.markdown();
            bytes = text.getBytes(StandardCharsets.UTF_8);
        }
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            try {
                OutputFile.write(output, bytes, Arrays.asList(clusterFile.value(), inputs.matrixFile()));
            } catch (OutputFile.Refused e) {
                throw new Failure(ExitCodes.CANT_CREATE, "rehearse runbook: cannot write " + output + ": " + e.getMessage());
            }
        }
        return ExitCodes.OK;
    }
}
