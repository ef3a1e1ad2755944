package rehearse.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One text listing printed by cluster.exe: optional heading lines, a header row, a row of
 * dashes, then one row a line. Overflowing names make the dashes' column widths unreliable,
 * so rows are kept whole and read from the right by {@link ClusterExeImport}. Windows tools write CRLF, often
 * UTF-16LE with a byte-order mark; both are read.
 */
public final class Listing {
    /** A data row with its 1-based line number in the file. */
    public record Row(int line, String text) {}

    private static final Pattern CLUSTER = Pattern.compile("/cluster:\"?([^\"\\s]+)\"?", Pattern.CASE_INSENSITIVE);

    public final String file;
    public final List<String> headings = new ArrayList<>();
    public final List<Row> rows = new ArrayList<>();
    public String clusterName;

    private Listing(String file) {
        this.file = file;
    }

    public static Listing parse(String file, byte[] bytes) throws InputException {
        Listing l = new Listing(file);
        String[] lines = decode(file, bytes).split("\r?\n|\r", -1);
        int dashLine = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = stripEnd(lines[i]);
            int unsafe = Printable.firstUnsafe(line.replace('\t', ' '));
            if (unsafe >= 0) {
                throw new InputException(new Problem(Location.of(file, i + 1, unsafe + 1),
                        String.format("control character U+%04X in the listing", line.codePointAt(unsafe))));
            }
            Matcher m = CLUSTER.matcher(line);
            if (dashLine < 0 && m.find()) l.clusterName = m.group(1);
            if (dashLine < 0) {
                if (!line.isBlank() && line.chars().allMatch(c -> c == '-' || c == ' ') && line.contains("-")) {
                    dashLine = i;
                } else if (!line.isBlank()) {
                    l.headings.add(line.trim());
                }
            } else if (!line.isBlank()) {
                l.rows.add(new Row(i + 1, line));
            }
        }
        if (dashLine < 0) {
            throw new InputException(new Problem(Location.of(file, 1, 0),
                    "no row of dashes under a header: not a cluster.exe listing"));
        }
        return l;
    }

    /** The header row (the last heading before the dashes), lower-cased. */
    public String header() {
        return headings.isEmpty() ? "" : headings.get(headings.size() - 1).toLowerCase(Locale.ROOT);
    }

    static String decode(String file, byte[] bytes) throws InputException {
        if (bytes.length > YamlInput.MAX_BYTES) {
            throw new InputException(new Problem(Location.of(file, 0, 0), "file too large: " + bytes.length + " bytes"));
        }
        if (bytes.length >= 2 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            // Not UTF-8: an 8-bit code page, as cmd.exe writes without /u. Names stay readable.
            return new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
        }
    }

    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t' || s.charAt(end - 1) == '\r')) end--;
        return s.substring(0, end);
    }
}
