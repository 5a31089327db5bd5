package io.callroute.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * {@code java -jar callroute.jar} — runs Callroute standalone: the unchanged {@code callroute.war} on an embedded
 * Tomcat. {@code java -jar callroute.jar drl|check <rules folder or files>} prints the DRL generated from YAML rule
 * files, or checks them, without starting a server.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        configureLogFormat();
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            usage(System.out);
            return;
        }
        LauncherSettings settings = LauncherSettings.fromProcess();
        Path war = WarLocator.locate();
        if (args.length == 1 && args[0].equals("train")) {
            // Before anything is unpacked into the data folder: the training uses a temporary one.
            System.exit(ClassArchiveTraining.run(war));
        }
        ExplodedWar exploded = ExplodedWar.extract(war, settings.dataDir().resolve("webapp"));
        if (args.length == 0) {
            StandaloneServer server = new StandaloneServer(settings.port(), exploded.root(),
                    settings.dataDir().resolve("tomcat"));
            if (!server.start()) {
                System.exit(1);
            }
            server.awaitShutdown();
            return;
        }
        if (args[0].equals("drl") || args[0].equals("check")) {
            System.exit(exploded.runRulesCli(args));
        }
        System.err.println("Unknown command: " + args[0] + " " + Arrays.toString(Arrays.copyOfRange(args, 1, args.length)));
        usage(System.err);
        System.exit(2);
    }

    private static void usage(PrintStream out) {
        out.println("""
                Usage:
                  java -jar callroute.jar                 start the server (CALLROUTE_PORT, default 8080)
                  java -jar callroute.jar check [path…]   check YAML rule files (default: ./rules); exit 1 on problems
                  java -jar callroute.jar drl [path…]     print the DRL generated from YAML rule files
                  java -XX:ArchiveClassesAtExit=callroute.jsa -jar callroute.jar train
                                                          start and stop a throwaway server (temporary data folder,
                                                          free port, the rules of CALLROUTE_RULES_DIR) so the JVM
                                                          writes a class archive; then start the server with
                                                          java -XX:SharedArchiveFile=callroute.jsa -jar callroute.jar
                Settings are environment variables or -D system properties; see README.md.""");
    }

    /** One line per record, with a timestamp, unless the user configured JUL formatting. */
    private static void configureLogFormat() {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") != null
                || System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", LogLineFormatter.FORMAT);
        // The same line, written faster, on the console handler of the default configuration.
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler instanceof ConsoleHandler && handler.getFormatter() instanceof SimpleFormatter) {
                handler.setFormatter(new LogLineFormatter(ZoneId.systemDefault()));
            }
        }
    }
}
