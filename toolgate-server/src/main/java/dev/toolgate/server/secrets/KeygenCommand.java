package dev.toolgate.server.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code toolgate keygen [--json]}: prints a new master key for {@code TOOLGATE_MASTER_KEY} on standard output, a
 * Tink AEAD keyset with one AES256-GCM key: by default the base64 of its JSON form on one line, with {@code --json}
 * the JSON itself. Nothing else is printed and nothing is stored.
 */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        description = "Print a new master key (Tink AES256-GCM keyset) for TOOLGATE_MASTER_KEY: base64 of the JSON"
                + " keyset on one line, or the JSON with --json. Example: export TOOLGATE_MASTER_KEY=\"$(java -jar"
                + " toolgate.jar keygen)\"")
public final class KeygenCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the keyset as JSON instead of base64.")
    boolean json;

    /** Creates the command (picocli instantiates it). */
    public KeygenCommand() {}

    @Override
    public Integer call() {
        String keyset = SecretCipher.generateKeysetJson();
        System.out.println(json ? keyset : Base64.getEncoder().encodeToString(keyset.getBytes(StandardCharsets.UTF_8)));
        return 0;
    }
}
