package rehearse.plan;

/**
 * One step of a plan: an {@link Action} in a section of the plan. {@code hop} is the index of
 * the hop the step belongs to; -1 for the pre-flight checklist before the first hop, and the
 * number of hops for the closing steps after the last.
 */
public record Step(int hop, Action action) {}
