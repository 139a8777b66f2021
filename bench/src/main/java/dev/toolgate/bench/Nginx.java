package dev.toolgate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * nginx (the Debian package) as the smallest thing an operator would put between the voice runtime and the
 * endpoint: a TLS reverse proxy on 127.0.0.1 with keep-alive to the endpoint over verified TLS. Run as a child
 * process ({@code daemon off}) with its configuration and temp folders in the run folder. Everything else is
 * nginx's default (2 workers = {@code auto} here, buffered access log).
 */
public final class Nginx implements AutoCloseable {

    private final ChildProcess process;
    private final int port;

    private Nginx(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Returns the nginx binary on PATH or in /usr/sbin, or empty when nginx is not installed. */
    public static Optional<Path> binary() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "nginx");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Writes the configuration and starts nginx in front of the endpoint.
     *
     * @throws IllegalStateException if nginx does not listen within 10 s
     */
    public static Nginx start(Path binary, Path dir, Tls tls, int endpointPort) {
        int port = Toolgate.freePort();
        Path prefix = dir.resolve("nginx");
        String upstream = "server 127.0.0.1:" + endpointPort + ";";
        String location = """
                            proxy_pass https://upstream;
                            proxy_ssl_verify on;
                            proxy_ssl_trusted_certificate %s;
                            proxy_ssl_name localhost;
                            proxy_ssl_session_reuse on;
                """.formatted(tls.caPem());
        return start(binary, prefix, dir, port, config(prefix, upstream, port, tls, location));
    }

    /**
     * Writes the configuration and starts nginx as the load balancer of several Toolgate instances (round robin
     * over plain HTTP keep-alive connections), serving HTTPS to the callers: the production shape.
     *
     * @param name the run-folder subdirectory, so it can run next to the endpoint's nginx
     * @param instancePorts the instances' API ports
     * @throws IllegalStateException if nginx does not listen within 10 s
     */
    public static Nginx balance(Path binary, Path dir, String name, Tls tls, List<Integer> instancePorts) {
        int port = Toolgate.freePort();
        Path prefix = dir.resolve(name);
        StringBuilder upstream = new StringBuilder();
        for (int instance : instancePorts) {
            upstream.append("server 127.0.0.1:").append(instance).append(";\n");
        }
        String location = """
                            proxy_pass http://upstream;
                            proxy_next_upstream error timeout;
                """;
        return start(binary, prefix, dir, port, config(prefix, upstream.toString(), port, tls, location));
    }

    private static String config(Path prefix, String upstream, int port, Tls tls, String location) {
        return """
                worker_processes auto;
                worker_rlimit_nofile 65536;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 16384; }
                http {
                    access_log %1$s/access.log combined buffer=64k flush=1s;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream upstream {
                        %2$s
                        keepalive 64;
                    }
                    server {
                        listen 127.0.0.1:%3$d ssl;
                        ssl_certificate %4$s;
                        ssl_certificate_key %5$s;
                        location / {
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                %6$s        }
                    }
                }
                """.formatted(prefix, upstream, port, tls.serverCertPem(), tls.serverKeyPem(), location);
    }

    private static Nginx start(Path binary, Path prefix, Path dir, int port, String conf) {
        try {
            Files.createDirectories(prefix);
            Files.writeString(prefix.resolve("nginx.conf"), conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildProcess process = ChildProcess.start(
                prefix.getFileName().toString(),
                List.of(
                        binary.toString(),
                        "-p",
                        prefix.toString(),
                        "-c",
                        prefix.resolve("nginx.conf").toString()),
                Map.of(),
                dir,
                null);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new Nginx(process, port);
            } catch (IOException notYet) {
                if (!process.alive()) {
                    break;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        String tail = process.tail(20);
        process.close();
        throw new IllegalStateException("nginx did not start: " + tail);
    }

    /** Returns the HTTPS port. */
    public int port() {
        return port;
    }

    /** Returns the process (master and workers). */
    public ChildProcess process() {
        return process;
    }

    /** Stops nginx. */
    @Override
    public void close() {
        process.close();
    }
}
