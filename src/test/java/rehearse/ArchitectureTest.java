package rehearse;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The program's classes (src/main) keep README's layering; see ArchitectureRules. */
@AnalyzeClasses(packages = "rehearse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule everyPackageIsInTheLayout = ArchitectureRules.everyPackageIsInTheLayout("rehearse");
    @ArchTest
    static final ArchRule packagesUseOnlyThoseBeforeThemInTheLayout =
            ArchitectureRules.packagesUseOnlyThoseBeforeThemInTheLayout("rehearse");
    @ArchTest
    static final ArchRule noPackageCycles = ArchitectureRules.noPackageCycles("rehearse");
    @ArchTest
    static final ArchRule coreUsesNoFrontEndNorLibraries = ArchitectureRules.coreUsesNoFrontEndNorLibraries("rehearse");
    @ArchTest
    static final ArchRule renderersLiveOutsideTheCore = ArchitectureRules.renderersLiveOutsideTheCore("rehearse");
    @ArchTest
    static final ArchRule baseUsesNothingOfOurs = ArchitectureRules.baseUsesNothingOfOurs("rehearse");
    @ArchTest
    static final ArchRule lanternaOnlyInTheFullScreenUi = ArchitectureRules.lanternaOnlyInTheFullScreenUi("rehearse");
    @ArchTest
    static final ArchRule jlineOnlyInTheShell = ArchitectureRules.jlineOnlyInTheShell("rehearse");
    @ArchTest
    static final ArchRule picocliOnlyInTheCommandLine = ArchitectureRules.picocliOnlyInTheCommandLine("rehearse");
    @ArchTest
    static final ArchRule yamlOnlyInIo = ArchitectureRules.yamlOnlyInIo("rehearse");
}
