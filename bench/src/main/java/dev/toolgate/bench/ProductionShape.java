package dev.toolgate.bench;

import dev.toolgate.bench.BenchResults.Production;
import dev.toolgate.bench.BenchResults.Run;
import dev.toolgate.bench.LoadGenerator.Result;
import dev.toolgate.bench.LoadGenerator.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * Item 6, the production shape: two Toolgate instances on one PostgreSQL database and one Redis, behind nginx (round
 * robin, HTTPS to the callers), at {@link #RATE} invocations per second ({@code BENCH_PRODUCTION_RATE} overrides it). Rounds alternate the direct call and the call
 * through the whole shape, as item 1 does; the figure is the added latency. Then it checks that nothing was lost:
 * every invocation the callers saw answered {@code ok} is a row of the shared invocation log.
 *
 * <p>Services: PostgreSQL at {@value #PG_SERVER} (user {@code postgres}, trust auth; {@code BENCH_PG_URL} and
 * {@code BENCH_PG_USER} override) gets a database of the run's own, dropped at the end; Redis at
 * {@value #REDIS_URL} ({@code BENCH_REDIS_URL} overrides).
 */
final class ProductionShape {
    /** Item 6's rate, invocations per second (the smoke mode uses its own rate). */
    static final int RATE = 2_000;

    static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String REDIS_URL = "redis://127.0.0.1:6379";

    private static final String CONFIG = "production";

    private final Environment env;
    private final LoadGenerator generator;
    private final PrintStream log;

    private ProductionShape(Environment env, LoadGenerator generator, PrintStream log) {
        this.env = env;
        this.generator = generator;
        this.log = log;
    }

    /**
     * Runs item 6; returns null (and says why) when nginx is not installed.
     *
     * @throws IllegalStateException when PostgreSQL or Redis is unreachable or an instance does not start
     */
    static Production run(Environment env, LoadGenerator generator, PrintStream log) {
        return new ProductionShape(env, generator, log).run();
    }

    private Production run() {
        Optional<Path> nginxBinary = Nginx.binary();
        if (nginxBinary.isEmpty()) {
            log.println("item 6: nginx is not installed, skipped");
            return null;
        }
        BenchOptions options = env.options;
        int rate = options.mode().equals("smoke")
                ? options.rates().get(0)
                : Integer.parseInt(System.getenv().getOrDefault("BENCH_PRODUCTION_RATE", "" + RATE));
        String server = System.getenv().getOrDefault("BENCH_PG_URL", PG_SERVER);
        String user = System.getenv().getOrDefault("BENCH_PG_USER", "postgres");
        String database = "toolgate_bench_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String url = server.substring(0, server.lastIndexOf('/') + 1) + database;
        execute(server, user, "create database " + database);
        List<AutoCloseable> started = new ArrayList<>();
        try {
            Map<String, String> settings = Map.of(
                    "TOOLGATE_DB_URL",
                    url,
                    "TOOLGATE_DB_USER",
                    user,
                    "TOOLGATE_REDIS_URL",
                    System.getenv().getOrDefault("BENCH_REDIS_URL", REDIS_URL),
                    "TOOLGATE_MASTER_KEY",
                    masterKey(options.jar()));
            List<Toolgate> instances = new ArrayList<>();
            for (String name : List.of("instance-a", "instance-b")) {
                Toolgate instance = Toolgate.start(
                        options.jar(), env.dir, name, env.allowlist(), env.tls.caPem(), List.of(), settings);
                started.add(instance);
                instances.add(instance);
                log.println("item 6: " + name + " " + instance.baseUrl() + " (pid "
                        + instance.process().pid() + ")");
            }
            Nginx balancer = Nginx.balance(
                    nginxBinary.get(),
                    env.dir,
                    "nginx-balancer",
                    env.tls,
                    instances.stream().map(Toolgate::port).toList());
            started.add(balancer);
            String agent = env.setUpTools(instances.get(0));
            OkHttpClient client = LoadGenerator.client(env.trust.sslSocketFactory(), env.trust.trustManager());
            started.add(() -> client.connectionPool().evictAll());
            Target shape = new Target(
                    CONFIG,
                    client,
                    Toolgate.invokeRequests(
                            "https://127.0.0.1:" + balancer.port(), agent, Bfcl.LOAD_TOOL, env.validArguments),
                    body -> body.contains("\"status\":\"ok\""));
            return measure(rate, shape, instances, balancer, url, user);
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception e) {
                    log.println("item 6: could not stop " + started.get(i) + ": " + e);
                }
            }
            execute(server, user, "drop database if exists " + database + " with (force)");
        }
    }

    private Production measure(
            int rate, Target shape, List<Toolgate> instances, Nginx balancer, String url, String user) {
        BenchOptions options = env.options;
        long answered = 0;
        for (Target target : List.of(env.direct(), shape)) {
            for (int step : new int[] {rate / 4, rate / 2, rate}) {
                Result result = generator.open(
                        target, Math.max(1, step), options.warmup().dividedBy(3));
                answered += target == shape ? result.ok() : 0;
                log.printf(
                        "item 6 warm-up %-10s %5d/s: %d ok, %d errors %s%n",
                        target.name(), step, result.ok(), result.errors(), result.errorKinds());
            }
        }
        log.printf(
                "item 6: two instances behind nginx on PostgreSQL and Redis at %d/s, %d round(s) of %s%n",
                rate, options.rounds(), options.duration());
        List<Run> runs = new ArrayList<>();
        List<Target> targets = List.of(env.direct(), shape);
        for (int round = 0; round < options.rounds(); round++) {
            for (int i = 0; i < targets.size(); i++) {
                Target target = targets.get((i + round) % targets.size());
                Run run = run(target, rate, options.duration(), instances, balancer);
                answered += target == shape ? run.ok() : 0;
                runs.add(run);
            }
        }
        long logged = awaitLogged(url, user, answered, Duration.ofSeconds(30));
        List<Latency> direct = runs.stream()
                .filter(r -> r.config().equals("direct"))
                .map(Run::latency)
                .toList();
        List<Latency> viaShape = runs.stream()
                .filter(r -> r.config().equals(CONFIG))
                .map(Run::latency)
                .toList();
        List<Latency> added = new ArrayList<>();
        for (int i = 0; i < Math.min(direct.size(), viaShape.size()); i++) {
            added.add(Latency.difference(viaShape.get(i), direct.get(i)));
        }
        long errors = runs.stream()
                .filter(r -> r.config().equals(CONFIG))
                .mapToLong(Run::errorCount)
                .sum();
        Production production = new Production(
                rate,
                instances.size(),
                Bench.medianLatency(direct),
                Bench.medianLatency(viaShape),
                Bench.medianLatency(added),
                errors,
                answered,
                logged,
                runs);
        log.printf(
                "item 6: added p50 %.0f µs, p99 %.0f µs; %d errors; %d answered ok, %d in the log (%s)%n",
                production.added().p50(),
                production.added().p99(),
                errors,
                answered,
                logged,
                logged >= answered ? "nothing lost" : (answered - logged) + " missing");
        return production;
    }

    /** One measured run with the CPU per request of the endpoint, nginx and both instances. */
    private Run run(Target target, int rate, Duration duration, List<Toolgate> instances, Nginx balancer) {
        Map<String, Long> before = cpu(instances, balancer);
        long start = System.nanoTime();
        Result result = generator.open(target, rate, duration);
        Map<String, Double> cpu =
                Bench.cpuPerRequest(before, cpu(instances, balancer), result.sent(), System.nanoTime() - start);
        Run run =
                new Run(target.name(), rate, result.latency(), result.sent(), result.ok(), result.errorKinds(), cpu, 0);
        log.printf(
                "  %-20s %6d/s  p50 %8.0f  p99 %8.0f  p99.9 %8.0f  max %8.0f µs  errors %d %s  (others used %.2f"
                        + " cores)%n",
                target.name(),
                rate,
                run.latency().p50(),
                run.latency().p99(),
                run.latency().p999(),
                run.latency().max(),
                run.errorCount(),
                run.errors().isEmpty() ? "" : run.errors(),
                cpu.get(Bench.OTHERS));
        return run;
    }

    private Map<String, Long> cpu(List<Toolgate> instances, Nginx balancer) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        cpu.put("endpoint", env.endpoint.cpuNanos());
        cpu.put("nginx", balancer.process().cpuNanos());
        for (int i = 0; i < instances.size(); i++) {
            cpu.put("toolgate_" + (char) ('a' + i), instances.get(i).process().cpuNanos());
        }
        cpu.put("generator", ProcStat.cpuNanos(ProcessHandle.current().pid()));
        cpu.put(Environment.MACHINE, ProcStat.machineBusyNanos());
        return cpu;
    }

    /**
     * Counts the {@code ok} rows of the shared invocation log until they reach {@code expected} or stop growing
     * for {@code patience} (the instances write asynchronously, within about a second).
     */
    private static long awaitLogged(String url, String user, long expected, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        long count = -1;
        while (true) {
            long now = count(url, user);
            if (now >= expected || System.nanoTime() > deadline) {
                return now;
            }
            count = now;
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return count;
            }
        }
    }

    private static long count(String url, String user) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from invocations where status = 'ok'")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the invocation log: " + e.getMessage(), e);
        }
    }

    private static void execute(String server, String user, String sql) {
        try (Connection connection = DriverManager.getConnection(server, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "item 6 needs PostgreSQL at " + server + " (user " + user + "): " + e.getMessage(), e);
        }
    }

    /** A fresh master keyset from {@code toolgate.jar keygen}, which the instances share. */
    private static String masterKey(Path jar) {
        ProcessBuilder builder = new ProcessBuilder(ChildProcess.java("-jar", jar.toString(), "keygen"));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = builder.start();
            String key = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || key.isEmpty()) {
                throw new IllegalStateException("toolgate.jar keygen failed");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
