package rehearse.plan;

import java.util.List;

/** How one hop is carried out: the order the nodes are upgraded in and, for a standard hop, the option. */
public sealed interface Strategy {
    /** The nodes in the order they are upgraded; the last one is the last node at the old configuration. */
    List<String> order();

    default String last() {
        return order().get(order().size() - 1);
    }

    record Rolling(List<String> order) implements Strategy {
        public Rolling {
            order = List.copyOf(order);
        }
    }

    /** With {@link StandardOption#RESTRICT}, IIS is restricted to the last node of the order. */
    record Standard(StandardOption option, List<String> order) implements Strategy {
        public Standard {
            order = List.copyOf(order);
        }
    }
}
