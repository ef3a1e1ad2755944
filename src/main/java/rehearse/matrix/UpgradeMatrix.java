package rehearse.matrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import rehearse.io.Printable;

/** The configurations and the two tables of supported upgrades between them. */
public final class UpgradeMatrix {
    private final List<Configuration> configurations;
    private final List<Upgrade> upgrades;
    private final Map<String, Configuration> bySpelling = new LinkedHashMap<>();
    private final Map<String, Platform> platforms = new LinkedHashMap<>();

    /** Tables whose platforms are not described: every platform is {@link Platform#unrestricted}. */
    public UpgradeMatrix(List<Configuration> configurations, List<Upgrade> upgrades) {
        this(configurations, upgrades, List.of());
    }

    public UpgradeMatrix(List<Configuration> configurations, List<Upgrade> upgrades, List<Platform> platforms) {
        this.configurations = List.copyOf(configurations);
        this.upgrades = List.copyOf(upgrades);
        for (Configuration c : this.configurations) {
            for (String spelling : spellings(c)) bySpelling.putIfAbsent(spelling, c);
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
        Upgrade best = null;
        for (Upgrade u : upgrades) {
            if (u.from().equals(from) && u.to().equals(to) && (best == null || u.kind() == UpgradeKind.ROLLING)) best = u;
        }
        return Optional.ofNullable(best);
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
            for (Upgrade u : upgrades) if (u.from().equals(c)) work.add(u.to());
        }
        return false;
    }

    public Optional<Configuration> byId(String id) {
        return configurations.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public int indexOf(Configuration c) {
        return configurations.indexOf(c);
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

    static String normalize(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!Character.isWhitespace(ch)) out.append(Character.toLowerCase(ch));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Every accepted spelling; "IIS 4.0 / SP4" also gives "4.0/SP4" by dropping the product name. */
    private static List<String> spellings(Configuration c) {
        List<String> forms = new ArrayList<>();
        forms.add(c.id());
        forms.add(c.label());
        forms.addAll(c.aliases());
        List<String> out = new ArrayList<>();
        for (String f : forms) {
            String n = normalize(f);
            out.add(n);
            if (n.startsWith("iis") && n.length() > 3) out.add(n.substring(3));
        }
        return out;
    }
}
