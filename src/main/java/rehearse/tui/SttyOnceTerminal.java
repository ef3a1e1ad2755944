package rehearse.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lanterna's Unix terminal, started with one child process instead of five, which runs while the
 * screen is set up. As it starts, Lanterna saves the terminal's settings ({@code stty -g}), then
 * turns off canonical mode ({@code -icanon}, {@code min 1}), echo ({@code -echo}) and the
 * interrupt key ({@code intr undef}), each with a process of its own that it waits for: about
 * 40 ms before the first frame. Here the save is put off and the changes are gathered; when
 * Lanterna registers its resize handler (the end of its start) one shell is started that runs
 * {@code stty -g} and a single {@code stty} with every change, in Lanterna's order, and it is
 * waited for only before the terminal is first asked its size (the answer needs the new modes),
 * the screen entered, a key read or a later stty run. Everything after the start (the restore on the way out) runs as
 * Lanterna runs it.
 */
final class SttyOnceTerminal extends UnixTerminal {
    // No initialisers: Lanterna's constructor starts the terminal before this class's fields would be set.
    private boolean started;
    private List<String> gathered;
    private Process setting;
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
        awaitSettings();
        return super.runSTTYCommand(parameters);
    }

    @Override
    protected void registerTerminalResizeListener(Runnable onResize) throws IOException {
        if (!started) {
            started = true;
            String stty = System.getProperty("com.googlecode.lanterna.terminal.UnixTerminal.sttyCommand", "/bin/stty");
            List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "\"$0\" -g; [ $# -eq 0 ] || \"$0\" \"$@\"", stty));
            command.addAll(gathered);
            // As Lanterna runs stty: the terminal on standard input, standard output read back.
            setting = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty"))).start();
        }
        if (!handle("WINCH", onResize)) super.registerTerminalResizeListener(onResize);
    }

    /**
     * Ctrl-Z: leaves the alternate screen and gives the terminal its settings back, then stops
     * this process as the shell expects ({@code SIGSTOP}); when the shell continues it
     * ({@code fg}), the modes of the start are set again and the screen is entered again, for the
     * caller to redraw whole.
     */
    void suspendAndWait() throws IOException {
        exitPrivateMode();
        restoreTerminalSettings();
        flush();
        try {
            new ProcessBuilder("kill", "-STOP", Long.toString(ProcessHandle.current().pid())).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Here once continued.
        if (gathered != null && !gathered.isEmpty()) super.runSTTYCommand(gathered.toArray(String[]::new));
        enterPrivateMode();
        // A resize while stopped reached the shell, not this process: ask the size again (resize listeners hear a change).
        getTerminalSize();
    }

    /** Calls {@code action} on Ctrl-Z (SIGTSTP) instead of stopping at once; false when it cannot be arranged here. */
    static boolean onSuspend(Runnable action) {
        return handle("TSTP", action);
    }

    /**
     * What Lanterna does, {@code Signal.handle(new Signal("WINCH"), handler)} through reflection
     * (sun.misc is not named at compile time), with the handler made by LambdaMetafactory rather
     * than as a dynamic proxy: a proxy class is generated in a module of its own at run time,
     * several milliseconds on the way to the first frame. False when it cannot be done here (then
     * Lanterna's own way is taken).
     */
    private static boolean handle(String name, Runnable onResize) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle run = lookup.findStatic(SttyOnceTerminal.class, "onSignal",
                    MethodType.methodType(void.class, Runnable.class, Object.class));
            Object h = LambdaMetafactory.metafactory(lookup, "handle", MethodType.methodType(handler, Runnable.class),
                    MethodType.methodType(void.class, signal), run, MethodType.methodType(void.class, signal))
                    .getTarget().invoke(onResize);
            signal.getMethod("handle", signal, handler).invoke(null, signal.getConstructor(String.class).newInstance(name), h);
            return true;
        } catch (Throwable e) {
            return false;
        }
    }

    // Reached through the method handle above (the signal handler's body), which Error Prone cannot see.
    @SuppressWarnings({"UnusedMethod", "UnusedVariable"})
    private static void onSignal(Runnable onResize, Object signal) {
        onResize.run();
    }

    /** Waits for the start's settings; what stty -g printed is what the restore gives back. */
    private synchronized void awaitSettings() throws IOException {
        if (setting == null) return;
        Process p = setting;
        setting = null;
        try (InputStream out = p.getInputStream()) {
            saved = new String(out.readAllBytes(), Charset.defaultCharset()).replace("\n", "").trim();
        }
    }

    // Before anything that writes a question or reads an answer or a key.
    @Override
    protected TerminalSize findTerminalSize() throws IOException {
        awaitSettings();
        return super.findTerminalSize();
    }

    @Override
    public void enterPrivateMode() throws IOException {
        awaitSettings();
        super.enterPrivateMode();
    }

    @Override
    public KeyStroke pollInput() throws IOException {
        awaitSettings();
        return super.pollInput();
    }

    @Override
    public KeyStroke readInput() throws IOException {
        awaitSettings();
        return super.readInput();
    }

    @Override
    protected void restoreTerminalSettings() throws IOException {
        awaitSettings();
        if (saved != null) runSTTYCommand(saved);
    }
}
