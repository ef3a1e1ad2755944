package rehearse.cli;

import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;

/**
 * The value of one option or parameter: picocli writes it while parsing, the command reads it.
 * Holding it here (rather than in an annotated field) is what lets {@link Specs} build the
 * command line without reflection.
 */
final class Value<T> implements IGetter, ISetter {
    private T value;

    Value() {}

    Value(T initial) {
        this.value = initial;
    }

    T value() {
        return value;
    }

    // picocli's IGetter declares <T> T get(): the type parameter is its, not ours.
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
    @Override
    public <U> U get() {
        return (U) value;
    }

    @SuppressWarnings("unchecked")
    @Override
    public <U> U set(U next) {
        U previous = (U) value;
        value = (T) next;
        return previous;
    }
}
