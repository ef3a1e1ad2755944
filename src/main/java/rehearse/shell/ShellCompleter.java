package rehearse.shell;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import rehearse.command.Completions;
import rehearse.session.Session;

/**
 * Completes the command language from what is typed so far: keywords, then the cluster's
 * own names (quoted when they hold spaces) and configurations. After {@code move GROUP to},
 * the nodes that can take the group now come first.
 */
final class ShellCompleter implements Completer {
    private final Session session;

    ShellCompleter(Session session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
        List<String> words = new ArrayList<>(line.words().subList(0, line.wordIndex()));
        words.replaceAll(ShellCompleter::unquote);
        // Inside an opened quote JLine adds the quotes itself; outside, names with spaces come quoted.
        boolean quoteOpen = line instanceof CompletingParsedLine c && c.rawWordCursor() > 0
                && line.line().charAt(line.cursor() - c.rawWordCursor()) == '"';
        List<String> all = candidates(words);
        for (int i = 0; i < all.size(); i++) {
            String c = all.get(i);
            String value = quoteOpen ? unquote(c) : c;
            // The order given (most useful first: the latest rewind time first), not JLine's alphabetical one.
            out.add(new Candidate(value, unquote(c), null, null, null, null, true, i));
        }
    }

    /** The candidates for the next word after {@code words}, most useful first. */
    List<String> candidates(List<String> words) {
        return Completions.candidates(session.state().cluster(), session.state().matrix(), session.rewindTimes(), words);
    }

    private static String unquote(String w) {
        return Completions.unquote(w);
    }
}
