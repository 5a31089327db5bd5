package io.callroute.plugins.httplookup;

import io.callroute.plugin.CallroutePlugin;
import io.callroute.plugin.FactProvider;
import io.callroute.plugin.FactSpec;
import io.callroute.plugin.InvalidParameterException;
import io.callroute.plugin.ParameterSpec;
import io.callroute.plugin.ParameterType;
import io.callroute.plugin.Parameters;
import io.callroute.plugin.PluginApi;
import io.callroute.plugin.PluginContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Asks an HTTP service about the caller (e.g. a CRM: {@code https://crm.example.com/callers/{number}}) and offers
 * the top-level fields of its JSON answer as facts {@code lookup.<field>}.
 */
public final class HttpLookupPlugin implements CallroutePlugin {

    static final String URL = "url";
    static final String TIMEOUT = "timeoutMillis";
    static final String CACHE_SECONDS = "cacheSeconds";
    static final String HEADER_NAME = "headerName";
    static final String HEADER_VALUE = "headerValue";
    static final String FAILURE_THRESHOLD = "failureThreshold";
    static final String OPEN_SECONDS = "openSeconds";
    static final String FIELDS = "fields";
    static final String PLACEHOLDER = "{number}";
    /** Most callers kept in the cache. */
    static final int CACHE_ENTRIES = 1_000;

    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern HEADER = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final List<ParameterType> FACT_TYPES = List.of(ParameterType.TEXT, ParameterType.BOOLEAN,
            ParameterType.INTEGER, ParameterType.NUMBER, ParameterType.PHONE_NUMBER);

    private volatile LookupFactProvider provider;

    @Override
    public String name() {
        return "http-lookup";
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public String description() {
        return "Looks the caller up in your own HTTP service and offers the fields of its JSON answer as facts"
                + " (lookup.tier, lookup.vip…), e.g. to route VIPs to a dedicated team.";
    }

    @Override
    public String targetApiVersion() {
        return PluginApi.VERSION;
    }

    @Override
    public List<ParameterSpec> settings() {
        return List.of(
                ParameterSpec.of(URL, ParameterType.TEXT).asRequired()
                        .withLabel("Lookup URL")
                        .withHelp("http(s) URL with {number} where the caller's E.164 number goes (URL-encoded),"
                                + " e.g. https://crm.example.com/callers/{number}. It must answer a JSON object."),
                ParameterSpec.of(TIMEOUT, ParameterType.INTEGER).withDefault("300").withRange(50.0, 2000.0)
                        .withLabel("Timeout (ms)")
                        .withHelp("How long a call may wait for the answer; a slower answer gives no facts."),
                ParameterSpec.of(CACHE_SECONDS, ParameterType.INTEGER).withDefault("60").withRange(0.0, 86_400.0)
                        .withLabel("Cache (seconds)")
                        .withHelp("How long an answer is reused for the same caller; 0 asks every time."),
                ParameterSpec.of(HEADER_NAME, ParameterType.TEXT)
                        .withLabel("Header name")
                        .withHelp("Optional request header, e.g. X-Api-Key or Authorization."),
                ParameterSpec.of(HEADER_VALUE, ParameterType.SECRET)
                        .withLabel("Header value")
                        .withHelp("The header's value, e.g. the API key; never shown back."),
                ParameterSpec.of(FAILURE_THRESHOLD, ParameterType.INTEGER).withDefault("5").withRange(1.0, 1000.0)
                        .withLabel("Failures before pausing")
                        .withHelp("After this many failed lookups in a row, stop asking for a while."),
                ParameterSpec.of(OPEN_SECONDS, ParameterType.INTEGER).withDefault("30").withRange(1.0, 3600.0)
                        .withLabel("Pause (seconds)")
                        .withHelp("How long to stop asking after repeated failures; calls get no facts meanwhile."),
                ParameterSpec.of(FIELDS, ParameterType.TEXT)
                        .withLabel("Fields")
                        .withHelp("The answer's fields rules may use, comma-separated, each optionally with a type:"
                                + " tier, vip:BOOLEAN, score:INTEGER. Empty: every top-level field, none declared."));
    }

    @Override
    public void start(PluginContext context) {
        Parameters settings = context.settings();
        String url = checkUrl(settings.requiredText(URL).strip());
        int timeout = (int) bounded(settings, TIMEOUT, 300, 50, 2000);
        int cacheSeconds = (int) bounded(settings, CACHE_SECONDS, 60, 0, 86_400);
        int threshold = (int) bounded(settings, FAILURE_THRESHOLD, 5, 1, 1000);
        int openSeconds = (int) bounded(settings, OPEN_SECONDS, 30, 1, 3600);
        String headerName = settings.text(HEADER_NAME).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        String headerValue = settings.text(HEADER_VALUE).filter(s -> !s.isEmpty()).orElse(null);
        if (headerName != null && !HEADER.matcher(headerName).matches()) {
            throw new InvalidParameterException(HEADER_NAME, "\"" + headerName + "\" is not a valid header name");
        }
        if (headerName == null && headerValue != null) {
            throw new InvalidParameterException(HEADER_NAME, "is required when a header value is given");
        }
        if (headerName != null && headerValue == null) {
            throw new InvalidParameterException(HEADER_VALUE, "is required when a header name is given");
        }
        if (headerValue != null && (headerValue.indexOf('\r') >= 0 || headerValue.indexOf('\n') >= 0)) {
            throw new InvalidParameterException(HEADER_VALUE, "must be on one line");
        }
        List<FactSpec> fields = parseFields(settings.text(FIELDS).orElse(""));
        LookupFactProvider old = provider;
        provider = new LookupFactProvider(new LookupSettings(url, Duration.ofMillis(timeout),
                Duration.ofSeconds(cacheSeconds), headerName, headerValue, threshold, Duration.ofSeconds(openSeconds),
                fields), context.clock(), context.logger());
        if (old != null) {
            old.close();
        }
    }

    @Override
    public List<FactProvider> factProviders() {
        LookupFactProvider current = provider;
        if (current == null) {
            throw new IllegalStateException("http-lookup is not started");
        }
        return List.of(current);
    }

    @Override
    public void close() {
        LookupFactProvider current = provider;
        provider = null;
        if (current != null) {
            current.close();
        }
    }

    static String checkUrl(String url) {
        if (!url.contains(PLACEHOLDER)) {
            throw new InvalidParameterException(URL, "must contain " + PLACEHOLDER + " where the caller's number goes");
        }
        URI uri;
        try {
            uri = new URI(url.replace(PLACEHOLDER, "%2B6500000000"));
        } catch (URISyntaxException e) {
            throw new InvalidParameterException(URL, "is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new InvalidParameterException(URL, "must be an http or https URL");
        }
        return url;
    }

    static List<FactSpec> parseFields(String text) {
        List<FactSpec> specs = new ArrayList<>();
        for (String part : text.split(",")) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            int colon = item.indexOf(':');
            String name = colon < 0 ? item : item.substring(0, colon).strip();
            ParameterType type = ParameterType.TEXT;
            if (colon >= 0) {
                String typeName = item.substring(colon + 1).strip().toUpperCase(Locale.ROOT);
                try {
                    type = ParameterType.valueOf(typeName);
                } catch (IllegalArgumentException e) {
                    type = null;
                }
                if (type == null || !FACT_TYPES.contains(type)) {
                    throw new InvalidParameterException(FIELDS,
                            "\"" + item + "\": the type must be one of " + FACT_TYPES);
                }
            }
            if (!FIELD.matcher(name).matches()) {
                throw new InvalidParameterException(FIELDS, "\"" + name + "\" is not a field name (letters, digits, _)");
            }
            String finalName = name;
            if (specs.stream().anyMatch(spec -> spec.name().equals(finalName))) {
                throw new InvalidParameterException(FIELDS, "lists " + name + " twice");
            }
            specs.add(new FactSpec(name, type, "The " + name + " field of the lookup service's answer."));
        }
        return List.copyOf(specs);
    }

    private static long bounded(Parameters settings, String name, long fallback, long min, long max) {
        long value = settings.integer(name).orElse(fallback);
        if (value < min || value > max) {
            throw new InvalidParameterException(name, "must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    static boolean isFieldName(String name) {
        return FIELD.matcher(name).matches();
    }
}
