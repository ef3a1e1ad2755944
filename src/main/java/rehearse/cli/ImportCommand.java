package rehearse.cli;

import java.io.IOException;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.io.ClusterExeImport;
import rehearse.io.ClusterLoader;
import rehearse.io.ClusterWriter;
import rehearse.io.InputException;
import rehearse.io.Listing;
import rehearse.io.Location;
import rehearse.io.Problem;
import rehearse.matrix.Configuration;
import rehearse.model.Cluster;

@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Import a real cluster's description.", subcommands = ImportCommand.ClusterExe.class)
public final class ImportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    @Command(name = "cluster-exe", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Build a cluster file from what Windows 2000's cluster.exe prints:",
                "  cluster /cluster:NAME node > nodes.txt      cluster group > groups.txt",
                "  cluster resource > resources.txt           cluster resource \"R\" /listowners > owners\\R.txt",
                "CRLF, UTF-16LE (cmd /u) and 8-bit listings are read. Exit 65 on a listing that cannot be read."})
    static final class ClusterExe implements Callable<Integer> {
        @Mixin Inputs inputs;
        @Spec CommandSpec spec;

        @Option(names = "--nodes", paramLabel = "NODES.txt", required = true, description = "Output of 'cluster node'.")
        Path nodes;

        @Option(names = "--groups", paramLabel = "GROUPS.txt", required = true, description = "Output of 'cluster group'.")
        Path groups;

        @Option(names = "--resources", paramLabel = "RESOURCES.txt", required = true, description = "Output of 'cluster resource'.")
        Path resources;

        @Option(names = "--owners", paramLabel = "DIR",
                description = "A directory of 'cluster resource \"R\" /listowners' outputs, one file per resource.")
        Path ownersDir;

        @Option(names = "--config", paramLabel = "NODE=CONFIG", description = "The configuration of a node (repeat for each node).")
        List<String> configs = new ArrayList<>();

        @Option(names = "--guess-types", description = "Infer resource types from their names (IP, Disk, Name, Share, IIS/Web/FTP Server).")
        boolean guessTypes;

        @Option(names = "--name", paramLabel = "CLUSTER", description = "Cluster name (default: from a /cluster:NAME header).")
        String name;

        @Option(names = {"-o", "--output"}, paramLabel = "CLUSTER.yaml", required = true, description = "The cluster file to write.")
        Path output;

        @Override
        public Integer call() {
            Map<String, Configuration> byNode = new LinkedHashMap<>();
            for (String c : configs) {
                int eq = c.indexOf('=');
                if (eq <= 0) throw new Failure(ExitCodes.USAGE, "rehearse import: --config wants NODE=CONFIG, got '" + c + "'");
                byNode.put(c.substring(0, eq).trim().toUpperCase(Locale.ROOT), inputs.config(c.substring(eq + 1), "--config"));
            }
            ClusterExeImport importer = new ClusterExeImport();
            Cluster cluster;
            try {
                Map<String, List<String>> owners = new LinkedHashMap<>();
                if (ownersDir != null) {
                    if (!Files.isDirectory(ownersDir)) {
                        throw new InputException(new Problem(Location.of(ownersDir.toString(), 0, 0), "not a directory"));
                    }
                    try (Stream<Path> files = Files.list(ownersDir)) {
                        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                            var e = ClusterExeImport.owners(Listing.parse(f.toString(), ClusterLoader.read(f)));
                            owners.put(e.getKey(), e.getValue());
                        }
                    }
                }
                cluster = importer.read(listing(nodes), listing(groups), listing(resources), owners, byNode, guessTypes, name);
            } catch (InputException e) {
                throw Inputs.dataError(e);
            } catch (IOException e) {
                throw new Failure(ExitCodes.DATA, "rehearse import: " + e.getMessage());
            }
            List<String> comments = new ArrayList<>(List.of("Imported by rehearse from cluster.exe listings: " + nodes.getFileName()
                    + ", " + groups.getFileName() + ", " + resources.getFileName() + "."));
            for (String w : importer.warnings) comments.add("TODO: " + w);
            String yaml = ClusterWriter.write(cluster, comments);
            try {
                new ClusterLoader(inputs.matrix()).parse(output.toString(), yaml.getBytes(StandardCharsets.UTF_8));
            } catch (InputException e) {
                throw new Failure(ExitCodes.DATA, "rehearse import: the imported cluster does not pass 'rehearse check': "
                        + e.problems().get(0));
            }
            try {
                Files.writeString(output, yaml);
            } catch (IOException e) {
                throw new Failure(ExitCodes.CANT_CREATE, "rehearse import: cannot write " + output + ": " + e.getMessage());
            }
            for (String w : importer.warnings) spec.commandLine().getErr().println("rehearse import: note: " + w);
            spec.commandLine().getOut().printf("%s: cluster %s, %d nodes, %d groups, %d resources%n", output, cluster.name(),
                    cluster.nodes().size(), cluster.groups().size(), cluster.groups().stream().mapToInt(g -> g.resources().size()).sum());
            return ExitCodes.OK;
        }

        private static Listing listing(Path p) throws InputException {
            return Listing.parse(p.toString(), ClusterLoader.read(p));
        }
    }
}
