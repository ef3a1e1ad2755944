package rehearse.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * One of MSCS's "at most N in a period" policies (restarts of a resource, failovers of a group):
 * when each key's events happened, forgetting those older than the period.
 */
final class PolicyWindow<K> {
    private final int threshold;
    private final long periodMs;
    private final Map<K, Deque<Long>> times = new HashMap<>();

    PolicyWindow(int threshold, long periodMs) {
        this.threshold = threshold;
        this.periodMs = periodMs;
    }

    void record(K key, long now) {
        times.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
    }

    /** Events of {@code key} within the period before {@code now}. */
    int count(K key, long now) {
        Deque<Long> t = times.get(key);
        if (t == null) return 0;
        while (!t.isEmpty() && t.peekFirst() <= now - periodMs) t.pollFirst();
        return t.size();
    }

    /** Whether {@code key} has had more events in the period than the policy allows. */
    boolean exceeded(K key, long now) {
        return count(key, now) > threshold;
    }

    /** Whether one more event would go past what the policy allows. */
    boolean full(K key, long now) {
        return count(key, now) >= threshold;
    }

    /** Counting starts afresh (an operator's retry, a new node). */
    void reset(K key) {
        times.remove(key);
    }
}
