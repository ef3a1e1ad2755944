package rehearse.tui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The model, the messages, the effects and the update function know no terminal: Lanterna
 * appears only in the view (Frame, its panes, Canvas, Cells), the key decoder and App.
 */
class TuiShapeTest {
    @Test
    void theModelAndItsUpdateUseNoTerminalLibrary() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("rehearse.tui");
        noClasses().that().haveNameMatching(
                "rehearse\\.tui\\.(Model|Msg|Effect|Update|Keys|KeyMap|Key|Navigation|Menus|Prompts|Program|Snapshot|LogEntry|Overlay|UiAction)(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("com.googlecode.lanterna..")
                .because("key decoding and drawing happen at the edge (KeyDecoder, Frame, App)")
                .check(classes);
    }
}
