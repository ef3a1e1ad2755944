package rehearse.sim;

/**
 * Why a command was refused: by the cluster ({@link Refused}) or by the plan (a no-go, no plan,
 * a step under way). Each family is a sealed set of records; text is made by the front ends.
 */
public interface Refusal {}
