package rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Each rule of ArchitectureRules fails on a small package tree that breaks it (src/test/java/
 * archfixture), and names the class that breaks it: a rule that could never fail would pass
 * ArchitectureTest too.
 */
class ArchitectureRulesTest {
    private static final String ROOT = "archfixture";
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(ROOT);

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(BROKEN);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }

    @Test
    void aCycleBetweenTwoPackagesIsFound() {
        assertThat(violations(ArchitectureRules.noPackageCycles(ROOT)))
                .containsPattern("Cycle detected: cli ->\\s+tui ->\\s+cli")
                .contains("archfixture.tui.Screen.exitCode()");
    }

    @Test
    void aDependencyUpTheLayoutIsFound() {
        assertThat(violations(ArchitectureRules.packagesUseOnlyThoseBeforeThemInTheLayout(ROOT)))
                .contains("archfixture.tui.Screen.exitCode()").contains("archfixture.cli.Launcher")
                .contains("archfixture.model.Node").contains("archfixture.base.Helper")
                .doesNotContain("archfixture.cli.Launcher.screen()");
    }

    @Test
    void aPackageMissingFromTheLayoutIsFound() {
        assertThat(violations(ArchitectureRules.everyPackageIsInTheLayout(ROOT))).contains("archfixture.extra.Stray");
    }

    @Test
    void aCoreClassUsingLanternaIsFound() {
        assertThat(violations(ArchitectureRules.coreUsesNoFrontEndNorLibraries(ROOT)))
                .contains("archfixture.sim.Drawing").contains("com.googlecode.lanterna");
    }

    @Test
    void aCoreClassUsingAFrontEndIsFound() {
        assertThat(violations(ArchitectureRules.coreUsesNoFrontEndNorLibraries(ROOT)))
                .contains("archfixture.model.Node").contains("archfixture.cli.Launcher");
    }

    @Test
    void aRendererInTheEngineIsFound() {
        assertThat(violations(ArchitectureRules.renderersLiveOutsideTheCore(ROOT))).contains("archfixture.sim.EventText");
    }

    @Test
    void baseUsingALayerIsFound() {
        assertThat(violations(ArchitectureRules.baseUsesNothingOfOurs(ROOT)))
                .contains("archfixture.base.Helper").contains("archfixture.model.Node");
    }

    @Test
    void lanternaOutsideTheUiIsFound() {
        assertThat(violations(ArchitectureRules.lanternaOnlyInTheFullScreenUi(ROOT)))
                .contains("archfixture.sim.Drawing")
                .doesNotContain("archfixture.tui.Screen");
    }
}
