package rehearse.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rehearse.base.Printable;
import rehearse.matrix.BuiltInTables;
import rehearse.matrix.Configuration;
import rehearse.matrix.Platform;
import rehearse.matrix.Upgrade;
import rehearse.matrix.UpgradeKind;
import rehearse.matrix.UpgradeMatrix;

/** Reads the upgrade tables file (format documented in README and in the embedded file). */
public final class MatrixLoader {
    public static final String EMBEDDED = "/rehearse/upgrade-tables.yaml";
    private static UpgradeMatrix builtIn;

    private MatrixLoader() {}

    /**
     * The seed's tables, shipped inside the jar as {@link #EMBEDDED} and built from the same rows
     * in code ({@link BuiltInTables}), so that a start does not parse YAML.
     */
    public static synchronized UpgradeMatrix builtIn() {
        if (builtIn == null) builtIn = fromYaml() ? parseEmbedded() : BuiltInTables.matrix();
        return builtIn;
    }

    /** -Drehearse.builtInsFromYaml=true: the built-in tables and sample parsed as before, for scripts/bench's comparison. */
    public static boolean fromYaml() {
        return Boolean.getBoolean("rehearse.builtInsFromYaml");
    }

    private static UpgradeMatrix parseEmbedded() {
        try {
            return parse("upgrade-tables.yaml (built in)", embeddedBytes());
        } catch (InputException e) {
            throw new IllegalStateException("the built-in upgrade tables are damaged: " + e.getMessage(), e);
        }
    }

    /** The text of the built-in tables, as operators read and copy it. */
    public static byte[] embeddedBytes() {
        try (InputStream in = MatrixLoader.class.getResourceAsStream(EMBEDDED)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("the built-in upgrade tables are missing", e);
        }
    }

