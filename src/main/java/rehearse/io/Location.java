package rehearse.io;

/** A place in an input file; line and column count from 1. Column 0 means "the whole line". */
public record Location(String file, int line, int column) {

    public static Location of(String file, int line, int column) {
        return new Location(file, line, column);
    }

    @Override
    public String toString() {
        if (line <= 0) return file;
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
