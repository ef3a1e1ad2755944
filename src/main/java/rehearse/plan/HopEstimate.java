package rehearse.plan;

import java.util.Map;
import java.util.Optional;

/**
 * What a hop will cost, found by rehearsing it on a copy of the cluster: done as planned and,
 * side by side, the other way (a rolling hop done as a standard one).
 */
public record HopEstimate(Hop hop, Strategy strategy, Outage planned, Optional<Outage> alternative) {

    /**
     * The IIS outage of a rehearsed hop: wall-clock time during which at least one group
     * holding IIS was unavailable, each such group's downtime, and whether the hop completed
     * (if not, the no-go it stopped at).
     */
    public record Outage(Strategy strategy, long wallClockMs, Map<String, Long> perGroupMs, Optional<NoGo> stoppedAt) {
        public Outage {
            perGroupMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perGroupMs));
        }

        public boolean completes() {
            return stoppedAt.isEmpty();
        }
    }
}
