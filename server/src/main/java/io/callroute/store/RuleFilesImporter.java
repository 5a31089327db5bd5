package io.callroute.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds an empty store with the rule sets found as {@code *.yaml} / {@code *.yml} files in the rules folder. Only
 * ever on an empty store: once rules live in the store, the files are examples, not the truth.
 */
public final class RuleFilesImporter {

    private static final Logger LOG = LoggerFactory.getLogger(RuleFilesImporter.class);
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private final RuleSetStore store;

    public RuleFilesImporter(RuleSetStore store) {
        this.store = store;
    }

    /** Imports the folder's rule files if the store holds none; returns how many were imported. */
    public int importIfEmpty(Path rulesDir) {
        if (!store.isEmpty()) {
            return 0;
        }
        List<StoredRuleSet> found = read(rulesDir);
        if (found.isEmpty()) {
            LOG.warn("The rule store is empty and {} holds no *.yaml rule files: every call will get the fallback",
                    rulesDir);
            return 0;
        }
        store.insertAll(found);
        LOG.info("Imported {} rule set(s) from {} into the empty store", found.size(), rulesDir);
        return found.size();
    }

    /** The rule files of a folder, sorted by name; an absent folder has none. */
    public static List<StoredRuleSet> read(Path rulesDir) {
        if (!Files.isDirectory(rulesDir)) {
            return List.of();
        }
        List<StoredRuleSet> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(rulesDir)) {
            for (Path file : files.filter(RuleFilesImporter::isRuleFile).sorted().toList()) {
                if (Files.size(file) > MAX_FILE_BYTES) {
                    throw new IOException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
                }
                String yaml = Files.readString(file, StandardCharsets.UTF_8);
                result.add(new StoredRuleSet(baseName(file), yaml, file.toString(), Instant.now()));
            }
        } catch (IOException e) {
            throw new StoreException("reading rule files from " + rulesDir, e);
        }
        return result;
    }

    private static boolean isRuleFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }
}
