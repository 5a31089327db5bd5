package io.callroute.app;

import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * The web application's last start step (web.xml: loaded on start-up after the filters, mapped to no path): waits
 * until the start-up thread has made the rules live, or found it could not. {@link Callroute} builds the rules on
 * their own thread so that Jersey's initialisation (the filters, before this) runs at the same time; waiting here
 * keeps what every container promised before — once the application is started, its rules are live, and the
 * standalone server opens its port only then.
 */
public final class StartUpGate extends GenericServlet {

    private static final long serialVersionUID = 1L;

    @Override
    public void init() throws ServletException {
        Object callroute = getServletContext().getAttribute(CallrouteLifecycle.ATTRIBUTE);
        if (callroute instanceof Callroute running) {
            running.rulesStarted().join();
        }
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException {
        throw new ServletException("StartUpGate serves no requests");
    }
}
