package rehearse.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.io.Json;
import rehearse.matrix.Configuration;
import rehearse.matrix.Upgrade;
import rehearse.matrix.UpgradeMatrix;

@Command(name = "matrix", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show the supported standard and rolling upgrades.")
public final class MatrixCommand implements Callable<Integer> {
    @Mixin Inputs inputs;
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        UpgradeMatrix m = inputs.matrix();
        if (json) spec.commandLine().getOut().println(Json.write(toJson(m)));
        else spec.commandLine().getOut().print(MatrixView.render(m));
        return ExitCodes.OK;
    }

    static Map<String, Object> toJson(UpgradeMatrix m) {
        List<Object> configs = new ArrayList<>();
        for (Configuration c : m.configurations()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", c.id());
            o.put("label", c.label());
            o.put("platform", c.platform());
            o.put("iisResourceType", c.iisResourceType());
            configs.add(o);
        }
        List<Object> upgrades = new ArrayList<>();
        for (Upgrade u : m.upgrades()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("from", u.from().label());
            o.put("to", u.to().label());
            o.put("kind", u.kind().word());
            upgrades.add(o);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("configurations", configs);
        out.put("upgrades", upgrades);
        return out;
    }
}
