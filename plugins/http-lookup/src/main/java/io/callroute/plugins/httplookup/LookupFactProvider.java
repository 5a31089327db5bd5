package io.callroute.plugins.httplookup;

import io.callroute.plugin.CallContext;
import io.callroute.plugin.FactProvider;
import io.callroute.plugin.FactSpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The {@code lookup} facts. {@link #factsFor} never throws and never waits longer than the timeout: a slow, failing or
 * paused (circuit open) service gives no facts. A {@code 404} means "caller unknown": no facts, not a failure, and
 * cached like an answer.
 */
final class LookupFactProvider implements FactProvider, AutoCloseable {

    private final LookupSettings settings;
    private final Clock clock;
    private final System.Logger logger;
    private final ExecutorService executor;
    private final HttpClient client;
    private final FactCache cache;
    private final CircuitBreaker breaker;
    private final Set<String> declared;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong skippedWhileOpen = new AtomicLong();

    LookupFactProvider(LookupSettings settings, Clock clock, System.Logger logger) {
        this.settings = settings;
        this.clock = clock;
        this.logger = logger;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "http-lookup-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        this.cache = new FactCache(HttpLookupPlugin.CACHE_ENTRIES, settings.cacheTtl(), clock);
        this.breaker = new CircuitBreaker(settings.failureThreshold(), settings.openFor(), clock);
        this.declared = settings.fields().stream().map(FactSpec::name).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String id() {
        return "lookup";
    }

    @Override
    public String displayName() {
        return "HTTP lookup";
    }

    @Override
    public String description() {
        return "Fields of the lookup service's answer about the caller; none when it is slow, failing or does not"
                + " know the caller.";
    }

    @Override
    public java.util.List<FactSpec> facts() {
        return settings.fields();
    }

    @Override
    public Map<String, String> factsFor(CallContext call) {
        try {
            return lookUp(call.source());
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            logger.log(System.Logger.Level.WARNING, "http-lookup: unexpected " + e.getClass().getSimpleName());
            return Map.of();
        }
    }

    private Map<String, String> lookUp(String number) {
        if (number == null || number.isBlank()) {
            return Map.of();
        }
        Map<String, String> cached = cache.get(number);
        if (cached != null) {
            return cached;
        }
        if (!breaker.allowRequest()) {
            skippedWhileOpen.incrementAndGet();
            return Map.of();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uriFor(number))
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .GET();
        if (settings.headerName() != null) {
            request.header(settings.headerName(), settings.headerValue());
        }
        requests.incrementAndGet();
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            response = future.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return failed("no answer within " + settings.timeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failed(cause.getClass().getSimpleName());
        }
        int status = response.statusCode();
        if (status == 404) {
            breaker.recordSuccess();
            cache.put(number, Map.of());
            return Map.of();
        }
        if (status != 200) {
            return failed("HTTP " + status);
        }
        Map<String, String> facts;
        try {
            facts = JsonFacts.flatten(response.body());
        } catch (IOException e) {
            return failed("unreadable answer (" + e.getMessage() + ")");
        }
        if (!declared.isEmpty()) {
            facts.keySet().retainAll(declared);
        }
        breaker.recordSuccess();
        Map<String, String> answer = Map.copyOf(facts);
        cache.put(number, answer);
        return answer;
    }

    private URI uriFor(String number) {
        return URI.create(settings.url().replace(HttpLookupPlugin.PLACEHOLDER,
                URLEncoder.encode(number, StandardCharsets.UTF_8)));
    }

    private Map<String, String> failed(String why) {
        failures.incrementAndGet();
        if (breaker.recordFailure()) {
            logger.log(System.Logger.Level.WARNING, "http-lookup: " + settings.failureThreshold()
                    + " failed lookups in a row (last: " + why + "); pausing lookups for "
                    + settings.openFor().toSeconds() + " s");
        } else {
            logger.log(System.Logger.Level.DEBUG, "http-lookup: lookup failed: " + why);
        }
        return Map.of();
    }

    long requests() {
        return requests.get();
    }

    long failures() {
        return failures.get();
    }

    long skippedWhileOpen() {
        return skippedWhileOpen.get();
    }

    CircuitBreaker.State breakerState() {
        return breaker.state();
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
