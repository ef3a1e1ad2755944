package rehearse.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import rehearse.io.ClusterLoader;
import rehearse.io.MatrixLoader;
import rehearse.model.Cluster;
import rehearse.session.Session;
import rehearse.sim.Engine;

/** The UI drawn headless on Lanterna's virtual terminal; the character grid read back as text. */
final class VirtualScreen {
    final Program ui;
    final Theme theme;
    final DefaultVirtualTerminal terminal;
    final TerminalScreen screen;

    VirtualScreen(Cluster cluster, Theme theme, int cols, int rows) throws IOException {
        this(new Session(Engine.start(MatrixLoader.builtIn(), cluster)), theme, cols, rows, 0);
    }

    VirtualScreen(Session session, Theme theme, int cols, int rows, long windowMs) throws IOException {
        ui = new Program(session, windowMs);
        this.theme = theme;
        terminal = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
        screen = new TerminalScreen(terminal);
        screen.startScreen();
        ui.send(new Msg.Resized(cols, rows));
    }

    static VirtualScreen sample(int cols, int rows) throws IOException {
        return new VirtualScreen(new ClusterLoader(MatrixLoader.builtIn()).sample(), new Theme(true, false), cols, rows);
    }

    String[] draw() throws IOException {
        TerminalSize changed = screen.doResizeIfNecessary();
        if (changed != null) ui.send(new Msg.Resized(changed.getColumns(), changed.getRows()));
        screen.clear();
        Frame.draw(ui.model(), theme, screen.newTextGraphics(), screen.getTerminalSize());
        screen.refresh();
        TerminalSize size = terminal.getTerminalSize();
        String[] rows = new String[size.getRows()];
        for (int y = 0; y < size.getRows(); y++) {
            StringBuilder b = new StringBuilder();
            for (int x = 0; x < size.getColumns(); x++) {
                var ch = terminal.getCharacter(x, y);
                b.append(ch.getCharacterString());
                if (ch.isDoubleWidth()) x++; // its right half is no character of its own
            }
            rows[y] = b.toString();
        }
        return rows;
    }

    String text() throws IOException {
        return String.join("\n", draw());
    }

    VirtualScreen keys(String chars) {
        for (char c : chars.toCharArray()) ui.send(new Msg.KeyPressed(Key.of(c)));
        return this;
    }

    VirtualScreen key(KeyType type) {
        ui.send(new Msg.KeyPressed(KeyDecoder.decode(new KeyStroke(type))));
        return this;
    }

    VirtualScreen key(Key k) {
        ui.send(new Msg.KeyPressed(k));
        return this;
    }

    /** Types a line at the ':' prompt and submits it. */
    VirtualScreen command(String line) {
        return keys(":" + line).key(KeyType.Enter);
    }

    VirtualScreen tick(long ms) {
        ui.send(new Msg.Tick(ms));
        return this;
    }

    /** Plays back until nothing is left to animate, as the app's ticks would. */
    VirtualScreen play() {
        for (int i = 0; i < 100_000 && ui.animating(); i++) tick(App.TICK_MS);
        return this;
    }

    /** The bottom line's message, and whether it is drawn as a problem. */
    LogText.Line message() {
        return ui.model().message().map(LogText::message).orElse(new LogText.Line("", false));
    }
}
