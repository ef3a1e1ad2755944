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
    final Ui ui;
    final DefaultVirtualTerminal terminal;
    final TerminalScreen screen;

    VirtualScreen(Cluster cluster, Theme theme, int cols, int rows) throws IOException {
        ui = new Ui(new Session(Engine.start(MatrixLoader.builtIn(), cluster)), theme);
        terminal = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
        screen = new TerminalScreen(terminal);
        screen.startScreen();
    }

    static VirtualScreen sample(int cols, int rows) throws IOException {
        return new VirtualScreen(new ClusterLoader(MatrixLoader.builtIn()).sample(), new Theme(true, false), cols, rows);
    }

    String[] draw() throws IOException {
        screen.doResizeIfNecessary();
        screen.clear();
            Render.draw(ui, screen.newTextGraphics(), screen.getTerminalSize());
        screen.refresh();
        TerminalSize size = terminal.getTerminalSize();
        String[] rows = new String[size.getRows()];
        for (int y = 0; y < size.getRows(); y++) {
            StringBuilder b = new StringBuilder();
            for (int x = 0; x < size.getColumns(); x++) b.append(terminal.getCharacter(x, y).getCharacterString());
            rows[y] = b.toString();
        }
        return rows;
    }

    String text() throws IOException {
        return String.join("\n", draw());
    }

    VirtualScreen keys(String chars) {
        for (char c : chars.toCharArray()) ui.handle(new KeyStroke(c, false, false));
        return this;
    }

    VirtualScreen key(KeyType type) {
        ui.handle(new KeyStroke(type));
        return this;
    }

    /** Plays back until nothing is left to animate, as the app's ticks would. */
    VirtualScreen play() {
        for (int i = 0; i < 100_000 && ui.animating(); i++) ui.tick(App.TICK_MS);
        return this;
    }
}
