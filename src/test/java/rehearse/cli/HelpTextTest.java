package rehearse.cli;

import rehearse.base.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The --help texts, which the man page and the completion are made from: whole sentences, no
 * line over 80 columns, nothing cut in the middle of a word when picocli wraps it.
 */
class HelpTextTest {
    /** Every command an operator can reach, the root first. */
    static List<CommandLine> commands() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine("--help"), all);
        return all;
    }

    private static void collect(CommandLine cl, List<CommandLine> into) {
        if (cl.getCommandSpec().usageMessage().hidden()) return;
        into.add(cl);
        for (CommandLine sub : cl.getSubcommands().values()) collect(sub, into);
    }

    private static String usage(CommandLine cl) {
        return cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private static String flat(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    private static List<String> descriptions(ArgSpec arg) {
        List<String> out = new ArrayList<>();
        for (String d : arg.description()) out.add(d.replace("${DEFAULT-VALUE}", String.valueOf(arg.defaultValue())));
        return out;
    }

    @Test
    void everyCommandIsReachedIncludingNestedOnesButNotTheHiddenTrainingRun() {
        List<String> names = commands().stream().map(c -> c.getCommandSpec().qualifiedName()).toList();
        assertThat(names).contains("rehearse", "rehearse plan", "rehearse import", "rehearse import cluster-exe")
                .doesNotContain("rehearse cds-train").hasSize(Main.SUBCOMMANDS.size() + 1);
    }

    @Test
    void noLineIsWiderThanEightyColumns() {
        for (CommandLine cl : commands()) {
            for (String line : usage(cl).split("\\R")) {
                assertThat(line.length()).as("%s: %s", cl.getCommandSpec().qualifiedName(), line).isLessThanOrEqualTo(80);
            }
        }
    }

    @Test
    void descriptionsAreWholeSentencesOrLiteralLinesAfterAColon() {
        for (CommandLine cl : commands()) {
            CommandSpec spec = cl.getCommandSpec();
            String[] d = spec.usageMessage().description();
            assertThat(d).as(spec.qualifiedName()).isNotEmpty();
            assertThat(d[0]).as("%s: the summary the command list shows", spec.qualifiedName()).matches("[A-Z].*\\.");
            for (int i = 0; i < d.length; i++) {
                if (d[i].startsWith("  ")) {
                    assertThat(d[i - 1]).as("a literal line follows a colon or another literal line").matches("(?s)(.*:|  .*)");
                    continue;
                }
                assertThat(d[i]).as(spec.qualifiedName()).matches("[A-Z'\"].*[.:]");
                if (d[i].endsWith(":")) assertThat(i + 1 < d.length && d[i + 1].startsWith("  ")).as(d[i]).isTrue();
            }
            for (ArgSpec arg : spec.args()) {
                for (String line : descriptions(arg)) {
                    assertThat(line).as("%s %s", spec.qualifiedName(), arg.paramLabel()).matches("[A-Z'\"].*\\.");
                }
            }
        }
        for (Map<String, String> section : List.of(HelpSections.exitCodes(), HelpSections.environment(), HelpSections.files())) {
            assertThat(section.values()).allSatisfy(text -> assertThat(text).matches("[A-Z'\"$].*\\."));
        }
    }

    @Test
    void wrappingBreaksOnlyBetweenWords() {
        for (CommandLine cl : commands()) {
            CommandSpec spec = cl.getCommandSpec();
            String shown = flat(usage(cl));
            List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
            for (ArgSpec arg : spec.args()) texts.addAll(descriptions(arg));
            for (CommandLine sub : cl.getSubcommands().values()) {
                if (!sub.getCommandSpec().usageMessage().hidden()) texts.add(sub.getCommandSpec().usageMessage().description()[0]);
            }
            if (spec.parent() == null) {
                texts.addAll(HelpSections.exitCodes().values());
                texts.addAll(HelpSections.environment().values());
                texts.addAll(HelpSections.files().values());
            }
            for (String text : texts) assertThat(shown).as(spec.qualifiedName()).contains(flat(text));
        }
    }

    @Test
    void theRootHelpHasTheExitCodesEnvironmentAndFiles() {
        String help = Cli.run("--help").out();
        assertThat(help).contains("Exit codes:", "Environment:", "Files:", "NO_COLOR", "XDG_STATE_HOME", "TERM", "crash-*.txt");
        assertThat(help.indexOf("Exit codes:")).isLessThan(help.indexOf("Environment:"));
        assertThat(help.indexOf("Environment:")).isLessThan(help.indexOf("Files:"));
        for (String code : HelpSections.exitCodes().keySet()) assertThat(help).containsPattern("(?m)^  " + code + " ");
    }
}
