package rehearse.matrix;

import java.util.ArrayList;
import java.util.List;

/** A site's upgrade tables for tests of scale: configurations in a chain of rolling rows, standard rows skipping ahead. */
public final class SiteTables {
    private SiteTables() {}

    /** {@code n} configurations "Config i" (ids "ci"), a rolling row from each to the next, a standard row every {@code skip}. */
    public static UpgradeMatrix chain(int n, int skip) {
        List<Configuration> configs = new ArrayList<>();
        for (int i = 0; i < n; i++) configs.add(new Configuration("c" + i, "Config " + i, List.of(), "P", "IIS Server Instance"));
        List<Upgrade> rows = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) rows.add(new Upgrade(configs.get(i), configs.get(i + 1), UpgradeKind.ROLLING));
        for (int i = 0; i + skip < n; i += skip) rows.add(new Upgrade(configs.get(i), configs.get(i + skip), UpgradeKind.STANDARD));
        return new UpgradeMatrix(configs, rows);
    }
}
