package dev.toolgate.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Starts an {@link Environment}'s processes in order: the tenant endpoint, the HTTP/2 endpoint when item 3 runs, nginx
 * when installed and wanted, then Toolgate; when one fails to start, the ones already started are stopped.
 */
final class EnvironmentLauncher {

    private EnvironmentLauncher() {}

    /** Starts the endpoint, nginx and Toolgate, and registers the tools. */
    static Environment start(BenchOptions options, Path dir, PrintStream log) {
        Tls tls = Tls.generate(dir);
        Bfcl bfcl = Bfcl.load(options.bfcl());
        log.println("run folder: " + dir);
        ChildProcess endpoint = startEndpoint(dir, tls, false);
        int endpointPort =
                Integer.parseInt(endpoint.awaitLine(Duration.ofSeconds(30)).substring("PORT ".length()));
        log.println("endpoint: https://127.0.0.1:" + endpointPort + " (pid " + endpoint.pid() + ")");
        ChildProcess endpointH2 = null;
        int endpointH2Port = 0;
        Nginx nginx = null;
        Toolgate toolgate = null;
        try {
            if (options.items().contains(3)) {
                endpointH2 = startEndpoint(dir, tls, true);
                endpointH2Port = Integer.parseInt(
                        endpointH2.awaitLine(Duration.ofSeconds(30)).substring("PORT ".length()));
                log.println("endpoint (HTTP/2 and HTTP/1.1): https://127.0.0.1:" + endpointH2Port + " (pid "
                        + endpointH2.pid() + ")");
            }
            Optional<Path> binary = Nginx.binary();
            if (options.nginx() && binary.isPresent()) {
                nginx = Nginx.start(binary.get(), dir, tls, endpointPort);
                log.println("nginx: https://127.0.0.1:" + nginx.port() + " (pid "
                        + nginx.process().pid() + ")");
            } else {
                log.println("nginx: " + (options.nginx() ? "not installed, leg skipped" : "off"));
            }
            toolgate = Environment.startToolgate(
                    options, dir, tls, Environment.allowlist(endpointPort, endpointH2Port), "toolgate");
            log.println("toolgate: " + toolgate.baseUrl() + " (pid "
                    + toolgate.process().pid() + ")");
            return new Environment(
                    options,
                    dir,
                    tls,
                    new ChildProcess[] {endpoint, endpointH2},
                    new int[] {endpointPort, endpointH2Port},
                    nginx,
                    toolgate,
                    bfcl);
        } catch (RuntimeException e) {
            if (toolgate != null) {
                toolgate.close();
            }
            if (nginx != null) {
                nginx.close();
            }
            if (endpointH2 != null) {
                endpointH2.close();
            }
            endpoint.close();
            throw e;
        }
    }

    private static ChildProcess startEndpoint(Path dir, Tls tls, boolean http2) {
        return ChildProcess.start(
                http2 ? "endpoint-h2" : "endpoint",
                ChildProcess.java(
                        "-Xms256m",
                        "-Xmx1g",
                        "-XX:+UseG1GC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        TenantEndpoint.class.getName(),
                        tls.serverPem().toString(),
                        http2 ? "--http2" : "--http1"),
                Map.of(),
                dir,
                line -> line.startsWith("PORT "));
    }
}
