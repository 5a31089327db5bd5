package io.callroute.rules;

import io.callroute.actions.ActionRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code callroute check|drl [path…]}: checks YAML rule files, or prints the DRL they compile to, without a server or
 * a database — for rule authors and for CI pipelines that keep rules in git. Paths are files or folders (their
 * {@code *.yaml} files); the default is {@code ./rules}. Exit code 0 when the rules are valid, 1 when not, 2 for
 * usage errors.
 */
public final class RulesCli {

    private RulesCli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !(args[0].equals("check") || args[0].equals("drl"))) {
            err.println("usage: check|drl [rule file or folder …]");
            return 2;
        }
        List<String> paths = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of("rules");
        List<RuleSetSource> sources = new ArrayList<>();
        for (String path : paths) {
            try {
                sources.addAll(read(Path.of(path)));
            } catch (IOException | RuntimeException e) {
                err.println(path + ": cannot be read: " + e.getMessage());
                return 2;
            }
        }
        if (sources.isEmpty()) {
            err.println("No *.yaml rule files in " + String.join(", ", paths));
            return 2;
        }
        ActionRegistry actions = ActionRegistry.load(RulesCli.class.getClassLoader());
        try {
            CompiledRules rules = new RuleCompiler().compile(sources, actions);
            if (args[0].equals("drl")) {
                out.print(rules.drl());
            } else {
                out.println("OK: " + rules.ruleSetCount() + " rule set(s), " + rules.ruleCount()
                        + " rule(s) compiled.");
            }
            return 0;
        } catch (RuleCompilationException e) {
            for (RuleProblem problem : e.problems()) {
                err.println(problem);
            }
            err.println(e.problems().size() + " problem(s); nothing compiled.");
            return 1;
        }
    }

    private static List<RuleSetSource> read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return RuleFiles.read(path);
        }
        return List.of(RuleFiles.readFile(path));
    }
}
