package rehearse.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * rehearse(1) in man(7) markup, made from the same command specs as {@code --help}: the root's
 * description and options, every subcommand with its synopsis, description and options, then the
 * exit codes, environment and files of {@link HelpSections}.
 */
final class ManPage {
    private ManPage() {}

    static String render(CommandLine root, String version, String date) {
        CommandSpec spec = root.getCommandSpec();
        StringBuilder m = new StringBuilder();
        m.append(".\\\" Made by rehearse from its command specs, like --help: edit those, not this file.\n");
        m.append(".TH REHEARSE 1 ").append(quoted(date)).append(' ').append(quoted("rehearse " + version))
                .append(' ').append(quoted("User Commands")).append('\n');
        m.append(".nh\n.ad l\n");
        String summary = spec.usageMessage().description()[0];
        m.append(".SH NAME\nrehearse \\- ").append(text(Character.toLowerCase(summary.charAt(0))
                + summary.substring(1, summary.length() - 1))).append('\n');
        m.append(".SH SYNOPSIS\n");
        synopsis(m, spec);
        m.append(".br\n\\fBrehearse\\fR \\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n");
        m.append(".SH DESCRIPTION\n");
        description(m, spec, 1);
        m.append(".SH OPTIONS\n");
        options(m, spec, true);
        m.append(".SH COMMANDS\n.PP\nEvery command takes \\fB\\-h\\fR, \\fB\\-\\-help\\fR and \\fB\\-V\\fR,"
                + " \\fB\\-\\-version\\fR as well as the options it lists.\n");
        for (CommandLine sub : root.getSubcommands().values()) command(m, sub);
        m.append(".SH EXIT STATUS\n");
        list(m, spec.usageMessage().exitCodeList());
        m.append(".SH ENVIRONMENT\n");
        list(m, HelpSections.environment());
        m.append(".SH FILES\n");
        list(m, HelpSections.files());
        return m.toString();
    }

    private static void command(StringBuilder m, CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        if (spec.usageMessage().hidden()) return;
        m.append(".SS ").append(quoted(spec.qualifiedName())).append('\n');
        synopsis(m, spec);
        description(m, spec, 0);
        options(m, spec, false);
        for (CommandLine sub : cl.getSubcommands().values()) command(m, sub);
    }

    /** picocli's synopsis, as --help shows it, on one line that the formatter fills. */
    private static void synopsis(StringBuilder m, CommandSpec spec) {
        String s = new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF)).synopsis(0)
                .replaceAll("\\s+", " ").trim();
        String name = spec.qualifiedName();
        m.append(".PP\n\\fB").append(text(name)).append("\\fR").append(text(s.substring(name.length()))).append('\n');
    }

    /** Paragraphs from {@code from} on; lines that start with two spaces are shown as they are. */
    private static void description(StringBuilder m, CommandSpec spec, int from) {
        String[] d = spec.usageMessage().description();
        boolean literal = false;
        for (int i = from; i < d.length; i++) {
            boolean isLiteral = d[i].startsWith("  ");
            if (isLiteral && !literal) m.append(".RS\n.nf\n");
            if (!isLiteral && literal) m.append(".fi\n.RE\n");
            if (!isLiteral) m.append(".PP\n");
            m.append(text(isLiteral ? d[i].substring(2) : d[i])).append('\n');
            literal = isLiteral;
        }
        if (literal) m.append(".fi\n.RE\n");
    }

    private static void options(StringBuilder m, CommandSpec spec, boolean withHelpAndVersion) {
        for (PositionalParamSpec p : spec.positionalParameters()) {
            m.append(".TP\n\\fI").append(text(p.paramLabel())).append("\\fR\n").append(text(description(p))).append('\n');
        }
        List<OptionSpec> sorted = new ArrayList<>(spec.options());
        // In the order --help lists them.
        sorted.sort(Comparator.comparing(o -> o.longestName().replaceFirst("^-+", "").toLowerCase(Locale.ROOT)));
        for (OptionSpec o : sorted) {
            if (o.hidden() || (!withHelpAndVersion && (o.usageHelp() || o.versionHelp()))) continue;
            m.append(".TP\n");
            String[] names = o.names();
            for (int i = 0; i < names.length; i++) {
                if (i > 0) m.append(", ");
                m.append("\\fB").append(text(names[i])).append("\\fR");
            }
            if (o.arity().max() > 0) m.append(' ').append("\\fI").append(text(o.paramLabel())).append("\\fR");
            if (o.isMultiValue()) m.append(" ...");
            m.append('\n').append(text(description(o))).append('\n');
        }
    }

    private static String description(ArgSpec arg) {
        return String.join(" ", arg.description()).replace("${DEFAULT-VALUE}", String.valueOf(arg.defaultValue()));
    }

    private static void list(StringBuilder m, Map<String, String> entries) {
        for (Map.Entry<String, String> e : entries.entrySet()) {
            m.append(".TP\n\\fB").append(text(e.getKey())).append("\\fR\n").append(text(e.getValue())).append('\n');
        }
    }

    private static String quoted(String s) {
        return '"' + text(s).replace("\"", "\\(dq") + '"';
    }

    /**
     * Text as groff shows it and nothing more: backslashes escaped, every hyphen a minus sign so
     * that options and file names read back as typed ({@code --no-color}, {@code crash-*.txt})
     * when copied, and no line that begins with a control character.
     */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                b.append("\\e");
            } else if (c == '-') {
                b.append("\\-");
            } else {
                b.append(c);
            }
        }
        String t = b.toString();
        return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
    }
}
