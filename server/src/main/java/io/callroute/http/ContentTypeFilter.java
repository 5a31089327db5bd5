package io.callroute.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A servlet filter in front of Jersey (web.xml) that deals with Content-Type headers Jersey cannot parse. Jersey reads
 * the Content-Type while it builds its request, before any JAX-RS filter or exception mapper can run, and answers
 * a bad one with a bare {@code sendError(400)}: the container's own HTML error page, not the JSON error every
 * Callroute answer promises. The webhook fuzzer found this with values such as {@code ;}, {@code application},
 * {@code application/json; charset} and an empty header. So, on every route:
 *
 * <ul>
 *   <li>a Content-Type that is empty or blank is hidden, so the request is read as if it had none (a webhook without
 *       one is fine, ADR 2: 8x8 documents none);</li>
 *   <li>one that is not a media type, or that is sent more than once, gets 400 {@code malformed_header} in the one
 *       JSON error shape, naming the header and quoting the value; the body is drained (bounded) first, so that the
 *       client reads the answer on a connection it can reuse.</li>
 * </ul>
 */
public final class ContentTypeFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(ContentTypeFilter.class);
    private static final String CONTENT_TYPE = "Content-Type";
    private static final int SHOWN_VALUE = 80;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)) {
            chain.doFilter(request, response);
            return;
        }
        List<String> values = Collections.list(http.getHeaders(CONTENT_TYPE));
        if (values.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ApiError error = problemOf(values);
        if (error != null) {
            LOG.warn("Refused {} {}: {}", http.getMethod(), http.getRequestURI(), error.message());
            BoundedBody.discard(http.getInputStream());
            byte[] json = error.toJson();
            answer.setStatus(error.status());
            answer.setContentType(MediaType.APPLICATION_JSON);
            answer.setContentLength(json.length);
            answer.getOutputStream().write(json);
            return;
        }
        chain.doFilter(isBlank(values) ? new WithoutContentType(http) : request, response);
    }

    /** The error for Content-Type header {@code values} Jersey could not parse; null when it can. */
    static ApiError problemOf(List<String> values) {
        List<String> present = values.stream().filter(value -> value != null && !value.isBlank()).toList();
        if (present.isEmpty()) {
            return null;   // hidden from Jersey instead
        }
        if (values.size() > 1) {
            return malformed("is sent " + values.size() + " times; a request has one Content-Type.");
        }
        String value = present.get(0);
        try {
            MediaType.valueOf(value);   // the parser Jersey uses
            return null;
        } catch (IllegalArgumentException e) {
            String shown = value.length() <= SHOWN_VALUE ? value : value.substring(0, SHOWN_VALUE) + "…";
            return malformed("\"" + shown + "\" is not a media type such as application/json.");
        } catch (RuntimeException e) {
            return null;   // no JAX-RS runtime to ask (a server's own API jar without a delegate): Jersey decides
        }
    }

    static boolean isBlank(List<String> values) {
        return values.stream().allMatch(value -> value == null || value.isBlank());
    }

    private static ApiError malformed(String problem) {
        return new ApiError(400, "malformed_header", "The Content-Type header " + problem, null);
    }

    /** The request as if it had been sent without a Content-Type header. */
    private static final class WithoutContentType extends HttpServletRequestWrapper {

        WithoutContentType(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return CONTENT_TYPE.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return CONTENT_TYPE.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            names.removeIf(CONTENT_TYPE::equalsIgnoreCase);
            return Collections.enumeration(names);
        }
    }
}
