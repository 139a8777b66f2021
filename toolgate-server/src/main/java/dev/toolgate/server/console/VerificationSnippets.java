package dev.toolgate.server.console;

import dev.toolgate.core.tool.SignatureScheme;
import dev.toolgate.core.tool.ToolDefinition;
import dev.toolgate.server.secrets.SigningSecretStore;
import java.util.List;

/**
 * Ready-to-paste verification code for a tool's endpoint in Node.js, Python, PHP, Go and Java, using the verifiers
 * of {@code examples/} and {@code toolgate-verify} (docs/signing.md, docs/code-samples.md), with the tool's signature
 * scheme and header names filled in. The secret is read from the environment ({@value #SECRET_ENV}); no snippet
 * ever holds a secret.
 */
public final class VerificationSnippets {

    /** The environment variable every snippet reads the signing secret from. */
    static final String SECRET_ENV = "TOOLGATE_SIGNING_SECRET";

    private VerificationSnippets() {}

    /**
     * One language's snippet.
     *
     * @param language the language's name, e.g. {@code Node.js}
     * @param id a short id for the page's anchors, e.g. {@code node}
     * @param code the code
     */
    public record Snippet(String language, String id, String code) {}

    /** Returns the snippets for {@code tool}'s scheme, in the order Node.js, Python, PHP, Go, Java. */
    static List<Snippet> of(ToolDefinition tool) {
        SignatureScheme scheme = SigningSecretStore.schemeOf(tool);
        boolean webhooks = scheme == SignatureScheme.STANDARD_WEBHOOKS;
        String wire = webhooks ? "standard_webhooks" : "toolgate";
        String headers = webhooks ? "webhook-id, webhook-timestamp and webhook-signature" : "X-Toolgate-Signature";
        return List.of(
                new Snippet("Node.js", "node", """
                        // examples/node/toolgate-verify.mjs; checks %s
                        import { verify, signsTarget } from './toolgate-verify.mjs';
                        const secrets = [process.env.%s];
                        // raw: the request body as a Buffer, read before any JSON parsing
                        verify({ scheme: '%s', secrets, headers: req.headers,
                                 body: signsTarget(req.method) ? null : raw, method: req.method, target: req.url });
                        """.formatted(headers, SECRET_ENV, wire)),
                new Snippet("Python", "python", """
                        # examples/python/toolgate_verify.py; checks %s
                        import os
                        from toolgate_verify import verify, signs_target
                        secrets = [os.environ["%s"]]
                        verify(scheme="%s", secrets=secrets, headers=dict(self.headers),
                               body=None if signs_target(self.command) else raw,
                               method=self.command, target=self.path)
                        """.formatted(headers, SECRET_ENV, wire)),
                new Snippet("PHP", "php", """
                        <?php // examples/php/toolgate_verify.php; checks %s
                        require 'toolgate_verify.php';
                        $secrets = [getenv('%s')];
                        $method = $_SERVER['REQUEST_METHOD'];
                        $body = signs_target($method) ? null : file_get_contents('php://input');
                        verify($secrets, getallheaders(), $body, $method, $_SERVER['REQUEST_URI'], '%s');
                        """.formatted(headers, SECRET_ENV, wire)),
                new Snippet("Go", "go", """
                        // examples/go/toolgateverify; checks %s
                        verifier, err := toolgateverify.New(toolgateverify.%s, []string{os.Getenv("%s")})
                        if err != nil { log.Fatal(err) }
                        body, _ := io.ReadAll(r.Body)
                        if _, err := verifier.VerifyRequest(r, body); err != nil {
                            http.Error(w, "bad signature", http.StatusUnauthorized); return
                        }
                        """.formatted(headers, webhooks ? "StandardWebhooks" : "Toolgate", SECRET_ENV)),
                new Snippet("Java", "java", """
                        // toolgate-verify (dev.toolgate.verify); checks %s
                        SignatureVerifier verifier = SignatureVerifier.of(
                                Scheme.%s, List.of(System.getenv("%s")));
                        VerifiedRequest verified = SignatureVerifier.signsTarget(method)
                                ? verifier.verify(method, rawTarget, HeaderSource.of(headers))
                                : verifier.verify(rawBody, HeaderSource.of(headers));
                        """.formatted(
                                headers, webhooks ? "STANDARD_WEBHOOKS" : "TOOLGATE", SECRET_ENV)));
    }
}
