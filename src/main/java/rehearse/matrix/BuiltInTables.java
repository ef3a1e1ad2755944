package rehearse.matrix;

import java.util.List;

/**
 * The built-in tables, src/main/resources/rehearse/upgrade-tables.yaml, written out as code: a
 * short command then starts without the YAML parser (its classes and the parse were about 45 ms
 * of CPU, and reading the resource opens the jar). The file stays what operators read, copy and
 * load with --matrix; MatrixLoaderTest checks that parsing it gives exactly these tables.
 */
public final class BuiltInTables {
    private BuiltInTables() {}

    public static UpgradeMatrix matrix() {
        String nt4sp3 = "Windows NT 4.0 Enterprise Edition SP3";
        String nt4sp4 = "Windows NT 4.0 Enterprise Edition SP4";
        String w2k = "Windows 2000 Advanced Server";
        String nt4 = "Windows NT 4.0 Enterprise Edition";
        String optionPack = "the Windows NT 4.0 Option Pack";
        String vroot = "IIS Virtual Root";
        Configuration iis3sp3 = new Configuration("iis3-sp3", "IIS 3.0 / SP3", List.of("IIS 3.0 / Service Pack 3"), nt4sp3, vroot);
        Configuration iis3sp4 = new Configuration("iis3-sp4", "IIS 3.0 / SP4", List.of("IIS 3.0 / Service Pack 4"), nt4sp4, vroot);
        Configuration iis4sp3 = new Configuration("iis4-sp3", "IIS 4.0 / SP3", List.of("IIS 4.0 / Service Pack 3"), nt4sp3, vroot);
        Configuration iis4sp4 = new Configuration("iis4-sp4", "IIS 4.0 / SP4", List.of("IIS 4.0 / Service Pack 4"), nt4sp4, vroot);
        Configuration iis5 = new Configuration("iis5", "IIS 5.0", List.of("IIS 5"), w2k, "IIS Server Instance");
        // In the loader's order: the rolling table, then the standard one, each as the file lists it.
        List<Upgrade> upgrades = List.of(
                new Upgrade(iis3sp3, iis3sp4, UpgradeKind.ROLLING),
                new Upgrade(iis4sp3, iis4sp4, UpgradeKind.ROLLING),
                new Upgrade(iis4sp4, iis5, UpgradeKind.ROLLING),
                new Upgrade(iis3sp3, iis4sp3, UpgradeKind.STANDARD),
                new Upgrade(iis3sp4, iis4sp4, UpgradeKind.STANDARD),
                new Upgrade(iis3sp4, iis5, UpgradeKind.STANDARD));
        return new UpgradeMatrix(List.of(iis3sp3, iis3sp4, iis4sp3, iis4sp4, iis5), upgrades,
                List.of(new Platform(nt4sp3, 1, 2, nt4, 3, optionPack), new Platform(nt4sp4, 2, 2, nt4, 4, optionPack),
                        new Platform(w2k, 3, 2, w2k, 0, null)));
    }
}
