package rehearse.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Turns the bytes of a YAML file into SnakeYAML Engine's node tree, which keeps the line and
 * column of every value. Every way the bytes can be wrong ends as an {@link InputException}
 * with a position, never as an exception from deep inside the parser.
 */
public final class YamlInput {
    /** A cluster file with a thousand groups is well under 1 MiB; anything much larger is a mistake. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    /** No line of a cluster file, tables file or script comes near this; the YAML scanner is slow on huge scalars. */
    public static final int MAX_LINE = 64 * 1024;
    /** Anchors are handy for repeated owner lists; many aliases of collections are an alias bomb. */
    private static final int MAX_COLLECTION_ALIASES = 20;

    private YamlInput() {}

    public static Optional<Node> compose(String file, byte[] bytes) throws InputException {
        String text = decode(file, bytes);
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setAllowDuplicateKeys(true) // the readers report duplicates with both positions
                .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(MAX_BYTES)
                .build();
        try {
            return new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Problems p = new Problems(file);
            String what = e.getProblem() == null ? "not valid YAML" : e.getProblem();
            p.at(e.getProblemMark().orElse(e.getContextMark().orElse(null)), "YAML syntax: " + firstLine(what));
            p.throwIfAny();
            throw new AssertionError();
        } catch (YamlEngineException e) {
            throw new InputException(new Problem(Location.of(file, 0, 0), "YAML: " + firstLine(String.valueOf(e.getMessage()))));
        } catch (StackOverflowError e) {
            throw new InputException(new Problem(Location.of(file, 0, 0), "YAML nested too deeply"));
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Strict UTF-8, no control characters but tab and line ends; positions for both. */
    public static String decode(String file, byte[] bytes) throws InputException {
        if (bytes.length > MAX_BYTES) {
            throw new InputException(new Problem(Location.of(file, 0, 0),
                    "file too large: " + bytes.length + " bytes (the limit is " + MAX_BYTES + ")"));
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw new InputException(new Problem(Location.of(file, 1, 1), "file is UTF-16; save it as UTF-8"));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidByte(bytes);
            String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            throw new InputException(new Problem(position(file, before, before.length()),
                    String.format("invalid UTF-8 byte 0x%02X", bytes[bad] & 0xFF)));
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') lineStart = i + 1;
            else if (i - lineStart >= MAX_LINE) {
                Location at = position(file, text, lineStart);
                throw new InputException(new Problem(Location.of(file, at.line(), 0),
                        "line longer than " + MAX_LINE + " characters"));
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                throw new InputException(new Problem(position(file, text, i),
                        String.format("control character U+%04X is not allowed", (int) c)));
            }
        }
        return text;
    }

    private static int firstInvalidByte(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        d.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    /** Line and column (from 1) of character {@code index} in {@code text}. */
    public static Location position(String file, String text, int index) {
        int line = 1, col = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return Location.of(file, line, col);
    }
}
