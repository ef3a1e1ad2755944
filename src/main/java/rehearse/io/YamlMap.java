package rehearse.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import rehearse.base.Printable;
import rehearse.io.YamlNode.Kind;
import rehearse.io.YamlNode.Mapping;
import rehearse.io.YamlNode.Scalar;
import rehearse.io.YamlNode.Sequence;

/**
 * A YAML mapping read against a known set of keys. Unknown keys (with a suggestion),
 * duplicate keys and values of the wrong shape are reported to {@link Problems} with their
 * position; the getters then return empty so reading goes on and finds the next problem.
 */
public final class YamlMap {
    private final Problems problems;
    private final Map<String, YamlNode> values = new LinkedHashMap<>();
    private final Map<String, YamlNode> keys = new LinkedHashMap<>();
    private final YamlNode node;

    private YamlMap(YamlNode node, Problems problems) {
        this.node = node;
        this.problems = problems;
    }

    /** Reads {@code node} as a mapping describing {@code what}, whose keys must be among {@code known}. */
    public static YamlMap of(YamlNode node, Problems problems, String what, List<String> known) {
        YamlMap map = new YamlMap(node, problems);
        if (!(node instanceof Mapping m)) {
            problems.at(node, what + " must be a mapping of keys to values, found " + describe(node));
            return map;
        }
        for (YamlNode.Entry t : m.entries()) {
            if (!(t.key() instanceof Scalar k)) {
                problems.at(t.key(), "a key in " + what + " must be plain text");
                continue;
            }
            String key = k.value();
            if (!known.contains(key)) {
                problems.at(k, "unknown key '" + key + "' in " + what + suggestion(key, known));
                continue;
            }
            YamlNode first = map.keys.get(key);
            if (first != null) {
                problems.at(k, "duplicate key '" + key + "' in " + what + " (first at line " + first.line() + ")");
                continue;
            }
            map.keys.put(key, k);
            map.values.put(key, t.value());
        }
        return map;
    }

    public YamlNode node() {
        return node;
    }

    public Optional<YamlNode> get(String key) {
        YamlNode v = values.get(key);
        return v == null || isNull(v) ? Optional.empty() : Optional.of(v);
    }

    public boolean has(String key) {
        return get(key).isPresent();
    }

    /** The key's own node, for problems about the key rather than its value. */
    public YamlNode keyNode(String key) {
        YamlNode k = keys.get(key);
        return k == null ? node : k;
    }

    public Optional<String> text(String key) {
        return get(key).flatMap(v -> scalar(v, problems, "'" + key + "'"));
    }

    public Optional<String> requiredText(String key, String what) {
        if (!has(key)) {
            problems.at(node, what + " needs '" + key + "'");
            return Optional.empty();
        }
        return text(key);
    }

    public Optional<Boolean> bool(String key) {
        Optional<YamlNode> v = get(key);
        if (v.isEmpty()) return Optional.empty();
        if (v.get() instanceof Scalar s && s.kind() == Kind.BOOL) {
            return Optional.of(Boolean.parseBoolean(s.value().toLowerCase(Locale.ROOT)));
        }
        problems.at(v.get(), "'" + key + "' must be true or false, found " + describe(v.get()));
        return Optional.empty();
    }

    /** A non-negative number of seconds, returned as milliseconds. */
    public Optional<Long> seconds(String key) {
        Optional<YamlNode> v = get(key);
        if (v.isEmpty()) return Optional.empty();
        if (v.get() instanceof Scalar s && (s.kind() == Kind.INT || s.kind() == Kind.FLOAT)) {
            try {
                double d = Double.parseDouble(s.value());
                if (d >= 0 && d <= 366 * 86400.0) return Optional.of(Math.round(d * 1000));
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        problems.at(v.get(), "'" + key + "' must be a number of seconds between 0 and one year, found " + describe(v.get()));
        return Optional.empty();
    }

    /** A whole number from {@code min} to {@code max}. */
    public Optional<Long> integer(String key, long min, long max) {
        Optional<YamlNode> v = get(key);
        if (v.isEmpty()) return Optional.empty();
        if (v.get() instanceof Scalar s && s.kind() == Kind.INT) {
            try {
                long n = Long.parseLong(s.value());
                if (n >= min && n <= max) return Optional.of(n);
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        problems.at(v.get(), "'" + key + "' must be a whole number from " + min + " to " + max + ", found " + describe(v.get()));
        return Optional.empty();
    }

    /** A list of scalars; a single scalar is taken as a list of one. */
    public List<Scalar> scalars(String key) {
        Optional<YamlNode> v = get(key);
        if (v.isEmpty()) return List.of();
        if (v.get() instanceof Scalar s) return List.of(s);
        List<Scalar> out = new ArrayList<>();
        for (YamlNode item : list(key)) {
            if (item instanceof Scalar s) out.add(s);
            else problems.at(item, "'" + key + "' must list plain names, found " + describe(item));
        }
        return out;
    }

    public List<YamlNode> list(String key) {
        Optional<YamlNode> v = get(key);
        if (v.isEmpty()) return List.of();
        if (v.get() instanceof Sequence s) return s.items();
        problems.at(v.get(), "'" + key + "' must be a list, found " + describe(v.get()));
        return List.of();
    }

    public static Optional<String> scalar(YamlNode v, Problems problems, String what) {
        if (v instanceof Scalar s) return Optional.of(s.value());
        problems.at(v, what + " must be plain text, found " + describe(v));
        return Optional.empty();
    }

    static boolean isNull(YamlNode v) {
        return v instanceof Scalar s && s.kind() == Kind.NULL;
    }

    public static String describe(YamlNode v) {
        if (v == null) return "nothing";
        if (v instanceof Mapping) return "a mapping";
        if (v instanceof Sequence) return "a list";
        if (isNull(v)) return "nothing";
        String text = ((Scalar) v).value();
        if (text.length() > 40) text = text.substring(0, 37) + "...";
        return "'" + Printable.clean(text) + "'";
    }

    static String suggestion(String key, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        if (best != null && bestDistance <= Math.max(2, key.length() / 3)) return " (did you mean '" + best + "'?)";
        return " (known keys: " + String.join(", ", known) + ")";
    }

    /** Levenshtein distance; keys are short. */
    static int distance(String a, String b) {
        if (a.length() > 64 || b.length() > 64) return Integer.MAX_VALUE / 2;
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
