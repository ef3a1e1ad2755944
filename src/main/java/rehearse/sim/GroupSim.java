package rehearse.sim;

/**
 * A group in the simulation. {@code movingTo} is the node a move (or failover) is draining it
 * for, or -1. {@code active} counts its resources that are online or pending and
 * {@code iisNotOnline} its IIS resources that are not online (removed ones included), so that
 * the end of a move and the group's availability are known without looking at every resource.
 * {@code stopped}: its failover threshold ran out and MSCS left it offline.
 */
record GroupSim(int owner, int movingTo, Event.MoveCause moveCause, boolean failback, boolean failbackBefore, boolean stranded,
        boolean stopped, PolicyTimes failovers, int active, int iisNotOnline, long downMs, long downSince, int interruptions) {

    GroupSim withOwner(int o) {
        return new GroupSim(o, movingTo, moveCause, failback, failbackBefore, stranded, stopped, failovers, active, iisNotOnline,
                downMs, downSince, interruptions);
    }

    GroupSim withMove(int to, Event.MoveCause cause) {
        return new GroupSim(owner, to, cause, failback, failbackBefore, stranded, stopped, failovers, active, iisNotOnline,
                downMs, downSince, interruptions);
    }

    GroupSim withFailback(boolean on) {
        return new GroupSim(owner, movingTo, moveCause, on, failbackBefore, stranded, stopped, failovers, active, iisNotOnline,
                downMs, downSince, interruptions);
    }

    GroupSim withFailbackBefore(boolean on) {
        return new GroupSim(owner, movingTo, moveCause, failback, on, stranded, stopped, failovers, active, iisNotOnline,
                downMs, downSince, interruptions);
    }

    GroupSim withStranded(boolean s) {
        return new GroupSim(owner, movingTo, moveCause, failback, failbackBefore, s, stopped, failovers, active, iisNotOnline,
                downMs, downSince, interruptions);
    }

    GroupSim withStopped(boolean s) {
        return new GroupSim(owner, movingTo, moveCause, failback, failbackBefore, stranded, s, failovers, active, iisNotOnline,
                downMs, downSince, interruptions);
    }

    GroupSim withFailovers(PolicyTimes f) {
        return new GroupSim(owner, movingTo, moveCause, failback, failbackBefore, stranded, stopped, f, active, iisNotOnline,
                downMs, downSince, interruptions);
    }

    GroupSim withCounts(int a, int iis) {
        return new GroupSim(owner, movingTo, moveCause, failback, failbackBefore, stranded, stopped, failovers, a, iis,
                downMs, downSince, interruptions);
    }

    GroupSim withDowntime(long down, long since, int count) {
        return new GroupSim(owner, movingTo, moveCause, failback, failbackBefore, stranded, stopped, failovers, active,
                iisNotOnline, down, since, count);
    }

    boolean moving() {
        return movingTo >= 0;
    }

    long downtimeMs(long now) {
        return downMs + (downSince >= 0 ? now - downSince : 0);
    }
}
