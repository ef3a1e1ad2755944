package rehearse.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import rehearse.base.ExitCodes;
import rehearse.journal.JournalWriter;

/**
 * The imperative shell of the full-screen UI: one terminal, one loop thread that owns the
 * state and the screen, fed by a queue of keys, resizes and playback ticks. Idle, it blocks
 * on the queue: no CPU, no bytes. The terminal is restored on every way out.
 */
public final class App {
    /** Playback frame interval: 25 frames a second is smooth and cheap over SSH. */
    static final long TICK_MS = 40;
    /**
     * How long a lone Esc waits for the rest of an escape sequence, in Lanterna's units of a
     * quarter second: half a second, tmux's own escape-time, so Esc closes an overlay at once to
     * the eye while a sequence split by a slow link still decodes (100 units made it 25 s).
     */
    static final int INPUT_TIMEOUT = 2;
    private static final Object RESIZE = new Object();
    private static final Object STOP = new Object();
    private static final Object SUSPEND = new Object();

    /** What the loop needs; made while the terminal starts, since both take tens of milliseconds. */
    public record Start(Program program, Theme theme, java.util.concurrent.CompletableFuture<JournalWriter> journal) {}

    private final java.util.concurrent.Future<Start> starting;
    private volatile Program program;
    private Theme theme;
    private volatile JournalWriter journal;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Object screenLock = new Object();
    private TerminalScreen screen;
    private volatile boolean stopped;

    public App(java.util.concurrent.Future<Start> starting) {
        this.starting = starting;
    }

