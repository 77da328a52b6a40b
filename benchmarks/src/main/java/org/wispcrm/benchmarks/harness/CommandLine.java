package org.wispcrm.benchmarks.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The command-line conventions the benchmarks share: {@code --name value} pairs, sizes, databases, results. */
public final class CommandLine {
    private CommandLine() {}

    /**
     * The {@code --name value} pairs of a command line, in order (an option may repeat).
     *
     * @throws IllegalArgumentException for {@code --help} (with {@code title} as its message) or a name without a
     *     value
     */
    public static List<Map.Entry<String, String>> options(String[] args, String title) {
        var pairs = new ArrayList<Map.Entry<String, String>>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException(title);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value after " + name);
            }
            pairs.add(Map.entry(name, args[++i]));
        }
        return pairs;
    }

    /** {@code 10000,100_000} as sizes. */
    public static List<Integer> sizes(String value) {
        return Arrays.stream(value.split(","))
                .map(s -> Integer.parseInt(s.strip().replace("_", "")))
                .toList();
    }

    /** {@code mariadb,postgresql,h2} as databases. */
    public static List<BenchDatabase> databases(String value) {
        return Arrays.stream(value.split(",")).map(BenchDatabase::parse).toList();
    }

    /** Where results go by default: {@code benchmarks/target/results} from the repository root. */
    public static Path defaultResults() {
        return Files.isDirectory(Path.of("benchmarks"))
                ? Path.of("benchmarks/target/results")
                : Path.of("target/results");
    }
}
