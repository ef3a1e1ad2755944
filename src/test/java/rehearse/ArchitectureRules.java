package rehearse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The package layering of README's Layout, as ArchUnit rules over the packages under a root
 * ({@code rehearse} for the program; ArchitectureRulesTest applies them to deliberately broken
 * classes under another root to show that each rule fails when it is broken).
 */
final class ArchitectureRules {
    /** The core: values, tables and path search, the command language, the engine and the plans. */
    static final String[] CORE = {"model", "matrix", "plan", "command", "sim"};
    /**
     * Everything above the core: the file formats (io), the rehearsal as front ends drive it
     * (session), the words shown (text), and the front ends and their outputs.
     */
    static final String[] ABOVE_CORE = {"io", "session", "text", "journal", "script", "explore", "report", "shell", "tui", "cli"};

    /** README's Layout, in its order: a package may use only those before it. */
    static final String[] LAYOUT = {"base", "matrix", "model", "command", "sim", "plan", "io", "session", "text",
        "journal", "script", "explore", "report", "shell", "tui", "cli"};

    private ArchitectureRules() {}

    static ArchRule everyPackageIsInTheLayout(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should().resideInAnyPackage(packages(root, LAYOUT))
                .because("README's Layout lists every package, in the order of their dependencies");
    }

    static ArchRule packagesUseOnlyThoseBeforeThemInTheLayout(String root) {
        List<ArchRule> rules = new ArrayList<>();
        for (int i = 0; i < LAYOUT.length - 1; i++) {
            rules.add(noClasses().that().resideInAPackage(root + "." + LAYOUT[i] + "..")
                    .should().dependOnClassesThat()
                    .resideInAnyPackage(packages(root, Arrays.copyOfRange(LAYOUT, i + 1, LAYOUT.length)))
                    .allowEmptyShould(true)
                    .because("dependencies run down README's Layout, never up"));
        }
        return CompositeArchRule.of(rules)
                .as("a package under " + root + " uses only packages listed before it in README's Layout ("
                        + String.join(", ", LAYOUT) + ")");
    }

    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .because("dependencies between packages run one way (README, Layout), so each layer can be "
                        + "understood and tested without the ones above it");
    }

    static ArchRule coreUsesNoFrontEndNorLibraries(String root) {
        String[] forbidden = Stream.concat(
                        Stream.of("com.googlecode.lanterna..", "org.jline..", "picocli..", "org.snakeyaml.."),
                        Arrays.stream(ABOVE_CORE).map(p -> root + "." + p + ".."))
                .toArray(String[]::new);
        return noClasses().that().resideInAnyPackage(packages(root, CORE))
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("the core (model, matrix, plan, command, sim) is pure: no terminal (Lanterna, JLine), "
                        + "no command line (picocli), no file formats (SnakeYAML, io) and none of the packages "
                        + "that drive it or show it");
    }

    static ArchRule renderersLiveOutsideTheCore(String root) {
        return classes().that().haveSimpleNameEndingWith("Text")
                .or().haveSimpleNameEndingWith("Renderer")
                .or().haveSimpleNameEndingWith("View")
                .should().resideOutsideOfPackages(packages(root, CORE))
                .because("the words shown are rendered in text (or by a front end) from the core's values, "
                        + "not by the engine");
    }

    static ArchRule baseUsesNothingOfOurs(String root) {
        return classes().that().resideInAPackage(root + ".base..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".base..")
                .because("base holds what every layer may use (Printable, Failure), so it may use no layer "
                        + "and no library");
    }

    static ArchRule lanternaOnlyInTheFullScreenUi(String root) {
        return only("com.googlecode.lanterna..", root, "tui", "cli", "io")
                .because("Lanterna is the full-screen UI's (tui); cli only launches it and benchmarks its drawing; io.Text measures"
                        + " text in terminal columns with Lanterna's TerminalTextUtils, so plain-text output lines up as the UI does");
    }

    static ArchRule jlineOnlyInTheShell(String root) {
        return only("org.jline..", root, "shell", "cli")
                .because("JLine is the line-mode shell's; cli only opens its terminal for it");
    }

    static ArchRule picocliOnlyInTheCommandLine(String root) {
        return only("picocli..", root, "cli")
                .because("the command line is built in cli alone");
    }

    static ArchRule yamlOnlyInIo(String root) {
        return only("org.snakeyaml..", root, "io")
                .because("files are read in io, which keeps line and column marks for every problem");
    }

    private static ArchRule only(String library, String root, String... allowed) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(packages(root, allowed))
                .should().dependOnClassesThat().resideInAPackage(library);
    }

    private static String[] packages(String root, String... names) {
        return Arrays.stream(names).map(p -> root + "." + p + "..").toArray(String[]::new);
    }
}
