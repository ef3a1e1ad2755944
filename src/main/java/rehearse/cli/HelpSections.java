package rehearse.cli;

import rehearse.base.ExitCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The parts of {@code rehearse --help} that no option describes: exit codes, environment and
 * files. The man page is made from the same entries ({@link ManPage}).
 */
final class HelpSections {
    static final String ENVIRONMENT = "environment";
    static final String FILES = "files";

    private HelpSections() {}

    /** Exit code to what it means, for picocli's exit code list ("code:text"). */
    static Map<String, String> exitCodes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Integer.toString(ExitCodes.OK), "Success.");
        m.put(Integer.toString(ExitCodes.FAILED), "No supported path, or a rehearsal with an unexpected refusal or a failed expect.");
        m.put(Integer.toString(ExitCodes.USAGE), "A usage error: an unknown command, option or configuration; the"
                + " full-screen UI without a terminal or on one that cannot place the cursor (TERM=dumb).");
        m.put(Integer.toString(ExitCodes.DATA), "An input file that cannot be used, with one FILE:LINE:COL: line per problem.");
        m.put(Integer.toString(ExitCodes.UNAVAILABLE), "The release's bin/rehearse found no lib/rehearse.jar beside it (a copy or hard link).");
        m.put(Integer.toString(ExitCodes.SOFTWARE), "An internal error (a bug): its stack trace is saved in a crash file (see Files).");
        m.put(Integer.toString(ExitCodes.CANT_CREATE), "A journal or output file that cannot be written.");
        m.put(Integer.toString(ExitCodes.IO_ERROR), "Writing failed: standard output (a full disk), the terminal, or a journal that stopped being writable.");
        m.put(Integer.toString(ExitCodes.INTERRUPTED), "Interrupted before the full-screen UI could start.");
        return m;
    }

    static Map<String, String> environment() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("NO_COLOR", "Set and not empty, it turns colour off, as --no-color does (an empty NO_COLOR is ignored).");
        m.put("TERM", "The terminal's type. Unset, dumb or unknown: the full-screen UI does not start (exit 2; use"
                + " rehearse shell). With those or vt100 there is no colour.");
        m.put("LC_ALL, LC_CTYPE, LANG", "The first of them that is set decides the line drawing: UTF-8 if it names UTF-8,"
                + " else ASCII (as --ascii).");
        m.put("XDG_STATE_HOME", "The state directory, where journals, the shell's history and crash files go, is"
                + " $XDG_STATE_HOME/rehearse; when that is unset or not absolute, it is ~/.local/state/rehearse.");
        m.put("REHEARSE_JAVA_OPTS", "More options for the Java virtual machine, passed on by the launcher.");
        return m;
    }

    static Map<String, String> files() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("journal-*.jsonl", "The journals of the UI and the shell (mode 0600), in the state directory (see"
                + " XDG_STATE_HOME). Resume one with --resume.");
        m.put("journal-*-report.md", "The UI's rehearsal report (key x), next to its journal.");
        m.put("history", "The shell's command history (mode 0600), in the state directory.");
        m.put("crash-*.txt", "The stack trace of an internal error (mode 0600), in the state directory. Please attach it"
                + " to a bug report.");
        return m;
    }

    /** Adds the exit codes, environment and files to the usage help of {@code spec}. */
    static void addTo(CommandSpec spec) {
        CommandLine.Model.UsageMessageSpec usage = spec.usageMessage();
        usage.exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes());
        usage.sectionMap().put(ENVIRONMENT, new Section("%nEnvironment:%n", environment()));
        usage.sectionMap().put(FILES, new Section("%nFiles:%n", files()));
        List<String> keys = new ArrayList<>(usage.sectionKeys());
        int after = keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST) + 1;
        keys.add(after, FILES);
        keys.add(after, ENVIRONMENT);
        usage.sectionKeys(keys);
    }

    /** A heading and a two-column list, like picocli's exit codes. A class, not a lambda: see Main. */
    private static final class Section implements CommandLine.IHelpSectionRenderer {
        private final String heading;
        private final Map<String, String> entries;

        Section(String heading, Map<String, String> entries) {
            this.heading = heading;
            this.entries = entries;
        }

        @Override
        public String render(CommandLine.Help help) {
            return help.createHeading(heading) + help.createTextTable(entries);
        }
    }
}
