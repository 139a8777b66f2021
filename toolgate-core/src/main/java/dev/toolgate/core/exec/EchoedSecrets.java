package dev.toolgate.core.exec;

import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.render.SecretValues;

/**
 * Takes the request's secret values out of what an endpoint answered (docs/secrets.md): an endpoint that echoes its
 * request (many error pages do) must not bring a secret Toolgate added back into a model's content, the invocation
 * log or an API answer.
 */
final class EchoedSecrets {

    private EchoedSecrets() {}

    /**
     * Returns {@code result} with every secret value of the request masked in its body and error message; a body cut
     * at the cap also loses a trailing start of a secret.
     *
     * @param secrets the secret values the request carried
     */
    static ExecutionResult masked(ExecutionResult result, SecretValues secrets) {
        if (secrets.isEmpty()) {
            return result;
        }
        return switch (result) {
            case ExecutionResult.Success s ->
                new ExecutionResult.Success(
                        s.httpStatus(),
                        s.contentType(),
                        mask(secrets, s.body(), s.truncated()),
                        s.truncated(),
                        s.timings());
            case ExecutionResult.Failure f ->
                new ExecutionResult.Failure(
                        new ToolError(
                                f.error().code(),
                                secrets.mask(f.error().message()),
                                f.error().hint()),
                        f.httpStatus(),
                        mask(secrets, f.body(), f.truncated()),
                        f.truncated(),
                        f.timings());
        };
    }

    private static String mask(SecretValues secrets, String text, boolean cut) {
        return cut ? secrets.maskCut(text) : secrets.mask(text);
    }
}
