package rehearse.tui;

import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lanterna's Unix terminal, started with one child process instead of five. As it starts,
 * Lanterna saves the terminal's settings ({@code stty -g}), then turns off canonical mode
 * ({@code -icanon}, {@code min 1}), echo ({@code -echo}) and the interrupt key
 * ({@code intr undef}), each with a process of its own: about 40 ms before the first frame. Here
 * the save is put off and the changes are gathered, then one shell runs {@code stty -g} and a
 * single {@code stty} with every change, in Lanterna's order, just before Lanterna registers its
 * resize handler (the end of its start). Everything after the start (the restore on the way out)
 * runs as Lanterna runs it.
 */
final class SttyOnceTerminal extends UnixTerminal {
    // No initialisers: Lanterna's constructor starts the terminal before this class's fields would be set.
    private boolean started;
    private List<String> gathered;
    private String saved;

    SttyOnceTerminal(InputStream in, OutputStream out, Charset charset, CtrlCBehaviour ctrlC) throws IOException {
        super(in, out, charset, ctrlC);
    }

    @Override
    protected void saveTerminalSettings() {
        gathered = new ArrayList<>();
    }

    @Override
    protected String runSTTYCommand(String... parameters) throws IOException {
        if (!started && gathered != null) {
            gathered.addAll(Arrays.asList(parameters));
            return "";
        }
        return super.runSTTYCommand(parameters);
    }

    @Override
    protected void registerTerminalResizeListener(Runnable onResize) throws IOException {
        if (!started) {
            started = true;
            String stty = System.getProperty("com.googlecode.lanterna.terminal.UnixTerminal.sttyCommand", "/bin/stty");
            List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "\"$0\" -g; [ $# -eq 0 ] || \"$0\" \"$@\"", stty));
            command.addAll(gathered);
            saved = exec(command.toArray(new String[0])).trim();
        }
        super.registerTerminalResizeListener(onResize);
    }

    @Override
    protected void restoreTerminalSettings() throws IOException {
        if (saved != null) runSTTYCommand(saved);
    }
}
