package io.callroute.launcher.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.callroute.launcher.ServerProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * nginx from Debian ({@code nginx-light}) as the load balancer in front of the nodes, on loopback, with the upstream
 * configuration the deployment guide recommends. Everything it writes (configuration, pid, logs, temp files) stays in
 * its work folder, and it runs in the foreground as a child of the test, so nothing of it outlives the test.
 *
 * <p>The configuration is the deployment guide's ({@code docs/DEPLOY-CLUSTER.md}, "Load balancer") without TLS and the
 * address lists, so the test checks what the guide recommends. Open-source nginx has no active health checks: a dead
 * node is found passively, on the first refused or reset connection, and that request is tried once more on the other
 * node ({@code proxy_next_upstream}). Webhooks are POSTs, which nginx does not retry once sent unless told
 * {@code non_idempotent}; an 8x8 webhook is safe to decide twice (the decision has no side effects besides the call log
 * and an agent pool's rotation), so the guide allows it for {@code /webhooks/} only.
 * {@code -Dcallroute.cluster.retryPost=false} leaves it out, to measure what it saves.
 *
 * <p>Every answer carries {@code X-Upstream} (the node's address), so a test sees where each request went.
 */
public final class Nginx implements AutoCloseable {

    public static final Path BINARY = Path.of(System.getProperty("callroute.nginx", "/usr/sbin/nginx"));

    private final Path dir;
    private final int port;
    private final Process process;

    private Nginx(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /**
     * Whether nginx is installed. A missing binary fails the run in CI ({@code CI=true}; {@code .ci/run} installs it)
     * and skips the test elsewhere, so a developer without nginx is not stopped by it.
     */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(BINARY);
        if ("true".equalsIgnoreCase(System.getenv("CI")) && !installed) {
            throw new AssertionError(BINARY + " is missing: install Debian's nginx-light (.ci/run does)");
        }
        assumeTrue(installed, BINARY + " is missing: install nginx-light to run the multi-node test");
    }

    /** Starts nginx in {@code dir} balancing over {@code nodes} (round robin) and waits until its port accepts. */
    public static Nginx start(Path dir, List<ServerProcess> nodes, boolean retryPost)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port = ServerProcess.freePort();
        Files.writeString(dir.resolve("nginx.conf"), configuration(dir, port, nodes, retryPost));
        Process process = new ProcessBuilder(BINARY.toString(), "-p", dir + "/", "-c", "nginx.conf",
                "-e", dir.resolve("error.log").toString())
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("nginx.out").toFile())).start();
        Nginx nginx = new Nginx(dir, port, process);
        nginx.awaitPort(Duration.ofSeconds(30));
        return nginx;
    }

    static String configuration(Path dir, int port, List<ServerProcess> nodes, boolean retryPost) {
        // As root the workers would otherwise switch to nobody and could not write their temp files in a folder
        // only root may enter (JUnit's @TempDir is 0700).
        boolean root = "root".equals(System.getProperty("user.name"));
        String servers = nodes.stream()
                .map(node -> "        server 127.0.0.1:" + node.port() + " max_fails=1 fail_timeout=5s;")
                .collect(Collectors.joining("\n"));
        return """
                # Written by the multi-node test (launcher/src/test/java/io/callroute/launcher/cluster/Nginx.java).
                %1$s
                daemon off;
                worker_processes 1;
                pid %2$s/nginx.pid;
                error_log %2$s/error.log warn;
                events { worker_connections 1024; }
                http {
                    default_type application/octet-stream;
                    client_body_temp_path %2$s/client_body_temp;
                    proxy_temp_path %2$s/proxy_temp;
                    fastcgi_temp_path %2$s/fastcgi_temp;
                    uwsgi_temp_path %2$s/uwsgi_temp;
                    scgi_temp_path %2$s/scgi_temp;
                    log_format upstreams '$msec $request_method $uri $status $upstream_addr $upstream_status '
                                         '$request_time';
                    access_log %2$s/access.log upstreams;

                    # docs/DEPLOY-CLUSTER.md's configuration, without TLS and the allow/deny lists.
                    upstream callroute {
                %3$s
                        keepalive 32;
                        keepalive_timeout 30s;
                    }
                    server {
                        listen 127.0.0.1:%4$d;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_connect_timeout 1s;
                        add_header X-Upstream $upstream_addr always;

                        location /webhooks/ {
                            client_max_body_size 64k;
                            proxy_pass http://callroute;
                            proxy_read_timeout 5s;
                            proxy_next_upstream error timeout http_502 http_503%5$s;
                            proxy_next_upstream_tries 2;
                            proxy_next_upstream_timeout 4s;
                        }
                        location / {
                            client_max_body_size 1m;
                            proxy_pass http://callroute;
                            proxy_next_upstream error timeout http_502 http_503;
                        }
                    }
                }
                """.formatted(root ? "user root;" : "", dir, servers, port, retryPost ? " non_idempotent" : "");
    }

    private void awaitPort(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("nginx exited with " + process.exitValue() + ":\n" + diagnostics());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYetListening) {
                Thread.sleep(50);   // polling a condition with a deadline
            }
        }
        throw new AssertionError("nginx not listening within " + timeout + ":\n" + diagnostics());
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public Path accessLog() {
        return dir.resolve("access.log");
    }

    /** The size of the error log now, for {@link #errorLogSince(long)}. */
    public long errorLogSize() throws IOException {
        Path log = dir.resolve("error.log");
        return Files.exists(log) ? Files.size(log) : 0;
    }

    /** What the error log gained after byte {@code from}: one line per failed attempt at a node. */
    public List<String> errorLogSince(long from) throws IOException {
        Path log = dir.resolve("error.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        byte[] all = Files.readAllBytes(log);
        int start = (int) Math.min(from, all.length);
        return new String(all, start, all.length - start, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }

    /** What nginx said on its console and in its error log. */
    public String diagnostics() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("nginx.out", "error.log")) {
            Path file = dir.resolve(name);
            if (Files.exists(file)) {
                text.append("--- ").append(name).append('\n').append(Files.readString(file));
            }
        }
        return text.toString();
    }

    /** SIGQUIT is nginx's graceful stop (SIGTERM is its fast one); the process is destroyed if it lingers. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
