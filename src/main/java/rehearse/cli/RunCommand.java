package rehearse.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.io.ClusterLoader;
import rehearse.io.InputException;
import rehearse.io.YamlInput;
import rehearse.journal.JournalWriter;
import rehearse.script.Script;
import rehearse.script.ScriptRunner;
import rehearse.sim.Session;

@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run a rehearsal script headless and print its transcript.",
            "Exit 0 when every command was accepted (or refused where 'expect refused' follows) and",
            "every expect held; 1 otherwise; 65 when the script or cluster file does not parse."})
public final class RunCommand implements Callable<Integer> {
    @Mixin Inputs inputs;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "SCRIPT", description = "The script (the command language; see 'help' in README).")
    Path scriptFile;

    @Mixin SessionOptions sessionOptions;

    @Option(names = "--json", description = "Print the transcript as JSON lines.")
    boolean json;

    @Mixin ReportOptions report;

    @Override
    public Integer call() {
        Script script;
        try {
            script = Script.parse(scriptFile.toString(), YamlInput.decode(scriptFile.toString(), ClusterLoader.read(scriptFile)));
        } catch (InputException e) {
            throw Inputs.dataError(e);
        }
        SessionOptions.Opened opened = sessionOptions.open(inputs, false);
        Session session = opened.session();
        JournalWriter journal = opened.journal();
        int after = opened.afterLine();
        boolean ok = new ScriptRunner(spec.commandLine().getOut(), json, journal).run(session, script, after);
        report.write(session);
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException e) {
                throw new Failure(ExitCodes.CANT_CREATE, "rehearse: the journal could not be written completely: " + e.getMessage());
            }
        }
        return ok ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
