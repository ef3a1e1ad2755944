package rehearse.cli;

import rehearse.base.ExitCodes;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.model.Cluster;
import rehearse.session.Session;
import rehearse.sim.Engine;
import rehearse.tui.Frame;
import rehearse.tui.KeyDecoder;
import rehearse.tui.Msg;
import rehearse.tui.Theme;
import rehearse.tui.Program;

/** {@code rehearse bench-ui}: one frame of the UI. */
public final class BenchUiCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "bench-ui",
            "Benchmark one frame of the full-screen UI, drawn and refreshed on a virtual terminal.");
    private final Inputs inputs = new Inputs(spec);
    private final Value<Integer> frameCount = Specs.withDefault(spec, "--frames", "N", int.class, "300",
            "Frames to time (default: ${DEFAULT-VALUE}).");

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        measure(out, "sample cluster, 132x43", inputs.cluster(null), 132, 43);
        measure(out, "16 nodes, 1,000 groups, 132x43",
                GeneratedCluster.of(inputs.config("iis4-sp4", "--from"), 16, 1000, 5000), 132, 43);
        return ExitCodes.OK;
    }

    private void measure(PrintWriter out, String what, Cluster cluster, int cols, int rows) throws IOException {
        Program ui = new Program(new Session(Engine.start(inputs.matrix(), cluster)), 0);
        Theme theme = new Theme(true, true);
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        int frames = frameCount.value();
        long[] t = new long[frames];
        for (int i = 0; i < frames + 50; i++) {
            // Alternate the selection so every frame has something to redraw.
            ui.send(new Msg.KeyPressed(KeyDecoder.decode(new KeyStroke(i % 2 == 0 ? KeyType.ArrowDown : KeyType.ArrowUp))));
            long t0 = System.nanoTime();
            screen.clear();
            Frame.draw(ui.model(), theme, screen.newTextGraphics(), screen.getTerminalSize());
            screen.refresh(Screen.RefreshType.DELTA);
            if (i >= 50) t[i - 50] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        out.printf(Locale.ROOT, "frame (%s): median %.3f ms (min %.3f, max %.3f) over %d frames%n", what, t[frames / 2] / 1e6, t[0] / 1e6,
                t[frames - 1] / 1e6, frames);
    }
}
