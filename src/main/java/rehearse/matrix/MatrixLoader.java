package rehearse.matrix;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import rehearse.io.InputException;
import rehearse.io.Location;
import rehearse.io.Printable;
import rehearse.io.Problem;
import rehearse.io.Problems;
import rehearse.io.YamlInput;
import rehearse.io.YamlMap;
import rehearse.io.YamlNode;

/** Reads the upgrade tables file (format documented in README and in the embedded file). */
public final class MatrixLoader {
    public static final String EMBEDDED = "/rehearse/upgrade-tables.yaml";
    private static UpgradeMatrix builtIn;

    private MatrixLoader() {}

    /** The seed's tables, shipped inside the jar. */
    public static synchronized UpgradeMatrix builtIn() {
        if (builtIn == null) {
            try (InputStream in = MatrixLoader.class.getResourceAsStream(EMBEDDED)) {
                builtIn = parse("upgrade-tables.yaml (built in)", in.readAllBytes());
            } catch (IOException | InputException e) {
                throw new IllegalStateException("the built-in upgrade tables are damaged: " + e.getMessage(), e);
            }
        }
        return builtIn;
    }

    /**
     * Starts reading the built-in tables on another thread, so that a short command's YAML
     * parsing (mostly class loading) overlaps its option parsing; builtIn() then waits for it.
     */
    public static void preloadBuiltIn() {
        Thread t = new Thread(() -> {
            try {
                builtIn();
            } catch (RuntimeException e) {
                // The caller's own builtIn() meets the same failure and reports it.
            }
        }, "rehearse-preload-tables");
        t.setDaemon(true);
        t.start();
    }

    public static UpgradeMatrix parse(String file, byte[] bytes) throws InputException {
        Problems p = new Problems(file);
        Optional<YamlNode> root = YamlInput.compose(file, bytes);
        if (root.isEmpty()) throw new InputException(new Problem(Location.of(file, 1, 1), "the tables file is empty"));
        YamlMap top = YamlMap.of(root.get(), p, "the tables file", List.of("configurations", "standard", "rolling"));
        List<Configuration> configs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode n : top.list("configurations")) {
            YamlMap c = YamlMap.of(n, p, "a configuration", List.of("id", "label", "aliases", "platform", "iisResourceType"));
            String id = c.requiredText("id", "a configuration").orElse(null);
            String label = c.requiredText("label", "a configuration").orElse(null);
            String platform = c.requiredText("platform", "a configuration").orElse(null);
            String iisType = c.requiredText("iisResourceType", "a configuration").orElse(null);
            List<String> aliases = c.scalars("aliases").stream().map(YamlNode.Scalar::value).toList();
            for (String s : new String[] {id, label, platform, iisType}) {
                if (s != null && (s.isBlank() || Printable.firstUnsafe(s) >= 0)) p.at(n, "configuration text must be printable and not empty");
            }
            if (id == null || label == null || platform == null || iisType == null) continue;
            if (!ids.add(id)) {
                p.at(c.keyNode("id"), "duplicate configuration id '" + id + "'");
                continue;
            }
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
        p.throwIfAny();
        return new UpgradeMatrix(configs, upgrades);
    }

    private static Configuration config(YamlMap u, String key, UpgradeMatrix partial, Problems p) {
        Optional<String> text = u.requiredText(key, "an upgrade");
        if (text.isEmpty()) return null;
        Configuration c = partial.find(text.get());
        if (c == null) p.at(u.get(key).orElse(u.node()), "unknown configuration '" + text.get() + "'; known: " + partial.known());
        return c;
    }
}
