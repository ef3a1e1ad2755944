package rehearse.cli;

import rehearse.base.ExitCodes;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.base.Failure;
import rehearse.io.ClusterExeImport;
import rehearse.io.ClusterLoader;
import rehearse.io.ClusterWriter;
import rehearse.io.InputException;
import rehearse.io.IoErrors;
import rehearse.io.Listing;
import rehearse.io.Location;
import rehearse.io.OutputFile;
import rehearse.base.Printable;
import rehearse.io.Problem;
import rehearse.matrix.Configuration;
import rehearse.model.Cluster;

/** {@code rehearse import}: a real cluster's description into a cluster file. */
public final class ImportCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "import", "Import a real cluster's description.",
            "See 'rehearse import cluster-exe --help'.")
            .addSubcommand("cluster-exe", new ClusterExe().spec);

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** {@code rehearse import cluster-exe}: from the listings Windows 2000's cluster.exe prints. */
    static final class ClusterExe implements Callable<Integer> {
        final CommandSpec spec = Specs.command(this, "cluster-exe",
                "Build a cluster file from the listings that Windows 2000's cluster.exe prints.",
                "Save them on the cluster with these commands; the last three are optional, with one file per resource or"
                        + " group in each directory:",
                "  cluster /cluster:NAME node > nodes.txt",
                "  cluster /cluster:NAME group > groups.txt",
                "  cluster /cluster:NAME resource > resources.txt",
                "  cluster /cluster:NAME resource \"R\" /listowners > owners\\R.txt",
                "  cluster /cluster:NAME resource \"R\" /listdep > deps\\R.txt    ",
                "  cluster /cluster:NAME group \"G\" /listowners > preferred\\G.txt",
                "CRLF, UTF-8 and UTF-16LE (cmd /u) listings are read; a listing in the console's code page (plain cmd)"
                        + " needs --encoding, e.g. --encoding cp850. Exit 65 on a listing that cannot be read.");
        private final Inputs inputs = new Inputs(spec);
        private final Value<Path> nodes = Specs.required(spec, "--nodes", "NODES.txt", Path.class, "Output of 'cluster node'.");
        private final Value<Path> groups = Specs.required(spec, "--groups", "GROUPS.txt", Path.class, "Output of 'cluster group'.");
        private final Value<Path> resources = Specs.required(spec, "--resources", "RESOURCES.txt", Path.class,
                "Output of 'cluster resource'.");
        private final Value<Path> ownersDir = Specs.option(spec, "--owners", "DIR", Path.class,
                "A directory of 'cluster resource \"R\" /listowners' outputs, one file per resource.");
        private final Value<Path> dependenciesDir = Specs.option(spec, "--dependencies", "DIR", Path.class,
                "A directory of 'cluster resource \"R\" /listdep' outputs, one file per resource.");
        private final Value<Path> preferredDir = Specs.option(spec, "--preferred-owners", "DIR", Path.class,
                "A directory of 'cluster group \"G\" /listowners' outputs, one file per group.");
        private final Value<List<String>> configs = Specs.repeatable(spec, "--config", "NODE=CONFIG",
                "The configuration of a node (repeat for each node).");
        private final Value<Boolean> guessTypes = Specs.flag(spec, "--guess-types",
                "Infer resource types from their names (IP, Disk, Name, Share, IIS/Web/FTP Server).");
        private final Value<String> name = Specs.option(spec, "--name", "CLUSTER", String.class,
                "Cluster name (default: from a /cluster:NAME header).");
        private final Value<Path> output = Specs.required(spec, "-o, --output", "CLUSTER.yaml", Path.class,
                "The cluster file to write.");
        private final Value<String> encoding = Specs.option(spec, "--encoding", "CHARSET", String.class,
                "The code page the listings were saved in (cp850 in Western Europe, cp437 in the US; 'chcp' at"
                        + " the command prompt shows it), or any character set Java knows (windows-1252, UTF-16LE...). Default:"
                        + " UTF-8; a UTF-16 byte-order mark is always honoured.");

        @Override
        public Integer call() {
            Map<String, Configuration> byNode = new LinkedHashMap<>();
            for (String c : configs.value()) {
                int eq = c.indexOf('=');
                if (eq <= 0) throw new Failure(ExitCodes.USAGE, "rehearse import: --config wants NODE=CONFIG, got '" + c + "'");
                String node = c.substring(0, eq).trim();
                if (byNode.put(node.toUpperCase(Locale.ROOT), inputs.config(c.substring(eq + 1), "--config")) != null) {
                    throw new Failure(ExitCodes.USAGE, "rehearse import: --config gives " + Printable.clean(node) + " twice; give each node once");
                }
            }
            Charset charset = charset(encoding.value());
            List<Path> inputFiles = inputFiles();
            String unusable = OutputFile.problem(this.output.value(), inputFiles); // before any listing is read
            if (unusable != null) {
                throw new Failure(ExitCodes.CANT_CREATE, "rehearse import: cannot write " + this.output.value() + ": " + unusable);
            }
            ClusterExeImport importer = new ClusterExeImport();
            Path nodes = this.nodes.value(), groups = this.groups.value(), resources = this.resources.value();
            Path output = this.output.value();
            Cluster cluster;
            try {
                ClusterExeImport.Listings listings = new ClusterExeImport.Listings(listing(nodes, charset), listing(groups, charset),
                        listing(resources, charset), listings(ownersDir.value(), charset), listings(dependenciesDir.value(), charset),
                        listings(preferredDir.value(), charset));
                cluster = importer.read(listings, byNode, guessTypes.value(), name.value());
            } catch (InputException e) {
                throw Inputs.dataError(e);
            }
            List<String> known = cluster.nodes().stream().map(n -> n.name().toUpperCase(Locale.ROOT)).toList();
            for (String node : byNode.keySet()) {
                if (!known.contains(node)) {
                    throw new Failure(ExitCodes.USAGE, "rehearse import: --config names " + Printable.clean(node) + ", which the nodes"
                            + " listing does not have (its nodes: " + String.join(", ", cluster.nodeNames()) + ")");
                }
            }
            // File names are the operator's, and may hold anything: never raw into the file or onto the terminal.
            List<String> comments = new ArrayList<>(List.of("Imported by rehearse from cluster.exe listings: "
                    + Printable.clean(nodes.getFileName().toString()) + ", " + Printable.clean(groups.getFileName().toString()) + ", "
                    + Printable.clean(resources.getFileName().toString()) + "."));
            for (String w : importer.warnings) comments.add("TODO: " + w);
            String yaml = ClusterWriter.write(cluster, comments);
            try {
                new ClusterLoader(inputs.matrix()).parse(output.toString(), yaml.getBytes(StandardCharsets.UTF_8));
            } catch (InputException e) {
                throw new Failure(ExitCodes.DATA, "rehearse import: the imported cluster does not pass 'rehearse check': "
                        + e.problems().get(0));
            }
            try {
                OutputFile.write(output, yaml, inputFiles);
            } catch (OutputFile.Refused e) {
                throw new Failure(ExitCodes.CANT_CREATE, "rehearse import: cannot write " + output + ": " + e.getMessage());
            }
            for (String w : importer.warnings) spec.commandLine().getErr().println("rehearse import: note: " + Printable.clean(w));
            spec.commandLine().getOut().printf(Locale.ROOT, "%s: cluster %s, %d nodes, %d groups, %d resources%n", Printable.clean(output.toString()),
                    Printable.clean(cluster.name()),
                    cluster.nodes().size(), cluster.groups().size(), cluster.groups().stream().mapToInt(g -> g.resources().size()).sum());
            return ExitCodes.OK;
        }

        private static Listing listing(Path p, Charset charset) throws InputException {
            return Listing.parse(p.toString(), ClusterLoader.read(p), charset);
        }

        /** Every file this import reads: none of them may be the output. */
        private List<Path> inputFiles() {
            List<Path> files = new ArrayList<>(List.of(nodes.value(), groups.value(), resources.value()));
            if (inputs.matrixFile() != null) files.add(inputs.matrixFile());
            for (Path dir : new Path[] {ownersDir.value(), dependenciesDir.value(), preferredDir.value()}) {
                if (dir == null || !Files.isDirectory(dir)) continue;
                try (Stream<Path> list = Files.list(dir)) {
                    list.forEach(files::add);
                } catch (IOException e) {
                    // reported when the directory is read
                }
            }
            return files;
        }

        /** The character set named by --encoding (null: UTF-8 unless a byte-order mark says otherwise). */
        static Charset charset(String name) {
            if (name == null) return null;
            try {
                return Charset.forName(name.trim());
            } catch (IllegalArgumentException e) { // unknown or malformed name
                throw new Failure(ExitCodes.USAGE, "rehearse import: --encoding: no character set '" + Printable.clean(name)
                        + "' in this Java (e.g. cp850, cp437, windows-1252, UTF-16LE)");
            }
        }

        /** Every file of a directory of per-resource or per-group listings, in name order; none without one. */
        private static List<Listing> listings(Path dir, Charset charset) throws InputException {
            if (dir == null) return List.of();
            if (!Files.isDirectory(dir)) throw new InputException(new Problem(Location.of(dir.toString(), 0, 0), "not a directory"));
            List<Listing> out = new ArrayList<>();
            List<Path> found;
            try (Stream<Path> files = Files.list(dir)) {
                found = files.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException | java.io.UncheckedIOException e) {
                IOException io = e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e;
                throw new InputException(new Problem(Location.of(dir.toString(), 0, 0), "cannot read the directory: " + IoErrors.cause(io)));
            }
            for (Path f : found) out.add(listing(f, charset));
            return out;
        }
    }
}
