package rehearse.sim;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rehearse.matrix.MatrixLoader;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.NodeState;
import rehearse.model.Resource;
import rehearse.model.ResourceState;
import rehearse.model.ResourceType;

/** The checker the property tests rely on does catch each kind of broken state. */
class InvariantsTest {
    private final Node up = node(NodeState.UP), down = node(NodeState.DOWN);

    private static Node node(NodeState s) {
        var c = MatrixLoader.builtIn().byId("iis5").orElseThrow();
        return new Node("A", s, c.platform(), c);
    }

    private static Resource r(String name, ResourceState s, List<String> owners, List<String> deps) {
        return new Resource(name, ResourceType.IP_ADDRESS, owners, deps, s, Map.of());
    }

    private static Group g(Resource... rs) {
        return new Group("G", "A", List.of(), false, List.of(rs));
    }

    @Test
    void aHealthyGroupPasses() {
        assertThatCode(() -> Invariants.check(g(r("ip", ResourceState.ONLINE, List.of("A"), List.of()),
                r("name", ResourceState.ONLINE, List.of("A"), List.of("ip"))), up)).doesNotThrowAnyException();
    }

    @Test
    void eachViolationIsCaught() {
        assertThatThrownBy(() -> Invariants.check(g(r("ip", ResourceState.ONLINE, List.of("A"), List.of())), null))
                .isInstanceOf(InvariantViolation.class).hasMessageContaining("not a node");
        assertThatThrownBy(() -> Invariants.check(g(r("ip", ResourceState.ONLINE_PENDING, List.of("A"), List.of())), down))
                .hasMessageContaining("which is Down");
        assertThatThrownBy(() -> Invariants.check(g(r("ip", ResourceState.ONLINE, List.of("B"), List.of())), up))
                .hasMessageContaining("not one of its possible owners");
        assertThatThrownBy(() -> Invariants.check(g(r("ip", ResourceState.OFFLINE, List.of("A"), List.of()),
                r("name", ResourceState.ONLINE, List.of("A"), List.of("ip"))), up)).hasMessageContaining("dependency 'ip' is not");
    }
}
