package rehearse.sim;

/**
 * The pending timers of a simulation as a persistent leftist heap: adding and taking the
 * earliest return new queues that share most of the old one, so a state that holds the queue
 * stays a value. Timers fire in time order, and in the order they were set at equal times.
 */
final class TimerQueue {
    static final TimerQueue EMPTY = null;

    private final Timer top;
    private final TimerQueue left;
    private final TimerQueue right;
    private final int rank;

    private TimerQueue(Timer top, TimerQueue left, TimerQueue right) {
        this.top = top;
        this.left = left;
        this.right = right;
        this.rank = rank(right) + 1;
    }

    static TimerQueue add(TimerQueue q, Timer t) {
        return merge(q, new TimerQueue(t, null, null));
    }

    /** The earliest timer, or null. */
    static Timer peek(TimerQueue q) {
        return q == null ? null : q.top;
    }

    /** The queue without its earliest timer. */
    static TimerQueue pop(TimerQueue q) {
        return merge(q.left, q.right);
    }

    private static int rank(TimerQueue q) {
        return q == null ? 0 : q.rank;
    }

    private static TimerQueue merge(TimerQueue a, TimerQueue b) {
        if (a == null) return b;
        if (b == null) return a;
        if (b.top.before(a.top)) {
            TimerQueue t = a;
            a = b;
            b = t;
        }
        TimerQueue merged = merge(a.right, b);
        return rank(a.left) >= rank(merged) ? new TimerQueue(a.top, a.left, merged) : new TimerQueue(a.top, merged, a.left);
    }

    /** Whether the two queues hold the same timers (the same times, order and actions), however the heaps are shaped. */
    @SuppressWarnings("ReferenceEquality") // identity first: a branch shares its source's queue until it adds or takes a timer
    static boolean same(TimerQueue a, TimerQueue b) {
        while (a != b) {
            if (a == null || b == null || !a.top.equals(b.top)) return false;
            a = pop(a);
            b = pop(b);
        }
        return true;
    }
}
