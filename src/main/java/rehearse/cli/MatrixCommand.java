package rehearse.cli;

import rehearse.base.ExitCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.io.Json;
import rehearse.matrix.Configuration;
import rehearse.matrix.Upgrade;
import rehearse.matrix.UpgradeMatrix;

/** {@code rehearse matrix}: both tables. */
public final class MatrixCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "matrix", "Show the supported standard and rolling upgrades.");
    private final Inputs inputs = new Inputs(spec);
    private final Value<Boolean> json = Specs.flag(spec, "--json", "Print JSON instead of text.");

    @Override
    public Integer call() {
        UpgradeMatrix m = inputs.matrix();
        if (json.value()) spec.commandLine().getOut().println(Json.write(toJson(m)));
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
