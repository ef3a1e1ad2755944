package rehearse.session;

/** What a command that shows something shows. */
public sealed interface View {
    record PlanView() implements View {}

    record StatusView() implements View {}

    /** {@code topic} null for the whole language. */
    record HelpView(String topic) implements View {}
}
