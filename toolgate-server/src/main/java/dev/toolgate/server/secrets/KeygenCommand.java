package dev.toolgate.server.secrets;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code toolgate keygen [--json]}: prints a new master key for {@code TOOLGATE_MASTER_KEY} on standard output, a
 * Tink AEAD keyset with one AES256-GCM key: by default the base64 of its JSON form on one line, with {@code --json}
 * the JSON itself. Nothing else is printed on standard output and nothing is stored.
 *
 * <p>Key rotation (docs/secrets.md) edits an existing keyset instead, read from a file (JSON or base64, as
 * {@code TOOLGATE_MASTER_KEY} takes it; {@code -} reads standard input): {@code --rotate FILE} adds a new key as
 * the primary, {@code --stage FILE} adds it beside the current primary, {@code --promote FILE --key-id N} makes key
 * N the primary. The edited keyset goes to standard output; which key was added or promoted goes to standard
 * error. Exit code 0, or 1 with a message on standard error when the file is unreadable or not a keyset.
 */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        description = "Print a new master key (Tink AES256-GCM keyset) for TOOLGATE_MASTER_KEY: base64 of the JSON"
                + " keyset on one line, or the JSON with --json. Example: export TOOLGATE_MASTER_KEY=\"$(java -jar"
                + " toolgate.jar keygen)\". With --rotate, --stage or --promote, print an existing keyset edited for a"
                + " key rotation instead (docs/secrets.md).")
public final class KeygenCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the keyset as JSON instead of base64.")
    boolean json;

    @ArgGroup(exclusive = true)
    Edit edit;

    /** The keyset edits; at most one per run. */
    static final class Edit {
        @Option(
                names = "--rotate",
                paramLabel = "FILE",
                description = "Add a new key to the keyset in FILE and make it the primary (new values are encrypted"
                        + " with it; at startup Toolgate re-encrypts the stored ones).")
        Path rotate;

        @Option(
                names = "--stage",
                paramLabel = "FILE",
                description = "Add a new key to the keyset in FILE but keep the current primary (step 1 of a rolling"
                        + " rotation: every instance learns the key before any writes with it).")
        Path stage;

        @Option(
                names = "--promote",
                paramLabel = "FILE",
                description = "Make the key given by --key-id the primary of the keyset in FILE (step 2).")
        Path promote;
    }

    @Option(names = "--key-id", paramLabel = "N", description = "The key to promote (with --promote).")
    Long keyId;

    /** Creates the command (picocli instantiates it). */
    public KeygenCommand() {}

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        String keyset;
        try {
            if (edit == null) {
                keyset = SecretCipher.generateKeysetJson();
            } else {
                MasterKeysets.Edited edited = edited();
                keyset = edited.keysetJson();
                err.println((edit.promote != null ? "Promoted key " : "Added key ")
                        + Integer.toUnsignedString(edited.keyId()) + "; the primary key is "
                        + Integer.toUnsignedString(edited.primaryKeyId()) + ".");
            }
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            err.println("keygen: " + e.getMessage());
            return 1;
        }
        out.println(json ? keyset : Base64.getEncoder().encodeToString(keyset.getBytes(StandardCharsets.UTF_8)));
        return 0;
    }

    private MasterKeysets.Edited edited() throws IOException {
        if (edit.promote != null) {
            if (keyId == null) {
                throw new IllegalArgumentException("--promote needs --key-id N");
            }
            return MasterKeysets.promote(read(edit.promote), (int) keyId.longValue());
        }
        if (keyId != null) {
            throw new IllegalArgumentException("--key-id goes with --promote only");
        }
        return MasterKeysets.addKey(read(edit.rotate != null ? edit.rotate : edit.stage), edit.rotate != null);
    }

    private static String read(Path file) throws IOException {
        String text = file.toString().equals("-")
                ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(file, StandardCharsets.UTF_8);
        String source = "the keyset in " + file;
        try {
            return MasterKeyLoader.keysetJson(text, source);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(source + " is neither a Tink JSON keyset nor base64 of one");
        }
    }
}
