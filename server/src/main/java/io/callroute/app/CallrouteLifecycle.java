package io.callroute.app;

import io.callroute.config.SettingSource;
import io.callroute.config.Settings;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Starts Callroute when the web application starts and stops it with the application, whatever the container. The
 * running instance is kept as a servlet context attribute for {@link CallrouteApplication}.
 */
public final class CallrouteLifecycle implements ServletContextListener {

    static final String ATTRIBUTE = Callroute.class.getName();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Settings settings = Settings.read(SettingSource.fromProcess(context::getInitParameter));
        context.setAttribute(ATTRIBUTE, new Callroute(settings));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Object callroute = event.getServletContext().getAttribute(ATTRIBUTE);
        if (callroute instanceof Callroute running) {
            running.close();
        }
    }
}
