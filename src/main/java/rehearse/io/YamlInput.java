package rehearse.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import rehearse.base.Printable;

/**
 * Turns the bytes of a YAML file into a tree of {@link YamlNode}s, which keep the line and
 * column of every value. SnakeYAML Engine scans and parses; the tree is built here, without
 * recursion, under limits on depth, values and aliases, so that no file under the size limit
 * exhausts the stack or the heap. Every way the bytes can be wrong ends as an
 * {@link InputException} with a position, never as an exception from deep inside the parser.
 */
public final class YamlInput {
    /** The size limit of every input file (see {@link InputFile}). */
    public static final int MAX_BYTES = InputFile.MAX_BYTES;
    /** No line of a cluster file, tables file or script comes near this; the YAML scanner is slow on huge scalars. */
    public static final int MAX_LINE = 64 * 1024;
    /** A cluster file is at most seven levels deep (groups, resources, dependencies); 64 leaves room for any layout. */
    public static final int MAX_DEPTH = 64;
    /**
     * Values in a file, aliases expanded: the bench cluster (16 nodes, 1,000 groups, 5,000
     * resources) has about 60,000; a million takes some 80 MB of heap.
     */
    public static final int MAX_VALUES = 1_000_000;
    /** Anchors are handy for repeated owner lists; many aliases of collections are an alias bomb. */
    public static final int MAX_COLLECTION_ALIASES = 20;

    private YamlInput() {}

    /** The single document of the file, or empty when it holds none. */
    public static Optional<YamlNode> compose(String file, byte[] bytes) throws InputException {
        String text = decode(file, bytes);
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setParseComments(false)
                .setCodePointLimit(MAX_BYTES)
                .setBufferSize(bufferFor(text))
                .build();
        try {
            Parser parser = new ParserImpl(settings, new StreamReader(settings, text));
            return Optional.ofNullable(new Builder(file, settings.getSchema().getScalarResolver()).build(parser));
        } catch (MarkedYamlEngineException e) {
            Problems p = new Problems(file);
            String what = e.getProblem() == null ? "not valid YAML" : e.getProblem();
            p.at(e.getProblemMark().orElse(e.getContextMark().orElse(null)), "YAML syntax: " + firstLine(what));
            p.throwIfAny();
            throw new AssertionError();
        } catch (YamlEngineException e) {
            throw new InputException(new Problem(Location.of(file, 0, 0), "YAML: " + firstLine(String.valueOf(e.getMessage()))));
        }
    }

    /** Builds the tree from the parser's events with a stack of open collections. */
    /**
     * SnakeYAML Engine's reader fails (IndexOutOfBoundsException) when a character outside the
     * Basic Multilingual Plane (an emoji, a surrogate pair) falls across the end of its buffer, 1024
     * characters by default: text that holds one is read in a single buffer, the text's length
     * (at most the input limit); any other keeps the default.
     */
    static int bufferFor(String text) {
        for (int i = 0; i < text.length(); i++) if (Character.isSurrogate(text.charAt(i))) return Math.max(1024, text.length() + 1);
        return 1024;
    }

    private static final class Builder {
        private final String file;
        private final ScalarResolver resolver;
        private final Deque<Open> open = new ArrayDeque<>();
        private final Map<String, Done> anchors = new HashMap<>();
        private final Set<String> unfinished = new HashSet<>();
        private YamlNode root;
        private long values;
        private int collectionAliases;
        private int documents;

        /** A collection being read: its items (a mapping's alternate keys and values), anchor and weight. */
        private static final class Open {
            final boolean mapping;
            final int line, column;
            final String anchor;
            final List<YamlNode> items = new ArrayList<>();
            long weight = 1;

            Open(boolean mapping, int line, int column, String anchor) {
                this.mapping = mapping;
                this.line = line;
                this.column = column;
                this.anchor = anchor;
            }
        }

        /** An anchored node and the number of values it stands for. */
        private record Done(YamlNode node, long weight) {}

        Builder(String file, ScalarResolver resolver) {
            this.file = file;
            this.resolver = resolver;
        }

