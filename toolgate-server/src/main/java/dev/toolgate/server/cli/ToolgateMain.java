package dev.toolgate.server.cli;

import dev.toolgate.server.ToolgateApplication;
import dev.toolgate.server.demo.DemoRunner;
import dev.toolgate.server.secrets.KeygenCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * The command line: {@code toolgate serve [--port N]} runs the service; {@code toolgate demo [--exit]} runs the
 * main job end to end on the BFCL data; {@code toolgate keygen} prints a new master key. Further
 * {@code --spring.property=value} arguments pass through to Spring.
 */
@Command(
        name = "toolgate",
        mixinStandardHelpOptions = true,
        versionProvider = ToolgateMain.Version.class,
        description = "The HTTP tool gateway for voice AI agents.",
        subcommands = {ToolgateMain.Serve.class, ToolgateMain.Demo.class, KeygenCommand.class})
public final class ToolgateMain implements Runnable {

    /**
     * Entry point of {@code java -jar toolgate.jar}. Exits with picocli's code when a command fails or ends;
     * {@code serve} keeps running until the process is stopped.
     */
    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new ToolgateMain());
        int code = commandLine.execute(args);
        if (code != 0
                || !(commandLine.getParseResult() != null
                        && commandLine.getParseResult().subcommand() != null
                        && commandLine
                                        .getParseResult()
                                        .subcommand()
                                        .commandSpec()
                                        .userObject()
                                instanceof Serve)) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** {@code toolgate serve}: the service, until the process is stopped. */
    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the gateway (REST API on --port).")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--port", description = "HTTP port of the API (default: server.port, 8080).")
        Integer port;

        @Unmatched
        List<String> springArgs = new ArrayList<>();

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(springArgs);
            if (port != null) {
                args.add("--server.port=" + port);
            }
            SpringApplication.run(ToolgateApplication.class, args.toArray(String[]::new));
            return 0;
        }
    }

    /** {@code toolgate demo}: the main job end to end on the BFCL data. */
    @Command(
            name = "demo",
            mixinStandardHelpOptions = true,
            description = "Start the gateway and a local HTTPS tenant endpoint, register every BFCL tool, replay every"
                    + " valid and invalid BFCL call through the REST API, and print a summary.")
    static final class Demo implements Callable<Integer> {
        @Option(names = "--port", description = "HTTP port of the gateway's API (default 8080; 0 picks a free port).")
        int port = 8080;

        @Option(names = "--exit", description = "Stop after the summary instead of leaving the gateway running.")
        boolean exit;

        @Option(names = "--concurrency", description = "Requests the demo keeps in flight (default 16).")
        int concurrency = 16;

        @Unmatched
        List<String> springArgs = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            DemoRunner.Running running =
                    new DemoRunner(port, concurrency, System.out).run(springArgs.toArray(String[]::new));
            if (exit) {
                running.close();
                return running.passed() ? 0 : 1;
            }
            System.out.println();
            System.out.println(
                    "The gateway keeps running at " + running.summary().baseUrl() + " (Ctrl-C to stop).");
            System.out.println(
                    "Admin API key of the demo tenant: " + running.summary().adminKey());
            System.out.println("Try: curl -H 'X-API-Key: " + running.summary().adminKey() + "' "
                    + running.summary().baseUrl() + "/v1/agents");
            new CountDownLatch(1).await();
            return 0;
        }
    }

    /** Reports the jar's implementation version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ToolgateMain.class.getPackage().getImplementationVersion();
            return new String[] {"Toolgate " + (version == null ? "dev" : version)};
        }
    }
}
