package rehearse.io;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import rehearse.matrix.Configuration;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.NodeState;
import rehearse.model.Resource;
import rehearse.model.ResourceState;
import rehearse.model.ResourceType;
import rehearse.model.Timings;

/**
 * The built-in sample, src/main/resources/rehearse/sample-cluster.yaml, as the loader reads it
 * with the built-in tables, written out as code: the full-screen UI started without arguments
 * then draws its first frame without the YAML parser (its classes and the parse were about
 * 40 ms of CPU). The file stays what {@code rehearse sample} prints and a journal embeds;
 * ClusterLoaderTest checks that loading it gives exactly this cluster.
 */
final class SampleCluster {
    private SampleCluster() {}

    static Cluster of(UpgradeMatrix builtIn) {
        Configuration iis4sp4 = builtIn.find("IIS 4.0 / SP4");
        List<String> both = List.of("NODEA", "NODEB");
        List<Node> nodes = List.of(new Node("NODEA", NodeState.UP, iis4sp4.platform(), iis4sp4),
                new Node("NODEB", NodeState.UP, iis4sp4.platform(), iis4sp4));
        List<Group> groups = List.of(
                new Group("Cluster Group", "NODEA", both, false, List.of(
                        resource("Cluster IP Address", ResourceType.IP_ADDRESS, List.of(), Map.of("address", "192.0.2.10")),
                        resource("Cluster Name", ResourceType.NETWORK_NAME, List.of("Cluster IP Address"), Map.of()),
                        resource("Quorum Disk", ResourceType.PHYSICAL_DISK, List.of(), Map.of()))),
                new Group("Web Group", "NODEA", both, false, List.of(
                        resource("Web IP", ResourceType.IP_ADDRESS, List.of(), Map.of("address", "192.0.2.20")),
                        resource("Web Name", ResourceType.NETWORK_NAME, List.of("Web IP"), Map.of()),
                        resource("Web Disk", ResourceType.PHYSICAL_DISK, List.of(), Map.of()),
                        resource("Web Server", ResourceType.IIS, List.of("Web IP", "Web Disk"), Map.of()))),
                new Group("FTP Group", "NODEB", List.of("NODEB", "NODEA"), false, List.of(
                        resource("FTP IP", ResourceType.IP_ADDRESS, List.of(), Map.of("address", "192.0.2.30")),
                        resource("FTP Name", ResourceType.NETWORK_NAME, List.of("FTP IP"), Map.of()),
                        resource("FTP Disk", ResourceType.PHYSICAL_DISK, List.of(), Map.of()),
                        resource("FTP Server", ResourceType.IIS, List.of("FTP IP", "FTP Disk"), Map.of()))));
        Timings d = Timings.defaults();
        Map<ResourceType, Long> on = new EnumMap<>(d.onlineMs()), off = new EnumMap<>(d.offlineMs());
        timing(on, off, ResourceType.IP_ADDRESS, 1, 1);
        timing(on, off, ResourceType.NETWORK_NAME, 3, 2);
        timing(on, off, ResourceType.PHYSICAL_DISK, 3, 2);
        timing(on, off, ResourceType.IIS, 5, 3);
        Timings timings = new Timings(on, off, 2400_000L, 60_000L, d.failoverMs());
        return new Cluster("WEBCLUSTER", nodes, groups, timings, null);
    }

    /** Online, with both nodes as possible owners (the file names them, or leaves them to the default: all nodes). */
    private static Resource resource(String name, ResourceType type, List<String> dependsOn, Map<String, String> properties) {
        return new Resource(name, type, List.of("NODEA", "NODEB"), dependsOn, ResourceState.ONLINE, properties);
    }

    private static void timing(Map<ResourceType, Long> on, Map<ResourceType, Long> off, ResourceType t, long onlineS, long offlineS) {
        on.put(t, onlineS * 1000);
        off.put(t, offlineS * 1000);
    }
}
