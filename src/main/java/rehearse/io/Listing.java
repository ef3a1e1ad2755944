package rehearse.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rehearse.base.Printable;

/**
 * One text listing printed by cluster.exe: optional heading lines, a header row, a row of
 * dashes, then one row a line. Overflowing names make the dashes' column widths unreliable,
 * so rows are kept whole and read from the right by {@link ClusterExeImport}. Windows tools write CRLF, and
 * either UTF-16LE with a byte-order mark ({@code cmd /u}) or the console's OEM code page (850, 437...),
 * which the operator names with {@code --encoding}: it cannot be told from the bytes.
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
        return parse(file, bytes, null);
    }

    /**
     * Reads a listing in {@code encoding}, or, when it is null, in UTF-8 unless a byte-order
     * mark says UTF-16 ({@code cmd /u}). A UTF-16 byte-order mark wins over {@code encoding}:
     * listings saved by {@code cmd /u} and by plain {@code cmd} may be given together.
     */
    public static Listing parse(String file, byte[] bytes, Charset encoding) throws InputException {
        Listing l = new Listing(file);
        String[] lines = decode(file, bytes, encoding).split("\r?\n|\r", -1);
        int dashLine = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = stripEnd(lines[i]);
            int unsafe = Printable.firstUnsafe(line.replace('\t', ' '));
            if (unsafe >= 0) {
                throw new InputException(new Problem(Location.of(file, i + 1, unsafe + 1),
                        String.format(Locale.ROOT, "control character U+%04X in the listing", line.codePointAt(unsafe))));
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

    static String decode(String file, byte[] bytes, Charset encoding) throws InputException {
        if (bytes.length > InputFile.MAX_BYTES) {
            throw new InputException(new Problem(Location.of(file, 0, 0), "file too large: " + bytes.length + " bytes"));
        }
        Charset cs = encoding == null ? StandardCharsets.UTF_8 : encoding;
        int start = 0;
        if (bytes.length >= 2 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            start = 2;
        } else if (bytes.length >= 2 && bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            start = 2;
        } else if (cs.equals(StandardCharsets.UTF_8) && bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF) {
            start = 3;
        }
        CharsetDecoder decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8L, (long) (bytes.length * (double) decoder.maxCharsPerByte()) + 16));
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) r = decoder.flush(out);
        if (r.isError()) {
            out.flip();
            int line = 1, col = 1;
            for (int i = 0; i < out.length(); i++) {
                char c = out.charAt(i);
                if (c == '\n') {
                    line++;
                    col = 1;
                } else if (c != '\r') {
                    col++;
                }
            }
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < r.length() && i < 4; i++) hex.append(i > 0 ? " " : "").append(String.format(Locale.ROOT, "0x%02X", bytes[in.position() + i] & 0xFF));
            String what = (r.length() == 1 ? "byte " : "bytes ") + hex + " (offset " + in.position() + ")";
            throw new InputException(new Problem(Location.of(file, line, col), encoding == null
                    ? what + " is not UTF-8; cmd.exe writes a listing in the console's code page: give it with --encoding"
                            + " (cp850 in Western Europe, cp437 in the US; 'chcp' shows it)"
                    : what + " is not valid " + cs.name()));
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t' || s.charAt(end - 1) == '\r')) end--;
        return s.substring(0, end);
    }
}
