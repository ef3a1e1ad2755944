package rehearse.session;

import java.util.List;
import java.util.Optional;
import rehearse.command.Command;

/**
 * {@code rewind to TIME} and {@code rewind N} on a session: where to go back to on its branch,
 * and the new branch that goes on from there.
 */
final class Rewinder {
    private Rewinder() {}

    static Outcome rewind(Session s, Command.Rewind r) {
        Branches book = s.book();
        long now = s.state().clock();
        Optional<Command> partial = Optional.empty();
        int acting = book.acting();
        Session.End end = s.end(Optional.of(r));
        if (r instanceof Command.RewindBack back) {
            int i = book.nthLastActing(back.commands());
            if (i < 0) return new Outcome.Refused(new RewindRefusal.TooFewCommands(back.commands(), acting));
            s.restore(book.boundaries().get(i).before());
            book.keep(i);
        } else {
            long t = ((Command.RewindTo) r).ms();
            if (t > now) return new Outcome.Refused(new RewindRefusal.InTheFuture(t, now));
            if (t == now && !book.actedAt(now)) return new Outcome.Refused(new RewindRefusal.NothingToUndo(now));
            partial = land(s, t);
        }
        int undone = acting - book.acting();
        int left = book.current(end).number();
        int branch = book.fork(end, now, s.state().clock(), undone, partial);
        return new Outcome.Rewound(now, s.state().clock(), undone, partial, branch, left);
    }

    /**
     * Puts the session where it stood when its clock read {@code t} (at most now), before anything
     * began at {@code t}: a command typed then, or a plan step that {@code step} or {@code run}
     * began then. A command that let time pass across {@code t} is carried out again from the
     * moment before it, on the same engine, up to {@code t} and no further: what it had under way
     * stays under way. Returns that command, if there is one.
     */
    private static Optional<Command> land(Session s, long t) {
        Branches book = s.book();
        List<Branches.Boundary> bs = book.boundaries();
        int j = book.lastBefore(t);
        Branches.Boundary next = j + 1 < bs.size() ? bs.get(j + 1) : null;
        if (next != null && next.before().clock() == t && !beganAt(book, j, next, t)) {
            s.restore(next.before()); // the command before it ended by t: exactly as it stood then
            book.keep(j + 1);
            return Optional.empty();
        }
        Optional<Command> cut = Optional.empty();
        if (j < 0) {
            s.restore(s.origin());
            book.keep(0);
        } else {
            Branches.Boundary b = bs.get(j);
            s.restore(b.before());
            book.keep(j);
            long until = Math.min(t, b.cutAt());
            if (s.replay(b, until)) {
                book.cutLast(until);
                cut = Optional.of(b.command());
            }
        }
        if (s.state().clock() < t) s.advanceQuietly(t);
        return cut;
    }

    /** Whether command {@code j} began (or tried to begin) a plan step at {@code t}. */
    private static boolean beganAt(Branches book, int j, Branches.Boundary next, long t) {
        if (j < 0) return false;
        return book.stepStartIn(book.boundaries().get(j).before().stepStarts(), next.before().stepStarts(), t);
    }
}