        YamlNode build(Parser parser) throws InputException {
            while (parser.hasNext()) {
                Event e = parser.next();
                switch (e.getEventId()) {
                    case DocumentStart -> {
                        if (++documents > 1) throw at(e, "a second document ('---'): the file must hold one");
                    }
                    case Scalar -> {
                        ScalarEvent s = (ScalarEvent) e;
                        place(e, new YamlNode.Scalar(line(e), column(e), s.getValue(), kind(s), s.isPlain()), 1, anchor(s), false);
                    }
                    case SequenceStart, MappingStart -> {
                        if (open.size() >= MAX_DEPTH) throw at(e, "nested more than " + MAX_DEPTH + " levels deep");
                        String anchor = anchor((NodeEvent) e);
                        if (anchor != null) unfinished.add(anchor);
                        open.push(new Open(e.getEventId() == Event.ID.MappingStart, line(e), column(e), anchor));
                    }
                    case SequenceEnd, MappingEnd -> {
                        Open o = open.pop();
                        YamlNode node;
                        if (o.mapping) {
                            List<YamlNode.Entry> entries = new ArrayList<>(o.items.size() / 2);
                            for (int i = 0; i + 1 < o.items.size(); i += 2) entries.add(new YamlNode.Entry(o.items.get(i), o.items.get(i + 1)));
                            node = new YamlNode.Mapping(o.line, o.column, entries);
                        } else {
                            ((ArrayList<YamlNode>) o.items).trimToSize();
                            node = new YamlNode.Sequence(o.line, o.column, o.items);
                        }
                        if (o.anchor != null) unfinished.remove(o.anchor);
                        place(e, node, o.weight, o.anchor, false);
                    }
                    case Alias -> alias((AliasEvent) e);
                    default -> {
                        // stream start and end, document end: nothing to build
                    }
                }
            }
            return root;
        }

        private void alias(AliasEvent e) throws InputException {
            String name = e.getAlias().getValue();
            if (unfinished.contains(name)) throw at(e, "alias *" + Printable.clean(name) + " refers to a value that contains it");
            Done d = anchors.get(name);
            if (d == null) throw at(e, "alias *" + Printable.clean(name) + " has no anchor &" + Printable.clean(name) + " before it");
            if (!(d.node() instanceof YamlNode.Scalar) && ++collectionAliases > MAX_COLLECTION_ALIASES) {
                throw at(e, "more than " + MAX_COLLECTION_ALIASES + " aliases of lists or mappings");
            }
            values += d.weight() - 1; // place() counts one
            place(e, d.node(), d.weight(), null, true);
        }

        private void place(Event e, YamlNode node, long weight, String anchor, boolean alias) throws InputException {
            values++;
            if (values > MAX_VALUES) {
                throw at(e, "more than " + MAX_VALUES + " values" + (alias ? " once aliases are expanded" : "")
                        + "; a cluster file of 5,000 resources has about 60,000");
            }
            if (anchor != null) anchors.put(anchor, new Done(node, weight));
            if (open.isEmpty()) {
                root = node;
            } else {
                Open o = open.peek();
                o.items.add(node);
                o.weight += weight;
            }
        }

        private YamlNode.Kind kind(ScalarEvent s) {
            Optional<String> tag = s.getTag();
            Tag t = tag.isEmpty() || tag.get().equals("!")
                    ? resolver.resolve(s.getValue(), s.getImplicit().canOmitTagInPlainScalar())
                    : new Tag(tag.get());
            if (Tag.STR.equals(t)) return YamlNode.Kind.TEXT;
            if (Tag.NULL.equals(t)) return YamlNode.Kind.NULL;
            if (Tag.BOOL.equals(t)) return YamlNode.Kind.BOOL;
            if (Tag.INT.equals(t)) return YamlNode.Kind.INT;
            if (Tag.FLOAT.equals(t)) return YamlNode.Kind.FLOAT;
            return YamlNode.Kind.OTHER;
        }

        private static String anchor(NodeEvent e) {
            return e.getAnchor().map(Anchor::getValue).orElse(null);
        }

        private static int line(Event e) {
            return e.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        }

        private static int column(Event e) {
            return e.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
        }

        private InputException at(Event e, String message) {
            return new InputException(new Problem(Location.of(file, line(e), column(e)), message));
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
                    String.format(Locale.ROOT, "invalid UTF-8 byte 0x%02X", bytes[bad] & 0xFF)));
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
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                throw new InputException(new Problem(position(file, text, i),
                        String.format(Locale.ROOT, "control character U+%04X is not allowed", (int) c)));
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
