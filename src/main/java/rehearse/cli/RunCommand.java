package rehearse.cli;

import rehearse.base.ExitCodes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.io.ClusterLoader;
import rehearse.io.InputException;
import rehearse.io.YamlInput;
import rehearse.journal.JournalWriter;
import rehearse.script.Script;
import rehearse.script.ScriptRunner;
import rehearse.session.Session;

/** {@code rehearse run SCRIPT}: a rehearsal script, headless. */
public final class RunCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "run",
            "Run a rehearsal script headless and print its transcript.",
            "Exit 0 when every command was accepted (or refused where 'expect refused' follows) and every expect held,"
                    + " 1 otherwise, and 65 when the script or the cluster file does not parse.");
    private final Inputs inputs = new Inputs(spec);
    private final Value<Path> scriptFile = Specs.parameter(spec, "SCRIPT", Path.class,
            "The script, in the command language (see README, or 'help' in the shell).");
    private final SessionOptions sessionOptions = new SessionOptions(spec);
    private final Value<Boolean> json = Specs.flag(spec, "--json", "Print the transcript as JSON lines.");
    private final ReportOptions report = new ReportOptions(spec);

    @Override
    public Integer call() {
        List<Path> files = new ArrayList<>(sessionOptions.files());
        files.add(scriptFile.value());
        files.add(inputs.matrixFile());
        report.validate(files);
        Script script;
        try {
            Path file = scriptFile.value();
            script = Script.parse(file.toString(), YamlInput.decode(file.toString(), ClusterLoader.read(file)));
        } catch (InputException e) {
            throw Inputs.dataError(e);
        }
        SessionOptions.Opened opened = sessionOptions.open(inputs, false);
        Session session = opened.session();
        JournalWriter journal = opened.journal();
        int after = opened.afterLine();
        java.util.Optional<rehearse.io.Problem> foreign = ScriptRunner.notThisScript(String.valueOf(opened.journalPath()), script,
                opened.replayed());
        if (foreign.isPresent()) {
            closeQuietly(journal);
            throw Inputs.dataError(new InputException(foreign.get()));
        }
        boolean ok;
        try {
            ok = new ScriptRunner(spec.commandLine().getOut(), json.value(), journal).run(session, script, after, opened.replayed());
        } catch (JournalWriter.WriteFailed e) {
            closeQuietly(journal);
            throw SessionOptions.journalFailed(opened.journalPath(), e);
        }
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException e) {
                throw SessionOptions.journalFailed(opened.journalPath(), e);
            }
        }
        report.write(session, files);
        return ok ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static void closeQuietly(JournalWriter journal) {
        try {
            journal.close();
        } catch (IOException ignored) {
            // the failure being reported is the first one
        }
    }
}
