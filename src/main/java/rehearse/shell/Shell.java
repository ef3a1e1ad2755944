package rehearse.shell;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import rehearse.command.ParseException;
import rehearse.base.Printable;
import rehearse.journal.JournalWriter;
import rehearse.session.Session;
import rehearse.text.Clock;
import rehearse.text.Positions;
import rehearse.text.Transcript;

/**
 * The line-mode shell: a JLine line editor over the same session and command language as
 * scripts and the UI's prompt, for dumb terminals, screen readers and logged sessions.
 */
public final class Shell {
    private final Session session;
    private final Terminal terminal;
    private final Path historyFile;
    private final boolean color;
    private final PrintWriter out;
    private int lineNumber;
    private int failures;
    private JournalWriter journal;

    public Shell(Session session, Terminal terminal, Path historyFile, boolean color) {
        this.session = session;
        this.terminal = terminal;
        this.historyFile = historyFile;
        this.color = color;
        this.out = terminal.writer();
    }

    /** The journal the session writes: the shell stops as soon as it cannot be written. */
    public Shell journal(JournalWriter journal) {
        this.journal = journal;
        return this;
    }

    /** Why the shell stopped early: the journal could not be written (the caller says so and how it ends). */
    public Optional<JournalWriter.WriteFailed> journalFailure() {
        return journal == null ? Optional.empty() : journal.failure();
    }

    /** Failed expectations of the rehearsal before a resume: they count in its result. */
    public Shell failuresBefore(int n) {
        failures += n;
        return this;
    }

    /** Reads and runs commands until quit or end of input; returns the exit code. */
    public int run() {
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]); // the language quotes names; it has no backslash-space
        parser.setEofOnUnclosedQuote(false);
        LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("rehearse")
                .completer(new ShellCompleter(session)).parser(parser)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true);
        if (historyFile != null) b.variable(LineReader.HISTORY_FILE, historyFile);
        LineReader reader = b.build();
        out.println("rehearse shell: SIMULATION of cluster " + Printable.clean(session.state().cluster().name())
                + " ('help' lists commands; Ctrl-D quits)");
        out.flush();
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(prompt());
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C drops the line being edited
                } catch (EndOfFileException e) {
                    if (confirmQuit(reader)) break;
                    continue;
                }
                lineNumber++;
                String trimmed = line.trim();
                if (trimmed.equalsIgnoreCase("quit") || trimmed.equalsIgnoreCase("exit")) {
                    if (confirmQuit(reader)) break;
                    continue;
                }
                execute(line);
                if (journalFailure().isPresent()) break; // a rehearsal that cannot be resumed must not go on
            }
        } finally {
            try {
                reader.getHistory().save();
            } catch (java.io.IOException e) {
                out.println("rehearse: could not save the history: " + e.getMessage());
            }
            out.flush();
        }
        return failures == 0 ? 0 : 1;
    }

    private boolean confirmQuit(LineReader reader) {
        if (!session.underWay()) return true;
        try {
            String answer = reader.readLine("A rehearsal is under way (its journal is kept). Quit? [y/N] ");
            return answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y");
        } catch (UserInterruptException e) {
            return false;
        } catch (EndOfFileException e) {
            return true;
        }
    }

    /** "WEBCLUSTER 0:04:10 [hop 1/1 step 2/4]> " */
    String prompt() {
        String where = session.plan().map(p -> " [" + Positions.of(p) + "]").orElse("");
        return Printable.clean(session.state().cluster().name()) + " " + Clock.format(session.state().clock()) + where + "> ";
    }

    void execute(String line) {
        Optional<Session.Result> r;
        try {
            r = session.submit(line, true);
        } catch (ParseException e) {
            styled("shell:" + lineNumber + ":" + e.column() + ": " + e.getMessage(), AttributedStyle.RED);
            failures++;
            return;
        }
        if (r.isEmpty()) return;
        if (r.get().outcome().failed()) failures++;
        for (Transcript.Line l : Transcript.of(r.get(), session, "shell:" + lineNumber)) {
            switch (l.tone()) {
                case BAD -> styled(l.text(), AttributedStyle.RED);
                case GOOD -> styled(l.text(), AttributedStyle.GREEN);
                default -> out.println(l.text());
            }
        }
        out.flush();
    }

    private void styled(String text, int colour) {
        String clean = Printable.clean(text);
        if (color) out.println(new AttributedStringBuilder().style(AttributedStyle.DEFAULT.foreground(colour)).append(clean)
                .toAnsi(terminal));
        else out.println(clean);
    }
}
