package rehearse.sim;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rehearse.matrix.Configuration;
import rehearse.io.MatrixLoader;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.NodeState;
import rehearse.model.Resource;
import rehearse.model.ResourceState;
import rehearse.model.ResourceType;
import rehearse.model.Timings;

/** The checker every transition relies on does catch each kind of broken state (here: a broken starting state). */
class InvariantsTest {
    private static final Configuration IIS5 = MatrixLoader.builtIn().byId("iis5").orElseThrow();
    private static final Configuration IIS3 = MatrixLoader.builtIn().byId("iis3-sp4").orElseThrow();

    private static Node node(String name, NodeState s, Configuration c) {
        return new Node(name, s, c.platform(), c);
    }

    private static Resource r(String name, ResourceType type, ResourceState s, List<String> owners, List<String> deps) {
        return new Resource(name, type, owners, deps, s, Map.of());
    }

    private static Cluster cluster(List<Node> nodes, Resource... rs) {
        return new Cluster("C", nodes, List.of(new Group("G", "A", List.of(), false, List.of(rs))), Timings.defaults());
    }

    private static void start(Cluster c) {
        Engine.start(MatrixLoader.builtIn(), c);
    }

    @Test
    void aHealthyClusterPasses() {
        assertThatCode(() -> start(cluster(List.of(node("A", NodeState.UP, IIS5)),
                r("ip", ResourceType.IP_ADDRESS, ResourceState.ONLINE, List.of("A"), List.of()),
                r("name", ResourceType.NETWORK_NAME, ResourceState.ONLINE, List.of("A"), List.of("ip"))))).doesNotThrowAnyException();
    }

    @Test
    void eachViolationIsCaught() {
        assertThatThrownBy(() -> start(cluster(List.of(node("A", NodeState.DOWN, IIS5)),
                r("ip", ResourceType.IP_ADDRESS, ResourceState.ONLINE, List.of("A"), List.of()))))
                .isInstanceOf(InvariantViolation.class).hasMessageContaining("which is Down");
        assertThatThrownBy(() -> start(cluster(List.of(node("A", NodeState.UP, IIS5), node("B", NodeState.UP, IIS5)),
                r("ip", ResourceType.IP_ADDRESS, ResourceState.ONLINE, List.of("B"), List.of()))))
                .isInstanceOf(InvariantViolation.class).hasMessageContaining("not a possible owner");
        assertThatThrownBy(() -> start(cluster(List.of(node("A", NodeState.UP, IIS5)),
                r("ip", ResourceType.IP_ADDRESS, ResourceState.OFFLINE, List.of("A"), List.of()),
                r("name", ResourceType.NETWORK_NAME, ResourceState.ONLINE, List.of("A"), List.of("ip")))))
                .isInstanceOf(InvariantViolation.class).hasMessageContaining("dependency ip is Offline");
        // Mid-way through a standard upgrade, IIS online on the node already at the new configuration.
        assertThatThrownBy(() -> start(cluster(List.of(node("A", NodeState.UP, IIS5), node("B", NodeState.UP, IIS3)),
                r("web", ResourceType.IIS, ResourceState.ONLINE, List.of("A"), List.of()))))
                .isInstanceOf(InvariantViolation.class).hasMessageContaining("standard upgrade's rule");
    }
}
