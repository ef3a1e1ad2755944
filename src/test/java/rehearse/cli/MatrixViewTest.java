package rehearse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import rehearse.io.MatrixLoader;
import rehearse.matrix.SiteTables;
import rehearse.matrix.UpgradeMatrix;

class MatrixViewTest {
    @Test
    void theSeedsGridIsUnchanged() {
        String grid = MatrixView.render(MatrixLoader.builtIn());
        assertThat(grid).contains("""
                Present \\ Upgraded iis3-sp3 iis3-sp4 iis4-sp3 iis4-sp4 iis5
                IIS 3.0 / SP3      =        R        S        +        +
                IIS 3.0 / SP4      .        =        .        S        S
                IIS 4.0 / SP3      .        .        =        R        +
                IIS 4.0 / SP4      .        .        .        =        R
                IIS 5.0            .        .        .        .        =
                """);
    }

    /**
     * A site table of 300 configurations in a chain, with standard rows skipping ahead. The grid
     * once took a search per cell, each scanning every row (about n^4; no output after a minute).
     * The timeout only catches that return; the speed is measured with the command, not here.
     */
    @Test
    void aSiteTableOfThreeHundredConfigurationsIsOneSearchPerRow() {
        int n = 300;
        UpgradeMatrix m = SiteTables.chain(n, 7);
        String grid = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> MatrixView.render(m));
        List<String> lines = grid.lines().filter(l -> l.startsWith("Config ")).toList();
        assertThat(lines).hasSize(n);
        // Row i: '.' before i, '=' at i, 'R' at i + 1, 'S' at i + 7 (when a row was listed), '+' beyond.
        String row7 = lines.get(7).substring(19).replace(" ", "");
        assertThat(row7).hasSize(n);
        assertThat(row7.substring(0, 7)).isEqualTo(".......");
        assertThat(row7.substring(7, 16)).isEqualTo("=R+++++S+");
        assertThat(row7.substring(16)).matches("\\++");
        assertThat(lines.get(n - 1).substring(19).replace(" ", "")).isEqualTo(".".repeat(n - 1) + "=");
    }
}
