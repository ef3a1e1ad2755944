package rehearse.matrix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import rehearse.base.Printable;

/** The configurations and the two tables of supported upgrades between them. */
public final class UpgradeMatrix {
    private final List<Configuration> configurations;
    private final List<Upgrade> upgrades;
    private final Map<String, Configuration> bySpelling = new LinkedHashMap<>();
    private final Map<String, Platform> platforms = new LinkedHashMap<>();
    // Indexes, so that a table of hundreds of configurations is looked up in constant time.
    private final Map<Configuration, Integer> index = new HashMap<>();
    private final Map<Configuration, List<Upgrade>> from = new HashMap<>();
    private final Map<Configuration, Map<Configuration, Upgrade>> direct = new HashMap<>();

    /** Tables whose platforms are not described: every platform is {@link Platform#unrestricted}. */
    public UpgradeMatrix(List<Configuration> configurations, List<Upgrade> upgrades) {
        this(configurations, upgrades, List.of());
    }

    public UpgradeMatrix(List<Configuration> configurations, List<Upgrade> upgrades, List<Platform> platforms) {
        this.configurations = List.copyOf(configurations);
        this.upgrades = List.copyOf(upgrades);
        for (Configuration c : this.configurations) {
            for (String spelling : spellings(c)) bySpelling.putIfAbsent(spelling, c);
            index.putIfAbsent(c, index.size());
        }
        for (Upgrade u : this.upgrades) {
            from.computeIfAbsent(u.from(), k -> new ArrayList<>()).add(u);
            Map<Configuration, Upgrade> row = direct.computeIfAbsent(u.from(), k -> new HashMap<>());
            Upgrade best = row.get(u.to());
            if (best == null || u.kind() == UpgradeKind.ROLLING) row.put(u.to(), u); // as direct() always chose
        }
        for (Platform p : platforms) this.platforms.put(p.name(), p);
    }

    /** The platform a configuration runs on. */
    public Platform platform(Configuration c) {
        Platform p = platforms.get(c.platform());
        return p != null ? p : Platform.unrestricted(c.platform());
    }

    public List<Platform> platforms() {
        return List.copyOf(platforms.values());
    }

    public List<Configuration> configurations() {
        return configurations;
    }

    public List<Upgrade> upgrades() {
        return upgrades;
    }

    public List<Upgrade> upgrades(UpgradeKind kind) {
        return upgrades.stream().filter(u -> u.kind() == kind).toList();
    }

    /** The supported upgrade from {@code from} to {@code to}; rolling is preferred when both tables list it. */
    public Optional<Upgrade> direct(Configuration from, Configuration to) {
        return Optional.ofNullable(direct.getOrDefault(from, Map.of()).get(to));
    }

    /** The rows that start at {@code c}, in table order. */
    public List<Upgrade> upgradesFrom(Configuration c) {
        return from.getOrDefault(c, List.of());
    }

    /**
     * The configuration a cluster's plan starts from: the one its nodes share, or, for a cluster
     * caught mid-way through one supported upgrade, that upgrade's older end. The one place that
     * says what a cluster's present configuration is.
     */
    public Configuration present(List<Configuration> nodeConfigs) {
        Configuration first = nodeConfigs.get(0);
        for (Configuration c : nodeConfigs) {
            if (!c.equals(first)) {
                if (direct(c, first).isPresent()) return c;
                if (direct(first, c).isPresent()) return first;
            }
        }
        return first;
    }

    /** Whether some path through the tables leads from {@code from} to {@code to}. */
    public boolean leadsTo(Configuration from, Configuration to) {
        java.util.Set<Configuration> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<Configuration> work = new java.util.ArrayDeque<>(List.of(from));
        while (!work.isEmpty()) {
            Configuration c = work.poll();
            if (c.equals(to) && !c.equals(from)) return true;
            if (!seen.add(c)) continue;
            for (Upgrade u : upgradesFrom(c)) work.add(u.to());
        }
        return false;
    }

    public Optional<Configuration> byId(String id) {
        return configurations.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public int indexOf(Configuration c) {
        return index.getOrDefault(c, -1);
    }

    /** Accepts the id, the label, the long form and short forms, ignoring case and spaces. */
    public Configuration resolve(String text) throws UnknownConfigurationException {
        Configuration c = find(text);
        if (c != null) return c;
        throw new UnknownConfigurationException("unknown configuration '" + Printable.clean(text) + "'; known: " + known());
    }

    public Configuration find(String text) {
        return text == null ? null : bySpelling.get(normalize(text));
    }

    public String known() {
        return configurations.stream().map(c -> c.id() + " (\"" + c.label() + "\")").collect(Collectors.joining(", "));
    }

    /**
     * The form spellings are compared in: lower case, without spaces or slashes, so that
     * "IIS 4.0 / SP4", "iis 4.0 sp4" and "IIS4.0/SP4" are one spelling.
     */
    static String normalize(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!Character.isWhitespace(ch) && !Character.isSpaceChar(ch) && ch != '/') out.append(ch);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The compared forms one text stands for: itself, and without a leading "IIS" ("4.0/SP4" for "IIS 4.0 / SP4"). */
    // Public for the tables' loader (io.MatrixLoader), which refuses two configurations sharing a spelling.
    public static List<String> spellings(String text) {
        String n = normalize(text);
        if (n.startsWith("iis") && n.length() > 3) return List.of(n, n.substring(3));
        return List.of(n);
    }

    /** Every accepted spelling of a configuration: its id, label and aliases, with and without a leading "IIS". */
    private static List<String> spellings(Configuration c) {
        List<String> out = new ArrayList<>();
        out.addAll(spellings(c.id()));
        out.addAll(spellings(c.label()));
        for (String a : c.aliases()) out.addAll(spellings(a));
        return out;
    }
}
