package io.callroute.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads rule files ({@code *.yaml} / {@code *.yml}) from a folder, for the CLI ({@code check}, {@code drl}) and for
 * seeding an empty store on first start. Files only ever enter the store through the admin API's import path or
 * that first start; afterwards the store is the truth.
 */
public final class RuleFiles {

    /** Larger files are refused: a rule set that big is a mistake, not a routing plan. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;

    private RuleFiles() {
    }

    /** The rule files of a folder, sorted by file name, each named after its file; an absent folder has none. */
    public static List<RuleSetSource> read(Path rulesDir) {
        if (!Files.isDirectory(rulesDir)) {
            return List.of();
        }
        List<RuleSetSource> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(rulesDir)) {
            for (Path file : files.filter(RuleFiles::isRuleFile).sorted().toList()) {
                result.add(readFile(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading rule files from " + rulesDir + ": " + e.getMessage(), e);
        }
        return result;
    }

    /** One rule file, named after the file without its extension. */
    public static RuleSetSource readFile(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        String name = file.getFileName().toString();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        return new RuleSetSource(base, Files.readString(file, StandardCharsets.UTF_8));
    }

    private static boolean isRuleFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
