package rehearse.cli;

import rehearse.base.ExitCodes;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.base.Failure;
import rehearse.io.ClusterLoader;
import rehearse.io.InputException;
import rehearse.io.Problem;
import rehearse.matrix.Configuration;
import rehearse.io.MatrixLoader;
import rehearse.matrix.UnknownConfigurationException;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.Cluster;

/** The options every command shares: which tables to use. Loads them once, on demand. */
public final class Inputs {
    private final Value<Path> matrixFile;

    /** The built-in tables (the full-screen UI started without arguments). */
    public Inputs() {
        matrixFile = new Value<>();
    }

    /** Adds --matrix to a command. */
    Inputs(CommandSpec spec) {
        matrixFile = Specs.option(spec, "--matrix", "FILE", Path.class,
                "Upgrade tables to use instead of the built-in ones (same format, see README).");
    }

    /** The --matrix file, or null: an input no output of the command may overwrite. */
    public Path matrixFile() {
        return matrixFile.value();
    }

    private UpgradeMatrix matrix;
    private String matrixText;

    public UpgradeMatrix matrix() {
        if (matrix == null) {
            try {
                Path file = matrixFile.value();
                if (file == null) {
                    matrix = MatrixLoader.builtIn();
                } else {
                    // Read once: the journal embeds exactly the tables this run uses.
                    byte[] bytes = ClusterLoader.read(file);
                    matrix = MatrixLoader.parse(file.toString(), bytes);
                    matrixText = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                }
            } catch (InputException e) {
                throw dataError(e);
            }
        }
        return matrix;
    }

    /** The text of the --matrix file, for journals; null for the built-in tables. */
    public String matrixSource() {
        matrix();
        return matrixText;
    }

    public Cluster cluster(Path file) {
        ClusterLoader loader = new ClusterLoader(matrix());
        try {
            return file == null ? loader.sample() : loader.load(file);
        } catch (InputException e) {
            throw dataError(e);
        } catch (IllegalStateException e) {
            throw new Failure(ExitCodes.DATA, "rehearse: " + e.getMessage());
        }
    }

    /** A cluster file already read (the text a journal embeds is then exactly what was loaded). */
    public Cluster cluster(String name, byte[] bytes) {
        try {
            return new ClusterLoader(matrix()).parse(name, bytes);
        } catch (InputException e) {
            throw dataError(e);
        }
    }

    public Configuration config(String text, String option) {
        try {
            return matrix().resolve(text);
        } catch (UnknownConfigurationException e) {
            throw new Failure(ExitCodes.USAGE, "rehearse: " + option + ": " + e.getMessage());
        }
    }

    public static Failure dataError(InputException e) {
        StringBuilder b = new StringBuilder();
        for (Problem p : e.problems()) {
            if (b.length() > 0) b.append('\n');
            b.append(p);
        }
        return new Failure(ExitCodes.DATA, b.toString());
    }
}
