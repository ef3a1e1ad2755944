package rehearse.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The command line built with picocli's programmatic API. Its annotations read the same model
 * by reflection, which costs every start about 25 ms here (annotation proxies are generated at
 * run time and cannot be archived); a short command like {@code plan} cannot afford that.
 */
final class Specs {
    private static final VersionProvider VERSION = new VersionProvider();

    private Specs() {}

    /** A command with -h/--help and -V/--version; {@code command} runs when it is chosen. */
    static CommandSpec command(Callable<Integer> command, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name).versionProvider(VERSION);
        spec.usageMessage().description(description);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return spec;
    }

    /** An optional option; {@code names} is comma-separated, e.g. "-o, --output". */
    static <T> Value<T> option(CommandSpec spec, String names, String label, Class<T> type, String description) {
        return add(spec, names, label, type, null, false, description, new Value<>());
    }

    static <T> Value<T> required(CommandSpec spec, String names, String label, Class<T> type, String description) {
        return add(spec, names, label, type, null, true, description, new Value<>());
    }

    /** An option with a default, given as it would be typed; "${DEFAULT-VALUE}" in the description shows it. */
    static <T> Value<T> withDefault(CommandSpec spec, String names, String label, Class<T> type, String defaultValue,
            String description) {
        return add(spec, names, label, type, defaultValue, false, description, new Value<>());
    }

    static Value<Boolean> flag(CommandSpec spec, String names, String description) {
        return add(spec, names, null, boolean.class, null, false, description, new Value<>(Boolean.FALSE));
    }

    /** An option that may be given many times; the values in order. */
    static Value<List<String>> repeatable(CommandSpec spec, String names, String label, String description) {
        Value<List<String>> value = new Value<>(new ArrayList<>());
        spec.addOption(OptionSpec.builder(names.split(",\\s*")).paramLabel(label).type(List.class)
                .auxiliaryTypes(String.class).description(description).getter(value).setter(value)
                .initialValue(value.value()).build());
        return value;
    }

    /** A required positional parameter. */
    static <T> Value<T> parameter(CommandSpec spec, String label, Class<T> type, String description) {
        Value<T> value = new Value<>();
        spec.addPositional(PositionalParamSpec.builder().paramLabel(label).type(type).arity("1").required(true).description(description)
                .getter(value).setter(value).build());
        return value;
    }

    private static <T> Value<T> add(CommandSpec spec, String names, String label, Class<?> type, String defaultValue,
            boolean required, String description, Value<T> value) {
        OptionSpec.Builder b = OptionSpec.builder(names.split(",\\s*")).type(type).required(required)
                .description(description).getter(value).setter(value).initialValue(value.value());
        if (label != null) b.paramLabel(label);
        if (defaultValue != null) b.defaultValue(defaultValue);
        spec.addOption(b.build());
        return value;
    }
}
