package rehearse.base;

import java.io.Console;

/** Whether the program runs on a terminal, asked the same way on Java 17 and on Java 22 and later. */
public final class Tty {
    private Tty() {}

    /**
     * Whether standard input and output are both a terminal. Up to Java 21, {@code System.console()}
     * is null unless they are. From Java 22 it returns a console whatever they are (a pipe, a file),
     * and {@code Console.isTerminal()}, which Java 17 does not have, tells; it is called by reflection,
     * and only there, so a start on Java 17 (the release's runtime) costs nothing more.
     */
    @SuppressWarnings("SystemConsoleNull") // the one comparison with null, made right for Java 22+ below
    public static boolean interactive() {
        Console console = System.console();
        if (console == null) return false;
        if (Runtime.version().feature() < 22) return true;
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return true;
        }
    }

    /**
     * Whether standard error is a terminal (for a progress bar): Java cannot ask, so its file
     * descriptor's link is read on Linux (/dev/pts/N, /dev/ttyN); elsewhere, false.
     */
    public static boolean stderrIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
