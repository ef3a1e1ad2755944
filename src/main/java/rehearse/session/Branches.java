package rehearse.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import rehearse.command.Command;
import rehearse.plan.NoGo;
import rehearse.plan.Step;
import rehearse.plan.Target;
import rehearse.sim.State;

/**
 * The bookkeeping of rewinds: the branch the rehearsal is on, as the session stood before each
 * of its commands (a state is a value, so each is a few references), the times plan steps
 * began on it, and the branches left behind.
 */
final class Branches {
    /** The whole session at one moment: what a rewind brings back. */
    record Moment(State state, Target target, Step active, int reached, NoGo lastNoGo, State noGoState, Outcome last, int events,
            int stepStarts) {
        long clock() {
            return state.clock();
        }
    }

    /**
     * A command of the branch and the session just before it. {@code cutAt} is where a rewind
     * stopped it part-way (it went no further on this branch), else {@link Long#MAX_VALUE}.
     */
    record Boundary(Moment before, Command command, boolean settle, long cutAt) {
        /** A command that acts: not one that only asks (plan, status, help, expect). */
        boolean acts() {
            return !(command instanceof Command.ShowPlan || command instanceof Command.Status || command instanceof Command.Help
                    || command instanceof Command.Expect);
        }
    }

    private final List<Boundary> boundaries = new ArrayList<>();
    private int acting;
    private long[] stepStarts = new long[16];
    private int steps;
    private final List<Session.Branch> left = new ArrayList<>();

    /** The current branch, before it ends. */
    private record Fork(int number, int left, long leftAtMs, long startMs, int undone, java.util.Optional<Command> cut) {}

    private Fork fork;

    void startAt(long clock) {
        fork = new Fork(1, 0, 0, clock, 0, java.util.Optional.empty());
    }

    /** The current branch, ending (or standing) as {@code end} says. */
    Session.Branch current(Session.End end) {
        return new Session.Branch(fork.number(), fork.left(), fork.leftAtMs(), fork.startMs(), fork.undone(), fork.cut(), end);
    }

    /**
     * The current branch ends as {@code end} says; a new one starts at {@code startMs}, left at
     * {@code leftAtMs}, having undone {@code undone} commands and cut {@code cut}. Its number.
     */
    int fork(Session.End end, long leftAtMs, long startMs, int undone, java.util.Optional<Command> cut) {
        left.add(current(end));
        fork = new Fork(left.size() + 1, fork.number(), leftAtMs, startMs, undone, cut);
        return fork.number();
    }

    List<Boundary> boundaries() {
        return boundaries;
    }

    /** Commands on the branch that acted. */
    int acting() {
        return acting;
    }

    void begin(Moment before, Command c, boolean settle) {
        // A state kept a few commands back needs no cluster view (1,000 groups: a list of 1,000 a state); the latest keep theirs,
        // for the next states to share their groups.
        int old = boundaries.size() - 3;
        if (old >= 0 && boundaries.get(old).before().state() != before.state()) boundaries.get(old).before().state().forgetCluster();
        add(new Boundary(before, c, settle, Long.MAX_VALUE));
    }

    void add(Boundary b) {
        boundaries.add(b);
        if (b.acts()) acting++;
    }

    /** Keeps the first {@code n} commands of the branch. */
    void keep(int n) {
        for (int i = boundaries.size() - 1; i >= n; i--) if (boundaries.remove(i).acts()) acting--;
    }

    /** The last command, now stopped part-way at {@code at}. */
    void cutLast(long at) {
        Boundary b = boundaries.get(boundaries.size() - 1);
        boundaries.set(boundaries.size() - 1, new Boundary(b.before(), b.command(), b.settle(), at));
    }

    /** The index of the last command before which the clock read less than {@code time}; -1 if none. */
    int lastBefore(long time) {
        int lo = 0, hi = boundaries.size() - 1, found = -1;
        while (lo <= hi) { // clocks do not go back along a branch
            int mid = (lo + hi) >>> 1;
            if (boundaries.get(mid).before().clock() < time) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The index of the {@code n}-th last command that acted; -1 if the branch has fewer. */
    int nthLastActing(int n) {
        int seen = 0;
        for (int i = boundaries.size() - 1; i >= 0; i--) {
            if (boundaries.get(i).acts() && ++seen == n) return i;
        }
        return -1;
    }

    /** Whether a command that acted was typed at {@code time}. */
    boolean actedAt(long time) {
        for (int i = boundaries.size() - 1; i >= 0 && boundaries.get(i).before().clock() >= time; i--) {
            if (boundaries.get(i).acts() && boundaries.get(i).before().clock() == time) return true;
        }
        return false;
    }

    /** A plan step began (or was tried) at {@code time}. */
    void stepBegins(long time) {
        if (steps == stepStarts.length) stepStarts = Arrays.copyOf(stepStarts, steps * 2);
        stepStarts[steps++] = time;
    }

    /** Whether a step began at {@code time} among the step starts {@code from} (inclusive) to {@code to}. */
    boolean stepStartIn(int from, int to, long time) {
        for (int i = from; i < Math.min(to, steps); i++) if (stepStarts[i] == time) return true;
        return false;
    }

    int stepStarts() {
        return steps;
    }

    void keepStepStarts(int n) {
        steps = n;
    }

    /** The last time before {@code now} at which a plan step began on this branch; -1 if none. */
    long stepStartBefore(long now) {
        for (int i = steps - 1; i >= 0; i--) if (stepStarts[i] < now) return stepStarts[i];
        return -1;
    }

    /** Up to {@code max} distinct times a command was typed or a step began on this branch, latest first, and 0 (the start) last. */
    List<Long> times(int max) {
        java.util.TreeSet<Long> all = new java.util.TreeSet<>();
        for (int i = boundaries.size() - 1; i >= 0 && i >= boundaries.size() - 4 * max; i--) all.add(boundaries.get(i).before().clock());
        for (int i = steps - 1; i >= 0 && i >= steps - 4 * max; i--) all.add(stepStarts[i]);
        all.remove(0L);
        List<Long> out = new ArrayList<>();
        for (Long t : all.descendingSet()) {
            if (out.size() == max - 1) break;
            out.add(t);
        }
        out.add(0L);
        return out;
    }

    /** The branches left behind by rewinds, oldest first. */
    List<Session.Branch> left() {
        return left;
    }
}
