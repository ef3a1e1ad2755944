package rehearse.cli;

import rehearse.base.ExitCodes;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.Curses;
import org.jline.utils.InfoCmp;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.base.Failure;
import rehearse.base.TerminalType;
import rehearse.base.Tty;
import rehearse.io.InputException;
import rehearse.io.InputFile;
import rehearse.io.IoErrors;
import rehearse.io.YamlInput;
import rehearse.journal.JournalWriter;
import rehearse.journal.PrivateFile;
import rehearse.journal.StateDir;
import rehearse.script.Script;
import rehearse.script.ScriptRunner;
import rehearse.shell.Shell;
import rehearse.session.Session;
import rehearse.text.ResumeCommand;

/** {@code rehearse shell}: the line-mode front end. */
public final class ShellCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "shell",
            "A line-mode shell over the same rehearsal and command language as scripts.",
            "It is made for dumb terminals, screen readers and logged sessions. With standard input not a terminal, it"
                    + " reads commands from it, like 'rehearse run'.");
    private final Inputs inputs = new Inputs(spec);
    private final SessionOptions sessionOptions = new SessionOptions(spec);
    private final Value<Boolean> noColor = Specs.flag(spec, "--no-color",
            "No colour (automatic when NO_COLOR is set and not empty, and on dumb terminals).");
    private final ReportOptions report = new ReportOptions(spec);

    @Override
    public Integer call() {
        List<Path> files = new ArrayList<>(sessionOptions.files());
        files.add(inputs.matrixFile());
        report.validate(files);
        boolean interactive = Tty.interactive();
        if (!interactive && stdinClosed()) {
            throw new Failure(ExitCodes.USAGE, "rehearse shell: standard input is closed; give the commands on it"
                    + " (rehearse shell < SCRIPT) or start the shell in a terminal");
        }
        Map<String, String> env = System.getenv();
        SessionOptions.Opened opened = sessionOptions.open(inputs, interactive);
        Session session = opened.session();
        JournalWriter journal = opened.journal();
        JournalWriter j = journal;
        Thread hook = new Thread(() -> closeQuietly(j), "rehearse-journal");
        Runtime.getRuntime().addShutdownHook(hook); // SIGHUP (SSH drop), SIGTERM: the journal is flushed
        try {
            int code = interactive ? interactive(session, env, opened) : fromStdin(session, opened);
            if (journal != null) {
                try {
                    journal.close();
                } catch (IOException e) {
                    throw SessionOptions.journalFailed(opened.journalPath(), e);
                }
                // At the prompt, as the UI does: where the rehearsal is kept and how to go on with it (a script's output stays its own).
                if (interactive && journal.kept()) {
                    PrintWriter err = spec.commandLine().getErr();
                    err.println(ResumeCommand.saved(LauncherName.of(env, System.getProperty(LauncherName.PROPERTY)), journal.file(), ResumeCommand.FrontEnd.SHELL));
                    err.flush();
                }
            }
            report.write(session, files);
            return code;
        } finally {
            closeQuietly(journal);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // shutting down already
            }
        }
    }

    private int fromStdin(Session session, SessionOptions.Opened opened) {
        Script script;
        try {
            script = Script.parse("<stdin>", untilQuit(YamlInput.decode("<stdin>", InputFile.read("<stdin>", System.in, InputFile.MAX_BYTES))));
        } catch (InputException e) {
            throw Inputs.dataError(e);
        } catch (IOException e) {
            throw new Failure(ExitCodes.DATA, "rehearse: cannot read standard input: " + e.getMessage());
        }
        // Resumed: the journal's lines are this input's start, and the run goes on after them, as 'run --resume' does.
        java.util.Optional<rehearse.io.Problem> foreign = ScriptRunner.notThisScript(String.valueOf(opened.journalPath()), script,
                opened.replayed());
        if (foreign.isPresent()) throw Inputs.dataError(new InputException(foreign.get()));
        PrintWriter out = spec.commandLine().getOut();
        try {
            return new ScriptRunner(out, false, opened.journal()).run(session, script, opened.afterLine(), opened.replayed())
                    ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (JournalWriter.WriteFailed e) {
            throw SessionOptions.journalFailed(opened.journalPath(), e);
        }
    }

    /**
     * Input piped to the shell is read as a script, up to a line that ends the shell as it does at
     * the prompt ({@code quit} or {@code exit}): what follows it is not run.
     */
    static String untilQuit(String text) {
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            String line = (end < 0 ? text.substring(at) : text.substring(at, end)).strip();
            if (line.equalsIgnoreCase("quit") || line.equalsIgnoreCase("exit")) return text.substring(0, at);
            if (end < 0) break;
            at = end + 1;
        }
        return text;
    }

    private int interactive(Session session, Map<String, String> env, SessionOptions.Opened opened) {
        Path history;
        try {
            history = PrivateFile.ensure(StateDir.of(env).resolve("history"));
        } catch (IOException e) {
            throw new Failure(ExitCodes.CANT_CREATE, "rehearse: cannot use the history file " + StateDir.of(env).resolve("history")
                    + ": " + IoErrors.cause(e));
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("rehearse").build()) {
            boolean color = TerminalType.color(noColor.value(), env);
            // The line editor puts the terminal in keypad mode while it reads and takes it out when
            // it returns; SIGTERM or SIGHUP mid-read skip that, so the way out does it instead.
            Thread keypad = new Thread(leaveKeypad(terminal), "rehearse-keypad");
            Runtime.getRuntime().addShutdownHook(keypad);
            try {
                // A failed expectation before the resume still fails the rehearsal.
                int before = (int) opened.replayed().stream().filter(r -> r.result().outcome().failed()).count();
                Shell shell = new Shell(session, terminal, history, color).failuresBefore(before).journal(opened.journal());
                int code = shell.run();
                if (shell.journalFailure().isPresent()) throw SessionOptions.journalFailed(opened.journalPath(), shell.journalFailure().get());
                return code;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(keypad);
                } catch (IllegalStateException ignored) {
                    // shutting down already: the hook runs
                }
            }
        } catch (IOException e) {
            throw new Failure(ExitCodes.IO_ERROR, "rehearse: terminal error: " + IoErrors.cause(e));
        }
    }

    /** Writes what leaves keypad mode (and ends the prompt's line) straight to the terminal, as the editor would. */
    private static Runnable leaveKeypad(Terminal terminal) {
        StringWriter w = new StringWriter();
        w.write("\r\n");
        String cap = terminal.getStringCapability(InfoCmp.Capability.keypad_local);
        if (cap != null) Curses.tputs(w, cap);
        byte[] bytes = w.toString().getBytes(StandardCharsets.US_ASCII);
        return () -> {
            try {
                FileOutputStream out = new FileOutputStream(FileDescriptor.out);
                out.write(bytes);
                out.flush();
            } catch (IOException ignored) {
                // the terminal is gone (SSH dropped): nothing left to restore
            }
        };
    }

    /**
     * Standard input closed ({@code <&-}): the JVM then opened one of its own files on
     * descriptor 0, and reading it would feed the shell the JDK's class image.
     */
    static boolean stdinClosed() {
        Path fd0 = Path.of("/proc/self/fd/0");
        try {
            if (!Files.exists(fd0, LinkOption.NOFOLLOW_LINKS)) return Files.isDirectory(Path.of("/proc/self/fd"));
            Path target = Files.readSymbolicLink(fd0);
            Path home = Path.of(System.getProperty("java.home")).toRealPath();
            if (target.startsWith(home)) return true;
            java.net.URL jar = ShellCommand.class.getProtectionDomain().getCodeSource().getLocation();
            return jar != null && target.equals(Path.of(jar.toURI()).toRealPath());
        } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
            return false; // not Linux, or nothing to tell: read it as before
        }
    }

    private static void closeQuietly(JournalWriter j) {
        if (j == null) return;
        try {
            j.close();
        } catch (IOException ignored) {
            // reported by the journal's own checks while running
        }
    }
}
