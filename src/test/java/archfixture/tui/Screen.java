package archfixture.tui;

import archfixture.cli.Launcher;
import com.googlecode.lanterna.TextColor;

/** Broken on purpose (ArchitectureRulesTest): uses cli, which uses it. Lanterna is allowed here. */
public final class Screen {
    public int exitCode() {
        return Launcher.exitCode();
    }

    public TextColor colour() {
        return TextColor.ANSI.DEFAULT;
    }
}
