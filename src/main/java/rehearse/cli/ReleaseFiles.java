package rehearse.cli;

import rehearse.base.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Not for operators: the build runs it once per release to make, from the command specs that
 * {@code --help} shows, the man page and the bash and zsh completions under {@code share/}.
 */
public final class ReleaseFiles {
    static final String MAN = "man/man1/rehearse.1";
    static final String BASH = "bash-completion/completions/rehearse";
    static final String ZSH = "zsh/site-functions/_rehearse";

    private ReleaseFiles() {}

    /** {@code ReleaseFiles SHARE_DIR DATE}: writes the three files under SHARE_DIR; DATE goes in the man page. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ReleaseFiles SHARE_DIR YYYY-MM-DD");
            System.exit(ExitCodes.USAGE);
        }
        write(Path.of(args[0]), args[1]);
    }

    static void write(Path share, String date) throws IOException {
        String version = new VersionProvider().getVersion()[0].substring("rehearse ".length());
        writeFile(share.resolve(MAN), ManPage.render(commandLine(), version, date));
        String bash = AutoComplete.bash("rehearse", commandLine());
        writeFile(share.resolve(BASH), bash);
        writeFile(share.resolve(ZSH), zsh(bash));
    }

    /** The root with every subcommand registered, as {@code --help} builds it. */
    static CommandLine commandLine() {
        return Main.commandLine("--help");
    }

    /**
     * A zsh completion function file: zsh finds it on its fpath by the first line, and the first
     * completion runs picocli's script through zsh's bash emulation (which picocli's script sets up),
     * registering it for the next ones, then completes.
     */
    static String zsh(String bash) {
        return "#compdef rehearse\n"
                + "# zsh completion for rehearse: picocli's bash completion, run through zsh's bashcompinit.\n"
                + "# Its functions call bash's compopt, which zsh lacks (an alias made below comes too late for them).\n"
                + "(( $+functions[compopt] )) || compopt() { return 0; }\n"
                + bash.replaceFirst("^#!/usr/bin/env bash\n", "")
                + "\n_bash_complete -F _complete_rehearse -o default\n";
    }

    private static void writeFile(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
