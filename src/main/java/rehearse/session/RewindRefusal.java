package rehearse.session;

import rehearse.sim.Refusal;

/** Why a {@code rewind} was refused, as data. */
public sealed interface RewindRefusal extends Refusal {
    /** {@code rewind to} a time the rehearsal has not reached: a rewind only goes back. */
    record InTheFuture(long toMs, long nowMs) implements RewindRefusal {}

    /** {@code rewind N} past the start of the branch: it holds only {@code available} commands that acted. */
    record TooFewCommands(int asked, int available) implements RewindRefusal {}

    /** {@code rewind to} now, with no command typed at this time to undo. */
    record NothingToUndo(long nowMs) implements RewindRefusal {}
}
