package rehearse.plan;

import java.util.Objects;

/**
 * One step of a plan: an {@link Action} in a section of the plan. {@code hop} is the index of
 * the hop the step belongs to; -1 for the pre-flight checklist before the first hop, and the
 * number of hops for the closing steps after the last.
 */
public record Step(int hop, Action action) {
    // equals and hashCode written out here and in every Action record, meaning and hash values as
    // the generated ones (component by component, 31 * h + next): those are bootstrapped through
    // method handles on a record's first use, classes a Java 17 archive cannot hold, which cost
    // 'rehearse plan' about 15 ms of start-up, as it compares steps while it forecasts.
    @Override
    public boolean equals(Object o) {
        return o instanceof Step x && hop == x.hop && Objects.equals(action, x.action);
    }

    @Override
    public int hashCode() {
        return 31 * Integer.hashCode(hop) + Objects.hashCode(action);
    }
}
