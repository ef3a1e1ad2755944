package rehearse.text;

import java.util.List;
import java.util.stream.Collectors;
import rehearse.command.Quote;

/** Names in messages: quoted as the operator would type them back. */
final class Names {
    private Names() {}

    static String q(String name) {
        return "'" + name + "'";
    }

    static String list(List<String> names) {
        return names.stream().map(Names::q).collect(Collectors.joining(", "));
    }

    /** A command the operator can type, in quotes: {@code 'restore NODEA'}. */
    static String cmd(String verb, String... names) {
        StringBuilder b = new StringBuilder("'").append(verb);
        for (String n : names) b.append(' ').append(Quote.name(n));
        return b.append('\'').toString();
    }
}
