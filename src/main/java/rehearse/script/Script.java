package rehearse.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rehearse.command.Command;
import rehearse.command.CommandParser;
import rehearse.command.ParseException;
import rehearse.io.InputException;
import rehearse.io.Location;
import rehearse.io.Problem;

/** A script: the command language, one command a line, parsed whole before anything runs. */
public record Script(String file, List<Line> lines) {
    public record Line(int number, Command command) {}

    public static Script parse(String file, String text) throws InputException {
        List<Line> lines = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            try {
                Optional<Command> c = CommandParser.parse(raw[i]);
                if (c.isPresent()) lines.add(new Line(i + 1, c.get()));
            } catch (ParseException e) {
                problems.add(new Problem(Location.of(file, i + 1, e.column()), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return new Script(file, List.copyOf(lines));
    }
}
