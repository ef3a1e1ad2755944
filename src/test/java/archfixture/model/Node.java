package archfixture.model;

import archfixture.cli.Launcher;

/** Broken on purpose (ArchitectureRulesTest): a core class that uses a front end. */
public final class Node {
    public int exitCode() {
        return Launcher.exitCode();
    }
}
