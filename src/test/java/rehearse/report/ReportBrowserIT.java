package rehearse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opened in a real browser, Debian's chromium, headless (.ci/run installs it): it
 * renders (a screenshot that is not blank) and its timeline holds the groups' names in the DOM.
 * Skipped only where chromium is not installed.
 */
class ReportBrowserIT {
    @TempDir Path dir;

    private static String chromium() {
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) return Path.of(d, name).toString();
            }
        }
        return null;
    }

    /** Runs chromium headless on the page with one more argument; its standard output. */
    private String chromium(String browser, Path page, String what) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--user-data-dir=" + dir.resolve("profile"), "--window-size=800,1400", what, page.toUri().toString()));
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectOutput(out.toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium ended in time").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void theHtmlReportRendersInAHeadlessBrowser() throws Exception {
        String browser = chromium();
        assumeTrue(browser != null, "chromium is not installed (.ci/run installs it)");
        Path page = dir.resolve("report.html");
        ImportRunbookReportTest.Cli r = ImportRunbookReportTest.cli("run", "src/test/resources/fault.rh", "--report", page.toString());
        assertThat(r.code()).as(r.err()).isZero();

        Path shot = dir.resolve("shot.png");
        chromium(browser, page, "--screenshot=" + shot);
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image).as("a PNG screenshot").isNotNull();
        long inked = 0;
        long coloured = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) inked++;
                int red = rgb >> 16 & 0xFF;
                int green = rgb >> 8 & 0xFF;
                int blue = rgb & 0xFF;
                if (Math.max(red, Math.max(green, blue)) - Math.min(red, Math.min(green, blue)) > 80) coloured++;
            }
        }
        long all = (long) image.getWidth() * image.getHeight();
        assertThat(inked).as("non-white pixels of " + all).isGreaterThan(all / 20);
        assertThat(coloured).as("coloured pixels (the timeline's bars)").isGreaterThan(2_000);

        String dom = chromium(browser, page, "--dump-dom");
        String svg = dom.substring(dom.indexOf("<svg"), dom.indexOf("</svg>"));
        assertThat(svg).contains(">Web Group</text>").contains(">FTP Group</text>").contains(">node NODEA</text>");
        assertThat(dom).contains("<h2>Verdict</h2>");
    }
}