    /** Runs until the operator quits; returns the exit code. */
    public int run(PrintWriter err) {
        OutputStream out = new TerminalOutput(new FileOutputStream(FileDescriptor.out));
        Charset charset = Theme.localeIsUtf8(System.getenv()) ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII;
        Thread hook = new Thread(this::restore, "rehearse-restore");
        Runtime.getRuntime().addShutdownHook(hook); // SIGTERM, SIGHUP: journal flushed, terminal restored
        try {
            Terminal terminal;
            if (File.separatorChar == '/' && !Boolean.getBoolean("rehearse.fiveStty")) {
                // The terminal the factory makes on a Unix-like system, started with one stty process instead of five
                // (-Drehearse.fiveStty=true: Lanterna's own start, for scripts/bench's comparison).
                UnixTerminal unix = new SttyOnceTerminal(System.in, out, charset, UnixLikeTerminal.CtrlCBehaviour.TRAP);
                unix.getInputDecoder().setTimeoutUnits(INPUT_TIMEOUT);
                terminal = unix;
            } else {
                terminal = new DefaultTerminalFactory(out, System.in, charset).setForceTextTerminal(true)
                        .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP).setInputTimeout(INPUT_TIMEOUT)
                        .createTerminal();
            }
            synchronized (screenLock) {
                screen = new TerminalScreen(terminal);
                screen.startScreen();
                screen.setCursorPosition(null);
            }
            terminal.addResizeListener((t, size) -> queue.offer(RESIZE));
            // Ctrl-Z: the terminal is given back before the process stops, and taken again on 'fg'.
            if (terminal instanceof SttyOnceTerminal) SttyOnceTerminal.onSuspend(() -> queue.offer(SUSPEND));
            Start start;
            try {
                start = starting.get();
            } catch (java.util.concurrent.ExecutionException e) {
                restore();
                if (e.getCause() instanceof RuntimeException r) throw r; // a bad cluster file: the caller reports it
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                restore();
                return ExitCodes.INTERRUPTED;
            }
            program = start.program();
            theme = start.theme();
            // Estimates run on their own thread; what they bring comes back through the queue.
            java.util.concurrent.ExecutorService estimator = java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "rehearse-estimates");
                t.setDaemon(true);
                return t;
            });
            program.background(estimator, queue::offer);
            resized();
            draw(true);
            try {
                journal = start.journal().join(); // before any key: every command is journaled
            } catch (java.util.concurrent.CompletionException e) {
                restore();
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw new IllegalStateException(e.getCause());
            }
            Thread input = new Thread(this::readKeys, "rehearse-input");
            input.setDaemon(true);
            input.start();
            loop();
            return ExitCodes.OK;
        } catch (IOException e) {
            restore();
            err.println("rehearse: terminal error: " + rehearse.io.IoErrors.cause(e));
            return ExitCodes.IO_ERROR;
        } catch (rehearse.base.Failure e) {
            restore();
            throw e;
        } catch (RuntimeException | Error e) {
            restore();
            throw e; // a bug: the caller saves its trace and names the file, with the terminal restored
        } finally {
            restore();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
    }

    private void readKeys() {
        try {
            while (!stopped) {
                KeyStroke k = screen.readInput();
                if (k != null) queue.put(k);
                if (k != null && k.getKeyType() == KeyType.EOF) return;
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            queue.offer(new KeyStroke(KeyType.EOF));
        }
    }

    private void loop() throws IOException {
        long last = System.nanoTime();
        while (!program.quitRequested()) {
            Object msg;
            try {
                msg = program.animating() ? queue.poll(TICK_MS, TimeUnit.MILLISECONDS) : queue.take();
            } catch (InterruptedException e) {
                return;
            }
            boolean complete = false;
            if (msg == STOP) return;
            if (msg == RESIZE) {
                complete = true;
                resized();
            } else if (msg == SUSPEND) {
                program.send(new Msg.Suspended());
                suspend();
                program.send(new Msg.Continued());
                complete = true;
                last = System.nanoTime(); // playback does not run on while the UI is stopped
            } else if (msg instanceof KeyStroke k) {
                program.send(new Msg.KeyPressed(KeyDecoder.decode(k)));
            } else if (msg instanceof Msg m) {
                program.send(m);
            }
            long nowNs = System.nanoTime();
            if (program.animating() && (msg == null || nowNs - last >= TICK_MS * 1_000_000)) {
                program.send(new Msg.Tick(Math.max(1, (nowNs - last) / 1_000_000)));
                last = nowNs;
            } else if (!program.animating()) {
                last = nowNs;
            }
            // Several keys queued (a paste, a fast typist over SSH): handle them all, draw once.
            while (queue.peek() instanceof KeyStroke) program.send(new Msg.KeyPressed(KeyDecoder.decode((KeyStroke) queue.poll())));
            if (program.takeRedraw()) complete = true;
            draw(complete);
            if (journal != null) {
                try {
                    journal.check();
                } catch (JournalWriter.WriteFailed e) {
                    // A full disk mid-run: stop rather than go on with a rehearsal that cannot be resumed.
                    throw new rehearse.base.Failure(ExitCodes.IO_ERROR, "rehearse: " + e.getMessage());
                }
            }
        }
    }

    /** The model learns the terminal's size (it pages and follows by it). */
    private void resized() {
        TerminalSize size;
        synchronized (screenLock) {
            if (stopped) return;
            TerminalSize changed = screen.doResizeIfNecessary();
            size = changed != null ? changed : screen.getTerminalSize();
        }
        program.send(new Msg.Resized(size.getColumns(), size.getRows()));
    }

    private void suspend() throws IOException {
        synchronized (screenLock) {
            if (stopped || !(screen.getTerminal() instanceof SttyOnceTerminal t)) return;
            t.suspendAndWait();
        }
    }

    private void draw(boolean complete) throws IOException {
        synchronized (screenLock) {
            if (stopped) return;
            TerminalSize size = screen.doResizeIfNecessary();
            if (size != null) complete = true;
            screen.clear();
            Frame.draw(program.model(), theme, screen.newTextGraphics(), screen.getTerminalSize());
            screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        }
    }

    /** Idempotent: flushes the journal, leaves the alternate screen, restores the tty modes. */
    private void restore() {
        synchronized (screenLock) {
            if (stopped) return;
            stopped = true;
            // SIGTERM, SIGHUP or quit mid-playback: where the clock stands, so a resume goes on from here.
            if (journal != null && program != null) program.session().markClock();
            if (journal != null) {
                try {
                    journal.close();
                } catch (IOException ignored) {
                    // reported by the loop's check while running; nothing more to do on the way out
                }
            }
            if (screen != null) {
                try {
                    screen.stopScreen();
                    screen.getTerminal().close();
                } catch (IOException | RuntimeException ignored) {
                    // the terminal is gone (SSH dropped): nothing left to restore
                }
            }
        }
    }
}
