package archfixture.cli;

import archfixture.tui.Screen;

/** Broken on purpose (ArchitectureRulesTest): cli and tui use each other. */
public final class Launcher {
    public static int exitCode() {
        return 70;
    }

    public static Screen screen() {
        return new Screen();
    }
}
