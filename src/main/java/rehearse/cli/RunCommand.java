package rehearse.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import rehearse.journal.Journal;
import rehearse.journal.JournalWriter;
import rehearse.script.Script;
import rehearse.script.ScriptRunner;
import rehearse.sim.Rehearsal;
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

    @Option(names = "--cluster", paramLabel = "FILE", description = "Cluster file (default: the built-in sample).")
    Path clusterFile;

    @Option(names = "--journal", paramLabel = "FILE", description = "Write a journal (JSON lines) to replay or resume the run.")
    Path journalFile;

    @Option(names = "--resume", paramLabel = "JOURNAL",
            description = "Rebuild the state a killed run left in JOURNAL, then go on with the script after its last line.")
    Path resumeFile;

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
        Session session;
        int after = 0;
        JournalWriter journal = null;
        try {
            if (resumeFile != null) {
                Journal j = Journal.read(resumeFile);
                session = j.replay(resumeFile.toString());
                after = j.lastScriptLine();
                journal = JournalWriter.append(resumeFile);
            } else {
                byte[] source = clusterFile == null ? ClusterLoader.sampleBytes() : ClusterLoader.read(clusterFile);
                session = new Session(new Rehearsal(inputs.matrix(), inputs.cluster(clusterFile)));
                if (journalFile != null) {
                    journal = JournalWriter.create(journalFile, session.engine().cluster().name(),
                            new String(source, StandardCharsets.UTF_8), inputs.matrixSource());
                }
            }
        } catch (InputException e) {
            throw Inputs.dataError(e);
        } catch (IOException e) {
            throw new Failure(ExitCodes.CANT_CREATE, "rehearse: cannot write the journal: " + e.getMessage());
        }
        if (journal != null) session.record(journal);
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
