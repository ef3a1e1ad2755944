package rehearse.cli;

import rehearse.base.ExitCodes;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.base.Tty;
import rehearse.command.ParseException;
import rehearse.io.ClusterLoader;
import rehearse.model.Cluster;
import rehearse.session.Session;
import rehearse.sim.Engine;
import rehearse.text.StatusText;
import rehearse.tui.Frame;
import rehearse.tui.KeyDecoder;
import rehearse.tui.Msg;
import rehearse.tui.Theme;
import rehearse.tui.Program;

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
        {"plan", "--from=IIS 4.0 / SP4", "--to=IIS 5.0"}, // through picocli
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
        Program ui = new Program(session, 0);
        Theme theme = new Theme(true, true);
        TerminalScreen screen = new TerminalScreen(new DefaultVirtualTerminal(new TerminalSize(80, 24)));
        screen.startScreen();
        for (String keys : new String[] {"t", "?", "m", "f", ":"}) {
            ui.send(new Msg.KeyPressed(KeyDecoder.decode(new KeyStroke(keys.charAt(0), false, false))));
            screen.clear();
            Frame.draw(ui.model(), theme, screen.newTextGraphics(), screen.getTerminalSize());
            screen.refresh();
            ui.send(new Msg.KeyPressed(KeyDecoder.decode(new KeyStroke(com.googlecode.lanterna.input.KeyType.Escape))));
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
        if (Tty.interactive()) trainTerminal(sink);
        return ExitCodes.OK;
    }

    /**
     * The UI's real start on a real terminal: Lanterna's Unix terminal (stty, input decoding, the
     * size query), the launcher's threads, the journal, a first frame, the target picker and quit.
     * The release build and the launcher run training under script(1), on a pseudo-terminal of its
     * own; the keys come from here, as a terminal would send them.
     */
    private static void trainTerminal(PrintWriter sink) throws IOException {
        Path dir = Files.createTempDirectory("rehearse-train");
        Path journal = dir.resolve("train.jsonl");
        InputStream stdin = System.in;
        try {
            // The default journal's path and name (the UI started without --journal), in the temporary folder.
            rehearse.journal.StateDir.of(System.getenv());
            java.util.Map.Entry<Path, rehearse.journal.JournalWriter> made = rehearse.journal.JournalWriter.createNew(dir, "TRAIN",
                    new String(ClusterLoader.sampleBytes(), StandardCharsets.UTF_8), null);
            made.getValue().close(); // holding no command, it is deleted as it closes
            Files.deleteIfExists(made.getKey());
            // Lanterna asks the terminal's size twice (for the screen, then as it starts) and reads
            // each answer before it sends the next question; then the keys.
            System.setIn(new Answers("\033[24;80R", "\033[24;80R", "t", "\r", "q"));
            Main.run(sink, sink, "--journal", journal.toString());
        } finally {
            System.setIn(stdin);
            Files.deleteIfExists(journal);
            Files.deleteIfExists(dir);
        }
    }

    /**
     * Input in parts, each readable only a moment after the one before was read, as a terminal
     * answers a question or a person types: an answer read early would be taken for a key.
     */
    static final class Answers extends InputStream {
        private static final long GAP_NS = 150_000_000L;
        private final byte[][] parts;
        private int part;
        private int pos;
        private long opensAt;

        Answers(String... parts) {
            this.parts = new byte[parts.length][];
            for (int i = 0; i < parts.length; i++) this.parts[i] = parts[i].getBytes(StandardCharsets.US_ASCII);
        }

        /** Whether the current part can be read now; moves on (and starts the gap) past a part read to its end. */
        private boolean open() {
            if (part < parts.length && pos == parts[part].length) {
                part++;
                pos = 0;
                opensAt = System.nanoTime() + GAP_NS;
            }
            return part < parts.length && System.nanoTime() >= opensAt;
        }

        @Override
        public synchronized int available() {
            return open() ? parts[part].length - pos : 0;
        }

        @Override
        public synchronized int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            while (!open()) {
                if (part >= parts.length) return -1;
                try {
                    wait(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException();
                }
            }
            int n = Math.min(len, parts[part].length - pos);
            System.arraycopy(parts[part], pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
