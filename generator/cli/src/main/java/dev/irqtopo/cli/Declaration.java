package dev.irqtopo.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * How a command tells picocli its name, description, exit codes and arguments: in code, through picocli's
 * programmatic model, not in annotations. To read annotations the JDK makes a proxy class for each
 * annotation type at run time, which was a good part of the command line's start. Every command has the
 * standard {@code --help} and {@code --version}; each argument is bound to the field its command keeps it
 * in.
 */
final class Declaration {

    private Declaration() {
    }

    /**
     * The command {@code name} run by {@code command}, with its description, its exit codes as
     * {@code "CODE:meaning"}, and the standard help and version options.
     */
    static CommandSpec command(Object command, String name, String[] description, String... exitCodes) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command)
                .name(name)
                .versionProvider(new VersionProvider());
        spec.usageMessage().description(description);
        if (exitCodes.length > 0) {
            Map<String, String> codes = new LinkedHashMap<>();
            for (String entry : exitCodes) {
                int colon = entry.indexOf(':');
                codes.put(entry.substring(0, colon), entry.substring(colon + 1));
            }
            spec.usageMessage().exitCodeListHeading("Exit codes:%n").exitCodeList(codes);
        }
        // what mixinStandardHelpOptions adds, in picocli's words
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return spec;
    }

    /**
     * An option of {@code type}, read and written through {@code get} and {@code set}; what {@code get}
     * gives now is its initial value, to which picocli resets it before it parses.
     */
    static <T> OptionSpec.Builder option(Class<?> type, Supplier<T> get, Consumer<T> set, String... names) {
        Field<T> field = new Field<>(get, set);
        return OptionSpec.builder(names).type(type).getter(field).setter(field).initialValue(get.get());
    }

    /** A positional parameter of {@code type}, bound as {@link #option} binds an option. */
    static <T> PositionalParamSpec.Builder positional(Class<?> type, Supplier<T> get, Consumer<T> set) {
        Field<T> field = new Field<>(get, set);
        return PositionalParamSpec.builder().type(type).getter(field).setter(field).initialValue(get.get());
    }

    /** Where an argument's value lives: a field of its command. */
    private static final class Field<T> implements IGetter, ISetter {

        private final Supplier<T> reader;
        private final Consumer<T> writer;

        Field(Supplier<T> reader, Consumer<T> writer) {
            this.reader = reader;
            this.writer = writer;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V get() {
            return (V) reader.get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V set(V value) {
            V previous = (V) reader.get();
            writer.accept((T) value);
            return previous;
        }
    }
}
