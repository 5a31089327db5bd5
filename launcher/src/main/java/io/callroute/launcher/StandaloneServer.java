package io.callroute.launcher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.modeler.Registry;
import org.apache.tomcat.util.scan.StandardJarScanFilter;
import org.apache.tomcat.util.scan.StandardJarScanner;

/** An embedded Tomcat serving the exploded WAR at the root context, exactly as a deployed WAR is served. */
final class StandaloneServer {

    private static final Logger LOG = Logger.getLogger(StandaloneServer.class.getName());

    static {
        // Tomcat's JMX MBeans (nothing reads them: metrics come from /metrics) cost parsing their XML descriptors
        // and registering a bean per component, about 7 % of a start's main-thread time (docs/PERFORMANCE.md).
        Registry.disableRegistry();
    }

    private final Tomcat tomcat = new Tomcat();
    private final Context context;

    StandaloneServer(int port, Path webapp, Path baseDir) throws IOException {
        Files.createDirectories(baseDir);
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(port);
        Connector connector = tomcat.getConnector();
        connector.setProperty("server", "Callroute");
        tomcat.getHost().setAutoDeploy(false);
        // Tomcat's default web.xml would also declare a JSP servlet, which fails to load without Jasper; the WAR
        // needs only static files next to Jersey, so the default servlet is added alone.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        context = tomcat.addWebapp("", webapp.toString());
        addStaticFileServlet(context);
        // web.xml declares everything (metadata-complete), so only the admin UI jar needs scanning: for its
        // META-INF/resources. Skipping the other jars (Drools, Jersey…) saves a second or more at every start.
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanManifest(false);
        StandardJarScanFilter filter = new StandardJarScanFilter();
        filter.setDefaultTldScan(false);
        filter.setDefaultPluggabilityScan(false);
        filter.setPluggabilityScan("callroute-admin-ui*.jar");
        scanner.setJarScanFilter(filter);
        context.setJarScanner(scanner);
        // Jersey's ServletContainerInitializer only sets up applications that web.xml does not declare; ours is
        // declared (a filter), yet its @HandlesTypes makes Tomcat read every class of WEB-INF/classes at each start.
        context.setContainerSciFilter("org\\.glassfish\\.jersey\\.servlet\\.init\\.JerseyServletContainerInitializer");
    }

    private static void addStaticFileServlet(Context context) {
        Wrapper servlet = context.createWrapper();
        servlet.setName("default");
        servlet.setServletClass(DefaultServlet.class.getName());
        servlet.addInitParameter("listings", "false");
        servlet.setLoadOnStartup(1);
        context.addChild(servlet);
        context.addServletMappingDecoded("/", "default");
        context.addWelcomeFile("index.html");
        Tomcat.addDefaultMimeTypeMappings(context);
    }

    /** Starts Tomcat; false (with the reason already logged) when the application did not start. */
    boolean start() throws LifecycleException {
        tomcat.start();
        if (context.getState() != LifecycleState.STARTED) {
            LOG.severe("Callroute did not start (see the errors above); stopping.");
            stop();
            return false;
        }
        int actualPort = tomcat.getConnector().getLocalPort();
        LOG.info("Callroute ready on http://localhost:" + actualPort + "/ in "
                + ManagementFactory.getRuntimeMXBean().getUptime() + " ms since JVM start");
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "callroute-shutdown"));
        return true;
    }

    /** The port the connector listens on (the chosen one when started on port 0). */
    int port() {
        return tomcat.getConnector().getLocalPort();
    }

    /** The class loader of the web application, while it runs. */
    ClassLoader webappClassLoader() {
        return context.getLoader().getClassLoader();
    }

    void awaitShutdown() {
        tomcat.getServer().await();
    }

    /** Stops and destroys Tomcat; once only, whether called directly or by the shutdown hook. */
    synchronized void stop() {
        if (tomcat.getServer().getState() == LifecycleState.DESTROYED) {
            return;
        }
        try {
            if (tomcat.getServer().getState().isAvailable()) {
                tomcat.stop();
            }
            tomcat.destroy();
        } catch (LifecycleException e) {
            LOG.warning("Error while stopping: " + e.getMessage());
        }
    }
}
