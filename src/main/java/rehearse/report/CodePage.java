package rehearse.report;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;

/**
 * A code page a batch file can be written in, with the Java character set that writes it.
 * cmd.exe reads a batch file line by line in the console's code page, so the file names its own
 * with {@code chcp} on its second line (ASCII up to there) and is written in it. The OEM code pages
 * of Microsoft's chcp table that an administrator's console runs by default: 437 (United States),
 * 850 (Multilingual Latin I), 852 (Latin II), 866 (Cyrillic); and two more that a console can be
 * switched to with a TrueType font: 1252 (Windows Western) and 65001 (UTF-8, for names no OEM page
 * holds; only on consoles of Windows 7 and later, older ones stop reading a batch file after it).
 * All are in java.base, which the release's runtime holds.
 */
public record CodePage(int number, Charset charset) {
    public static final int DEFAULT = 437;

    public static List<CodePage> supported() {
        return List.of(new CodePage(437, Charset.forName("IBM437")), new CodePage(850, Charset.forName("IBM850")),
                new CodePage(852, Charset.forName("IBM852")), new CodePage(866, Charset.forName("IBM866")),
                new CodePage(1252, Charset.forName("windows-1252")), new CodePage(65001, java.nio.charset.StandardCharsets.UTF_8));
    }

    public static Optional<CodePage> of(int number) {
        return supported().stream().filter(c -> c.number == number).findFirst();
    }

    /** "437, 850, 852, 866, 1252 or 65001". */
    public static String numbers(List<CodePage> pages) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            if (i > 0) b.append(i == pages.size() - 1 ? " or " : ", ");
            b.append(pages.get(i).number);
        }
        return b.toString();
    }

    public boolean holds(String text) {
        return charset.newEncoder().canEncode(text);
    }
}
