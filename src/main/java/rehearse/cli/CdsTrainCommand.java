package rehearse.cli;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.command.ParseException;
import rehearse.io.ClusterLoader;
import rehearse.model.Cluster;
import rehearse.session.Session;
import rehearse.sim.Engine;
import rehearse.text.StatusText;
import rehearse.tui.Render;
import rehearse.tui.Theme;
import rehearse.tui.Ui;

/**
 * Not for operators: the launcher runs it once per build with -XX:DumpLoadedClassList, so
 * the class-data-sharing archive holds the classes a real start loads (CLI, YAML, engine, UI).
 */
public final class CdsTrainCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "cds-train", "Not for operators: the launcher's class-data-sharing training run.");
    {
        spec.usageMessage().hidden(true);
    }
    private final Inputs inputs = new Inputs(spec);

    private static final String[][] TRAINING_LINES = {
        {"plan", "--from", "IIS 4.0 / SP4", "--to", "IIS 5.0"},
        {"plan", "--from", "4.0/sp4", "--to", "5.0", "--json"},
        {"plan", "--from", "5.0", "--to", "4.0/sp4"},
        {"matrix"},
        {"show"},
        {"plan", "--help"},
        {"plan", "--bogus"},
    };

    @Override
    public Integer call() throws Exception {
        // The short commands as an operator types them, so their option parsing and output are archived too.
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        for (String[] line : TRAINING_LINES) Main.run(sink, sink, line);
        Path sample = Files.createTempFile("rehearse-train", ".yaml");
        try {
            Files.write(sample, ClusterLoader.sampleBytes());
            Main.run(sink, sink, "check", sample.toString());
        } finally {
            Files.deleteIfExists(sample);
        }
        Cluster cluster = inputs.cluster(null);
        Session session = new Session(Engine.start(inputs.matrix(), cluster));
        Ui ui = new Ui(session, new Theme(true, true));
        TerminalScreen screen = new TerminalScreen(new DefaultVirtualTerminal(new TerminalSize(80, 24)));
        screen.startScreen();
        for (String keys : new String[] {"t", "?", "m", "f", ":"}) {
            ui.handle(new KeyStroke(keys.charAt(0), false, false));
            screen.clear();
            Render.draw(ui, screen.newTextGraphics(), screen.getTerminalSize());
            screen.refresh();
            ui.handle(new KeyStroke(com.googlecode.lanterna.input.KeyType.Escape));
        }
        try {
            session.submit("target 5.0", true);
            session.submit("ack preflight", true);
            session.submit("run", true);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        StatusText.summary(session.state());
        screen.stopScreen();
        return ExitCodes.OK;
    }
}