    public static UpgradeMatrix parse(String file, byte[] bytes) throws InputException {
        Problems p = new Problems(file);
        Optional<YamlNode> root = YamlInput.compose(file, bytes);
        if (root.isEmpty()) throw new InputException(new Problem(Location.of(file, 1, 1), "the tables file is empty"));
        YamlMap top = YamlMap.of(root.get(), p, "the tables file", List.of("platforms", "configurations", "standard", "rolling"));
        java.util.Map<String, Platform> platforms = new java.util.LinkedHashMap<>();
        for (YamlNode n : top.list("platforms")) {
            YamlMap pm = YamlMap.of(n, p, "a platform", List.of("name", "clusterVersion", "maxNodes", "os", "servicePack", "iisSetup"));
            String name = pm.requiredText("name", "a platform").orElse(null);
            Optional<Long> version = pm.integer("clusterVersion", 1, 1000);
            Optional<Long> max = pm.integer("maxNodes", 1, 64);
            if (version.isEmpty() && !pm.has("clusterVersion")) p.at(n, "a platform needs 'clusterVersion'");
            if (max.isEmpty() && !pm.has("maxNodes")) p.at(n, "a platform needs 'maxNodes'");
            Optional<Long> servicePack = pm.integer("servicePack", 0, 1000);
            String os = pm.has("os") ? pm.requiredText("os", "a platform").orElse(null) : name;
            String iisSetup = pm.has("iisSetup") ? pm.requiredText("iisSetup", "a platform").orElse(null) : null;
            if (name == null || version.isEmpty() || max.isEmpty() || os == null || (pm.has("servicePack") && servicePack.isEmpty())) continue;
            boolean printable = !name.isBlank() && Printable.firstUnsafe(name) < 0 && !os.isBlank() && Printable.firstUnsafe(os) < 0
                    && (iisSetup == null || (!iisSetup.isBlank() && Printable.firstUnsafe(iisSetup) < 0));
            Platform platform = new Platform(name, version.get().intValue(), max.get().intValue(), os, servicePack.orElse(0L).intValue(), iisSetup);
            if (!printable) p.at(n, "platform text must be printable and not empty");
            else if (platforms.putIfAbsent(name, platform) != null) {
                p.at(pm.keyNode("name"), "duplicate platform '" + name + "'");
            }
        }
        List<Configuration> configs = new ArrayList<>();
        // Every spelling of a configuration (id, label, aliases, compared as UpgradeMatrix compares
        // them) must name that one configuration: "x1" and "X1", or an id equal to another's
        // label, would make a name in a cluster file mean either.
        Map<String, Spelled> spellings = new HashMap<>();
        int index = 0;
        for (YamlNode n : top.list("configurations")) {
            index++;
            YamlMap c = YamlMap.of(n, p, "a configuration", List.of("id", "label", "aliases", "platform", "iisResourceType"));
            String id = c.requiredText("id", "a configuration").orElse(null);
            String label = c.requiredText("label", "a configuration").orElse(null);
            String platform = c.requiredText("platform", "a configuration").orElse(null);
            String iisType = c.requiredText("iisResourceType", "a configuration").orElse(null);
            List<YamlNode.Scalar> aliasNodes = c.scalars("aliases");
            List<String> aliases = aliasNodes.stream().map(YamlNode.Scalar::value).toList();
            boolean printable = true;
            for (String s : new String[] {id, label, platform, iisType}) {
                if (s != null && (s.isBlank() || Printable.firstUnsafe(s) >= 0)) printable = false;
            }
            for (String s : aliases) if (s.isBlank() || Printable.firstUnsafe(s) >= 0) printable = false;
            if (!printable) p.at(n, "configuration text must be printable and not empty");
            if (id == null || label == null || platform == null || iisType == null || !printable) continue;
            if (top.has("platforms") && !platforms.containsKey(platform)) {
                p.at(c.get("platform").orElse(n), "platform '" + platform + "' is not listed under 'platforms'");
            }
            boolean clash = false;
            List<YamlNode> at = new ArrayList<>(List.of(c.get("id").get(), c.get("label").get()));
            at.addAll(aliasNodes);
            List<String> texts = new ArrayList<>(List.of(id, label));
            texts.addAll(aliases);
            for (int i = 0; i < texts.size(); i++) {
                for (String key : UpgradeMatrix.spellings(texts.get(i))) {
                    Spelled first = spellings.get(key);
                    if (first != null && first.index() != index) {
                        p.at(at.get(i), "'" + texts.get(i) + "' names configuration '" + first.id() + "' already ('"
                                + first.text() + "' at line " + first.at().line() + ", column " + first.at().column()
                                + "): configuration names ignore case, spaces and slashes, and a leading IIS");
                        clash = true;
                        break;
                    }
                    spellings.putIfAbsent(key, new Spelled(index, id, texts.get(i), at.get(i)));
                }
            }
            if (clash) continue;
            configs.add(new Configuration(id, label, aliases, platform, iisType));
        }
        if (configs.isEmpty() && p.isEmpty()) p.at(root.get(), "the tables file lists no configurations");
        UpgradeMatrix partial = new UpgradeMatrix(configs, List.of());
        List<Upgrade> upgrades = new ArrayList<>();
        for (UpgradeKind kind : UpgradeKind.values()) {
            for (YamlNode n : top.list(kind.word())) {
                YamlMap u = YamlMap.of(n, p, "an upgrade", List.of("from", "to"));
                Configuration from = config(u, "from", partial, p);
                Configuration to = config(u, "to", partial, p);
                if (from == null || to == null) continue;
                if (from.equals(to)) {
                    p.at(n, "an upgrade must change the configuration (" + from.id() + " to itself)");
                    continue;
                }
                upgrades.add(new Upgrade(from, to, kind));
            }
        }
        if (!top.has("platforms") && p.isEmpty()) {
            p.at(root.get(), "the tables file needs 'platforms': each platform's name, clusterVersion and maxNodes (see README)");
        }
        p.throwIfAny();
        return new UpgradeMatrix(configs, upgrades, List.copyOf(platforms.values()));
    }

    /** A spelling already taken, by which configuration and where. */
    private record Spelled(int index, String id, String text, YamlNode at) {}

    private static Configuration config(YamlMap u, String key, UpgradeMatrix partial, Problems p) {
        Optional<String> text = u.requiredText(key, "an upgrade");
        if (text.isEmpty()) return null;
        Configuration c = partial.find(text.get());
        if (c == null) p.at(u.get(key).orElse(u.node()), "unknown configuration '" + text.get() + "'; known: " + partial.known());
        return c;
    }
}
