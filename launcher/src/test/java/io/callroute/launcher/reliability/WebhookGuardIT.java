package io.callroute.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.launcher.ServerProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, "webhook auth and allowlist enforced over real HTTP" (and issue 10: the same behind a trusted proxy): the
 * standalone server started with {@code CALLROUTE_WEBHOOK_AUTH} and {@code CALLROUTE_WEBHOOK_ALLOW}, called over
 * real TCP connections from two source addresses. On Linux every 127.x.y.z address is the loopback interface, so a socket bound to
 * 127.0.0.2 reaches the server from an address outside the allowlist without a second machine.
 */
class WebhookGuardIT {

    private static final String SECRET = "Bearer guard-it-3f9c1a7e";
    private static final String WRONG_SECRET = "Bearer guard-it-3f9c1a7f";   // one character off
    private static final String ALLOWED = "127.0.0.1";
    private static final String OUTSIDE = "127.0.0.2";

    @TempDir
    Path work;

    @Test
    void onlyCallsWithTheSecretFromAnAllowedAddressAreAnswered() throws Exception {
        assumeLoopbackAliases();
        try (ServerProcess server = ServerProcess.in(work.resolve("server"))
                .env("CALLROUTE_RULES_DIR", System.getProperty("callroute.rules.dir"))
                .env("CALLROUTE_WEBHOOK_AUTH", SECRET)
                .env("CALLROUTE_WEBHOOK_ALLOW", ALLOWED + "/32")
                .start()) {
            String call = Files.readString(Path.of(System.getProperty("callroute.fixtures.dir"))
                    .resolve("vca_inbound_ivr_call_received_sg.json"));

            Answer answered = post(server, ALLOWED, SECRET, fresh(call));
            assertThat(answered.status()).as(answered.body()).isEqualTo(200);
            assertThat(answered.body()).contains("\"callflow\"").contains("sayAndCapture");

            Answer noSecret = post(server, ALLOWED, null, fresh(call));
            assertThat(noSecret.status()).isEqualTo(401);
            assertThat(noSecret.body()).contains("\"error\"").contains("unauthorized").doesNotContain("callflow");
            Answer wrongSecret = post(server, ALLOWED, WRONG_SECRET, fresh(call));
            assertThat(wrongSecret.status()).isEqualTo(401);
            assertThat(wrongSecret.body()).contains("unauthorized");

            Answer outside = post(server, OUTSIDE, SECRET, fresh(call));
            assertThat(outside.status()).as(outside.body()).isEqualTo(403);
            assertThat(outside.body()).contains("\"error\"").contains("forbidden").doesNotContain("callflow");
            // The secret is checked first: a wrong one from outside learns nothing about the allowlist.
            assertThat(post(server, OUTSIDE, WRONG_SECRET, fresh(call)).status()).isEqualTo(401);
            // The guard runs before the body is size-checked or parsed: 1 MB from outside is 403, not 413 (the cap is
            // 64 KiB); the server drains and drops the body so that the client sees the answer.
            String huge = fresh(call).replace("\"namespace\"", "\"padding\": \"" + "x".repeat(1_000_000)
                    + "\", \"namespace\"");
            assertThat(post(server, OUTSIDE, SECRET, huge).status()).isEqualTo(403);

            Metrics metrics = new Metrics(server.get("/metrics").body());
            assertThat(metrics.sum("callroute_webhook_refused_total", "verdict=\"UNAUTHORIZED\"")).isEqualTo(3.0);
            assertThat(metrics.sum("callroute_webhook_refused_total", "verdict=\"FORBIDDEN\"")).isEqualTo(2.0);
            assertThat(server.logSinceStart()).contains("Refused webhook").contains(OUTSIDE);
            // Refusals cost nothing else: the allowed caller is still answered.
            assertThat(post(server, ALLOWED, SECRET, fresh(call)).status()).isEqualTo(200);
        }
    }

