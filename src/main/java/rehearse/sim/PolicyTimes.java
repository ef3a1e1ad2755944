package rehearse.sim;

import java.util.Arrays;

/**
 * One of MSCS's "at most N in a period" policies (restarts of a resource, failovers of a group)
 * as a value: when the events happened, forgetting those older than the period.
 */
// An array component on purpose (a long per event, no boxing in the engine's hot path): equals and
// hashCode below compare by content, and no array is changed once made nor handed out of sim.
@SuppressWarnings("ArrayRecordComponent")
record PolicyTimes(long[] times) {
    static final PolicyTimes NONE = new PolicyTimes(new long[0]);

    /** Events within the period before {@code now}. */
    int count(long now, long periodMs) {
        int n = 0;
        for (long t : times) if (t > now - periodMs) n++;
        return n;
    }

    PolicyTimes record(long now, long periodMs) {
        long[] kept = Arrays.stream(times).filter(t -> t > now - periodMs).toArray();
        long[] out = Arrays.copyOf(kept, kept.length + 1);
        out[kept.length] = now;
        return new PolicyTimes(out);
    }

    // Written out: arrays compare by content here, and no bootstrap is generated for records.
    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyTimes p && Arrays.equals(times, p.times);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        return Arrays.toString(times);
    }
}
