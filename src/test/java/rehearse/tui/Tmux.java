package rehearse.tui;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A private tmux server running one command in an 80x24 pane, for end-to-end tests (here and in cli.ReleaseIT). */
public final class Tmux implements AutoCloseable {
    private final String socket = "rehearse-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    public static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    public Tmux start(int cols, int rows, String shellCommand) throws Exception {
        run("-f", "/dev/null", "new-session", "-d", "-x", Integer.toString(cols), "-y", Integer.toString(rows), shellCommand);
        run("set", "-sg", "escape-time", "0");
        return this;
    }

    public void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "0"));
        args.addAll(List.of(keys));
        run(args.toArray(String[]::new));
    }

    void literal(String text) throws Exception {
        run("send-keys", "-t", "0", "-l", text);
    }

    String capture() throws Exception {
        return run("capture-pane", "-p", "-t", "0");
    }

    /** Polls the pane until {@code ok} holds; fails with the last screen after {@code seconds}. */
    public String await(Predicate<String> ok, int seconds, String what) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        String screen = "";
        while (System.nanoTime() < end) {
            screen = capture();
            if (ok.test(screen)) return screen;
            Thread.sleep(100);
        }
        return fail("timed out waiting for " + what + "; the screen was:\n" + screen);
    }

    public String run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("tmux " + args[0] + " failed: " + out);
        return out;
    }

    static Path project() {
        return Path.of("").toAbsolutePath();
    }

    /** A shell command that saves the terminal's settings in {@code file}, which appears only once whole. */
    static String sttyInto(Path file) {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        return "stty -a > " + part + " && mv " + part + " " + file;
    }

    @Override
    public void close() throws Exception {
        try {
            run("kill-server");
        } catch (IOException ignored) {
            // already gone
        }
    }
}