    /**
     * Issue 10, behind a load balancer: the allowlist names 8x8's addresses (here a documentation block), the
     * balancer is 127.0.0.1 and trusted ({@code CALLROUTE_TRUSTED_PROXIES}), so the sender is read from the
     * {@code X-Forwarded-For} it appends. What a client writes there itself counts for nothing.
     */
    @Test
    void behindATrustedProxyTheAllowlistChecksTheAddressItForwardsFor() throws Exception {
        assumeLoopbackAliases();
        String eightByEight = "203.0.113.7";
        String stranger = "198.51.100.9";
        try (ServerProcess server = ServerProcess.in(work.resolve("server"))
                .env("CALLROUTE_RULES_DIR", System.getProperty("callroute.rules.dir"))
                .env("CALLROUTE_WEBHOOK_AUTH", SECRET)
                .env("CALLROUTE_WEBHOOK_ALLOW", "203.0.113.0/24")
                .env("CALLROUTE_TRUSTED_PROXIES", ALLOWED + "/32")
                .start()) {
            String call = Files.readString(Path.of(System.getProperty("callroute.fixtures.dir"))
                    .resolve("vca_inbound_ivr_call_received_sg.json"));

            Answer forwarded = post(server, ALLOWED, SECRET, fresh(call), eightByEight);
            assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(200);
            assertThat(forwarded.body()).contains("\"callflow\"");

            assertThat(post(server, ALLOWED, SECRET, fresh(call), stranger).status())
                    .as("forwarded for an address outside the allowlist").isEqualTo(403);
            assertThat(post(server, ALLOWED, SECRET, fresh(call), eightByEight + ", " + stranger).status())
                    .as("8x8's address written by the client itself, left of what the proxy appended").isEqualTo(403);
            assertThat(post(server, ALLOWED, SECRET, fresh(call), null).status())
                    .as("the proxy itself is not 8x8").isEqualTo(403);
            assertThat(post(server, OUTSIDE, SECRET, fresh(call), eightByEight).status())
                    .as("the header from a peer that is not a trusted proxy is ignored").isEqualTo(403);
            assertThat(server.logSinceStart()).as("refusals name the forwarded client")
                    .contains("Refused webhook").contains(stranger);
        }
    }

    private record Answer(int status, String body) {
    }

    /** One HTTP/1.1 request over a socket bound to {@code source}, read to the end (Connection: close). */
    private static Answer post(ServerProcess server, String source, String authorization, String body)
            throws IOException {
        return post(server, source, authorization, body, null);
    }

    /** The same, with an {@code X-Forwarded-For} header when {@code forwardedFor} is not null. */
    private static Answer post(ServerProcess server, String source, String authorization, String body,
                               String forwardedFor) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder("POST /webhooks/vca HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " + content.length
                    + "\r\n");
            if (authorization != null) {
                head.append("Authorization: ").append(authorization).append("\r\n");
            }
            if (forwardedFor != null) {
                head.append("X-Forwarded-For: ").append(forwardedFor).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(content);
                out.flush();
            } catch (IOException refusedEarly) {
                // the server may answer and close before it has read a large body: the answer is still there
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try (InputStream in = socket.getInputStream()) {
                in.transferTo(received);
            } catch (IOException resetAfterAnswer) {
                // a reset after the answer (unread request body) ends the stream; what came before counts
            }
            String text = received.toString(StandardCharsets.UTF_8);
            assertThat(text).as("an HTTP answer").startsWith("HTTP/1.1 ");
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            return new Answer(status, split < 0 ? "" : text.substring(split + 4));
        }
    }

    private static String fresh(String call) {
        return call.replaceFirst("\"eventId\"\\s*:\\s*\"[^\"]*\"", "\"eventId\": \"" + UUID.randomUUID() + "\"");
    }

    /** Outside Linux, 127.0.0.2 is usually not a local address; the check then cannot run here. */
    private static void assumeLoopbackAliases() throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(OUTSIDE, 0));
        } catch (BindException e) {
            Assumptions.abort("cannot bind to " + OUTSIDE + " on this machine (" + e.getMessage() + ")");
        }
    }
}
